/**
 * Use cases of coordination meetings (decision 22): a bureau's focal points (and admins) create
 * series and manage their occurrences, agenda, minutes and action items; the offices' editors
 * keep their office's attendance and action items; signed-in users read; nothing is public. The
 * invitations, their updates and cancellations, and the action items' reminders go through the
 * mail outbox in the transaction of the change. The register is read through the activities
 * service, the rounds through theirs, the minutes printed by the reports service's renderers.
 */
import type { Kysely } from 'kysely';
import type { ActivityService } from '#src/activities/service.ts';
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { textIn } from '#src/activities/model.ts';
import { recordAudit } from '#src/audit/service.ts';
import type { AuthService } from '#src/auth/service.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { MailService } from '#src/mail/service.ts';
import type { OutgoingMail } from '#src/mail/model.ts';
import { actorId, actorLabel, can, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, forbidden, invalid, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import { isUniqueViolation } from '#src/platform/database.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import { translator } from '#src/platform/messages.ts';
import { localise, type Office } from '#src/registry/model.ts';
import type { RegistryService } from '#src/registry/service.ts';
import type { ReportFormat } from '#src/reports/definition.ts';
import type { RenderedReport } from '#src/reports/render.ts';
import type { ReportService } from '#src/reports/service.ts';
import type { RoundService } from '#src/rounds/service.ts';
import { minutesTree } from './minutes-document.ts';
import {
  actionReminder,
  agendaIssues,
  carriedActions,
  closedAt,
  draftAgenda,
  expandRecurrence,
  minutesIssues,
  moved,
  nextMinutesState,
  planningWindow,
  previousHeld,
  reconcile,
  recurrenceIssues,
  requireScheduled,
  requireValid,
  UPCOMING_MONTHS,
  type ActionItem,
  type ActionLink,
  type Agenda,
  type Attendance,
  type Minutes,
  type MinutesRevision,
  type Occurrence,
  type OfficeRecord,
  type Planned,
  type Series,
} from './model.ts';
import { actionReminderMail, invitationMail, type InvitationKind, type MeetingRecipient } from './notices.ts';
import type { ActionsQuery, AttendanceBody, CreateActionBody, CreateSeriesBody, PatchActionBody, PatchSeriesBody } from './schemas.ts';
import * as store from './store.ts';
import type { MeetingOccurrenceTable } from './tables.ts';

export interface MeetingServiceOptions {
  baseUrl: string;
  /** The From address of Fieldbook: the organiser of an invitation whose chair has no account. */
  mailFrom: string;
  /** Days before its due day an open action item is reminded. */
  actionReminderDays: number;
  now?: () => Date;
}

export interface OccurrenceDetails {
  series: Series;
  occurrence: Occurrence;
  offices: Office[];
  attendance: Attendance[];
  raised: ActionItem[];
  carried: ActionItem[];
  history: MinutesRevision[];
  canManage: boolean;
  canApprove: boolean;
  /** Offices whose attendance the caller may set. */
  attendanceEditable: string[];
}

export interface SeriesDetails {
  series: Series;
  offices: Office[];
  next: Occurrence | null;
}

export type MeetingService = ReturnType<typeof createMeetingService>;

const SERVICE_ACTOR: Actor = { kind: 'system', label: 'coordination meetings' };

interface Deps {
  registry: RegistryService;
  activities: ActivityService;
  rounds: RoundService;
  auth: AuthService;
  mail: MailService;
  reports: ReportService;
}

export function createMeetingService(db: Kysely<Database>, deps: Deps, options: MeetingServiceOptions) {
  const { registry, activities, rounds, auth, mail, reports } = deps;
  const now = options.now ?? (() => new Date());
  const organizerEmail = /<([^>]+)>/.exec(options.mailFrom)?.[1] ?? options.mailFrom;

  async function officesByCode(): Promise<Map<string, Office>> {
    const snapshot = await registry.snapshot(SERVICE_ACTOR);
    return new Map(snapshot.offices.map(({ office }) => [office.code, office]));
  }

  async function seriesOr404(ex: Executor, by: { code: string } | { id: string }): Promise<Series> {
    const series = await store.findSeries(ex, by);
    if (!series) throw notFound('series_not_found', 'There is no such meeting series.');
    return series;
  }

  async function occurrenceOr404(ex: Executor, id: string): Promise<{ occurrence: Occurrence; series: Series }> {
    const occurrence = await store.findOccurrence(ex, id);
    if (!occurrence) throw notFound('occurrence_not_found', 'There is no such meeting.');
    return { occurrence, series: await seriesOr404(ex, { id: occurrence.seriesId }) };
  }

  const canManage = (actor: Actor, series: Series): boolean => can(actor, 'meetings:manage', { bureau: series.bureau });
  const canApprove = (actor: Actor, series: Series): boolean => canManage(actor, series) && (series.chairId === null || actorId(actor) === series.chairId || (actor.kind === 'user' && actor.role === 'admin') || actor.kind === 'system');

  async function officeIssues(codes: readonly string[], path: string): Promise<FieldIssue[]> {
    const offices = await officesByCode();
    return codes.flatMap((code, n) => (offices.has(code) ? [] : [issue(`${path}.${n}`, 'invalid', `unknown office "${code}"`, { value: code })]));
  }

  async function chairOf(actor: Actor, chairId: string | null | undefined, chairLabel?: string): Promise<{ id: string | null; label: string }> {
    if (!chairId && chairLabel) return { id: null, label: chairLabel };
    if (chairId) {
      const [user] = await auth.usersByIds(SERVICE_ACTOR, [chairId]);
      if (!user) throw invalid([issue('body.chairId', 'invalid', 'no such user')]);
      return { id: user.id, label: user.displayName };
    }
    if (actor.kind === 'user') return { id: actor.id, label: actor.displayName };
    return { id: null, label: actorLabel(actor) };
  }

  /** An action item's links name activities of the register (not deleted) and contributions a round asks for. */
  async function linkIssues(actor: Actor, links: readonly ActionLink[]): Promise<FieldIssue[]> {
    const ids = links.flatMap((l) => (l.kind === 'activity' ? [l.id] : []));
    const found = ids.length > 0 ? await activities.findMany(actor, ids) : new Map<string, { deletedAt: string | null }>();
    const rounds = new Map<string, Promise<Set<string> | null>>();
    const officesAsked = (code: string) => {
      if (!rounds.has(code)) rounds.set(code, deps.rounds.get(SERVICE_ACTOR, code).then((r) => new Set(r.offices.map((o) => o.code)), () => null));
      return rounds.get(code)!;
    };
    const issues: FieldIssue[] = [];
    for (const [i, link] of links.entries()) {
      if (link.kind === 'activity') {
        const activity = found.get(link.id);
        if (!activity || activity.deletedAt !== null) issues.push(issue(`body.links.${i}.id`, 'unknown_activity', `no activity has the id ${link.id}`, { value: link.id }));
        continue;
      }
      const asked = await officesAsked(link.round);
      if (asked === null) issues.push(issue(`body.links.${i}.round`, 'unknown_round', `no round has the code ${link.round}`, { value: link.round }));
      else if (!asked.has(link.office)) issues.push(issue(`body.links.${i}.office`, 'unknown_office', `round ${link.round} asks no contribution of ${link.office}`, { value: link.office }));
    }
    return issues;
  }

  /** Who is invited: the chair, the editors of the offices taking part and the bureau's focal points. */
  async function participants(ex: Executor, series: Series): Promise<MeetingRecipient[]> {
    const recipients = await auth.recipients(ex, { ids: series.chairId ? [series.chairId] : [], editorsOf: series.offices, focalPointsOf: series.bureau });
    return recipients.map((r) => ({ id: r.id, email: r.email, name: r.displayName, language: r.language }));
  }

  async function organizer(ex: Executor, series: Series): Promise<{ name: string; email: string }> {
    if (series.chairId) {
      const [chair] = await auth.recipients(ex, { ids: [series.chairId] });
      if (chair) return { name: chair.displayName, email: chair.email };
    }
    return { name: series.chairLabel, email: organizerEmail };
  }

  /** Invitations (or their update or cancellation) of these occurrences to everyone taking part; each written once by its key. */
  async function invite(ex: Executor, series: Series, occurrences: readonly Occurrence[], kind: InvitationKind): Promise<void> {
    const upcoming = occurrences.filter((o) => Date.parse(o.endAt) > now().getTime());
    if (upcoming.length === 0) return;
    const [people, from] = await Promise.all([participants(ex, series), organizer(ex, series)]);
    const messages: OutgoingMail[] = upcoming.flatMap((o) => people.map((p) => invitationMail(kind, series, o, p, from, options.baseUrl)));
    await mail.enqueue(ex, messages, now());
  }

  function occurrenceRow(series: Series, planned: Planned, at: string, by: string): MeetingOccurrenceTable {
    return {
      id: newId(),
      series_id: series.id,
      recurrence_start: planned.recurrenceStart,
      start_at: planned.startAt,
      end_at: planned.endAt,
      state: 'scheduled',
      sequence: 0,
      agenda: null,
      agenda_drafted_at: null,
      minutes: null,
      minutes_state: 'none',
      minutes_approved_at: null,
      minutes_approved_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
      updated_by: by,
    };
  }

  /**
   * Brings the series' occurrences in line with its recurrence up to the horizon: makes those
   * missing, cancels those to come that it no longer plans (unless moved or already prepared),
   * and invites to what changed. In the caller's transaction.
   */
  async function plan(trx: Executor, actor: Actor, series: Series, withPast = false): Promise<void> {
    const at = now();
    const window = planningWindow(series, at);
    const planned = expandRecurrence(series, window.from, window.until);
    const existing = await store.listOccurrences(trx, [series.id]);
    const { create, cancel } = reconcile(
      existing.map((o) => ({ id: o.id, recurrenceStart: o.recurrenceStart, startAt: o.startAt, state: o.state, kept: o.startAt !== o.recurrenceStart || o.agenda !== null || o.minutes !== null })),
      planned,
      at,
      withPast,
    );
    const rows = create.map((p) => occurrenceRow(series, p, at.toISOString(), actorLabel(actor)));
    await store.insertOccurrences(trx, rows);
    const cancelled: Occurrence[] = [];
    for (const id of cancel) {
      const o = existing.find((e) => e.id === id);
      if (!o) continue;
      await store.updateOccurrence(trx, o.id, o.version, { state: 'cancelled', sequence: o.sequence + 1, updated_at: at.toISOString(), updated_by: actorLabel(actor) });
      cancelled.push({ ...o, state: 'cancelled', sequence: o.sequence + 1, updatedAt: at.toISOString() });
    }
    const made = await store.listOccurrences(trx, [series.id]);
    const fresh = made.filter((o) => o.state === 'scheduled');
    // Everyone taking part has the invitation of every occurrence to come (keys keep it once).
    await invite(trx, series, fresh, 'invited');
    await invite(trx, series, cancelled, 'cancelled');
  }

  async function details(actor: Actor, occurrence: Occurrence, series: Series): Promise<OccurrenceDetails> {
    const [offices, attendance, seriesActions, history, all] = await Promise.all([
      officesByCode(),
      store.listAttendance(db, occurrence.id),
      store.listActions(db, { seriesIds: [series.id] }),
      store.listMinutesRevisions(db, occurrence.id),
      store.listOccurrences(db, [series.id]),
    ]);
    const startOf = new Map(all.map((o) => [o.id, o.startAt]));
    const editable = series.offices.filter((office) => canManage(actor, series) || can(actor, 'meetings:office-write', { office }));
    return {
      series,
      occurrence,
      offices: series.offices.map((code) => offices.get(code)).filter((o): o is Office => o !== undefined),
      attendance,
      raised: seriesActions.filter((a) => a.occurrenceId === occurrence.id),
      carried: carriedActions(seriesActions, occurrence, (id) => startOf.get(id)),
      history,
      canManage: canManage(actor, series),
      canApprove: canApprove(actor, series),
      attendanceEditable: editable,
    };
  }

  /** Reads the occurrence, checks the version and that the actor manages it, changes it, audits it, in one transaction. */
  async function changeOccurrence(
    actor: Actor,
    id: string,
    version: number,
    change: (trx: Executor, occurrence: Occurrence, series: Series) => Promise<Partial<MeetingOccurrenceTable>>,
    after?: (trx: Executor, occurrence: Occurrence, series: Series) => Promise<void>,
  ): Promise<OccurrenceDetails> {
    requireAccess(actor, 'internal:read');
    const { occurrence, series } = await db.transaction().execute(async (trx) => {
      const found = await occurrenceOr404(trx, id);
      requireAccess(actor, 'meetings:manage', { bureau: found.series.bureau });
      if (found.occurrence.version !== version) throw conflict('version_conflict', 'The meeting was changed meanwhile.');
      const patch = await change(trx, found.occurrence, found.series);
      const at = now().toISOString();
      if (!(await store.updateOccurrence(trx, id, version, { ...patch, updated_at: at, updated_by: actorLabel(actor) }))) throw conflict('version_conflict', 'The meeting was changed meanwhile.');
      const updated = (await store.findOccurrence(trx, id)) as Occurrence;
      await recordAudit(trx, actor, { action: 'meeting.occurrence.update', entityType: 'meeting_occurrence', entityId: id, before: found.occurrence, after: updated });
      await after?.(trx, updated, found.series);
      return { occurrence: updated, series: found.series };
    });
    return details(actor, occurrence, series);
  }

  /** What each office taking part recorded since `since`, plans in the next three months, and its contributions in open rounds of the Sector. */
  async function officeRecords(series: Series, occurrence: Occurrence, since: string | null, language: Language): Promise<OfficeRecord[]> {
    const bureauOf = await activities.bureauOfSector();
    const sectors = [...bureauOf].filter(([, bureau]) => bureau === series.bureau).map(([sector]) => sector);
    const offices = await officesByCode();
    const day = occurrence.startAt.slice(0, 10);
    const until = new Date(Date.parse(occurrence.startAt));
    until.setUTCMonth(until.getUTCMonth() + UPCOMING_MONTHS);
    const open = sectors.length === 0 ? [] : (await rounds.list(SERVICE_ACTOR)).filter((s) => s.round.state === 'open' && sectors.includes(s.round.sector));
    const boards = await Promise.all(open.map((s) => rounds.board(SERVICE_ACTOR, s.round.code)));
    const records: OfficeRecord[] = [];
    for (const code of series.offices) {
      const office = offices.get(code);
      if (!office) continue;
      const query = { office: [code], ...(sectors.length > 0 ? { sector: sectors } : {}), sort: 'date' as const, deleted: 'exclude' as const };
      const [all, upcoming] = await Promise.all([
        activities.listAll(SERVICE_ACTOR, query, (a) => a, 2000),
        activities.listAll(SERVICE_ACTOR, { ...query, from: day, to: until.toISOString().slice(0, 10), undated: 'exclude' as const }, (a) => a, 200),
      ]);
      const title = (a: (typeof all)[number]) => textIn(a.title, language, a.originalLanguage)?.text ?? '';
      const recorded = all.filter((a) => (since === null || a.updatedAt >= since) && a.updatedAt <= occurrence.startAt);
      records.push({
        office: { code, name: localise(office.names, language).text },
        recorded: recorded.slice(0, 30).map((a) => ({ id: a.id, title: title(a), when: formatFuzzyDate(a.date, language), status: a.status, isNew: since === null || a.createdAt >= since })),
        upcoming: upcoming.filter((a) => a.status === 'planned' || a.status === 'confirmed').slice(0, 30).map((a) => ({ id: a.id, title: title(a), when: formatFuzzyDate(a.date, language) })),
        contributions: boards.flatMap((board) => board.rows.filter((row) => row.office.code === code).map((row) => ({ round: board.summary.round.code, state: row.contribution.state, due: board.summary.round.due }))),
      });
    }
    return records;
  }

  function presentIssues(issues: FieldIssue[]): void {
    requireValid(issues);
  }

  return {
    async listSeries(actor: Actor, filter: { office?: string } = {}): Promise<SeriesDetails[]> {
      requireAccess(actor, 'internal:read');
      const [all, offices] = await Promise.all([store.listSeries(db, filter), officesByCode()]);
      const upcoming = await store.listOccurrences(db, all.map((s) => s.id), { from: now().toISOString() });
      return all.map((series) => ({
        series,
        offices: series.offices.map((c) => offices.get(c)).filter((o): o is Office => o !== undefined),
        next: upcoming.find((o) => o.seriesId === series.id && o.state === 'scheduled') ?? null,
      }));
    },

    async getSeries(actor: Actor, code: string): Promise<SeriesDetails> {
      requireAccess(actor, 'internal:read');
      const series = await seriesOr404(db, { code });
      const [offices, upcoming] = await Promise.all([officesByCode(), store.listOccurrences(db, [series.id], { from: now().toISOString() })]);
      return { series, offices: series.offices.map((c) => offices.get(c)).filter((o): o is Office => o !== undefined), next: upcoming.find((o) => o.state === 'scheduled') ?? null };
    },

    async createSeries(actor: Actor, body: CreateSeriesBody): Promise<SeriesDetails> {
      requireAccess(actor, 'meetings:manage', { bureau: body.bureau });
      const recurrence = { rule: body.rule, startsLocal: body.startsLocal, timeZone: body.timeZone, durationMinutes: body.durationMinutes, exceptions: body.exceptions };
      presentIssues([...recurrenceIssues(recurrence), ...(await officeIssues(body.offices, 'body.offices'))]);
      const chair = await chairOf(actor, body.chairId, body.chairLabel);
      const code = body.code ?? (body.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || `series-${newId().slice(0, 8)}`);
      const at = now().toISOString();
      const id = newId();
      try {
        await db.transaction().execute(async (trx) => {
          await store.insertSeries(
            trx,
            {
              id,
              code,
              bureau_code: body.bureau,
              kind: body.kind,
              title: body.title,
              chair_id: chair.id,
              chair_label: chair.label,
              rrule: body.rule,
              starts_local: body.startsLocal,
              time_zone: body.timeZone,
              duration_minutes: body.durationMinutes,
              exceptions: JSON.stringify([...new Set(body.exceptions)].sort()),
              room: body.room,
              online_url: body.onlineUrl,
              version: 1,
              created_at: at,
              created_by: actorLabel(actor),
              updated_at: at,
              updated_by: actorLabel(actor),
            },
            [...new Set(body.offices)],
          );
          const series = await seriesOr404(trx, { id });
          await recordAudit(trx, actor, { action: 'meeting.series.create', entityType: 'meeting_series', entityId: id, after: series });
          await plan(trx, actor, series, true);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('series_exists', `A series "${code}" exists already.`);
        throw error;
      }
      return this.getSeries(actor, code);
    },

    async updateSeries(actor: Actor, code: string, patch: PatchSeriesBody): Promise<SeriesDetails> {
      requireAccess(actor, 'internal:read');
      await db.transaction().execute(async (trx) => {
        const before = await seriesOr404(trx, { code });
        requireAccess(actor, 'meetings:manage', { bureau: before.bureau });
        presentIssues([...recurrenceIssues(patch), ...(await officeIssues(patch.offices ?? [], 'body.offices'))]);
        const chair = patch.chairId !== undefined || patch.chairLabel !== undefined ? await chairOf(actor, patch.chairId, patch.chairLabel) : null;
        const ok = await store.updateSeries(
          trx,
          before.id,
          patch.version,
          {
            ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(chair ? { chair_id: chair.id, chair_label: chair.label } : {}),
            ...(patch.rule !== undefined ? { rrule: patch.rule } : {}),
            ...(patch.startsLocal !== undefined ? { starts_local: patch.startsLocal } : {}),
            ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
            ...(patch.durationMinutes !== undefined ? { duration_minutes: patch.durationMinutes } : {}),
            ...(patch.exceptions !== undefined ? { exceptions: JSON.stringify([...new Set(patch.exceptions)].sort()) } : {}),
            ...(patch.room !== undefined ? { room: patch.room } : {}),
            ...(patch.onlineUrl !== undefined ? { online_url: patch.onlineUrl } : {}),
            updated_at: now().toISOString(),
            updated_by: actorLabel(actor),
          },
          patch.offices ? [...new Set(patch.offices)] : undefined,
        );
        if (!ok) throw conflict('version_conflict', 'The series was changed meanwhile.');
        const after = await seriesOr404(trx, { id: before.id });
        await recordAudit(trx, actor, { action: 'meeting.series.update', entityType: 'meeting_series', entityId: before.id, before, after });
        await plan(trx, actor, after);
      });
      return this.getSeries(actor, code);
    },

    /** Occurrences of the series the caller may read (every series, or an office's), upcoming or past. */
    async listOccurrences(actor: Actor, query: { when: 'upcoming' | 'past' | 'all'; office?: string | undefined }): Promise<Array<{ occurrence: Occurrence; series: Series }>> {
      requireAccess(actor, 'internal:read');
      const series = await store.listSeries(db, query.office ? { office: query.office } : {});
      const at = now().toISOString();
      const occurrences = await store.listOccurrences(db, series.map((s) => s.id), query.when === 'upcoming' ? { from: at } : query.when === 'past' ? { until: at } : {});
      const byId = new Map(series.map((s) => [s.id, s]));
      const list = occurrences.map((occurrence) => ({ occurrence, series: byId.get(occurrence.seriesId) as Series }));
      return query.when === 'past' ? list.reverse() : list;
    },

    async listSeriesOccurrences(actor: Actor, code: string): Promise<Array<{ occurrence: Occurrence; series: Series }>> {
      requireAccess(actor, 'internal:read');
      const series = await seriesOr404(db, { code });
      return (await store.listOccurrences(db, [series.id])).map((occurrence) => ({ occurrence, series }));
    },

    async getOccurrence(actor: Actor, id: string): Promise<OccurrenceDetails> {
      requireAccess(actor, 'internal:read');
      const { occurrence, series } = await occurrenceOr404(db, id);
      return details(actor, occurrence, series);
    },

    /** Moves one occurrence (its identity kept, SEQUENCE raised): the update reaches the calendars. */
    async moveOccurrence(actor: Actor, id: string, body: { version: number; startAt: string }): Promise<OccurrenceDetails> {
      return changeOccurrence(
        actor,
        id,
        body.version,
        async (_trx, occurrence, series) => {
          requireScheduled(occurrence);
          if (occurrence.minutesState === 'approved') throw conflict('minutes_frozen', 'A meeting with approved minutes is not moved.');
          const to = moved(occurrence, new Date(body.startAt).toISOString(), series.durationMinutes);
          return { start_at: to.startAt, end_at: to.endAt, sequence: to.sequence };
        },
        (trx, occurrence, series) => invite(trx, series, [occurrence], 'moved'),
      );
    },

    /** Cancels one occurrence, leaving the rest of the series as it is: the cancellation reaches the calendars. */
    async cancelOccurrence(actor: Actor, id: string, version: number): Promise<OccurrenceDetails> {
      return changeOccurrence(
        actor,
        id,
        version,
        async (_trx, occurrence) => {
          requireScheduled(occurrence);
          if (occurrence.minutesState === 'approved') throw conflict('minutes_frozen', 'A meeting with approved minutes is not cancelled.');
          return { state: 'cancelled', sequence: occurrence.sequence + 1 };
        },
        (trx, occurrence, series) => invite(trx, series, [occurrence], 'cancelled'),
      );
    },

    /** Drafts the agenda from the register, the rounds and the open action items; the chair's items first. */
    async draftAgenda(actor: Actor, id: string, body: { version: number; chairItems: string[] }, language: Language = 'en'): Promise<OccurrenceDetails> {
      requireAccess(actor, 'internal:read');
      const { occurrence, series } = await occurrenceOr404(db, id);
      requireAccess(actor, 'meetings:manage', { bureau: series.bureau });
      const agenda = await this.agendaFor(occurrence, series, body.chairItems, language);
      return changeOccurrence(actor, id, body.version, async (_trx, current) => {
        requireScheduled(current);
        return { agenda: JSON.stringify(agenda), agenda_drafted_at: now().toISOString() };
      });
    },

    /** The agenda Fieldbook would draft (no access check: for the service and the seed). */
    async agendaFor(occurrence: Occurrence, series: Series, chairItems: readonly string[], language: Language): Promise<Agenda> {
      const all = await store.listOccurrences(db, [series.id]);
      const previous = previousHeld(all, occurrence.startAt);
      const records = await officeRecords(series, occurrence, previous?.startAt ?? null, language);
      const startOf = new Map(all.map((o) => [o.id, o.startAt]));
      const open = carriedActions(await store.listActions(db, { seriesIds: [series.id], status: ['open'] }), occurrence, (oid) => startOf.get(oid));
      const { t } = translator(language);
      return draftAgenda({ records, openActions: open, chairItems, words: { t }, statusLabel: (state) => t(`rounds.state.${state}`) });
    },

    async saveAgenda(actor: Actor, id: string, body: { version: number; agenda: Agenda }): Promise<OccurrenceDetails> {
      requireValid(agendaIssues(body.agenda));
      return changeOccurrence(actor, id, body.version, async (_trx, occurrence) => {
        requireScheduled(occurrence);
        if (occurrence.minutesState === 'approved') throw conflict('minutes_frozen', 'The minutes are approved: the agenda is frozen with them.');
        return { agenda: JSON.stringify(body.agenda) };
      });
    },

    async saveMinutes(actor: Actor, id: string, body: { version: number; minutes: Minutes }): Promise<OccurrenceDetails> {
      return changeOccurrence(actor, id, body.version, async (trx, occurrence) => {
        const state = nextMinutesState(occurrence, 'save', now());
        requireValid(minutesIssues(body.minutes, occurrence.agenda));
        await store.insertMinutesRevision(trx, { id: newId(), occurrence_id: id, at: now().toISOString(), by_label: actorLabel(actor), state, minutes: JSON.stringify(body.minutes) });
        return { minutes: JSON.stringify(body.minutes), minutes_state: state };
      });
    },

    /** The chair approves the minutes: frozen from then on, the approved text kept in the history. */
    async approveMinutes(actor: Actor, id: string, version: number): Promise<OccurrenceDetails> {
      return changeOccurrence(actor, id, version, async (trx, occurrence, series) => {
        if (!canApprove(actor, series)) throw forbidden('Only the chair approves the minutes.', 'not_chair');
        const state = nextMinutesState(occurrence, 'approve', now());
        const at = now().toISOString();
        await store.insertMinutesRevision(trx, { id: newId(), occurrence_id: id, at, by_label: actorLabel(actor), state, minutes: JSON.stringify(occurrence.minutes) });
        return { minutes_state: state, minutes_approved_at: at, minutes_approved_by: actorLabel(actor) };
      });
    },

    /** An office's attendance: its editors for their office, the bureau's focal points for any office taking part. */
    async setAttendance(actor: Actor, id: string, office: string, body: AttendanceBody): Promise<OccurrenceDetails> {
      requireAccess(actor, 'internal:read');
      const { occurrence, series } = await occurrenceOr404(db, id);
      if (!canManage(actor, series)) requireAccess(actor, 'meetings:office-write', { office });
      if (!series.offices.includes(office)) throw notFound('office_not_taking_part', 'This office does not take part in this meeting.');
      requireScheduled(occurrence);
      if (occurrence.minutesState === 'approved') throw conflict('minutes_frozen', 'The minutes are approved and frozen, attendance with them.');
      await db.transaction().execute(async (trx) => {
        const entry: Attendance = { office, state: body.state, people: body.people, updatedAt: now().toISOString(), updatedBy: actorLabel(actor) };
        await store.saveAttendance(trx, id, entry);
        await recordAudit(trx, actor, { action: 'meeting.attendance.set', entityType: 'meeting_occurrence', entityId: id, after: entry });
      });
      return this.getOccurrence(actor, id);
    },

    async createAction(actor: Actor, occurrenceId: string, body: CreateActionBody): Promise<ActionItem> {
      requireAccess(actor, 'internal:read');
      const { occurrence, series } = await occurrenceOr404(db, occurrenceId);
      requireAccess(actor, 'meetings:manage', { bureau: series.bureau });
      if (occurrence.minutesState === 'approved') throw conflict('minutes_frozen', 'The minutes are approved and frozen.');
      presentIssues(await linkIssues(actor, body.links));
      const owner = await this.ownerOf(body.ownerOffice, body.ownerUserId, 'en');
      const at = now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await store.insertAction(trx, {
          id,
          series_id: series.id,
          occurrence_id: occurrenceId,
          agenda_item: body.agendaItem,
          text: body.text,
          owner_office: body.ownerOffice,
          owner_user_id: body.ownerUserId,
          owner_label: owner,
          due: body.due,
          status: 'open',
          links: JSON.stringify(body.links),
          version: 1,
          created_at: at,
          created_by: actorLabel(actor),
          updated_at: at,
          updated_by: actorLabel(actor),
          closed_at: null,
        });
        await recordAudit(trx, actor, { action: 'meeting.action.create', entityType: 'meeting_action_item', entityId: id, after: body });
      });
      return (await store.findAction(db, id)) as ActionItem;
    },

    /** The owner's name: an office's (in English, the minutes' language of record) or a person's. */
    async ownerOf(office: string | null, userId: string | null, language: Language): Promise<string> {
      if ((office === null) === (userId === null)) throw invalid([issue('body.ownerOffice', 'invalid', 'an action item has one owner: an office or a person')]);
      if (office !== null) {
        const found = (await officesByCode()).get(office);
        if (!found) throw invalid([issue('body.ownerOffice', 'invalid', `unknown office "${office}"`, { value: office })]);
        return localise(found.names, language).text;
      }
      const [user] = await auth.usersByIds(SERVICE_ACTOR, [userId as string]);
      if (!user) throw invalid([issue('body.ownerUserId', 'invalid', 'no such user')]);
      return user.displayName;
    },

    /** Changes an action item: the series' managers anything; its owner (the office's editors, the person) its status and links. */
    async updateAction(actor: Actor, id: string, patch: PatchActionBody): Promise<ActionItem> {
      requireAccess(actor, 'internal:read');
      const before = await store.findAction(db, id);
      if (!before) throw notFound('action_not_found', 'There is no such action item.');
      const series = await seriesOr404(db, { id: before.seriesId });
      const manager = canManage(actor, series);
      if (!manager) {
        const owner = (before.ownerOffice !== null && can(actor, 'meetings:office-write', { office: before.ownerOffice })) || (before.ownerUserId !== null && actorId(actor) === before.ownerUserId);
        if (!owner) throw forbidden('Only the owner of an action item or the series\' focal points change it.');
        const beyond = (['text', 'due', 'ownerOffice', 'ownerUserId'] as const).filter((field) => patch[field] !== undefined);
        if (beyond.length > 0) throw forbidden(`The owner changes the status and links of an action item, not ${beyond.join(', ')}.`);
      }
      if (patch.links !== undefined) presentIssues(await linkIssues(actor, patch.links));
      const ownerChanged = patch.ownerOffice !== undefined || patch.ownerUserId !== undefined;
      const office = patch.ownerOffice !== undefined ? patch.ownerOffice : before.ownerOffice;
      const user = patch.ownerUserId !== undefined ? patch.ownerUserId : before.ownerUserId;
      const label = ownerChanged ? await this.ownerOf(office, user, 'en') : before.ownerLabel;
      await db.transaction().execute(async (trx) => {
        const status = patch.status ?? before.status;
        const ok = await store.updateAction(trx, id, patch.version, {
          ...(patch.text !== undefined ? { text: patch.text } : {}),
          ...(patch.due !== undefined ? { due: patch.due } : {}),
          ...(ownerChanged ? { owner_office: office, owner_user_id: user, owner_label: label } : {}),
          ...(patch.links !== undefined ? { links: JSON.stringify(patch.links) } : {}),
          status,
          closed_at: closedAt(status, before, now()),
          updated_at: now().toISOString(),
          updated_by: actorLabel(actor),
        });
        if (!ok) throw conflict('version_conflict', 'The action item was changed meanwhile.');
        await recordAudit(trx, actor, { action: 'meeting.action.update', entityType: 'meeting_action_item', entityId: id, before, after: patch });
      });
      return (await store.findAction(db, id)) as ActionItem;
    },

    /** Action items: an office's (editors: their own office's and their own by default), or every one. */
    async listActions(actor: Actor, query: ActionsQuery): Promise<ActionItem[]> {
      requireAccess(actor, 'internal:read');
      const office = query.office ?? (actor.kind === 'user' && actor.role === 'editor' ? (actor.office ?? undefined) : undefined);
      const mine = actor.kind === 'user' && query.office === undefined && actor.role === 'editor' ? actor.id : undefined;
      return store.listActions(db, { ...(office !== undefined ? { ownerOffice: office } : {}), ...(mine ? { ownerUserId: mine } : {}), ...(query.status ? { status: [query.status] } : {}) });
    },

    async seriesById(ids: readonly string[]): Promise<Map<string, Series>> {
      const all = await store.listSeries(db);
      return new Map(all.filter((s) => ids.includes(s.id)).map((s) => [s.id, s]));
    },

    canEditAction(actor: Actor, item: ActionItem, series: Series | undefined): boolean {
      if (series && canManage(actor, series)) return true;
      return (item.ownerOffice !== null && can(actor, 'meetings:office-write', { office: item.ownerOffice })) || (item.ownerUserId !== null && actorId(actor) === item.ownerUserId);
    },

    /** The minutes as a document in the organisation's style (the reports' renderers). */
    async minutesDocument(actor: Actor, id: string, format: ReportFormat, language: Language): Promise<RenderedReport> {
      const found = await this.getOccurrence(actor, id);
      if (!found.occurrence.minutes) throw notFound('minutes_not_found', 'This meeting has no minutes yet.');
      return reports.renderTree(minutesTree(found, language), format, language);
    },

    /**
     * The job's pass: keeps every series planned to the horizon (inviting to what it adds) and
     * writes the action items' reminders that are due, each once by its key. Returns the
     * reminders written.
     */
    async remind(): Promise<number> {
      const all = await store.listSeries(db);
      for (const series of all) await db.transaction().execute((trx) => plan(trx, SERVICE_ACTOR, series));
      const open = await store.listActions(db, { status: ['open'] });
      const today = now().toISOString().slice(0, 10);
      const byId = new Map(all.map((s) => [s.id, s]));
      const messages: OutgoingMail[] = [];
      for (const item of open) {
        const reminder = actionReminder(item, today, options.actionReminderDays);
        const series = byId.get(item.seriesId);
        if (!reminder || !series) continue;
        const people = await auth.recipients(db, item.ownerOffice !== null ? { editorsOf: [item.ownerOffice] } : { ids: [item.ownerUserId as string] });
        for (const p of people) messages.push(actionReminderMail(item, series, reminder, { id: p.id, email: p.email, name: p.displayName, language: p.language }, options.baseUrl));
      }
      await mail.enqueue(db, messages, now());
      return messages.length;
    },

    /** For the demo seed: writes an occurrence's agenda, minutes and attendance as they were (no mail). */
    async recordPast(actor: Actor, id: string, input: { agenda: Agenda; minutes: Minutes; attendance: Array<{ office: string; state: Attendance['state'] }> }): Promise<void> {
      const { occurrence, series } = await occurrenceOr404(db, id);
      requireAccess(actor, 'meetings:manage', { bureau: series.bureau });
      await db.transaction().execute(async (trx) => {
        const at = now().toISOString();
        await store.updateOccurrence(trx, id, occurrence.version, { agenda: JSON.stringify(input.agenda), agenda_drafted_at: at, minutes: JSON.stringify(input.minutes), minutes_state: 'draft', updated_at: at, updated_by: actorLabel(actor) });
        await store.insertMinutesRevision(trx, { id: newId(), occurrence_id: id, at, by_label: actorLabel(actor), state: 'draft', minutes: JSON.stringify(input.minutes) });
        for (const a of input.attendance) await store.saveAttendance(trx, id, { office: a.office, state: a.state, people: null, updatedAt: at, updatedBy: actorLabel(actor) });
      });
    },
  };
}
