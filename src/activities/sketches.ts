/**
 * The SQL of the activities' sketches (migration 0141, decision 28): what the duplicate check
 * compares of each live activity, kept in start-day order so that the activities around a draft
 * are one range of neighbouring rows, with their titles' trigrams already worked out. Derived
 * from the activities: the register's writes keep them (store.ts), a format marker says when
 * they must be made again (at start, and after a restore).
 */
import { sql } from 'kysely';
import type { Executor } from '#src/db/schema.ts';
import type { FuzzyPrecision } from './fuzzy-date.ts';
import type { Activity } from './model.ts';
import type { ActivitySketchTable } from './tables.ts';
import { encodeTitleGrams, gramCountsOf, titleGrams, type GramCounts } from './title-grams.ts';

/** The sketches' format: raise it when what a row holds or how its trigrams are counted changes, and they are made again at start. */
export const SKETCH_FORMAT = 1;
/** Their row in `search_index`, which records the format the stored ones were written in. */
export const SKETCH_INDEX = 'activity_sketch';

/** What the comparison reads of an activity before its title, as stored. */
export interface SketchOutline {
  seq: number;
  start: string;
  end: string;
  precision: FuzzyPrecision;
  country: string | null;
  offices: string[];
  bodies: string[];
  gramCounts: GramCounts;
}

/**
 * Which outlines are worth reading (duplicates/model.ts `narrowingOf`): those with one of these
 * bodies, or in this country, or with a title whose trigram counts reach these bounds.
 */
export interface OutlineFilter {
  bodies: readonly string[];
  country: string | null;
  /** Its most at least `atLeast` and its fewest at most `atMost`; null: no title will do. */
  gramCounts: { atLeast: number; atMost: number } | null;
}

/** The rest: which activity, and its title's trigrams. */
export interface SketchTitle {
  id: string;
  /** Encoded (`decodeTitleGrams`): decoded only for the few compared that far. */
  titleGrams: Uint8Array;
}

export type ActivitySketch = SketchOutline & SketchTitle;

/** Where to look: start days from `startFrom` to `startTo`, ending from `endFrom`, of these precisions. */
export interface NearWindow {
  startFrom: string;
  startTo: string;
  endFrom: string;
  precisions: readonly string[];
  limit: number;
}

/** The sketch row of an activity; null for a deleted one (only live activities are compared). */
export function sketchRowOf(activity: Activity, seq: number): ActivitySketchTable | null {
  if (activity.deletedAt !== null) return null;
  const title = titleGrams(activity.title);
  const counts = gramCountsOf(title);
  const grams = encodeTitleGrams(title);
  return {
    date_start: activity.date.start,
    seq,
    date_end: activity.date.end,
    date_precision: activity.date.precision,
    id: activity.id,
    country: activity.place?.country ?? null,
    offices: activity.offices.map((o) => o.office).join(' '),
    bodies: activity.bodies.join(' '),
    grams_fewest: counts.fewest,
    grams_most: counts.most,
    // Both drivers write a Buffer as a blob (bytea); a bare Uint8Array, not always.
    title_grams: Buffer.from(grams.buffer, grams.byteOffset, grams.byteLength),
  };
}

/** Whether an edit changed anything a sketch holds (most edits do not: a status, a description, a count). */
function sketchChanged(before: Activity, after: Activity): boolean {
  return (
    (before.deletedAt === null) !== (after.deletedAt === null) ||
    before.date.start !== after.date.start ||
    before.date.end !== after.date.end ||
    before.date.precision !== after.date.precision ||
    (before.place?.country ?? null) !== (after.place?.country ?? null) ||
    before.offices.map((o) => o.office).join(' ') !== after.offices.map((o) => o.office).join(' ') ||
    before.bodies.join(' ') !== after.bodies.join(' ') ||
    JSON.stringify(before.title) !== JSON.stringify(after.title)
  );
}

const CHUNK = 200;

async function insertRows(ex: Executor, rows: ActivitySketchTable[]): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) await ex.insertInto('activity_sketch').values(rows.slice(at, at + CHUNK)).execute();
}

/** The sketches of newly inserted activities. */
export async function insertSketches(ex: Executor, items: ReadonlyArray<{ activity: Activity; seq: number }>): Promise<void> {
  await insertRows(ex, items.flatMap(({ activity, seq }) => sketchRowOf(activity, seq) ?? []));
}

/** Follows an edit: the row written again when something it holds changed, gone when the activity is deleted, back when restored. */
export async function rewriteSketch(ex: Executor, before: Activity, after: Activity, seq: number): Promise<void> {
  if (!sketchChanged(before, after)) return;
  await ex.deleteFrom('activity_sketch').where('seq', '=', seq).execute();
  const row = sketchRowOf(after, seq);
  if (row) await insertRows(ex, [row]);
}

