/** All SQL of the activity register. Each function takes the executor first. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Dialect } from '#src/platform/database.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Database, Executor } from '#src/platform/schema.ts';
import type { FuzzyDate, FuzzyPrecision } from './fuzzy-date.ts';
import type {
  Activity,
  ActivityKind,
  Link,
  OfficeRole,
  PlaceMode,
  Provenance,
  RelationKind,
  Status,
  StatusChange,
  Texts,
  Visibility,
} from './model.ts';
import type { ActivityRow, ActivityTable } from './tables.ts';

export interface ActivityFilter {
  offices?: string[];
  regions?: string[];
  sectors?: string[];
  bodies?: string[];
  kinds?: string[];
  statuses?: string[];
  visibilities?: string[];
  from?: string;
  to?: string;
  /** Normalised search words; every one must match (as a word prefix). */
  terms?: string[];
  deleted: 'exclude' | 'include' | 'only';
}

export type ActivitySort = 'date' | '-date' | 'updated';

/** Where the previous page ended: the sort value and the row's sequence number. */
export interface PagePosition {
  value: string;
  seq: number;
}

function toRow(activity: Activity, searchText: string): Omit<ActivityTable, 'seq'> {
  return {
    id: activity.id,
    title: JSON.stringify(activity.title),
    original_language: activity.originalLanguage,
    kind: activity.kind,
    status: activity.status,
    visibility: activity.visibility,
    date_text: activity.date.text,
    date_start: activity.date.start,
    date_end: activity.date.end,
    date_precision: activity.date.precision,
    place_mode: activity.place?.mode ?? null,
    place_city: activity.place?.city ?? null,
    place_country: activity.place?.country ?? null,
    description: JSON.stringify(activity.description),
    outcome: JSON.stringify(activity.outcome),
    participants: activity.participants,
    links: JSON.stringify(activity.links),
    provenance: JSON.stringify(activity.provenance),
    search_text: searchText,
    version: activity.version,
    created_at: activity.createdAt,
    created_by: activity.createdBy,
    updated_at: activity.updatedAt,
    updated_by: activity.updatedBy,
    deleted_at: activity.deletedAt,
    deleted_by: activity.deletedBy,
  };
}

interface Children {
  offices: Array<{ activity_id: string; office_code: string; role: string }>;
  sectors: Array<{ activity_id: string; sector_code: string }>;
  bodies: Array<{ activity_id: string; body_code: string }>;
  relations: Array<{ activity_id: string; related_id: string; kind: string }>;
}

function toActivity(row: ActivityRow, children: Children): Activity {
  const date: FuzzyDate = { text: row.date_text, start: row.date_start, end: row.date_end, precision: row.date_precision as FuzzyPrecision };
  return {
    id: row.id,
    title: JSON.parse(row.title) as Texts,
    originalLanguage: row.original_language as Language,
    kind: row.kind as ActivityKind,
    status: row.status as Status,
    visibility: row.visibility as Visibility,
    offices: children.offices.filter((o) => o.activity_id === row.id).map((o) => ({ office: o.office_code, role: o.role as OfficeRole })),
    sectors: children.sectors.filter((s) => s.activity_id === row.id).map((s) => s.sector_code),
    bodies: children.bodies.filter((b) => b.activity_id === row.id).map((b) => b.body_code),
    date,
    place: row.place_mode === null ? null : { mode: row.place_mode as PlaceMode, city: row.place_city, country: row.place_country },
    description: JSON.parse(row.description) as Texts,
    outcome: JSON.parse(row.outcome) as Texts,
    participants: row.participants === null ? null : Number(row.participants),
    links: JSON.parse(row.links) as Link[],
    related: children.relations.filter((r) => r.activity_id === row.id).map((r) => ({ activity: r.related_id, kind: r.kind as RelationKind })),
    provenance: JSON.parse(row.provenance) as Provenance,
    version: Number(row.version),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
  };
}

/** Rows per multi-row insert: well under SQLite's 32766 bound parameters at ~27 columns. */
const CHUNK = 500;

