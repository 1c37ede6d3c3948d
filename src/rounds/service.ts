/**
 * Use cases of reporting rounds: focal points (of the round's bureau) and admins open, change,
 * copy and close rounds and review the contributions; each office's editors write their own
 * contribution; signed-in users read. Every change of a contribution's state is kept as a
 * transition and audited, in the transaction that makes it. The register is read through the
 * activities service, the registry through its own, the round's cover through the reports service.
 */
import type { Kysely } from 'kysely';
import type { Activity } from '#src/activities/model.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { recordAudit } from '#src/audit/service.ts';
import type { User } from '#src/auth/model.ts';
import type { AuthService } from '#src/auth/service.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import { actorId, actorLabel, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import { isUniqueViolation } from '#src/platform/database.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import { localise, type Office } from '#src/registry/model.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { outlookOf, OUTLOOK_STATUSES } from '#src/reports/definition.ts';
import { formatPeriod, PHRASES } from '#src/reports/phrases.ts';
import { createReportBody } from '#src/reports/schemas.ts';
import type { ReportService } from '#src/reports/service.ts';
import type { Annex } from '#src/annualplan/annex.ts';
import type { Contact, ReportFormat } from '#src/reports/definition.ts';
import type { RenderedReport } from '#src/reports/render.ts';
import { renderBlocksHtml } from '#src/reports/render-html.ts';
import { compileOffice, compileRound } from './compile.ts';
import type { MailService } from '#src/mail/service.ts';
import { roundNotice, type RoundEvent } from './notices.ts';
import { isEmptyContent, itemCount, linkedActivityIds, type ActivitySeen, type ContributionContent } from './content.ts';
import { draftContribution } from './draft.ts';
import {
  activitySeen,
  changedLinks,
  copiedDates,
  defaultRoundCode,
  hasUnit,
  isLate,
  reminderDue,
  nextState,
  officesAskedByDefault,
  outsidePeriod,
  possibleOmissions,
  requireOpen,
  roundCounts,
  type ChangedLink,
  type Contribution,
  type ContributionAction,
  type ReviewComment,
  type Round,
  type RoundCounts,
  type Transition,
} from './model.ts';
import type { CommentBody, ContentBody, CreateRoundBody, PatchRoundBody, TransitionBody } from './schemas.ts';
import * as store from './store.ts';

export interface RoundSummary {
  round: Round;
  counts: RoundCounts;
}

export interface RoundDetails extends RoundSummary {
  offices: Office[];
  reviewers: User[];
}

export interface BoardRow {
  contribution: Contribution;
  office: Office;
  lastChange: Transition | null;
  items: number;
  linkedActivities: number;
  omissions: number;
  late: boolean;
}

export interface Board {
  summary: RoundSummary;
  rows: BoardRow[];
}

export interface ContributionDetails {
  round: Round;
  contribution: Contribution;
  office: Office;
  late: boolean;
  history: Transition[];
  comments: ReviewComment[];
  omissions: Activity[];
  offered: Activity[];
  outsidePeriod: Array<{ itemId: string; activityId: string }>;
  changed: ChangedLink[];
}

export interface MyContribution {
  summary: RoundSummary;
  contribution: Contribution;
  office: Office;
  late: boolean;
  latestComments: ReviewComment[];
}

export interface RoundServiceOptions {
  /** The clock: lateness and reminders are reckoned on its day. */
  now?: () => Date;
  /** Where people reach Fieldbook: notices link to it. */
  baseUrl: string;
  /** Days before the due day that offices not handed in are reminded (e.g. 7 and 1). */
  reminderDays: readonly number[];
}

export type RoundService = ReturnType<typeof createRoundService>;

/** The server's own reads (the registry and the register behind a use case the caller was allowed). */
const SERVICE_ACTOR: Actor = { kind: 'system', label: 'reporting rounds' };

/** How many of the latest unresolved comments "My office" shows per contribution. */
const LATEST_COMMENTS = 3;

