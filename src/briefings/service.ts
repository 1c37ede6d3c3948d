/**
 * Use cases of director briefings (decision 24). A bureau's focal points (and admins) generate a
 * briefing for a month — one per bureau and month, made again while a draft — add their note,
 * and send it: the content is composed afresh, frozen and mailed to the director and the focal
 * points through the outbox, each in their own language, in one transaction. Signed-in staff
 * read; nothing is public. The scheduled pass (the reminders job) makes last month's briefing of
 * every bureau that has a director and sends the drafts whose note time is over. The register,
 * rounds and meetings are read through their services.
 */
import type { Kysely } from 'kysely';
import type { ActivityService } from '#src/activities/service.ts';
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity } from '#src/activities/model.ts';
import { recordAudit } from '#src/audit/service.ts';
import type { AuthService } from '#src/auth/service.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { MailService } from '#src/mail/service.ts';
import type { MeetingService } from '#src/meetings/service.ts';
import { actorLabel, can, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, isAppError, issue, notFound } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import { directorOn, localise, type Assignment, type Office, type Region } from '#src/registry/model.ts';
import type { RegistryService } from '#src/registry/service.ts';
import type { ReportFormat } from '#src/reports/definition.ts';
import type { RenderedReport } from '#src/reports/render.ts';
import type { ReportService } from '#src/reports/service.ts';
import type { RoundService } from '#src/rounds/service.ts';
import { briefingTree } from './document.ts';
import {
  composeBriefing,
  deliveryOf,
  nextPeriod,
  periodDueOn,
  periodIssues,
  periodOf,
  sendsByItself,
  type ActionInput,
  type Briefing,
  type BriefingContent,
  type BriefingState,
  type ContributionInput,
  type Delivery,
  type DirectorInput,
  type MeetingInput,
  type Period,
  type Recipient,
} from './model.ts';
import { briefingMail } from './notices.ts';
import * as store from './store.ts';

export interface BriefingServiceOptions {
  baseUrl: string;
  now?: () => Date;
}

export interface BriefingDetails {
  briefing: Briefing;
  /** Whether it can reach the director (for a sent one: whether it did). */
  delivery: Delivery;
  /** Where the director's copy goes (or went). */
  directorAddress: string | null;
  canManage: boolean;
}

export type BriefingService = ReturnType<typeof createBriefingService>;

const SERVICE_ACTOR: Actor = { kind: 'system', label: 'director briefings' };

interface Deps {
  registry: RegistryService;
  activities: ActivityService;
  rounds: RoundService;
  meetings: MeetingService;
  auth: AuthService;
  mail: MailService;
  reports: ReportService;
}

interface DirectorContact {
  /** The registry's director on the period's last day; the title is worded per copy. */
  assignment: Assignment | null;
  /** The account receiving in the director's name, if any. */
  account: { id: string; email: string; name: string; language: Language } | null;
  address: string | null;
  /** The director's language: the stored briefing's. */
  language: Language;
}

/** What a briefing says, read once from the register, rounds and meetings: every language's copy is worded from this one reading, so the copies agree. */
interface Reading {
  bureau: string;
  period: Period;
  next: Period;
  today: string;
  regions: readonly Region[];
  offices: readonly Office[];
  inPeriod: readonly Activity[];
  inNext: readonly Activity[];
  contributions: readonly ContributionInput[];
  meetings: readonly MeetingInput[];
  openActions: readonly ActionInput[];
}

const directorIn = (contact: DirectorContact, language: Language): DirectorInput | null => {
  const a = contact.assignment;
  return a ? { name: a.person.name, title: a.title ? localise(a.title, language).text : null, confirmed: a.confirmed } : null;
};

/**
 * The briefing worded in `language`: activities' titles and dates, regions, offices and the
 * director's title in it (each falling back as the register does). What people wrote — meeting
 * series, action items — stays as written. Pure.
 */