async function insertChunked<T extends keyof Database>(ex: Executor, table: T, rows: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely's typed insert cannot infer a table chosen at run time; the rows come from typed builders above.
    await ex.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

async function insertChildren(ex: Executor, activities: Activity[]): Promise<void> {
  await insertChunked(
    ex,
    'activity_office',
    activities.flatMap((a) => a.offices.map((o, position) => ({ activity_id: a.id, office_code: o.office, role: o.role, position }))),
  );
  await insertChunked(ex, 'activity_sector', activities.flatMap((a) => a.sectors.map((sector_code) => ({ activity_id: a.id, sector_code }))));
  await insertChunked(
    ex,
    'activity_body',
    activities.flatMap((a) => a.bodies.map((body_code, position) => ({ activity_id: a.id, body_code, position }))),
  );
  await insertChunked(
    ex,
    'activity_relation',
    activities.flatMap((a) => a.related.map((r) => ({ activity_id: a.id, related_id: r.activity, kind: r.kind }))),
  );
}

/** Inserts activities with their links, in multi-row statements (the caller holds the transaction). */
export async function insertActivities(ex: Executor, items: Array<{ activity: Activity; searchText: string }>): Promise<void> {
  if (items.length === 0) return;
  await insertChunked(ex, 'activity', items.map((i) => toRow(i.activity, i.searchText)));
  await insertChildren(ex, items.map((i) => i.activity));
}

/** Writes a changed activity if it is still at `expectedVersion`; false when someone changed it first. */
export async function updateActivity(ex: Executor, activity: Activity, expectedVersion: number, searchText: string): Promise<boolean> {
  const { id, created_at: _c, created_by: _b, ...changes } = toRow(activity, searchText);
  const result = await ex.updateTable('activity').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  for (const table of ['activity_office', 'activity_sector', 'activity_body', 'activity_relation'] as const) {
    await ex.deleteFrom(table).where('activity_id', '=', id).execute();
  }
  await insertChildren(ex, [activity]);
  return true;
}

async function hydrate(ex: Executor, rows: ActivityRow[]): Promise<Activity[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [offices, sectors, bodies, relations] = await Promise.all([
    ex.selectFrom('activity_office').select(['activity_id', 'office_code', 'role']).where('activity_id', 'in', ids).orderBy('position').execute(),
    ex.selectFrom('activity_sector').select(['activity_id', 'sector_code']).where('activity_id', 'in', ids).orderBy('sector_code').execute(),
    ex.selectFrom('activity_body').select(['activity_id', 'body_code']).where('activity_id', 'in', ids).orderBy('position').execute(),
    ex.selectFrom('activity_relation').select(['activity_id', 'related_id', 'kind']).where('activity_id', 'in', ids).execute(),
  ]);
  const children = { offices, sectors, bodies, relations };
  return rows.map((row) => toActivity(row, children));
}

export async function findActivity(ex: Executor, id: string): Promise<Activity | null> {
  const row = await ex.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydrate(ex, [row]))[0]! : null;
}

