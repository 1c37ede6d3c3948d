/** All SQL of the activity register. Each function takes the executor first. */
import { DynamicModule, SqliteAdapter, sql, type CompiledQuery, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { PREPARED_STATEMENT, type Dialect } from '#src/platform/database.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import { daysBetween, UNDATED_DAY, type FuzzyDate, type FuzzyPrecision } from './fuzzy-date.ts';
import {
  flatDateAndPlace,
  type Activity,
  type ActivityKind,
  type Link,
  type MonthRegionCount,
  type OfficeRole,
  type PlaceMode,
  type Provenance,
  type RegisterFreshness,
  type RelationKind,
  type Status,
  type StatusChange,
  type Texts,
  type Visibility,
} from './model.ts';
import type { ActivityReadRow, ActivityTable } from './tables.ts';
import type { ActivityCache } from './activity-cache.ts';
import { prefixForm, termForms } from './search-words.ts';
import { mergeWalks } from './merge-walks.ts';
import { insertSketches, rewriteSketch } from './sketches.ts';

export interface ActivityFilter {
  offices?: string[];
  regions?: string[];
  sectors?: string[];
  bodies?: string[];
  /** Each a set of plan items (an output filter, a goal's closure …): the activity links one of every set. */
  planItems?: string[][];
  kinds?: string[];
  statuses?: string[];
  visibilities?: string[];
  from?: string;
  to?: string;
  /**
   * Normalised search terms, each a word or a phrase of words joined by spaces (a hyphenated
   * word such as "e-waste" is the phrase "e waste"); every one must match, the last as a prefix.
   */
  terms?: string[];
  deleted: 'exclude' | 'include' | 'only';
  /** Activities planned without a date; absent = include. */
  undated?: 'exclude' | 'include' | 'only';
}

export type ActivitySort = 'date' | '-date' | 'updated';

/** Where the previous page ended: the sort value and the row's sequence number. */
export interface PagePosition {
  value: string;
  seq: number;
}

function toRow(activity: Activity, searchText: string, changeSeq: number): Omit<ActivityTable, 'seq'> {
  return {
    id: activity.id,
    title: JSON.stringify(activity.title),
    original_language: activity.originalLanguage,
    kind: activity.kind,
    status: activity.status,
    visibility: activity.visibility,
    ...flatDateAndPlace(activity),
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
    change_seq: changeSeq,
  };
}

/** Every column a read of `activity` needs: not the search text (nor PostgreSQL's search vector), which only the index reads. */
const READ_COLUMNS = [
  'activity.seq',
  'activity.id',
  'activity.title',
  'activity.original_language',
  'activity.kind',
  'activity.status',
  'activity.visibility',
  'activity.date_text',
  'activity.date_start',
  'activity.date_end',
  'activity.date_precision',
  'activity.place_mode',
  'activity.place_city',
  'activity.place_country',
  'activity.description',
  'activity.outcome',
  'activity.participants',
  'activity.links',
  'activity.provenance',
  'activity.version',
  'activity.created_at',
  'activity.created_by',
  'activity.updated_at',
  'activity.updated_by',
  'activity.deleted_at',
  'activity.deleted_by',
] as const satisfies ReadonlyArray<`activity.${keyof ActivityReadRow}`>;

/** An activity's links, grouped by activity id. */
interface Children {
  offices: Array<{ office: string; role: OfficeRole }>;
  sectors: string[];
  bodies: string[];
  plans: string[];
  related: Array<{ activity: string; kind: RelationKind }>;
}

function toActivity(row: ActivityReadRow, children: Children | undefined): Activity {
  const date: FuzzyDate = { text: row.date_text, start: row.date_start, end: row.date_end, precision: row.date_precision as FuzzyPrecision };
  return {
    id: row.id,
    title: JSON.parse(row.title) as Texts,
    originalLanguage: row.original_language as Language,
    kind: row.kind as ActivityKind,
    status: row.status as Status,
    visibility: row.visibility as Visibility,
    offices: children?.offices ?? [],
    sectors: children?.sectors ?? [],
    bodies: children?.bodies ?? [],
    plans: children?.plans ?? [],
    date,
    place: row.place_mode === null ? null : { mode: row.place_mode as PlaceMode, city: row.place_city, country: row.place_country },
    description: JSON.parse(row.description) as Texts,
    outcome: JSON.parse(row.outcome) as Texts,
    participants: row.participants === null ? null : Number(row.participants),
    links: JSON.parse(row.links) as Link[],
    related: children?.related ?? [],
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

/** What a plan link copies of its activity (migrations 0130, 0142): what the coverage counts, read from the links alone. */
function planLinkCopies(activity: Activity, seq: number) {
  return {
    date_start: activity.date.start,
    date_end: activity.date.end,
    seq,
    status: activity.status,
    visibility: activity.visibility,
    deleted_at: activity.deletedAt,
    offices: activity.offices.map((o) => o.office).join(' '),
  };
}

/** `seqOf`: each activity's seq, which its office links carry beside its date_start (the office list's order). */
async function insertChildren(ex: Executor, activities: Activity[], seqOf: ReadonlyMap<string, number>): Promise<void> {
  await insertChunked(
    ex,
    'activity_office',
    activities.flatMap((a) =>
      a.offices.map((o, position) => ({ activity_id: a.id, office_code: o.office, role: o.role, position, date_start: a.date.start, seq: seqOf.get(a.id)! })),
    ),
  );
  await insertChunked(ex, 'activity_sector', activities.flatMap((a) => a.sectors.map((sector_code) => ({ activity_id: a.id, sector_code }))));
  await insertChunked(
    ex,
    'activity_body',
    activities.flatMap((a) => a.bodies.map((body_code, position) => ({ activity_id: a.id, body_code, position }))),
  );
  await insertChunked(
    ex,
    'activity_plan_item',
    activities.flatMap((a) => a.plans.map((item_id, position) => ({ activity_id: a.id, item_id, position, ...planLinkCopies(a, seqOf.get(a.id)!) }))),
  );
  await insertChunked(
    ex,
    'activity_relation',
    activities.flatMap((a) => a.related.map((r) => ({ activity_id: a.id, related_id: r.activity, kind: r.kind }))),
  );
}

const onSqlite = (ex: Executor): boolean => ex.getExecutor().adapter instanceof SqliteAdapter;

/**
 * The register's next change number, for the rows this transaction writes (migration 0008). The
 * counter row stays locked until the transaction ends, so on PostgreSQL writers of activities
 * take turns here and the numbers commit in order: a reader never sees a higher number before a
 * lower one. Call it first in the transaction's activity writes.
 */
/**
 * The next change number, for a write of `written`; raises the longest span ever written to
 * theirs when longer (migration 0140), in the same statement.
 */
async function nextChangeSeq(ex: Executor, written: readonly Activity[]): Promise<number> {
  const span = written.reduce((longest, a) => Math.max(longest, spanDays(a.date)), 0);
  const longest = onSqlite(ex) ? sql<number>`max(max_span_days, ${span})` : sql<number>`greatest(max_span_days, ${span})`;
  const row = await ex
    .updateTable('activity_change_counter')
    .set((eb) => ({ value: eb('value', '+', 1), max_span_days: longest }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

const spanDays = (date: Pick<FuzzyDate, 'start' | 'end'>): number => Math.max(0, daysBetween(date.start, date.end)) || 0;

/**
 * The earliest day an activity overlapping a window from `from` can start: `from` less the
 * longest span written (migration 0140), read in the statement that uses it. With it, walks of the
 * date indexes start near the window instead of at the register's (or office's) first activity.
 */
function earliestStart(dialect: Dialect, from: string): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`date(${from}, '-' || (select max_span_days from activity_change_counter where id = 1) || ' days')`
    : sql<string>`to_char(${from}::date - (select max_span_days from activity_change_counter where id = 1), 'YYYY-MM-DD')`;
}

/** SQLite: adds the words of search texts to the word list that prefix searches expand from. */
async function addSearchWords(ex: Executor, searchTexts: string[]): Promise<void> {
  if (!onSqlite(ex)) return;
  const words = [...new Set(searchTexts.flatMap((text) => text.split(' ')))].filter(Boolean);
  for (let i = 0; i < words.length; i += CHUNK) {
    await ex
      .insertInto('activity_search_word')
      .values(words.slice(i, i + CHUNK).map((word) => ({ word })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * SQLite: the word list read back from the full-text index itself (after a restore, whose rows
 * filled the index through its triggers), so prefix searches expand to exactly the indexed words.
 */
export async function rebuildSearchWords(ex: Executor): Promise<void> {
  if (!onSqlite(ex)) return;
  await ex.deleteFrom('activity_search_word').execute();
  await sql`create virtual table if not exists temp.activity_search_terms using fts5vocab(main, activity_search, 'row')`.execute(ex);
  await sql`insert into activity_search_word (word) select term from temp.activity_search_terms`.execute(ex);
  await sql`drop table temp.activity_search_terms`.execute(ex);
}

/** Inserts activities with their links, in multi-row statements (the caller holds the transaction). */
export async function insertActivities(ex: Executor, items: Array<{ activity: Activity; searchText: string }>): Promise<void> {
  if (items.length === 0) return;
  // By date (stable, so one day keeps the given order): the search index keys rows by date, then
  // seq, and FTS5 writes out a segment whenever a key is not above the last (a merge each row).
  const byDate = [...items].sort((a, b) => (a.activity.date.start < b.activity.date.start ? -1 : a.activity.date.start > b.activity.date.start ? 1 : 0));
  const change = await nextChangeSeq(ex, items.map((i) => i.activity));
  const seqOf = new Map<string, number>();
  for (let i = 0; i < byDate.length; i += CHUNK) {
    const rows = byDate.slice(i, i + CHUNK).map((item) => toRow(item.activity, item.searchText, change));
    for (const r of await ex.insertInto('activity').values(rows).returning(['id', 'seq']).execute()) seqOf.set(r.id, Number(r.seq));
  }
  await insertChildren(ex, items.map((i) => i.activity), seqOf);
  await insertSketches(ex, items.map(({ activity }) => ({ activity, seq: seqOf.get(activity.id)! })));
  await addSearchWords(ex, items.map((i) => i.searchText));
  const at = items.reduce((latest, i) => (i.activity.updatedAt > latest ? i.activity.updatedAt : latest), '');
  await markOfficesChanged(ex, items.flatMap((i) => i.activity.offices.map((o) => o.office)), change, at);
}

/** Stamps the offices whose shown activities a write changed with its change number (migration 0061). */
async function markOfficesChanged(ex: Executor, offices: readonly string[], changeSeq: number, at: string): Promise<void> {
  const codes = [...new Set(offices)].sort();
  if (codes.length === 0) return;
  await ex
    .insertInto('activity_office_change')
    .values(codes.map((office_code) => ({ office_code, change_seq: changeSeq, changed_at: at })))
    .onConflict((oc) => oc.column('office_code').doUpdateSet((eb) => ({ change_seq: eb.ref('excluded.change_seq'), changed_at: eb.ref('excluded.changed_at') })))
    .execute();
}

/**
 * The offices whose pages show this activity: its own, before and after the write, and, when
 * whether the public may see it changed, those of the activities related to it (the public
 * presenter lists a related activity only while it is public).
 */
async function officesShowing(ex: Executor, before: Activity, after: Activity): Promise<string[]> {
  const own = [...before.offices, ...after.offices].map((o) => o.office);
  const seen = (a: Activity) => a.visibility === 'public' && a.deletedAt === null;
  if (seen(before) === seen(after)) return own;
  const relating = await ex
    .selectFrom('activity_relation as r')
    .innerJoin('activity_office as ao', 'ao.activity_id', 'r.activity_id')
    .select('ao.office_code')
    .distinct()
    .where('r.related_id', '=', after.id)
    .execute();
  return [...own, ...relating.map((r) => r.office_code)];
}

/** An activity as written, with the search text it was (or is to be) indexed under. */
export interface StoredActivity {
  activity: Activity;
  searchText: string;
}

/** The columns of `after` whose values differ from `before`'s (the bookkeeping ones always differ). */
function changedColumns(before: StoredActivity, after: StoredActivity, changeSeq: number): Partial<Omit<ActivityTable, 'seq'>> {
  const old = toRow(before.activity, before.searchText, changeSeq);
  const now = toRow(after.activity, after.searchText, changeSeq);
  const changed: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(now)) {
    if (value !== old[column as keyof typeof old]) changed[column] = value;
  }
  return { ...(changed as Partial<Omit<ActivityTable, 'seq'>>), change_seq: changeSeq };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rewrites only the link tables whose links changed: an edit of one field left the offices,
 * Sectors, bodies and relations as they were but deleted and inserted them all again (12 pages
 * of a PATCH's 36). The office and plan links carry the date, so a new date alone moves them in place.
 */
async function rewriteChangedLinks(ex: Executor, before: Activity, after: Activity, seq: number): Promise<void> {
  const id = after.id;
  if (!sameJson(before.offices, after.offices)) {
    await ex.deleteFrom('activity_office').where('activity_id', '=', id).execute();
    await insertChunked(ex, 'activity_office', after.offices.map((o, position) => ({ activity_id: id, office_code: o.office, role: o.role, position, date_start: after.date.start, seq })));
  } else if (before.date.start !== after.date.start) {
    await ex.updateTable('activity_office').set({ date_start: after.date.start }).where('activity_id', '=', id).execute();
  }
  if (!sameJson(before.sectors, after.sectors)) {
    await ex.deleteFrom('activity_sector').where('activity_id', '=', id).execute();
    await insertChunked(ex, 'activity_sector', after.sectors.map((sector_code) => ({ activity_id: id, sector_code })));
  }
  if (!sameJson(before.bodies, after.bodies)) {
    await ex.deleteFrom('activity_body').where('activity_id', '=', id).execute();
    await insertChunked(ex, 'activity_body', after.bodies.map((body_code, position) => ({ activity_id: id, body_code, position })));
  }
  const copies = planLinkCopies(after, seq);
  if (!sameJson(before.plans, after.plans)) {
    await ex.deleteFrom('activity_plan_item').where('activity_id', '=', id).execute();
    await insertChunked(ex, 'activity_plan_item', after.plans.map((item_id, position) => ({ activity_id: id, item_id, position, ...copies })));
  } else if (after.plans.length > 0 && !sameJson(planLinkCopies(before, seq), copies)) {
    // The plan links carry what the coverage counts (migrations 0130, 0142).
    await ex.updateTable('activity_plan_item').set(copies).where('activity_id', '=', id).execute();
  }
  if (!sameJson(before.related, after.related)) {
    await ex.deleteFrom('activity_relation').where('activity_id', '=', id).execute();
    await insertChunked(ex, 'activity_relation', after.related.map((r) => ({ activity_id: id, related_id: r.activity, kind: r.kind })));
  }
}

/**
 * Writes what changed from `before` to `after` if the row is still at `expectedVersion`; false
 * when someone changed it first. Only the columns whose values changed are set, so the indexes
 * of the others keep their keys, and the search index (whose trigger watches search_text and
 * date_start, migration 0060) is left alone unless its words or its date moved.
 */
export async function updateActivity(ex: Executor, before: StoredActivity, after: StoredActivity, expectedVersion: number): Promise<boolean> {
  const { id } = after.activity;
  const changeSeq = await nextChangeSeq(ex, [after.activity]);
  const changes = changedColumns(before, after, changeSeq);
  const written = await ex.updateTable('activity').set(changes).where('id', '=', id).where('version', '=', expectedVersion).returning('seq').executeTakeFirst();
  if (!written) return false;
  await rewriteChangedLinks(ex, before.activity, after.activity, Number(written.seq));
  await rewriteSketch(ex, before.activity, after.activity, Number(written.seq));
  if (changes.search_text !== undefined) await addSearchWords(ex, [changes.search_text]);
  await markOfficesChanged(ex, await officesShowing(ex, before.activity, after.activity), changeSeq, after.activity.updatedAt);
  return true;
}

/** The format the stored search texts are written in: 1 (unstemmed) until a rewrite records another. */
export async function searchIndexFormat(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('search_index').select('format').where('name', '=', 'activity').executeTakeFirst();
  return row ? Number(row.format) : 1;
}

export async function recordSearchIndexFormat(ex: Executor, format: number): Promise<void> {
  await ex
    .insertInto('search_index')
    .values({ name: 'activity', format })
    .onConflict((oc) => oc.column('name').doUpdateSet({ format }))
    .execute();
}

/** Up to `limit` activities after the given seq, in seq order, with their seq (to walk the whole register in slices). */
export async function activitiesAfter(ex: Executor, seq: number, limit: number): Promise<Array<{ seq: number; activity: Activity }>> {
  const rows = await ex.selectFrom('activity').select(READ_COLUMNS).where('activity.seq', '>', seq).orderBy('activity.seq').limit(limit).execute();
  const activities = await hydrate(ex, rows);
  return rows.map((row, i) => ({ seq: Number(row.seq), activity: activities[i]! }));
}

/** Rewrites search texts alone: the index follows (SQLite by trigger, PostgreSQL's generated vector); nothing else changes. */
export async function rewriteSearchTexts(ex: Executor, items: Array<{ id: string; searchText: string }>): Promise<void> {
  for (const { id, searchText } of items) await ex.updateTable('activity').set({ search_text: searchText }).where('id', '=', id).execute();
  await addSearchWords(ex, items.map((i) => i.searchText));
}

/**
 * An activity's offices, Sectors, bodies and relations as four JSON arrays of text, read by
 * correlated subqueries beside the activity's own columns: one statement and one round trip for
 * an activity with its links on both databases (each subquery an index read of the link table).
 * Before, SQLite read them in a second statement (a UNION) and PostgreSQL in four more at once,
 * which took four connections of the pool per request.
 */
function linkColumns(sqlite: boolean) {
  // SQLite: the rows ordered in a subquery, then aggregated; json_group_array(… order by …)
  // sorts in a temporary B-tree per aggregate, which made the statement ten times slower.
  const agg = (value: RawBuilder<unknown>, order: RawBuilder<unknown>, table: string) =>
    sqlite
      ? sql<string>`(select json_group_array(${value}) from (select * from ${sql.table(table)} l where l.activity_id = activity.id order by ${order}) l)`
      : sql<string>`(select coalesce(json_agg(${value} order by ${order}), '[]')::text from ${sql.table(table)} l where l.activity_id = activity.id)`;
  const pair = (a: string, b: string) => (sqlite ? sql`json_array(${sql.ref(a)}, ${sql.ref(b)})` : sql`json_build_array(${sql.ref(a)}, ${sql.ref(b)})`);
  return [
    agg(pair('l.office_code', 'l.role'), sql`l.position, l.office_code`, 'activity_office').as('link_offices'),
    agg(sql`l.sector_code`, sql`l.sector_code`, 'activity_sector').as('link_sectors'),
    agg(sql`l.body_code`, sql`l.position, l.body_code`, 'activity_body').as('link_bodies'),
    agg(pair('l.related_id', 'l.kind'), sql`l.related_id`, 'activity_relation').as('link_related'),
    agg(sql`l.item_id`, sql`l.position, l.item_id`, 'activity_plan_item').as('link_plans'),
  ] as const;
}

/** The link columns of `linkColumns`, as read. */
interface LinkRow {
  link_offices: string;
  link_sectors: string;
  link_bodies: string;
  link_related: string;
  link_plans: string;
}

function childrenOf(row: LinkRow): Children {
  return {
    offices: (JSON.parse(row.link_offices) as Array<[string, string]>).map(([office, role]) => ({ office, role: role as OfficeRole })),
    sectors: JSON.parse(row.link_sectors) as string[],
    bodies: JSON.parse(row.link_bodies) as string[],
    plans: JSON.parse(row.link_plans) as string[],
    related: (JSON.parse(row.link_related) as Array<[string, string]>).map(([activity, kind]) => ({ activity, kind: kind as RelationKind })),
  };
}

/** The links of a page of activities: one statement on both databases. */
async function hydrate(ex: Executor, rows: ActivityReadRow[]): Promise<Activity[]> {
  if (rows.length === 0) return [];
  const links = await ex
    .selectFrom('activity')
    .select(['activity.id', ...linkColumns(onSqlite(ex))])
    .where('activity.id', 'in', rows.map((r) => r.id))
    .execute();
  const byActivity = new Map(links.map((l) => [l.id, childrenOf(l)]));
  return rows.map((row) => toActivity(row, byActivity.get(row.id)));
}

/**
 * A statement built and compiled once per database (Kysely's building and compiling cost more
 * than running the statement for a single activity), then run with each request's parameters.
 */
function compiledOnce<Row>(build: (ex: Executor, sqlite: boolean) => CompiledQuery<Row>) {
  const compiled = new Map<boolean, CompiledQuery<Row>>();
  return async (ex: Executor, parameters: readonly unknown[]): Promise<Row[]> => {
    const sqlite = onSqlite(ex);
    let query = compiled.get(sqlite);
    if (!query) {
      const built = build(ex, sqlite);
      // PostgreSQL prepares it once per connection (its plan is the same whatever the key).
      compiled.set(sqlite, (query = sqlite ? built : { ...built, sql: `${PREPARED_STATEMENT}${built.sql}` }));
    }
    return (await ex.executeQuery<Row>({ ...query, parameters })).rows;
  };
}

const PLACEHOLDER = '';

const activityById = compiledOnce((ex, sqlite) =>
  ex.selectFrom('activity').select([...READ_COLUMNS, ...linkColumns(sqlite)]).where('activity.id', '=', PLACEHOLDER).compile(),
);

export async function findActivity(ex: Executor, id: string): Promise<Activity | null> {
  const row = (await activityById(ex, [id]))[0];
  return row ? toActivity(row, childrenOf(row)) : null;
}

/** An activity with its status history (oldest first), read in one statement. */
const activityWithHistoryById = compiledOnce((ex, sqlite) => {
  const change = sqlite
    ? sql`json_array(c.from_status, c.to_status, c.reason, c.at, c.actor_label)`
    : sql`json_build_array(c.from_status, c.to_status, c.reason, c.at, c.actor_label)`;
  const history = sqlite
    ? sql<string>`(select json_group_array(${change}) from (select * from activity_status_change c where c.activity_id = activity.id order by c.at, c.id) c)`
    : sql<string>`(select coalesce(json_agg(${change} order by c.at, c.id), '[]')::text from activity_status_change c where c.activity_id = activity.id)`;
  return ex
    .selectFrom('activity')
    .select([...READ_COLUMNS, ...linkColumns(sqlite), history.as('status_changes')])
    .where('activity.id', '=', PLACEHOLDER)
    .compile();
});

export async function findActivityWithHistory(ex: Executor, id: string): Promise<{ activity: Activity; statusHistory: StatusChange[] } | null> {
  const row = (await activityWithHistoryById(ex, [id]))[0];
  if (!row) return null;
  const changes = JSON.parse(row.status_changes) as Array<[Status | null, Status, string | null, string, string]>;
  return {
    activity: toActivity(row, childrenOf(row)),
    statusHistory: changes.map(([from, to, reason, at, by]) => ({ from, to, reason, at, by })),
  };
}

/** The activities of these ids that exist, deleted ones included, by id (read 500 at a time). */
export async function findActivities(ex: Executor, ids: readonly string[]): Promise<Map<string, Activity>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Activity>();
  for (let at = 0; at < unique.length; at += 500) {
    const rows = await ex.selectFrom('activity').select(READ_COLUMNS).where('id', 'in', unique.slice(at, at + 500)).execute();
    for (const activity of await hydrate(ex, rows)) found.set(activity.id, activity);
  }
  return found;
}

export async function existingActivityIds(ex: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('activity').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of these activities anyone may see: public and not deleted. */
export async function publicActivityIds(ex: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex
    .selectFrom('activity')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('visibility', '=', 'public')
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * 2^40. SQLite's search index keys an activity by day(date_start) × 2^40 + seq (migration 0007),
 * which sorts like the date order (date_start, then seq); `key & (2^40 - 1)` gives the seq back.
 */
const SEQ_SPAN = 1099511627776;

/** The search key of a list position in the date order, as the migration's triggers compute it. */
const searchKeyAt = (position: PagePosition) =>
  // The driver binds a JS number as a double: cast it, or the sum is a double too and loses the seq.
  sql<number>`(cast(julianday(${position.value}) - 2400000.5 as integer) * ${sql.lit(SEQ_SPAN)} + cast(${position.seq} as integer))`;

/** Past this many words, a prefix is left to FTS5 to expand (one or two letters typed so far). */
const MAX_PREFIX_WORDS = 16;

/**
 * SQLite: the indexed words the last search word may stand for, it being still typed, or null
 * when it stands for too many to name. FTS5 reads all postings of a prefix query before the
 * first match (10 ms for "service"* at 1M activities) but reads named words lazily in key order.
 */
async function prefixWords(ex: Executor, terms: string[]): Promise<string[] | null> {
  const last = terms.at(-1)?.split(' ').at(-1);
  if (!last) return null;
  const prefix = prefixForm(last);
  const rows = await ex
    .selectFrom('activity_search_word')
    .select('word')
    // Every word that starts with the prefix sorts from it to it followed by the highest code point.
    .where('word', '>=', prefix)
    .where('word', '<', `${prefix}\u{10FFFF}`)
    .orderBy('word')
    .limit(MAX_PREFIX_WORDS + 1)
    .execute();
  return rows.length > 0 && rows.length <= MAX_PREFIX_WORDS ? rows.map((r) => r.word) : null;
}

/** The last term split into the phrase before its last word (in each of its forms) and that word's prefix. */
function lastTermParts(terms: string[]): { leads: string[]; prefix: string } {
  const words = terms.at(-1)!.split(' ');
  const lead = words.slice(0, -1).join(' ');
  return { leads: lead ? termForms(lead) : [''], prefix: prefixForm(words.at(-1)!) };
}

const joined = (lead: string, word: string) => (lead ? `${lead} ${word}` : word);
const anyOf = (alternatives: string[], or: string) => (alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(or)})`);

/**
 * An FTS5 query: every term required, each in any of its stemmed forms, quoted (a phrase when it
 * has several words). The last word is a prefix: the indexed words it stands for when given
 * (`prefixWords`), else FTS5's own `*`.
 */
export function ftsQuery(terms: string[], lastWords: string[] | null = null): string {
  const quoted = (t: string) => `"${t}"`;
  const { leads, prefix } = lastTermParts(terms);
  const lastPart = lastWords
    ? `(${leads.flatMap((lead) => lastWords.map((word) => quoted(joined(lead, word)))).join(' OR ')})`
    : anyOf(leads.map((lead) => `${quoted(joined(lead, prefix))}*`), ' OR ');
  return [...terms.slice(0, -1).map((term) => anyOf(termForms(term).map(quoted), ' OR ')), lastPart].join(' AND ');
}

/** A PostgreSQL tsquery of the same: a phrase's words follow each other (<->), the last word a prefix. */
export function tsQuery(terms: string[]): string {
  const phrase = (t: string) => t.split(' ').join(' <-> ');
  const { leads, prefix } = lastTermParts(terms);
  const lastPart = anyOf(leads.map((lead) => `${phrase(joined(lead, prefix))}:*`), ' | ');
  return [...terms.slice(0, -1).map((term) => anyOf(termForms(term).map(phrase), ' | ')), lastPart].join(' & ');
}

/**
 * Full-text match, one function per dialect: FTS5 on SQLite, the GIN-indexed `search_vector` on
 * PostgreSQL. Both index the same stemmed text; every term is required, and only the last
 * is read as a prefix (the one still being typed): prefixes of short words such as "of" would
 * expand to most of the index. (A date-ordered SQLite search walks the index instead: `listActivities`.)
 */
export function fullTextMatch(dialect: Dialect, terms: string[], lastWords: string[] | null = null): Expression<SqlBool> {
  if (dialect === 'sqlite') {
    return sql<SqlBool>`activity.seq in (select rowid & ${sql.lit(SEQ_SPAN - 1)} from activity_search where activity_search match ${ftsQuery(terms, lastWords)})`;
  }
  return sql<SqlBool>`activity.search_vector @@ to_tsquery('simple', ${tsQuery(terms)})`;
}

/** The code column of each table that links an activity to an office, a Sector or a body. */
const LINK_CODE = {
  activity_office: 'office_code',
  activity_sector: 'sector_code',
  activity_body: 'body_code',
  activity_plan_item: 'item_id',
} as const satisfies { [T in 'activity_office' | 'activity_sector' | 'activity_body' | 'activity_plan_item']: keyof Database[T] & string };

/** A table and column chosen at run time (the pairs above are checked against the schema). */
const dynamic = new DynamicModule<Database>();

/** The activity has a link in `table` to one of `codes`. */
function linkedToAny(eb: ExpressionBuilder<Database, 'activity'>, table: keyof typeof LINK_CODE, codes: string[]): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom(dynamic.table(table).as('link'))
      .select(sql`1`.as('one'))
      .whereRef('link.activity_id', '=', 'activity.id')
      .where(dynamic.ref(`link.${LINK_CODE[table]}`), 'in', codes),
  );
}

function filterExpression(
  eb: ExpressionBuilder<Database, 'activity'>,
  dialect: Dialect,
  filter: ActivityFilter,
  lastWords: string[] | null,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.deleted === 'exclude') conditions.push(eb('activity.deleted_at', 'is', null));
  if (filter.deleted === 'only') conditions.push(eb('activity.deleted_at', 'is not', null));
  // Undated activities are stored on UNDATED_DAY (decision 11): the date condition beside the
  // precision lets both databases read them as a range of the date indexes instead of a scan.
  if (filter.undated === 'exclude') conditions.push(eb('activity.date_precision', '<>', 'undated'), eb('activity.date_start', '<', UNDATED_DAY));
  if (filter.undated === 'only') conditions.push(eb('activity.date_precision', '=', 'undated'), eb('activity.date_start', '=', UNDATED_DAY));
  if (filter.kinds?.length) conditions.push(eb('activity.kind', 'in', filter.kinds));
  if (filter.statuses?.length) conditions.push(eb('activity.status', 'in', filter.statuses));
  if (filter.visibilities?.length) conditions.push(eb('activity.visibility', 'in', filter.visibilities));
  // Overlap of the fuzzy range with [from, to].
  if (filter.from) conditions.push(eb('activity.date_end', '>=', filter.from));
  // A search walks its own index (SQLite) or combines it with the dates (PostgreSQL, which took the
  // bound, unknown when planning, as a third of the register and read the date index for it).
  if (filter.from && !filter.terms?.length) conditions.push(eb('activity.date_start', '>=', earliestStart(dialect, filter.from)));
  if (filter.to) conditions.push(eb('activity.date_start', '<=', filter.to));
  if (filter.offices?.length) conditions.push(linkedToAny(eb, 'activity_office', filter.offices));
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
  if (filter.sectors?.length) conditions.push(linkedToAny(eb, 'activity_sector', filter.sectors));
  if (filter.bodies?.length) conditions.push(linkedToAny(eb, 'activity_body', filter.bodies));
  for (const items of filter.planItems ?? []) conditions.push(linkedToAny(eb, 'activity_plan_item', items));
  if (filter.terms?.length) conditions.push(fullTextMatch(dialect, filter.terms, lastWords));
  return eb.and(conditions);
}

/**
 * The filter's date conditions on the office link's own copy of date_start, which bound the walk
 * of the (office_code, date_start, seq) index: without them a year's page read every earlier link
 * of the office and an office's undated activities were found by reading all of its links.
 */
function officeLinkRange(eb: ExpressionBuilder<Database & { ao: Database['activity_office'] }, 'ao' | 'activity'>, dialect: Dialect, filter: ActivityFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.to) conditions.push(eb('ao.date_start', '<=', filter.to));
  if (filter.from) conditions.push(eb('ao.date_start', '>=', earliestStart(dialect, filter.from)));
  if (filter.undated === 'only') conditions.push(eb('ao.date_start', '=', UNDATED_DAY));
  if (filter.undated === 'exclude') conditions.push(eb('ao.date_start', '<', UNDATED_DAY));
  return eb.and(conditions);
}

/** Where a listed activity stands in its walk: what a page needs before its rows are read. */
interface WalkedKey {
  seq: number;
  id: string;
  version: number;
  date_start: string;
  updated_at: string;
}

const KEY_COLUMNS = ['activity.seq', 'activity.id', 'activity.version', 'activity.date_start', 'activity.updated_at'] as const;

const keyOf = (row: { seq: number | string; id: string; version: number | string; date_start: string; updated_at: string }): WalkedKey => ({
  seq: Number(row.seq),
  id: row.id,
  version: Number(row.version),
  date_start: row.date_start,
  updated_at: row.updated_at,
});

/**
 * Up to `limit` activities of the given offices that pass the filter, in the date order, from the
 * office links (migration 0009): each office's links are walked in (date_start, seq) order from
 * its own index, so an office with few activities reads only those, and the walks are merged.
 * An activity linked twice (two roles, two of the offices) counts once.
 *
 * Merged in rounds (`mergeWalks`): asking each office for a whole page read the page as many
 * times as there are offices (a region's IATI file, four offices: four keys walked for each one
 * written).
 */
async function walkByOffice(
  ex: Executor,
  dialect: Dialect,
  filter: ActivityFilter,
  offices: string[],
  page: { after: PagePosition | undefined; direction: 'asc' | 'desc'; beyond: '<' | '>'; limit: number },
): Promise<WalkedKey[]> {
  const { direction, beyond, limit } = page;
  const others: ActivityFilter = { ...filter, offices: undefined };
  const walk = (office: string, after: PagePosition | undefined, count: number) => {
    // DISTINCT on the index's own columns only, so both databases walk it in order and stop at
    // the limit (with the activity's columns in it PostgreSQL sorted every link of the window);
    // the keys' other columns are read by seq around it.
    let inOrder = ex
      .selectFrom('activity_office as ao')
      .innerJoin('activity', 'activity.seq', 'ao.seq')
      .select(['ao.date_start', 'ao.seq'])
      .distinct()
      .where('ao.office_code', '=', office)
      .where((eb) => officeLinkRange(eb, dialect, filter))
      .where((eb) => filterExpression(eb, dialect, others, null));
    if (after) inOrder = inOrder.where((eb) => eb(eb.refTuple('ao.date_start', 'ao.seq'), beyond, eb.tuple(after.value, after.seq)));
    return ex
      .selectFrom(inOrder.orderBy('ao.date_start', direction).orderBy('ao.seq', direction).limit(count).as('w'))
      .innerJoin('activity', 'activity.seq', 'w.seq')
      .select(['w.date_start', 'w.seq', 'activity.id', 'activity.version', 'activity.updated_at'])
      .execute();
  };
  const sign = direction === 'asc' ? 1 : -1;
  const unique = [...new Set(offices)];
  return mergeWalks(unique, page.after, async (office, after, count) => (await walk(office, after, count)).map(keyOf), {
    limit,
    // A whole page from a single office; from several, a share of it and a half, and at least 32.
    first: unique.length === 1 ? limit : Math.max(32, Math.ceil((limit * 1.5) / unique.length)),
    cursorOf: (key) => ({ value: key.date_start, seq: key.seq }),
    order: (a, b) => sign * (a.date_start < b.date_start ? -1 : a.date_start > b.date_start ? 1 : a.seq - b.seq),
    identity: (key) => key.seq,
  });
}

/** Activities with their links by seq, in one statement. */
async function readBySeq(ex: Executor, seqs: number[]): Promise<Activity[]> {
  if (seqs.length === 0) return [];
  const rows = await ex.selectFrom('activity').select([...READ_COLUMNS, ...linkColumns(onSqlite(ex))]).where('activity.seq', 'in', seqs).execute();
  return rows.map((row) => toActivity(row, childrenOf(row)));
}

/**
 * The walked activities as stored: those `cache` holds at the walked version from it, the others
 * read in one statement (and then held). An activity deleted since the walk is left out; one
 * changed since is given as it is now.
 */
async function activitiesOf(ex: Executor, keys: WalkedKey[], cache: ActivityCache | undefined, hold: boolean): Promise<Activity[]> {
  const held = new Map<number, Activity>();
  const missing: number[] = [];
  for (const key of keys) {
    const activity = cache?.get(key.id, key.version);
    if (activity) held.set(key.seq, activity);
    else missing.push(key.seq);
  }
  const keep = cache !== undefined && hold && !ex.isTransaction;
  const read = new Map((await readBySeq(ex, missing)).map((activity) => [activity.id, keep ? cache.keep(activity) : activity]));
  return keys.flatMap((key) => held.get(key.seq) ?? read.get(key.id) ?? []);
}

/**
 * One page of activities in a stable order, after `after` when given; one extra row tells if more
 * follow. The walk reads the page's keys (id, version and position) from the indexes; the rows
 * are then read only for the activities `cache` does not already hold at that version, and
 * held when `hold`. Not holding (an export) through the register's date or change order, the
 * walk reads the rows itself.
 */
export async function listActivities(
  ex: Executor,
  dialect: Dialect,
  filter: ActivityFilter,
  page: { sort: ActivitySort; after?: PagePosition | undefined; limit: number },
  cache?: ActivityCache,
  hold = true,
): Promise<{ activities: Activity[]; positions: PagePosition[]; more: boolean }> {
  const byDate = page.sort !== 'updated';
  const descending = page.sort !== 'date';
  const direction = descending ? 'desc' : 'asc';
  const beyond = descending ? '<' : '>';
  const terms = filter.terms ?? [];
  const lastWords = dialect === 'sqlite' && terms.length > 0 ? await prefixWords(ex, terms) : null;
  let keys: WalkedKey[];
  /** The page's rows when the walk read them itself (an export through the date or change order). */
  let readWithWalk: Activity[] | null = null;
  if (byDate && terms.length === 0 && filter.offices?.length) {
    keys = await walkByOffice(ex, dialect, filter, filter.offices, { after: page.after, direction, beyond, limit: page.limit + 1 });
  } else if (dialect === 'sqlite' && byDate && terms.length > 0) {
    // Walk the search index in key (= date) order and stop after a page, rather than sort every match.
    let query = ex
      .selectFrom('activity_search')
      .innerJoin('activity', (join) => join.on(sql<SqlBool>`activity.seq = (activity_search.rowid & ${sql.lit(SEQ_SPAN - 1)})`))
      .select(KEY_COLUMNS)
      .where(sql<SqlBool>`activity_search match ${ftsQuery(terms, lastWords)}`)
      .where((eb) => filterExpression(eb, dialect, { ...filter, terms: [] }, null));
    if (page.after) query = query.where('activity_search.rowid', beyond, searchKeyAt(page.after));
    keys = (await query.orderBy('activity_search.rowid', direction).limit(page.limit + 1).execute()).map(keyOf);
  } else {
    const column = byDate ? 'activity.date_start' : 'activity.updated_at';
    let query = ex.selectFrom('activity').where((eb) => filterExpression(eb, dialect, filter, lastWords));
    if (page.after) {
      const { value, seq } = page.after;
      // A row value, which both databases read as a range of the (column, seq) index: the
      // equivalent OR of comparisons made every page scan from the first row again.
      query = query.where((eb) => eb(eb.refTuple(column, 'activity.seq'), beyond, eb.tuple(value, seq)));
    }
    const ordered = query.orderBy(column, direction).orderBy('activity.seq', direction).limit(page.limit + 1);
    if (hold) {
      keys = (await ordered.select(KEY_COLUMNS).execute()).map(keyOf);
    } else {
      // An export holds nothing and finds little held: its rows come with the walk, in one
      // statement (PostgreSQL read a page of 1,000 in ~23 ms so, against ~36–46 ms for the keys and
      // then the rows by seq).
      const rows = await ordered.select([...READ_COLUMNS, ...linkColumns(dialect === 'sqlite')]).execute();
      keys = rows.map(keyOf);
      readWithWalk = rows.map((row) => toActivity(row, childrenOf(row)));
    }
  }
  const pageKeys = keys.slice(0, page.limit);
  return {
    activities: readWithWalk ? readWithWalk.slice(0, page.limit) : await activitiesOf(ex, pageKeys, cache, hold),
    positions: pageKeys.map((k) => ({ value: byDate ? k.date_start : k.updated_at, seq: k.seq })),
    more: keys.length > page.limit,
  };
}

export async function insertStatusChange(ex: Executor, activityId: string, change: StatusChange & { id: string }): Promise<void> {
  await ex
    .insertInto('activity_status_change')
    .values({ id: change.id, activity_id: activityId, from_status: change.from, to_status: change.to, reason: change.reason, at: change.at, actor_label: change.by })
    .execute();
}

/**
 * How many activities pass the filter in each month of `year`'s plan: 0 for those dated by the
 * whole year, 1 for those that began in an earlier year, else the month they start in, and 13 for
 * those without a date. One grouped count, so an office-year of any size can be summarised
 * without reading its activities.
 */
export async function planMonthCounts(ex: Executor, dialect: Dialect, filter: ActivityFilter, year: number): Promise<Map<number, number>> {
  const month = sql<number>`case when activity.date_precision = 'undated' then 13 when activity.date_precision = 'year' then 0 when activity.date_start < ${`${year}-01-01`} then 1 else cast(substr(activity.date_start, 6, 2) as integer) end`;
  const offices = filter.offices?.length ? filter.offices : null;
  const rows = offices
    ? // Counted from the offices' links (their date index bounds the walk), each activity once.
      await ex
        .selectFrom('activity_office as ao')
        .innerJoin('activity', 'activity.seq', 'ao.seq')
        .select([month.as('month'), (eb) => eb.fn.count<number | string>('activity.seq').distinct().as('count')])
        .where('ao.office_code', 'in', offices)
        .where((eb) => officeLinkRange(eb, dialect, filter))
        .where((eb) => filterExpression(eb, dialect, { ...filter, offices: undefined }, null))
        .groupBy(sql`1`)
        .execute()
    : await ex
        .selectFrom('activity')
        .select([month.as('month'), (eb) => eb.fn.countAll<number | string>().as('count')])
        .where((eb) => filterExpression(eb, dialect, filter, null))
        .groupBy(sql`1`)
        .execute();
  return new Map(rows.map((r) => [Number(r.month), Number(r.count)]));
}

/**
 * How many activities that pass the filter start in each month of `year`, by the region of their
 * offices: one grouped count. An activity whose offices are in two regions counts once in each;
 * one dated only by the year ("2026") is under month 0; undated ones are in no year.
 */
export async function monthRegionCounts(ex: Executor, dialect: Dialect, filter: ActivityFilter, year: number): Promise<MonthRegionCount[]> {
  const month = sql<number>`case when activity.date_precision = 'year' then 0 else cast(substr(activity.date_start, 6, 2) as integer) end`;
  const rows = await ex
    .selectFrom('activity')
    .innerJoin('activity_office as ao', 'ao.activity_id', 'activity.id')
    .innerJoin('office as o', 'o.code', 'ao.office_code')
    .select([month.as('month'), 'o.region_code as region', (eb) => eb.fn.count<number | string>('activity.id').distinct().as('count')])
    .where((eb) => filterExpression(eb, dialect, { ...filter, undated: 'exclude' }, null))
    .where('activity.date_start', '>=', `${year}-01-01`)
    .where('activity.date_start', '<=', `${year}-12-31`)
    .groupBy([sql`1`, 'o.region_code'])
    .execute();
  return rows.map((r) => ({ month: Number(r.month), region: r.region, count: Number(r.count) }));
}

/**
 * When the register last changed, in one statement of two index-only reads: the highest change
 * number (every write of activities takes the next one from the counter and stamps its rows with
 * it, migration 0008) and the latest `updated_at`. It runs on every list request and site page,
 * where a second round trip through the driver cost as much as the reads.
 */
export async function registerFreshness(ex: Executor): Promise<RegisterFreshness> {
  const { rows } = await sql<{ change_seq: number | string | null; updated_at: string | null }>`
    select (select max(change_seq) from activity) as change_seq, (select max(updated_at) from activity) as updated_at
  `.execute(ex);
  const row = rows[0];
  return { changeSeq: Number(row?.change_seq ?? 0), lastChange: row?.updated_at ?? null };
}

/**
 * The freshness of pages that show only these offices' activities: the last change number and
 * time stamped on any of them (migration 0061); 0 and null while none has changed since.
 */
export async function officesFreshness(ex: Executor, offices: readonly string[]): Promise<RegisterFreshness> {
  const row = await ex
    .selectFrom('activity_office_change')
    .select((eb) => [eb.fn.max('change_seq').as('change_seq'), eb.fn.max('changed_at').as('changed_at')])
    .where('office_code', 'in', [...new Set(offices)])
    .executeTakeFirst();
  return { changeSeq: Number(row?.change_seq ?? 0), lastChange: row?.changed_at ?? null };
}

/** The relations between these activities, each as [activity, related] (the relations of 500 of them read at a time). */
export async function relationsBetween(ex: Executor, ids: readonly string[]): Promise<Array<[string, string]>> {
  const unique = [...new Set(ids)];
  const inSet = new Set(unique);
  const found: Array<[string, string]> = [];
  for (let at = 0; at < unique.length; at += CHUNK) {
    const rows = await ex.selectFrom('activity_relation').select(['activity_id', 'related_id']).where('activity_id', 'in', unique.slice(at, at + CHUNK)).execute();
    for (const row of rows) if (inSet.has(row.related_id)) found.push([row.activity_id, row.related_id]);
  }
  return found;
}
