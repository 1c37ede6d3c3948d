/** All SQL of coordination meetings (both dialects alike; JSON is text). The executor comes first. */
import type { Executor } from '#src/db/schema.ts';
import type { ActionItem, ActionLink, ActionStatus, Agenda, Attendance, AttendanceState, MeetingKind, Minutes, MinutesRevision, MinutesState, Occurrence, OccurrenceState, Series } from './model.ts';
import type { ActionItemRow, MeetingActionItemTable, MeetingOccurrenceTable, MeetingSeriesTable, OccurrenceRow, SeriesRow } from './tables.ts';

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function toSeries(row: SeriesRow, offices: string[]): Series {
  return {
    id: row.id,
    code: row.code,
    bureau: row.bureau_code,
    kind: row.kind as MeetingKind,
    title: row.title,
    chairId: row.chair_id,
    chairLabel: row.chair_label,
    rule: row.rrule,
    startsLocal: row.starts_local,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    exceptions: json<string[]>(row.exceptions) ?? [],
    offices,
    room: row.room,
    onlineUrl: row.online_url,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toOccurrence(row: OccurrenceRow): Occurrence {
  return {
    id: row.id,
    seriesId: row.series_id,
    recurrenceStart: row.recurrence_start,
    startAt: row.start_at,
    endAt: row.end_at,
    state: row.state as OccurrenceState,
    sequence: row.sequence,
    agenda: json<Agenda>(row.agenda),
    agendaDraftedAt: row.agenda_drafted_at,
    minutes: json<Minutes>(row.minutes),
    minutesState: row.minutes_state as MinutesState,
    minutesApprovedAt: row.minutes_approved_at,
    minutesApprovedBy: row.minutes_approved_by,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toAction(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    seriesId: row.series_id,
    occurrenceId: row.occurrence_id,
    agendaItem: row.agenda_item,
    text: row.text,
    ownerOffice: row.owner_office,
    ownerUserId: row.owner_user_id,
    ownerLabel: row.owner_label,
    due: row.due,
    status: row.status as ActionStatus,
    links: json<ActionLink[]>(row.links) ?? [],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    closedAt: row.closed_at,
  };
}

// ---- series ----

async function officesOf(ex: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  if (ids.length === 0) return byId;
  const rows = await ex.selectFrom('meeting_series_office').select(['series_id', 'office_code']).where('series_id', 'in', [...ids]).orderBy('office_code').execute();
  for (const row of rows) byId.set(row.series_id, [...(byId.get(row.series_id) ?? []), row.office_code]);
  return byId;
}

export async function insertSeries(ex: Executor, row: MeetingSeriesTable, offices: readonly string[]): Promise<void> {
  await ex.insertInto('meeting_series').values(row).execute();
  if (offices.length > 0) await ex.insertInto('meeting_series_office').values(offices.map((office_code) => ({ series_id: row.id, office_code }))).execute();
}

/** Writes the changed columns if the version is still `version`; false when it is not. */
export async function updateSeries(ex: Executor, id: string, version: number, patch: Partial<MeetingSeriesTable>, offices?: readonly string[]): Promise<boolean> {
  const result = await ex.updateTable('meeting_series').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  if (offices) {
    await ex.deleteFrom('meeting_series_office').where('series_id', '=', id).execute();
    if (offices.length > 0) await ex.insertInto('meeting_series_office').values(offices.map((office_code) => ({ series_id: id, office_code }))).execute();
  }
  return true;
}

export async function findSeries(ex: Executor, by: { code: string } | { id: string }): Promise<Series | null> {
  const row = await ex
    .selectFrom('meeting_series')
    .selectAll()
    .where('code' in by ? 'code' : 'id', '=', 'code' in by ? by.code : by.id)
    .executeTakeFirst();
  if (!row) return null;
  return toSeries(row, (await officesOf(ex, [row.id])).get(row.id) ?? []);
}

/** Every series, or those of a bureau, or those an office takes part in; by title. */
export async function listSeries(ex: Executor, filter: { bureau?: string; office?: string } = {}): Promise<Series[]> {
  let query = ex.selectFrom('meeting_series').selectAll().orderBy('title').orderBy('id');
  if (filter.bureau) query = query.where('bureau_code', '=', filter.bureau);
  if (filter.office) query = query.where('id', 'in', ex.selectFrom('meeting_series_office').select('series_id').where('office_code', '=', filter.office));
  const rows = await query.execute();
  const offices = await officesOf(ex, rows.map((row) => row.id));
  return rows.map((row) => toSeries(row, offices.get(row.id) ?? []));
}

// ---- occurrences ----

export async function insertOccurrences(ex: Executor, rows: readonly MeetingOccurrenceTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) await ex.insertInto('meeting_occurrence').values(rows.slice(start, start + 200)).execute();
}

export async function listOccurrences(ex: Executor, seriesIds: readonly string[], window: { from?: string; until?: string } = {}): Promise<Occurrence[]> {
  if (seriesIds.length === 0) return [];
  let query = ex.selectFrom('meeting_occurrence').selectAll().where('series_id', 'in', [...seriesIds]).orderBy('start_at').orderBy('id');
  if (window.from) query = query.where('start_at', '>=', window.from);
  if (window.until) query = query.where('start_at', '<', window.until);
  return (await query.execute()).map(toOccurrence);
}

export async function findOccurrence(ex: Executor, id: string): Promise<Occurrence | null> {
  const row = await ex.selectFrom('meeting_occurrence').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOccurrence(row) : null;
}

export async function updateOccurrence(ex: Executor, id: string, version: number, patch: Partial<MeetingOccurrenceTable>): Promise<boolean> {
  const result = await ex.updateTable('meeting_occurrence').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMinutesRevision(ex: Executor, row: { id: string; occurrence_id: string; at: string; by_label: string; state: string; minutes: string }): Promise<void> {
  await ex.insertInto('meeting_minutes_revision').values(row).execute();
}

export async function listMinutesRevisions(ex: Executor, occurrenceId: string): Promise<MinutesRevision[]> {
  const rows = await ex.selectFrom('meeting_minutes_revision').selectAll().where('occurrence_id', '=', occurrenceId).orderBy('at').orderBy('id').execute();
  return rows.map((row) => ({ at: row.at, by: row.by_label, state: row.state as MinutesState, minutes: json<Minutes>(row.minutes) ?? { items: [] } }));
}

// ---- attendance ----

export async function listAttendance(ex: Executor, occurrenceId: string): Promise<Attendance[]> {
  const rows = await ex.selectFrom('meeting_attendance').selectAll().where('occurrence_id', '=', occurrenceId).orderBy('office_code').execute();
  return rows.map((row) => ({ office: row.office_code, state: row.state as AttendanceState, people: row.people, updatedAt: row.updated_at, updatedBy: row.updated_by }));
}

export async function saveAttendance(ex: Executor, occurrenceId: string, attendance: Attendance): Promise<void> {
  const row = { occurrence_id: occurrenceId, office_code: attendance.office, state: attendance.state, people: attendance.people, updated_at: attendance.updatedAt, updated_by: attendance.updatedBy };
  await ex
    .insertInto('meeting_attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['occurrence_id', 'office_code']).doUpdateSet({ state: row.state, people: row.people, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

// ---- action items ----

export async function insertAction(ex: Executor, row: MeetingActionItemTable): Promise<void> {
  await ex.insertInto('meeting_action_item').values(row).execute();
}

export async function updateAction(ex: Executor, id: string, version: number, patch: Partial<MeetingActionItemTable>): Promise<boolean> {
  const result = await ex.updateTable('meeting_action_item').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findAction(ex: Executor, id: string): Promise<ActionItem | null> {
  const row = await ex.selectFrom('meeting_action_item').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAction(row) : null;
}

/** Action items by series, raising occurrence, owner office or owner person, and status; by due day. */
export async function listActions(
  ex: Executor,
  filter: { seriesIds?: readonly string[]; occurrenceId?: string; ownerOffice?: string; ownerUserId?: string; status?: readonly ActionStatus[] },
): Promise<ActionItem[]> {
  let query = ex.selectFrom('meeting_action_item').selectAll().orderBy('due').orderBy('id');
  if (filter.seriesIds) {
    if (filter.seriesIds.length === 0) return [];
    query = query.where('series_id', 'in', [...filter.seriesIds]);
  }
  if (filter.occurrenceId) query = query.where('occurrence_id', '=', filter.occurrenceId);
  const { ownerOffice, ownerUserId } = filter;
  if (ownerOffice !== undefined || ownerUserId !== undefined)
    query = query.where((eb) =>
      eb.or([...(ownerOffice !== undefined ? [eb('owner_office', '=', ownerOffice)] : []), ...(ownerUserId !== undefined ? [eb('owner_user_id', '=', ownerUserId)] : [])]),
    );
  if (filter.status) query = query.where('status', 'in', [...filter.status]);
  return (await query.execute()).map(toAction);
}
