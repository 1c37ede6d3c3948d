/** All SQL of vacancies and nominations. Each function takes the executor first. */
import type { Executor } from '#src/db/schema.ts';
import type { EditMark } from '#src/registry/model.ts';
import type { NominationState, Nomination, Outreach, OutreachKind, Position, PositionRole, PositionStatus } from './model.ts';
import type { LeadershipPositionRow, NominationRow, OutreachRow } from './tables.ts';

export interface EditedBy {
  at: string;
  by: string;
}

const toPosition = (row: LeadershipPositionRow): Position => ({
  id: row.id,
  body: row.body_code,
  studyPeriod: row.study_period,
  role: row.role as PositionRole,
  label: row.label,
  status: row.status as PositionStatus,
  holder: row.holder_name === null ? null : { name: row.holder_name, country: row.holder_country },
  source: row.source,
  confirmed: row.confirmed === 1,
});

const markOf = (row: LeadershipPositionRow): EditMark => ({ version: Number(row.version), editedAt: row.edited_at, editedBy: row.edited_by });

const toOutreach = (row: OutreachRow): Outreach => ({
  id: row.id,
  office: row.office_code,
  country: row.country,
  kind: row.kind as OutreachKind,
  body: row.body_code,
  studyPeriod: row.study_period,
  position: row.position_id,
  on: row.on_day,
  note: row.note,
  activity: row.activity_id,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const toNomination = (row: NominationRow): Nomination => ({
  id: row.id,
  office: row.office_code,
  country: row.country,
  position: row.position_id,
  candidate: row.candidate,
  outreach: row.outreach_id,
  state: row.state as NominationState,
  on: row.on_day,
  version: Number(row.version),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

const positionValues = (p: Position) => ({
  body_code: p.body,
  study_period: p.studyPeriod,
  role: p.role,
  label: p.label,
  status: p.status,
  holder_name: p.holder?.name ?? null,
  holder_country: p.holder?.country ?? null,
  source: p.source,
  confirmed: p.confirmed ? 1 : 0,
});

export interface PositionFilter {
  studyPeriod?: string | undefined;
  body?: string | undefined;
}

export async function listPositions(ex: Executor, filter: PositionFilter = {}): Promise<Array<{ position: Position; mark: EditMark }>> {
  let query = ex.selectFrom('leadership_position').selectAll();
  if (filter.studyPeriod) query = query.where('study_period', '=', filter.studyPeriod);
  if (filter.body) query = query.where('body_code', '=', filter.body);
  return (await query.execute()).map((row) => ({ position: toPosition(row), mark: markOf(row) }));
}

export async function findPosition(ex: Executor, id: string): Promise<{ position: Position; mark: EditMark } | null> {
  const row = await ex.selectFrom('leadership_position').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { position: toPosition(row), mark: markOf(row) } : null;
}

/** As the seed loads it: new, or changed in the files (the caller has left out what the workspace edited). */
export async function upsertReferencePosition(ex: Executor, position: Position): Promise<void> {
  const values = positionValues(position);
  await ex
    .insertInto('leadership_position')
    .values({ id: position.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...values, version: eb('leadership_position.version', '+', 1) })))
    .execute();
}

export async function insertPosition(ex: Executor, position: Position, edit: EditedBy): Promise<void> {
  await ex.insertInto('leadership_position').values({ id: position.id, ...positionValues(position), edited_at: edit.at, edited_by: edit.by }).execute();
}

export async function updatePosition(ex: Executor, position: Position, expectedVersion: number, edit: EditedBy): Promise<boolean> {
  const result = await ex
    .updateTable('leadership_position')
    .set((eb) => ({ ...positionValues(position), version: eb('version', '+', 1), edited_at: edit.at, edited_by: edit.by }))
    .where('id', '=', position.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface OutreachFilter {
  studyPeriod?: string | undefined;
  office?: string | undefined;
  country?: string | undefined;
}

export async function listOutreach(ex: Executor, filter: OutreachFilter = {}): Promise<Outreach[]> {
  let query = ex.selectFrom('outreach').selectAll();
  if (filter.studyPeriod) query = query.where('study_period', '=', filter.studyPeriod);
  if (filter.office) query = query.where('office_code', '=', filter.office);
  if (filter.country) query = query.where('country', '=', filter.country);
  return (await query.orderBy('on_day', 'desc').orderBy('id').execute()).map(toOutreach);
}

export async function findOutreach(ex: Executor, id: string): Promise<Outreach | null> {
  const row = await ex.selectFrom('outreach').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutreach(row) : null;
}

export async function insertOutreach(ex: Executor, outreach: Outreach): Promise<void> {
  await ex
    .insertInto('outreach')
    .values({
      id: outreach.id,
      office_code: outreach.office,
      country: outreach.country,
      kind: outreach.kind,
      body_code: outreach.body,
      study_period: outreach.studyPeriod,
      position_id: outreach.position,
      on_day: outreach.on,
      note: outreach.note,
      activity_id: outreach.activity,
      created_at: outreach.createdAt,
      created_by: outreach.createdBy,
    })
    .execute();
}

export interface NominationFilter {
  positions?: readonly string[] | undefined;
  office?: string | undefined;
  country?: string | undefined;
}

export async function listNominations(ex: Executor, filter: NominationFilter = {}): Promise<Nomination[]> {
  let query = ex.selectFrom('nomination').selectAll();
  if (filter.positions) {
    if (filter.positions.length === 0) return [];
    query = query.where('position_id', 'in', [...filter.positions]);
  }
  if (filter.office) query = query.where('office_code', '=', filter.office);
  if (filter.country) query = query.where('country', '=', filter.country);
  return (await query.orderBy('on_day', 'desc').orderBy('id').execute()).map(toNomination);
}

export async function findNomination(ex: Executor, id: string): Promise<Nomination | null> {
  const row = await ex.selectFrom('nomination').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toNomination(row) : null;
}

export async function insertNomination(ex: Executor, n: Nomination, createdAt: string, createdBy: string): Promise<void> {
  await ex
    .insertInto('nomination')
    .values({
      id: n.id,
      office_code: n.office,
      country: n.country,
      position_id: n.position,
      candidate: n.candidate,
      outreach_id: n.outreach,
      state: n.state,
      on_day: n.on,
      created_at: createdAt,
      created_by: createdBy,
      updated_at: n.updatedAt,
      updated_by: n.updatedBy,
    })
    .execute();
}

export async function updateNomination(ex: Executor, n: Nomination, expectedVersion: number): Promise<boolean> {
  const result = await ex
    .updateTable('nomination')
    .set((eb) => ({ candidate: n.candidate, state: n.state, on_day: n.on, version: eb('version', '+', 1), updated_at: n.updatedAt, updated_by: n.updatedBy }))
    .where('id', '=', n.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