export function createRoundService(
  db: Kysely<Database>,
  deps: { registry: RegistryService; activities: ActivityService; reports: ReportService; auth: AuthService; mail: Pick<MailService, 'enqueue'> },
  options: RoundServiceOptions,
) {
  const { registry, activities, reports, auth, mail } = deps;
  const now = () => options.now?.() ?? new Date();
  const today = () => now().toISOString().slice(0, 10);

  async function visibleRound(code: string): Promise<Round> {
    const round = await store.findRound(db, code);
    if (!round) throw notFound('round_not_found', `There is no round ${code}.`);
    return round;
  }

  async function visibleContribution(round: Round, office: string): Promise<Contribution> {
    const contribution = await store.findContribution(db, round.id, office);
    if (!contribution) throw notFound('contribution_not_found', `The round ${round.code} does not ask ${office} for a contribution.`);
    return contribution;
  }

  /** The bureau whose focal points run a Sector's rounds (ITU-T → TSB); null for a Sector without one. */
  async function bureauOf(sector: string): Promise<string | null> {
    return (await activities.bureauOfSector()).get(sector) ?? null;
  }

  /** Focal points of the round's bureau and admins; everyone else is refused before anything is read of the round. */
  async function requireReviewer(actor: Actor, round: Round): Promise<void> {
    requireAccess(actor, 'rounds:manage', { bureau: await bureauOf(round.sector) });
  }

  async function officesByCode(): Promise<Map<string, Office>> {
    const offices = await registry.listOffices(SERVICE_ACTOR, {});
    return new Map(offices.map((o) => [o.office.code, o.office]));
  }

  async function summaries(rounds: readonly Round[]): Promise<RoundSummary[]> {
    const contributions = await store.listContributions(db, rounds.map((r) => r.id));
    const day = today();
    return rounds.map((round) => ({ round, counts: roundCounts(contributions.filter((c) => c.roundId === round.id), round.due, day) }));
  }

  async function details(round: Round): Promise<RoundDetails> {
    const [[summary], contributions, reviewerIds, offices] = await Promise.all([
      summaries([round]),
      store.listContributions(db, [round.id]),
      store.listReviewers(db, round.id),
      officesByCode(),
    ]);
    const reviewers = await auth.usersByIds(SERVICE_ACTOR, reviewerIds);
    return { ...summary!, offices: contributions.map((c) => offices.get(c.office)).filter((o): o is Office => o !== undefined), reviewers };
  }

  /** Every office code known to the registry, and issues for those that are not. */
  function checkOffices(codes: readonly string[], known: ReadonlyMap<string, Office>): FieldIssue[] {
    return codes.flatMap((code, i) => (known.has(code) ? [] : [issue(`body.offices.${i}`, 'unknown_office', `unknown office "${code}"`, { value: code })]));
  }

  /** Reviewers must be focal points of the round's bureau or admins. */
  async function checkReviewers(ids: readonly string[], bureau: string | null): Promise<FieldIssue[]> {
    const users = new Map((await auth.usersByIds(SERVICE_ACTOR, ids)).map((u) => [u.id, u]));
    return ids.flatMap((id, i) => {
      const user = users.get(id);
      if (!user) return [issue(`body.reviewers.${i}`, 'unknown_user', `no account has the id ${id}`, { value: id })];
      if (user.role === 'admin' || (user.role === 'focal-point' && user.bureau === bureau)) return [];
      return [issue(`body.reviewers.${i}`, 'not_a_reviewer', `${user.displayName} is not a focal point of ${bureau ?? 'the bureau'} or an admin`, { value: user.displayName, bureau: bureau ?? '' })];
    });
  }

  /** The office's activities of the round's Sector whose dates fall in a span, any status, in date order. */
  function officeActivities(office: string, sector: string, span: { from: string; to: string }, statuses?: Activity['status'][]): Promise<Activity[]> {
    return activities.listAll(
      SERVICE_ACTOR,
      { office: [office], sector: [sector], from: span.from, to: span.to, sort: 'date', deleted: 'exclude', ...(statuses ? { status: statuses } : {}) },
      (a) => a,
      Number.POSITIVE_INFINITY,
    );
  }

  /**
   * What the office may have forgotten to date or to place in this report, offered beside the
   * text, never silently left out: its activities of the Sector with no date yet, and those dated
   * in the year before the period (an office often records late), in both cases recorded or
   * changed during the period. Dated ones first, in date order.
   */
  async function offeredActivities(round: Round, office: string): Promise<Activity[]> {
    const before = { from: `${Number(round.from.slice(0, 4)) - 1}${round.from.slice(4)}`, to: dayBefore(round.from) };
    const touchedInPeriod = (a: Activity) =>
      (a.createdAt >= round.from && a.createdAt.slice(0, 10) <= round.to) || (a.updatedAt >= round.from && a.updatedAt.slice(0, 10) <= round.to);
    const [late, undated] = await Promise.all([
      officeActivities(office, round.sector, before),
      activities.listAll(SERVICE_ACTOR, { office: [office], sector: [round.sector], undated: 'only', sort: 'date', deleted: 'exclude' }, (a) => a, Number.POSITIVE_INFINITY),
    ]);
    return [...late.filter((a) => a.date.end < round.from), ...undated].filter(touchedInPeriod);
  }

  /** What each linked activity says now (absent: deleted or gone). */
  async function seenNow(content: ContributionContent | null, known: readonly Activity[]): Promise<{ seen: Map<string, ActivitySeen>; linked: Map<string, Activity> }> {
    const linked = new Map<string, Activity>();
    if (!content) return { seen: new Map(), linked };
    const byId = new Map(known.map((a) => [a.id, a]));
    for (const id of linkedActivityIds(content)) {
      const activity = byId.get(id) ?? (await activities.get(SERVICE_ACTOR, id).then((d) => d.activity, () => null));
      if (activity && activity.deletedAt === null) linked.set(id, activity);
    }
    return { seen: new Map([...linked].map(([id, a]) => [id, activitySeen(a, content.language)])), linked };
  }

  async function contributionDetails(round: Round, contribution: Contribution, office?: Office): Promise<ContributionDetails> {
    const [transitions, comments, inPeriod, offered, theOffice] = await Promise.all([
      store.listTransitions(db, [contribution.id]),
      store.listComments(db, [contribution.id]),
      officeActivities(contribution.office, round.sector, round),
      offeredActivities(round, contribution.office),
      office ? Promise.resolve(office) : registry.getOffice(SERVICE_ACTOR, contribution.office).then((d) => d.office),
    ]);
    const { seen, linked } = await seenNow(contribution.content, inPeriod);
    return {
      round,
      contribution,
      office: theOffice,
      late: isLate(contribution.state, round.due, today()),
      history: transitions,
      comments,
      omissions: possibleOmissions(contribution.content, inPeriod),
      offered: offered.filter((a) => !(contribution.content && linkedActivityIds(contribution.content).includes(a.id))),
      outsidePeriod: outsidePeriod(contribution.content, linked, round),
      changed: changedLinks(contribution.content, seen),
    };
  }

  /** The first draft from the register, in the language of the round's report. */
  async function firstDraft(round: Round, office: Office): Promise<ContributionContent> {
    const { definition } = await reports.get(SERVICE_ACTOR, round.reportId);
    const language = definition.language;
    const phrases = PHRASES[language];
    const period = { from: round.from, to: round.to };
    const after = outlookOf({ to: round.to, outlookMonths: Math.max(definition.outlookMonths, 1) });
    const [inPeriod, later, bureauCode] = await Promise.all([
      officeActivities(office.code, round.sector, period),
      after ? officeActivities(office.code, round.sector, after, [...OUTLOOK_STATUSES]) : Promise.resolve([]),
      bureauOf(round.sector),
    ]);
    const related = new Map<string, Activity>();
    for (const a of inPeriod) {
      for (const r of a.related.filter((x) => x.kind === 'postponed-as')) {
        const target = await activities.get(SERVICE_ACTOR, r.activity).then((d) => d.activity, () => null);
        if (target) related.set(target.id, target);
      }
    }
    const bureau = bureauCode ? await registry.getBody(SERVICE_ACTOR, bureauCode) : null;
    const lead = leadSentence(office, round, bureau ? phrases.defaults.bureau(bureau.code, localise(bureau.names, language).text) : round.sector, language);
    return draftContribution({ language, lead, inPeriod, after: later, related });
  }

  /** Writes a contribution's change of state (or of content) if still at the version the caller saw. */
  async function writeContribution(
    trx: Executor,
    actor: Actor,
    round: Round,
    current: Contribution,
    next: Contribution,
    expectedVersion: number,
    change: { action: ContributionAction; comment?: string | undefined },
  ): Promise<void> {
    if (!(await store.updateContribution(trx, next, expectedVersion))) throw staleContribution(round, current.office);
    if (next.state !== current.state) {
      await store.insertTransition(trx, {
        id: newId(),
        contributionId: current.id,
        at: next.updatedAt,
        byId: actorId(actor),
        by: actorLabel(actor),
        from: current.state,
        to: next.state,
        comment: change.comment ?? null,
      });
    }
    await recordAudit(trx, actor, {
      action: `contribution.${change.action}`,
      entityType: 'contribution',
      entityId: current.id,
      before: { state: current.state, version: current.version },
      after: { state: next.state, version: next.version, content: next.content, comment: change.comment ?? null },
    });
  }

  /** Moves a contribution by an action: round open, version current, state allowing it. */
  async function move(
    actor: Actor,
    round: Round,
    current: Contribution,
    body: TransitionBody,
    action: ContributionAction,
    shape: (next: Contribution) => Contribution = (n) => n,
  ): Promise<ContributionDetails> {
    requireOpen(round);
    if (body.version !== current.version) throw staleContribution(round, current.office, body.version, current.version);
    const state = nextState(current.state, action);
    const at = now().toISOString();
    const next = shape({ ...current, state, version: current.version + 1, updatedAt: at, updatedBy: actorLabel(actor) });
    const office = (await registry.getOffice(SERVICE_ACTOR, current.office)).office;
    await db.transaction().execute(async (trx) => {
      await writeContribution(trx, actor, round, current, next, current.version, { action, comment: body.comment });
      // The notice is written with the change, so neither exists without the other.
      if (action === 'submit') await notify(trx, round, office, { kind: 'submitted', version: next.version }, 'reviewers');
      if (action === 'request_changes') await notify(trx, round, office, { kind: 'changes_requested', version: next.version, comment: body.comment ?? '' }, 'editors');
      if (action === 'accept') await notify(trx, round, office, { kind: 'accepted', version: next.version }, 'editors');
    });
    return contributionDetails(round, next, office);
  }

  /**
   * Writes a round's notice to the outbox in the caller's transaction, in each recipient's
   * language: to the office's editors, or to the round's reviewers.
   */
  async function notify(trx: Executor, round: Round, office: Office, event: RoundEvent, to: 'editors' | 'reviewers'): Promise<void> {
    const recipients = await auth.recipients(trx, to === 'editors' ? { editorsOf: [office.code] } : { ids: await store.listReviewers(trx, round.id) });
    const notices = recipients.map((r) => roundNotice(event, round, office, { id: r.id, email: r.email, name: r.displayName, language: r.language }, options.baseUrl));
    await mail.enqueue(trx, notices, now());
  }

  /** The round's first reviewer as the cover's Contact, when the cover names none. */
  async function focalPointOf(round: Round): Promise<Contact | null> {
    const [first] = await auth.usersByIds(SERVICE_ACTOR, await store.listReviewers(db, round.id));
    if (!first) return null;
    return { name: first.displayName, organisation: first.bureau, country: null, tel: null, email: first.email };
  }

  const useCases = {
    /**
     * The round's report: the cover and common sections, then the accepted contributions (their
     * frozen snapshots) in region order. With offices not accepted it is refused (409
     * round_incomplete naming them) unless `draft`, which marks every page and lists them.
     */
    async compile(actor: Actor, code: string, format: ReportFormat, options: { language?: Language | undefined; draft?: boolean; annexes?: readonly Annex[] | undefined }): Promise<RenderedReport> {
      requireAccess(actor, 'internal:read');
      const round = await visibleRound(code);
      const [contributions, { definition }, focalPoint] = await Promise.all([
        store.listContributions(db, [round.id]),
        reports.get(actor, round.reportId),
        focalPointOf(round),
      ]);
      const accepted = contributions.filter((c) => c.state === 'accepted' && c.accepted !== null);
      const missing = contributions.filter((c) => !accepted.includes(c)).map((c) => c.office);
      const language = options.language ?? definition.language;
      const ctx = await reports.registryContext(actor, { sector: definition.sector, advisoryGroup: definition.advisoryGroup });
      const tree = compileRound(
        { definition, ctx, contributions: accepted.map((c) => ({ office: c.office, content: c.accepted!.content })), missing, draft: options.draft ?? false, focalPoint },
        language,
      );
      return reports.renderTree(await reports.addAnnexes(actor, tree, definition, options.annexes ?? [], language), format, language);
    },

    /** An office's part exactly as the compiled report's HTML prints it, for the editor's live preview (not saved). */
    async preview(actor: Actor, code: string, office: string, content: ContributionContent, language?: Language): Promise<string> {
      requireAccess(actor, 'internal:read');
      const round = await visibleRound(code);
      await visibleContribution(round, office);
      const { definition } = await reports.get(actor, round.reportId);
      const ctx = await reports.registryContext(actor, { sector: definition.sector, advisoryGroup: definition.advisoryGroup });
      return renderBlocksHtml(compileOffice({ definition, ctx, office, content }, language ?? content.language));
    },

    /**
     * The periodic job: reminds the editors of offices not handed in as the due day nears (the
     * nearest of the configured days reached), and tells them once when it has passed. Each
     * notice has its key, so running this often, or on several servers at once, sends each once.
     */
    async remind(): Promise<number> {
      const day = today();
      const open = await store.listRounds(db, { state: 'open' });
      const offices = await officesByCode();
      let written = 0;
      for (const round of open) {
        const owing = (await store.listContributions(db, [round.id])).filter((c) => c.state !== 'submitted' && c.state !== 'accepted');
        const events = owing.flatMap((c): Array<{ office: Office; event: RoundEvent }> => {
          const office = offices.get(c.office);
          if (!office) return [];
          if (isLate(c.state, round.due, day)) return [{ office, event: { kind: 'late' } }];
          const daysBefore = reminderDue(round.due, day, options.reminderDays);
          return daysBefore === null ? [] : [{ office, event: { kind: 'reminder', daysBefore } }];
        });
        if (events.length === 0) continue;
        await db.transaction().execute(async (trx) => {
          for (const { office, event } of events) await notify(trx, round, office, event, 'editors');
        });
        written += events.length;
      }
      return written;
    },

    async list(actor: Actor): Promise<RoundSummary[]> {
      requireAccess(actor, 'internal:read');
      return summaries(await store.listRounds(db));
    },

    async get(actor: Actor, code: string): Promise<RoundDetails> {
      requireAccess(actor, 'internal:read');
      return details(await visibleRound(code));
    },

    /** Opens a round (or copies one): its report definition, its offices' contributions (not started) and its reviewers, in one go. */
    async create(actor: Actor, body: CreateRoundBody): Promise<RoundDetails> {
      requireAccess(actor, 'rounds:manage');
      const previous = body.copyFrom ? await store.findRound(db, body.copyFrom) : null;
      if (body.copyFrom && !previous) throw invalid([issue('body.copyFrom', 'unknown_round', `no round has the code ${body.copyFrom}`, { value: body.copyFrom })]);
      const sector = body.sector ?? previous!.sector;
      const bureau = await bureauOf(sector);
      requireAccess(actor, 'rounds:manage', { bureau });
      const moved = previous ? copiedDates(previous) : null;
      const from = body.from ?? moved!.from;
      const to = body.to ?? moved!.to;
      const due = body.due ?? moved!.due;
      const issues: FieldIssue[] = [];
      if (to < from) issues.push(issue('body.to', 'before_start', `the period would end (${to}) before it starts (${from})`, { from, to }));

      const known = await officesByCode();
      const previousContributions = previous ? await store.listContributions(db, [previous.id]) : [];
      const offices = body.offices ?? (previous ? previousContributions.map((c) => c.office) : officesAskedByDefault([...known.values()], { from, to }).map((o) => o.code));
      issues.push(...checkOffices(offices, known));
      const reviewers = body.reviewers ?? (previous ? await store.listReviewers(db, previous.id) : actor.kind === 'user' ? [actor.id] : []);
      issues.push(...(await checkReviewers(reviewers, bureau)));
      if (body.code && (await store.findRound(db, body.code))) issues.push(issue('body.code', 'code_taken', `the code ${body.code} is already used`, { value: body.code }));
      if (issues.length > 0) throw invalid(issues);

      // The cover and common sections: the copied round's (but not its document number or meeting), else the defaults.
      const copied = previous ? (await reports.get(actor, previous.reportId)).definition : null;
      const report = await reports.create(
        actor,
        createReportBody.parse({
          sector,
          ...(body.advisoryGroup ? { advisoryGroup: body.advisoryGroup } : previous ? { advisoryGroup: previous.advisoryGroup } : {}),
          from,
          to,
          selection: 'all',
          visibility: 'all',
          ...(copied
            ? {
                language: copied.language,
                originalLanguage: copied.originalLanguage,
                outlookMonths: copied.outlookMonths,
                header: { ...copied.header, documentNumber: null, placeAndDate: null },
                narrative: copied.narrative,
              }
            : {}),
        }),
      );
      const definition = report.definition;
      const code = body.code ?? defaultRoundCode(definition.advisoryGroup, to, await store.roundCodesLike(db, definition.advisoryGroup.toLowerCase()));
      const at = now().toISOString();
      const by = actorLabel(actor);
      const round: Round = {
        id: newId(),
        code,
        reportId: definition.id,
        sector,
        advisoryGroup: definition.advisoryGroup,
        from,
        to,
        meeting: body.meeting ?? previous!.meeting,
        due,
        state: 'open',
        version: 1,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        closedAt: null,
        closedBy: null,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await store.insertRound(trx, round);
          await store.setReviewers(trx, round.id, reviewers);
          await store.insertContributions(trx, offices.map((office) => unstarted(round, office, at, by)));
          for (const office of offices) await notify(trx, round, known.get(office)!, { kind: 'opened' }, 'editors');
          await recordAudit(trx, actor, { action: 'round.create', entityType: 'reporting_round', entityId: round.id, after: { ...round, offices, reviewers, copiedFrom: previous?.code ?? null } });
        });
      } catch (error) {
        // Someone opened a round with the same code between the check above and this write.
        if (isUniqueViolation(error)) throw invalid([issue('body.code', 'code_taken', `the code ${code} is already used`, { value: code })]);
        throw error;
      }
      return details(round);
    },

    async update(actor: Actor, code: string, patch: PatchRoundBody): Promise<RoundDetails> {
      requireAccess(actor, 'rounds:manage');
      const current = await visibleRound(code);
      await requireReviewer(actor, current);
      requireOpen(current);
      if (patch.version !== current.version) throw staleRound(current, patch.version);
      const contributions = await store.listContributions(db, [current.id]);
      const asked = contributions.map((c) => c.office);
      const issues: FieldIssue[] = [];
      const added = patch.offices ? patch.offices.filter((o) => !asked.includes(o)) : [];
      const removed = patch.offices ? contributions.filter((c) => !patch.offices!.includes(c.office)) : [];
      const known = await officesByCode();
      if (patch.offices) issues.push(...checkOffices(patch.offices, known));
      for (const c of removed) {
        if (c.state !== 'not_started') issues.push(issue('body.offices', 'office_has_contribution', `${c.office} has started its contribution; it stays in the round`, { value: c.office }));
      }
      if (patch.reviewers) issues.push(...(await checkReviewers(patch.reviewers, await bureauOf(current.sector))));
      if (issues.length > 0) throw invalid(issues);
      const at = now().toISOString();
      const by = actorLabel(actor);
      const next: Round = { ...current, meeting: patch.meeting ?? current.meeting, due: patch.due ?? current.due, version: current.version + 1, updatedAt: at, updatedBy: by };
      await db.transaction().execute(async (trx) => {
        if (!(await store.updateRound(trx, next, current.version))) throw staleRound(current);
        if (patch.reviewers) await store.setReviewers(trx, current.id, patch.reviewers);
        await store.deleteUnstartedContributions(trx, current.id, removed.map((c) => c.office));
        await store.insertContributions(trx, added.map((office) => unstarted(current, office, at, by)));
        for (const office of added) await notify(trx, next, known.get(office)!, { kind: 'opened' }, 'editors');
        await recordAudit(trx, actor, { action: 'round.update', entityType: 'reporting_round', entityId: current.id, before: current, after: { ...next, offices: patch.offices, reviewers: patch.reviewers } });
      });
      return details(next);
    },

    /** Closes a round (the report is issued): read-only from then on. */
    async close(actor: Actor, code: string, version: number): Promise<RoundDetails> {
      return setRoundState(actor, code, version, 'closed');
    },

    async reopen(actor: Actor, code: string, version: number): Promise<RoundDetails> {
      return setRoundState(actor, code, version, 'open');
    },

    /** The state of every office's contribution in the open rounds of these Sectors, without a board's reading of the register (the director briefings'). */
    async openContributionStates(actor: Actor, sectors: readonly string[]): Promise<Array<{ round: string; due: string; office: string; state: Contribution['state'] }>> {
      requireAccess(actor, 'internal:read');
      const open = (await store.listRounds(db, { state: 'open' })).filter((r) => sectors.includes(r.sector));
      const byId = new Map(open.map((r) => [r.id, r]));
      const contributions = await store.listContributions(db, open.map((r) => r.id));
      return contributions.flatMap((c) => {
        const round = byId.get(c.roundId);
        return round ? [{ round: round.code, due: round.due, office: c.office, state: c.state }] : [];
      });
    },

    async board(actor: Actor, code: string): Promise<Board> {
      requireAccess(actor, 'internal:read');
      const round = await visibleRound(code);
      const [[summary], contributions, offices, inPeriod] = await Promise.all([
        summaries([round]),
        store.listContributions(db, [round.id]),
        officesByCode(),
        activities.listAll(SERVICE_ACTOR, { sector: [round.sector], from: round.from, to: round.to, sort: 'date', deleted: 'exclude' }, (a) => a, Number.POSITIVE_INFINITY),
      ]);
      const transitions = await store.listTransitions(db, contributions.map((c) => c.id));
      const day = today();
      const rows = contributions
        .map((contribution): BoardRow | null => {
          const office = offices.get(contribution.office);
          if (!office) return null;
          const own = inPeriod.filter((a) => a.offices.some((o) => o.office === contribution.office));
          const content = contribution.content;
          return {
            contribution,
            office,
            lastChange: transitions.filter((t) => t.contributionId === contribution.id).at(-1) ?? null,
            items: content ? itemCount(content) : 0,
            linkedActivities: content ? linkedActivityIds(content).length : 0,
            omissions: possibleOmissions(content, own).length,
            late: isLate(contribution.state, round.due, day),
          };
        })
        .filter((r): r is BoardRow => r !== null);
      return { summary: summary!, rows };
    },

    async getContribution(actor: Actor, code: string, office: string): Promise<ContributionDetails> {
      requireAccess(actor, 'internal:read');
      const round = await visibleRound(code);
      return contributionDetails(round, await visibleContribution(round, office));
    },

    /** The office starts: a first draft from the register. */
    async start(actor: Actor, code: string, office: string): Promise<ContributionDetails> {
      requireAccess(actor, 'contributions:write', { office });
      const round = await visibleRound(code);
      const current = await visibleContribution(round, office);
      requireOpen(round);
      nextState(current.state, 'start');
      const content = await firstDraft(round, (await registry.getOffice(SERVICE_ACTOR, office)).office);
      return move(actor, round, current, { version: current.version }, 'start', (next) => ({ ...next, content }));
    },

    /** The office saves its text; a contribution sent back for changes becomes a draft again. */
    async saveContent(actor: Actor, code: string, office: string, body: ContentBody): Promise<ContributionDetails> {
      requireAccess(actor, 'contributions:write', { office });
      const round = await visibleRound(code);
      const current = await visibleContribution(round, office);
      return move(actor, round, current, { version: body.version }, 'edit', (next) => ({ ...next, content: body.content }));
    },

    async submit(actor: Actor, code: string, office: string, body: TransitionBody): Promise<ContributionDetails> {
      requireAccess(actor, 'contributions:write', { office });
      const round = await visibleRound(code);
      const current = await visibleContribution(round, office);
      requireOpen(round);
      if (body.version === current.version && (current.state === 'draft' || current.state === 'changes_requested') && (current.content === null || isEmptyContent(current.content))) {
        throw invalid([issue('body', 'contribution_empty', 'the contribution has no text yet: write at least one paragraph or item')], 'contribution_empty');
      }
      return move(actor, round, current, body, 'submit');
    },

    async requestChanges(actor: Actor, code: string, office: string, body: TransitionBody): Promise<ContributionDetails> {
      return review(actor, code, office, body, 'request_changes');
    },

    /** Accepts a submitted contribution: what was submitted is frozen as the snapshot the report prints. */
    async accept(actor: Actor, code: string, office: string, body: TransitionBody): Promise<ContributionDetails> {
      return review(actor, code, office, body, 'accept');
    },

    /** Reopens an accepted contribution for the office; the last accepted snapshot stays until another is accepted. */
    async reopenContribution(actor: Actor, code: string, office: string, body: TransitionBody): Promise<ContributionDetails> {
      return review(actor, code, office, body, 'reopen');
    },

    /** A comment on an item or paragraph (or on the whole): by the round's reviewers or the office's editors. */
    async addComment(actor: Actor, code: string, office: string, body: CommentBody): Promise<ReviewComment> {
      requireAccess(actor, 'internal:read');
      const round = await visibleRound(code);
      await requireCommenter(actor, round, office);
      const contribution = await visibleContribution(round, office);
      requireOpen(round);
      if (body.itemId !== null && !hasUnit(contribution.content, body.itemId)) {
        throw invalid([issue('body.itemId', 'unknown_item', `the contribution has no item or paragraph ${body.itemId}`, { value: body.itemId })]);
      }
      const comment: ReviewComment = {
        id: newId(),
        contributionId: contribution.id,
        itemId: body.itemId,
        text: body.text,
        authorId: actorId(actor),
        by: actorLabel(actor),
        at: now().toISOString(),
        resolvedAt: null,
        resolvedBy: null,
      };
      await db.transaction().execute(async (trx) => {
        await store.insertComment(trx, comment);
        await recordAudit(trx, actor, { action: 'contribution.comment', entityType: 'contribution', entityId: contribution.id, after: comment });
      });
      return comment;
    },

    /** Marks a comment resolved; it stays in the history. Resolving twice changes nothing. */
    async resolveComment(actor: Actor, code: string, office: string, id: string): Promise<ReviewComment> {
      requireAccess(actor, 'internal:read');
      const round = await visibleRound(code);
      await requireCommenter(actor, round, office);
      const contribution = await visibleContribution(round, office);
      requireOpen(round);
      const comment = (await store.listComments(db, [contribution.id])).find((c) => c.id === id);
      if (!comment) throw notFound('comment_not_found', `There is no comment ${id} on this contribution.`);
      if (comment.resolvedAt !== null) return comment;
      const at = now().toISOString();
      const by = actorLabel(actor);
      await db.transaction().execute(async (trx) => {
        if (await store.resolveComment(trx, contribution.id, id, at, by)) {
          await recordAudit(trx, actor, { action: 'contribution.resolve_comment', entityType: 'contribution', entityId: contribution.id, after: { comment: id } });
        }
      });
      return (await store.listComments(db, [contribution.id])).find((c) => c.id === id)!;
    },

    /**
     * "My office": an editor's contributions in open rounds; a focal point's (and an admin's)
     * contributions waiting for review in the open rounds they review; nothing for readers.
     */
    async mine(actor: Actor): Promise<MyContribution[]> {
      requireAccess(actor, 'internal:read');
      if (actor.kind !== 'user' || actor.role === 'reader') return [];
      const open = await store.listRounds(db, { state: 'open' });
      const bureaux = new Map(await Promise.all(open.map(async (r) => [r.id, await bureauOf(r.sector)] as const)));
      const rounds = actor.role === 'editor' ? open : open.filter((r) => actor.role === 'admin' || bureaux.get(r.id) === actor.bureau);
      const contributions = (await store.listContributions(db, rounds.map((r) => r.id))).filter((c) =>
        actor.role === 'editor' ? c.office === actor.office : c.state === 'submitted',
      );
      const [sums, comments, offices] = await Promise.all([summaries(rounds), store.listComments(db, contributions.map((c) => c.id)), officesByCode()]);
      const day = today();
      return contributions.flatMap((contribution) => {
        const summary = sums.find((s) => s.round.id === contribution.roundId)!;
        const office = offices.get(contribution.office);
        if (!office) return [];
        const latestComments = comments.filter((c) => c.contributionId === contribution.id && c.resolvedAt === null).slice(-LATEST_COMMENTS).reverse();
        return [{ summary, contribution, office, late: isLate(contribution.state, summary.round.due, day), latestComments }];
      }).sort((a, b) => a.summary.round.due.localeCompare(b.summary.round.due) || a.contribution.office.localeCompare(b.contribution.office));
    },
  };

  async function review(actor: Actor, code: string, office: string, body: TransitionBody, action: 'request_changes' | 'accept' | 'reopen'): Promise<ContributionDetails> {
    requireAccess(actor, 'rounds:manage');
    const round = await visibleRound(code);
    await requireReviewer(actor, round);
    const current = await visibleContribution(round, office);
    return move(actor, round, current, body, action, (next) =>
      action === 'accept' && current.content
        ? { ...next, accepted: { content: current.content, version: next.version, at: next.updatedAt, by: next.updatedBy } }
        : next,
    );
  }

  /** Comments are the review's: the round's reviewers, and the office's editors answering them. */
  async function requireCommenter(actor: Actor, round: Round, office: string): Promise<void> {
    if (actor.kind === 'user' && actor.role === 'editor') requireAccess(actor, 'contributions:write', { office });
    else await requireReviewer(actor, round);
  }

  async function setRoundState(actor: Actor, code: string, version: number, state: Round['state']): Promise<RoundDetails> {
    requireAccess(actor, 'rounds:manage');
    const current = await visibleRound(code);
    await requireReviewer(actor, current);
    if (version !== current.version) throw staleRound(current, version);
    if (current.state === state) {
      if (state === 'closed') requireOpen(current);
      return details(current);
    }
    const at = now().toISOString();
    const by = actorLabel(actor);
    const next: Round = { ...current, state, version: current.version + 1, updatedAt: at, updatedBy: by, closedAt: state === 'closed' ? at : null, closedBy: state === 'closed' ? by : null };
    await db.transaction().execute(async (trx) => {
      if (!(await store.updateRound(trx, next, current.version))) throw staleRound(current);
      await recordAudit(trx, actor, { action: state === 'closed' ? 'round.close' : 'round.reopen', entityType: 'reporting_round', entityId: current.id, before: current, after: next });
    });
    return details(next);
  }

  return useCases;
}