function wordedIn(reading: Reading, contact: DirectorContact, language: Language): BriefingContent {
  const asInput = (a: Activity) => ({
    id: a.id,
    title: textIn(a.title, language, a.originalLanguage)?.text ?? '',
    when: formatFuzzyDate(a.date, language),
    start: a.date.start,
    status: a.status,
    offices: a.offices.map((o) => o.office),
  });
  return composeBriefing({
    bureau: reading.bureau,
    period: reading.period,
    next: reading.next,
    language,
    director: directorIn(contact, language),
    regions: reading.regions.map((r) => ({ code: r.code, name: localise(r.names, language).text, position: r.position })),
    offices: reading.offices.map((o) => ({ code: o.code, name: localise(o.names, language).text, region: o.region })),
    inPeriod: reading.inPeriod.map(asInput),
    inNext: reading.inNext.map(asInput),
    contributions: reading.contributions,
    meetings: reading.meetings,
    openActions: reading.openActions,
    today: reading.today,
  });
}

export function createBriefingService(db: Kysely<Database>, deps: Deps, options: BriefingServiceOptions) {
  const { registry, activities, rounds, meetings, auth, mail, reports } = deps;
  const now = options.now ?? (() => new Date());
  const canManage = (actor: Actor, bureau: string): boolean => can(actor, 'meetings:manage', { bureau });

  async function bureauIssues(bureau: string, path: string) {
    const body = await registry.getBody(SERVICE_ACTOR, bureau).catch(() => null);
    return body?.type === 'bureau' ? [] : [issue(path, 'unknown_bureau', `unknown bureau "${bureau}" (one of BR, TSB, BDT, SG)`, { value: bureau })];
  }

  /** Who the director is on the period's last day (the registry), and where and in which language to write (the account named for it, else the registry's address). */
  async function contactOf(ex: Executor, bureau: string, period: Period): Promise<DirectorContact> {
    const [assignments, accountId] = await Promise.all([registry.directors(SERVICE_ACTOR, bureau), store.findDirectorAccount(ex, bureau)]);
    const assignment = directorOn(assignments, bureau, period.to);
    const [account] = accountId ? await auth.recipients(ex, { ids: [accountId] }) : [];
    const language: Language = account?.language ?? 'en';
    return {
      assignment,
      account: account ? { id: account.id, email: account.email, name: account.displayName, language: account.language } : null,
      address: account?.email ?? assignment?.person.email ?? null,
      language,
    };
  }

  /** What the register, rounds and meetings hold now for the bureau's briefing of the period, in no language yet. */
  async function read(bureau: string, period: Period): Promise<Reading> {
    const next = periodOf(nextPeriod(period.code)) as Period;
    const bureauOf = await activities.bureauOfSector();
    const sectors = [...bureauOf].filter(([, b]) => b === bureau).map(([sector]) => sector);
    const snapshot = await registry.snapshot(SERVICE_ACTOR);
    const offices = snapshot.offices.map((d) => d.office).filter((o) => o.kind !== 'headquarters' && (o.closedOn === null || o.closedOn >= period.from) && (o.openedOn === null || o.openedOn <= next.to));
    const window = (p: Period) => ({ sector: sectors, from: p.from, to: p.to, undated: 'exclude' as const, sort: 'date' as const, deleted: 'exclude' as const });
    const asIs = (a: Activity): Activity => a;
    const [inPeriod, inNext, contributions, occurrences, openActions] = await Promise.all([
      sectors.length ? activities.listAll(SERVICE_ACTOR, window(period), asIs, 5000) : [],
      sectors.length ? activities.listAll(SERVICE_ACTOR, window(next), asIs, 5000) : [],
      rounds.openContributionStates(SERVICE_ACTOR, sectors),
      meetings.listOccurrences(SERVICE_ACTOR, { when: 'all' }),
      meetings.listActions(SERVICE_ACTOR, { status: 'open' }),
    ]);
    const bureauSeries = new Map(occurrences.filter((o) => o.series.bureau === bureau).map((o) => [o.series.id, o.series]));
    const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString();
    return {
      bureau,
      period,
      next,
      today: now().toISOString().slice(0, 10),
      regions: snapshot.regions,
      offices,
      inPeriod,
      inNext,
      contributions,
      meetings: occurrences
        .filter((o) => o.series.bureau === bureau && o.occurrence.startAt >= `${period.from}T00:00:00.000Z` && o.occurrence.startAt < end)
        .map(({ occurrence, series }) => ({ id: occurrence.id, series: series.title, startAt: occurrence.startAt, state: occurrence.state, minutesState: occurrence.minutesState, offices: series.offices })),
      openActions: openActions.filter((a) => bureauSeries.has(a.seriesId)).map((a) => ({ id: a.id, text: a.text, ownerOffice: a.ownerOffice, ownerLabel: a.ownerLabel, due: a.due, status: a.status })),
    };
  }

  async function briefingOr404(ex: Executor, id: string): Promise<Briefing> {
    const briefing = await store.findBriefing(ex, { id });
    if (!briefing) throw notFound('briefing_not_found', 'There is no such briefing.');
    return briefing;
  }

  async function details(actor: Actor, briefing: Briefing): Promise<BriefingDetails> {
    if (briefing.state === 'sent') {
      const director = briefing.recipients.find((r) => r.role === 'director') ?? null;
      return { briefing, delivery: deliveryOf(briefing.content.director, director?.email ?? null), directorAddress: director?.email ?? null, canManage: canManage(actor, briefing.bureau) };
    }
    const contact = await contactOf(db, briefing.bureau, briefing.content.period);
    return { briefing, delivery: deliveryOf(directorIn(contact, contact.language), contact.address), directorAddress: contact.address, canManage: canManage(actor, briefing.bureau) };
  }

  /** Makes the bureau's briefing of the period, or composes its draft again; a sent one is left as sent. */
  async function generate(actor: Actor, bureau: string, code: string): Promise<{ briefing: Briefing; created: boolean }> {
    const period = periodOf(code) as Period;
    const contact = await contactOf(db, bureau, period);
    const content = wordedIn(await read(bureau, period), contact, contact.language);
    const at = now().toISOString();
    return db.transaction().execute(async (trx) => {
      const created = await store.insertBriefing(trx, {
        id: newId(),
        bureau_code: bureau,
        period: code,
        state: 'draft',
        note: null,
        content: JSON.stringify(content),
        language: contact.language,
        composed_at: at,
        recipients: '[]',
        sent_at: null,
        sent_by: null,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: actorLabel(actor),
      });
      let briefing = (await store.findBriefing(trx, { bureau, period: code })) as Briefing;
      if (created) {
        await recordAudit(trx, actor, { action: 'briefing.generate', entityType: 'briefing', entityId: briefing.id, before: null, after: { bureau, period: code } });
      } else if (briefing.state === 'draft') {
        // The note and version stay: composing again changes what the register says, not what the focal point wrote.
        await trx.updateTable('briefing').set({ content: JSON.stringify(content), language: contact.language, composed_at: at }).where('id', '=', briefing.id).where('state', '=', 'draft').execute();
        briefing = (await store.findBriefing(trx, { id: briefing.id })) as Briefing;
      }
      return { briefing, created };
    });
  }

  /**
   * Composes afresh, freezes, and writes the mail to the director and the focal points, in one
   * transaction. The stored briefing is the director's-language copy; every other recipient gets a
   * copy worded in their own language from the same reading, which their mail (the outbox row)
   * keeps. The note goes to everyone as written.
   */
  async function send(actor: Actor, found: Briefing, version: number): Promise<Briefing> {
    const contact = await contactOf(db, found.bureau, found.content.period);
    const reading = await read(found.bureau, found.content.period);
    const content = wordedIn(reading, contact, contact.language);
    const copies = new Map<Language, BriefingContent>([[contact.language, content]]);
    const copyIn = (language: Language): BriefingContent => {
      let copy = copies.get(language);
      if (!copy) copies.set(language, (copy = wordedIn(reading, contact, language)));
      return copy;
    };
    const at = now();
    return db.transaction().execute(async (trx) => {
      const focalPoints = await auth.recipients(trx, { focalPointsOf: found.bureau });
      const recipients: Recipient[] = [
        ...(contact.address ? [{ email: contact.address, name: contact.account?.name ?? contact.assignment?.person.name ?? contact.address, language: contact.language, role: 'director' as const }] : []),
        ...focalPoints.filter((p) => p.email.toLowerCase() !== contact.address?.toLowerCase()).map((p) => ({ email: p.email, name: p.displayName, language: p.language, role: 'focal-point' as const })),
      ];
      const changed = await store.updateDraft(trx, found.id, version, {
        state: 'sent',
        content: JSON.stringify(content),
        language: contact.language,
        composed_at: at.toISOString(),
        recipients: JSON.stringify(recipients),
        sent_at: at.toISOString(),
        sent_by: actorLabel(actor),
        updated_at: at.toISOString(),
        updated_by: actorLabel(actor),
      });
      if (!changed) throw staleOrSent(await briefingOr404(trx, found.id));
      await mail.enqueue(trx, recipients.map((r) => briefingMail(found.id, copyIn(r.language), found.note, r, options.baseUrl)), at);
      const sent = await briefingOr404(trx, found.id);
      await recordAudit(trx, actor, { action: 'briefing.send', entityType: 'briefing', entityId: found.id, before: { state: 'draft' }, after: { state: 'sent', recipients: recipients.map((r) => r.email) } });
      return sent;
    });
  }

  const staleOrSent = (current: Briefing) =>
    current.state === 'sent' ? conflict('briefing_sent', 'The briefing was sent; it is kept as sent.') : conflict('version_conflict', 'The briefing was changed meanwhile.');

  return {
    canManage,

    async list(actor: Actor, filter: { bureau?: string | undefined; state?: BriefingState | undefined }): Promise<Briefing[]> {
      requireAccess(actor, 'internal:read');
      return store.listBriefings(db, { ...(filter.bureau ? { bureau: filter.bureau } : {}), ...(filter.state ? { state: filter.state } : {}) });
    },

    async get(actor: Actor, id: string): Promise<BriefingDetails> {
      requireAccess(actor, 'internal:read');
      return details(actor, await briefingOr404(db, id));
    },

    async generate(actor: Actor, body: { bureau: string; period: string }): Promise<{ details: BriefingDetails; created: boolean }> {
      requireAccess(actor, 'meetings:manage', { bureau: body.bureau });
      const issues = [...(await bureauIssues(body.bureau, 'body.bureau')), ...periodIssues(body.period, 'body.period')];
      if (issues.length) throw invalid(issues);
      const { briefing, created } = await generate(actor, body.bureau, body.period);
      return { details: await details(actor, briefing), created };
    },

    async updateNote(actor: Actor, id: string, body: { version: number; note: string | null }): Promise<BriefingDetails> {
      const found = await briefingOr404(db, id);
      requireAccess(actor, 'meetings:manage', { bureau: found.bureau });
      const note = body.note?.trim() ? body.note.trim() : null;
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (!(await store.updateDraft(trx, id, body.version, { note, updated_at: at, updated_by: actorLabel(actor) }))) throw staleOrSent(await briefingOr404(trx, id));
        await recordAudit(trx, actor, { action: 'briefing.note', entityType: 'briefing', entityId: id, before: { note: found.note }, after: { note } });
      });
      return details(actor, await briefingOr404(db, id));
    },

    async send(actor: Actor, id: string, body: { version: number }): Promise<BriefingDetails> {
      const found = await briefingOr404(db, id);
      requireAccess(actor, 'meetings:manage', { bureau: found.bureau });
      if (found.state === 'sent' || found.version !== body.version) throw staleOrSent(found);
      return details(actor, await send(actor, found, body.version));
    },

    /** The briefing as a document in the organisation's style, in its own language (a draft marked so). */
    async document(actor: Actor, id: string, format: ReportFormat): Promise<RenderedReport> {
      requireAccess(actor, 'internal:read');
      const briefing = await briefingOr404(db, id);
      return reports.renderTree(briefingTree(briefing), format, briefing.content.language);
    },

    /** Each bureau's account that receives its briefings in the director's name (null: none named), with that account's address. */
    async directorAccounts(actor: Actor): Promise<Array<{ bureau: string; userId: string | null; email: string | null }>> {
      requireAccess(actor, 'internal:read');
      const bureaux = (await registry.listBodies(SERVICE_ACTOR, { type: 'bureau' })).map((b) => b.code);
      const named = await store.listDirectorAccounts(db);
      const users = new Map((await auth.usersByIds(SERVICE_ACTOR, [...named.values()])).map((u) => [u.id, u]));
      return bureaux.map((bureau) => {
        const userId = named.get(bureau) ?? null;
        return { bureau, userId, email: userId ? (users.get(userId)?.email ?? null) : null };
      });
    },

    /** Names the account that receives the bureau's briefings in the director's name (null: none, the registry's address if any). */
    async setDirectorAccount(actor: Actor, bureau: string, userId: string | null): Promise<{ bureau: string; userId: string | null }> {
      requireAccess(actor, 'meetings:manage', { bureau });
      const issues = await bureauIssues(bureau, 'params.bureau');
      if (userId !== null && (await auth.usersByIds(SERVICE_ACTOR, [userId])).length === 0) issues.push(issue('body.userId', 'unknown_user', `no account has the id ${userId}`, { value: userId }));
      if (issues.length) throw invalid(issues);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (userId === null) await store.clearDirectorAccount(trx, bureau);
        else await store.saveDirectorAccount(trx, { bureau_code: bureau, user_id: userId, updated_at: at, updated_by: actorLabel(actor) });
        await recordAudit(trx, actor, { action: 'briefing.director-account', entityType: 'bureau', entityId: bureau, before: null, after: { userId } });
      });
      return { bureau, userId };
    },

    /**
     * The scheduled pass (the reminders job; several instances may run it: the one row per bureau
     * and month, and each mail's key, make everything happen once): makes last month's briefing
     * of every bureau with a director, and sends the drafts whose time for a note is over.
     * Returns how many briefings it made or sent.
     */
    async remind(): Promise<number> {
      const today = now().toISOString().slice(0, 10);
      const due = periodOf(periodDueOn(today)) as Period;
      const bureaux = (await registry.listBodies(SERVICE_ACTOR, { type: 'bureau' })).map((b) => b.code);
      let done = 0;
      for (const bureau of bureaux) {
        if (!directorOn(await registry.directors(SERVICE_ACTOR, bureau), bureau, due.to)) continue;
        if (!(await store.findBriefing(db, { bureau, period: due.code }))) done += (await generate(SERVICE_ACTOR, bureau, due.code)).created ? 1 : 0;
      }
      // Only last month's drafts go out by themselves; an older one made by hand waits for a person.
      for (const draft of await store.listBriefings(db, { state: 'draft' })) {
        if (draft.period !== due.code || !sendsByItself(draft.period, today)) continue;
        try {
          await send(SERVICE_ACTOR, draft, draft.version);
          done += 1;
        } catch (error) {
          // Another instance sent it, or a focal point changed it meanwhile: the next pass looks again.
          if (!isAppError(error) || error.kind !== 'conflict') throw error;
        }
      }
      return done;
    },
  };
}