export async function existingActivityIds(ex: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('activity').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Full-text match, one function per dialect: FTS5 on SQLite, a GIN-indexed tsvector on
 * PostgreSQL. Both index the same normalised text; every word is required, and only the last
 * is read as a prefix (the one still being typed): prefixes of short words such as "of" would
 * expand to most of the index.
 */
export function fullTextMatch(dialect: Dialect, terms: string[]): Expression<SqlBool> {
  if (dialect === 'sqlite') {
    const query = terms.map((t, i) => (i === terms.length - 1 ? `"${t}"*` : `"${t}"`)).join(' ');
    return sql<SqlBool>`activity.seq in (select rowid from activity_fts where activity_fts match ${query})`;
  }
  const query = terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(' & ');
  return sql<SqlBool>`to_tsvector('simple', activity.search_text) @@ to_tsquery('simple', ${query})`;
}

function filterExpression(eb: ExpressionBuilder<Database, 'activity'>, dialect: Dialect, filter: ActivityFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.deleted === 'exclude') conditions.push(eb('activity.deleted_at', 'is', null));
  if (filter.deleted === 'only') conditions.push(eb('activity.deleted_at', 'is not', null));
  if (filter.kinds?.length) conditions.push(eb('activity.kind', 'in', filter.kinds));
  if (filter.statuses?.length) conditions.push(eb('activity.status', 'in', filter.statuses));
  if (filter.visibilities?.length) conditions.push(eb('activity.visibility', 'in', filter.visibilities));
  // Overlap of the fuzzy range with [from, to].
  if (filter.from) conditions.push(eb('activity.date_end', '>=', filter.from));
  if (filter.to) conditions.push(eb('activity.date_start', '<=', filter.to));
  if (filter.offices?.length) {
    const offices = filter.offices;
    conditions.push(
      eb.exists(
        eb.selectFrom('activity_office as ao').select(sql`1`.as('one')).whereRef('ao.activity_id', '=', 'activity.id').where('ao.office_code', 'in', offices),
      ),
    );
  }
  if (filter.regions?.length) {
    const regions = filter.regions;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('activity_office as ao')
          .innerJoin('office as o', 'o.code', 'ao.office_code')
          .select(sql`1`.as('one'))
          .whereRef('ao.activity_id', '=', 'activity.id')
          .where('o.region_code', 'in', regions),
      ),
    );
  }
  if (filter.sectors?.length) {
    const sectors = filter.sectors;
    conditions.push(
      eb.exists(
        eb.selectFrom('activity_sector as s').select(sql`1`.as('one')).whereRef('s.activity_id', '=', 'activity.id').where('s.sector_code', 'in', sectors),
      ),
    );
  }
  if (filter.bodies?.length) {
    const bodies = filter.bodies;
    conditions.push(
      eb.exists(
        eb.selectFrom('activity_body as b').select(sql`1`.as('one')).whereRef('b.activity_id', '=', 'activity.id').where('b.body_code', 'in', bodies),
      ),
    );
  }
  if (filter.terms?.length) conditions.push(fullTextMatch(dialect, filter.terms));
  return eb.and(conditions);
}

/** One page of activities in a stable order, after `after` when given; one extra row tells if more follow. */
export async function listActivities(
  ex: Executor,
  dialect: Dialect,
  filter: ActivityFilter,
  page: { sort: ActivitySort; after?: PagePosition | undefined; limit: number },
): Promise<{ activities: Activity[]; positions: PagePosition[]; more: boolean }> {
  const column = page.sort === 'updated' ? 'activity.updated_at' : 'activity.date_start';
  const descending = page.sort !== 'date';
  const direction = descending ? 'desc' : 'asc';
  let query = ex
    .selectFrom('activity')
    .selectAll('activity')
    .where((eb) => filterExpression(eb, dialect, filter));
  if (page.after) {
    const { value, seq } = page.after;
    const beyond = descending ? '<' : '>';
    query = query.where((eb) => eb.or([eb(column, beyond, value), eb.and([eb(column, '=', value), eb('activity.seq', beyond, seq)])]));
  }
  const rows = await query.orderBy(column, direction).orderBy('activity.seq', direction).limit(page.limit + 1).execute();
  const pageRows = rows.slice(0, page.limit);
  return {
    activities: await hydrate(ex, pageRows),
    positions: pageRows.map((r) => ({ value: page.sort === 'updated' ? r.updated_at : r.date_start, seq: Number(r.seq) })),
    more: rows.length > page.limit,
  };
}

export async function insertStatusChange(ex: Executor, activityId: string, change: StatusChange & { id: string }): Promise<void> {
  await ex
    .insertInto('activity_status_change')
    .values({ id: change.id, activity_id: activityId, from_status: change.from, to_status: change.to, reason: change.reason, at: change.at, actor_label: change.by })
    .execute();
}

export async function listStatusChanges(ex: Executor, activityId: string): Promise<StatusChange[]> {
  const rows = await ex.selectFrom('activity_status_change').selectAll().where('activity_id', '=', activityId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ from: r.from_status as Status | null, to: r.to_status as Status, reason: r.reason, at: r.at, by: r.actor_label }));
}