function unstarted(round: Round, office: string, at: string, by: string): Contribution {
  return { id: newId(), roundId: round.id, office, state: 'not_started', content: null, version: 1, accepted: null, createdAt: at, updatedAt: at, updatedBy: by };
}

function staleRound(round: Round, sent?: number) {
  return conflict('version_conflict', sent === undefined ? `The round ${round.code} changed while saving.` : `The round ${round.code} changed since version ${sent}; it is now at version ${round.version}.`);
}

function staleContribution(round: Round, office: string, sent?: number, current?: number) {
  return conflict(
    'version_conflict',
    sent === undefined ? `The contribution of ${office} to ${round.code} changed while saving.` : `The contribution of ${office} to ${round.code} changed since version ${sent}; it is now at version ${current}.`,
  );
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The sentence before an office's list, as the quick printout words it: a regional office's (or
 * the Office for Europe's) period sentence; an area office's "It took part in …" (the compiled
 * report puts the registry's "based in" sentence before an area office's part itself).
 */
function leadSentence(office: Office, round: Round, bureau: string, language: Language): string {
  const phrases = PHRASES[language];
  if (office.kind === 'area') return phrases.areaOfficeList;
  return phrases.periodSentence(formatPeriod(round.from, round.to, language), localise(office.names, language).text, phrases.defaults.sector(round.sector), bureau);
}