/** Writes again the sketches of these activities (a slice of the register being made again). */
export async function replaceSketches(ex: Executor, items: ReadonlyArray<{ activity: Activity; seq: number }>): Promise<void> {
  const seqs = items.map((i) => i.seq);
  for (let at = 0; at < seqs.length; at += CHUNK * 5) await ex.deleteFrom('activity_sketch').where('seq', 'in', seqs.slice(at, at + CHUNK * 5)).execute();
  await insertSketches(ex, items);
}

export async function clearSketches(ex: Executor): Promise<void> {
  await ex.deleteFrom('activity_sketch').execute();
}

/** The format the stored sketches were written in; 0 when never (a new table, a restore). */
export async function sketchFormat(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('search_index').select('format').where('name', '=', SKETCH_INDEX).executeTakeFirst();
  return row ? Number(row.format) : 0;
}

export async function recordSketchFormat(ex: Executor, format: number): Promise<void> {
  await ex
    .insertInto('search_index')
    .values({ name: SKETCH_INDEX, format })
    .onConflict((oc) => oc.column('name').doUpdateSet({ format }))
    .execute();
}

const split = (codes: string): string[] => (codes ? codes.split(' ') : []);

const OUTLINE_COLUMNS = ['seq', 'date_start', 'date_end', 'date_precision', 'country', 'offices', 'bodies', 'grams_fewest', 'grams_most'] as const;

/** Where a window's rows are: one range of the table's key, the end day and precision read from the same rows. */
function windowRows(ex: Executor, window: NearWindow) {
  return ex
    .selectFrom('activity_sketch')
    .where('date_start', '>=', window.startFrom)
    .where('date_start', '<=', window.startTo)
    .where('date_end', '>=', window.endFrom)
    .where('date_precision', 'in', [...window.precisions])
    .orderBy('date_start')
    .orderBy('seq')
    .limit(window.limit);
}

type OutlineRow = Pick<ActivitySketchTable, (typeof OUTLINE_COLUMNS)[number]>;

const outlineOf = (row: OutlineRow): SketchOutline => ({
  seq: Number(row.seq),
  start: row.date_start,
  end: row.date_end,
  precision: row.date_precision as FuzzyPrecision,
  country: row.country,
  offices: split(row.offices),
  bodies: split(row.bodies),
  gramCounts: { fewest: row.grams_fewest, most: row.grams_most },
});

/**
 * The outlines of the live activities whose days fall in a window, in start order: what rules
 * most of them out, without their ids and titles (at a million activities a window holds ~7,000,
 * and reading each one's title bytes cost as much as the rest of its row).
 */
export async function outlinesNear(ex: Executor, window: NearWindow, filter?: OutlineFilter): Promise<SketchOutline[]> {
  const rows = await windowRows(ex, window)
    .select(OUTLINE_COLUMNS)
    .$if(filter !== undefined, (qb) =>
      qb.where((eb) => {
        const { bodies, country, gramCounts } = filter!;
        // Codes are letters, digits and dashes: a body is in the list when " code " is in " list ".
        const listed = sql<string>`' ' || ${eb.ref('bodies')} || ' '`;
        return eb.or([
          ...bodies.map((body) => eb(listed, 'like', `% ${body} %`)),
          ...(country ? [eb('country', '=', country)] : []),
          ...(gramCounts ? [eb.and([eb('grams_most', '>=', gramCounts.atLeast), eb('grams_fewest', '<=', gramCounts.atMost)])] : []),
        ]);
      }),
    )
    .execute();
  return rows.map(outlineOf);
}

/** The ids and titles of the sketches of these seqs (those the outlines left in), by seq. */
export async function sketchTitles(ex: Executor, seqs: readonly number[]): Promise<Map<number, SketchTitle>> {
  const titles = new Map<number, SketchTitle>();
  for (let at = 0; at < seqs.length; at += CHUNK * 5) {
    const rows = await ex.selectFrom('activity_sketch').select(['seq', 'id', 'title_grams']).where('seq', 'in', seqs.slice(at, at + CHUNK * 5)).execute();
    for (const row of rows) titles.set(Number(row.seq), { id: row.id, titleGrams: row.title_grams });
  }
  return titles;
}

/** The whole sketches of a window (a period's pairs compare every one with every other). */
export async function sketchesNear(ex: Executor, window: NearWindow): Promise<ActivitySketch[]> {
  const rows = await windowRows(ex, window).select([...OUTLINE_COLUMNS, 'id', 'title_grams']).execute();
  return rows.map((row) => ({ ...outlineOf(row), id: row.id, titleGrams: row.title_grams }));
}
