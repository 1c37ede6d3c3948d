/**
 * Possible duplicates in the register (issue 21): two entries that may be one event, recorded by
 * two offices, or by an office and headquarters (the bureaux' own events are recorded under the
 * headquarters office, the organising department read from the Sector: ITU-T → TSB). Pure: the
 * service hands in the candidates the register holds around the draft's days; everything that
 * decides whether two entries look alike, and why, is here (decision 21).
 *
 * Two entries are compared only when both are dated to within about two months (a day, days, a
 * week, part of a month, a month or two): a quarter, a year or "date to be decided" says too
 * little to tell one event from another. Then:
 * - the days must overlap or lie at most NEAR_DAYS apart (required);
 * - the same body, or a study group and one of its regional groups ("related");
 * - the same country, or the same region (from the country, else from the offices other than
 *   headquarters); two countries of different regions count against;
 * - the titles' similarity: trigrams of the normalised words, as PostgreSQL's pg_trgm counts
 *   them, computed in TypeScript so both databases answer alike (the best pair of languages;
 *   activities/title-grams.ts), and kept with each activity's sketch (migration 0141).
 * The signals make a score; a pair is a candidate from MATCH_SCORE on, with titles at least a
 * little alike (TITLE_FLOOR) unless the two share a meeting body and a country. A regional
 * organisation (ATU, CTU …) in common counts little: it takes part in many events of its region.
 * Weights and thresholds were set against the bench's planted pairs and its week of false alarms.
 */
import type { Activity, RelationKind, Texts } from '#src/activities/model.ts';
import { addDays, daysBetween, type FuzzyPrecision } from '#src/activities/fuzzy-date.ts';
import type { ActivitySketch, OutlineFilter, SketchOutline } from '#src/activities/sketches.ts';
import { bestSimilarity, decodeTitleGrams, gramCountsOf, titleGrams, titleSimilarity, type GramCounts, type TitleGrams } from '#src/activities/title-grams.ts';
import type { RegionCode } from '#src/registry/reference.ts';

/** Days apart that still count as "near" (the issue: within 7 days). */
export const NEAR_DAYS = 7;
/** The precisions compared: at most about two months wide. */
export const COMPARABLE_PRECISIONS: readonly FuzzyPrecision[] = ['day', 'days', 'week', 'part-of-month', 'month', 'months'];
/** The widest range of a comparable date (two months of 31 days), which bounds how early a candidate may start. */
export const WIDEST_DAYS = 62;
export const MATCH_SCORE = 0.55;
/** Titles less alike than this are no duplicate, unless the two share a meeting body and a country. */
export const TITLE_FLOOR = 0.2;

export const DECISION_STATES = ['open', 'linked', 'related', 'kept_apart'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

export type Reason =
  | { code: 'overlapping_dates' }
  | { code: 'near_dates'; days: number }
  | { code: 'same_body'; body: string }
  | { code: 'related_body'; body: string; other: string }
  | { code: 'same_country'; country: string }
  | { code: 'same_region'; region: RegionCode }
  | { code: 'similar_title'; similarity: number };

export type ReasonCode = Reason['code'];

/** What the comparison reads of an activity before its title: days, links, place and how long its title is. */
export interface Outline {
  start: string;
  end: string;
  precision: FuzzyPrecision;
  country: string | null;
  /** The region(s) the activity is in: its country's, else its offices' (headquarters left out). */
  regions: RegionCode[];
  bodies: string[];
  offices: string[];
  /** The fewest and the most trigrams of the title's languages: how alike two titles can be at best. */
  gramCounts: GramCounts;
}

/** What the comparison reads of an activity. */
export interface Subject extends Outline {
  id: string;
  /** The title's trigrams, worked out (or decoded) when first asked for: most comparisons end before the title. */
  grams(): TitleGrams;
  /** Activities it is already related to (either way): no question left between them. */
  related: string[];
}

/** What the comparison needs of the registry. */
export interface Context {
  /** A body's parent (a regional group's study group), or null. */
  parentOf(body: string): string | null;
  /** The bodies whose parent it is (a study group's regional groups). */
  childrenOf(body: string): readonly string[];
  regionOfCountry(country: string): RegionCode | null;
  /** An office's region, or null for headquarters (it works for every region) and unknown codes. */
  regionOfOffice(office: string): RegionCode | null;
  /** A regional organisation (ATU, CTU, APT …) takes part in many events of its region: a weak sign, unlike a group or a conference. */
  isOrganisation(body: string): boolean;
}

export interface Match {
  score: number;
  reasons: Reason[];
}

/** Once, when first asked for. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function regionsOf(country: string | null, offices: readonly string[], context: Context): RegionCode[] {
  const fromCountry = country ? context.regionOfCountry(country) : null;
  return fromCountry ? [fromCountry] : [...new Set(offices.map((o) => context.regionOfOffice(o)).filter((r): r is RegionCode => r !== null))];
}

function outlineOf(
  date: { start: string; end: string; precision: FuzzyPrecision },
  country: string | null,
  offices: string[],
  bodies: string[],
  gramCounts: GramCounts,
  context: Context,
): Outline {
  return { start: date.start, end: date.end, precision: date.precision, country, regions: regionsOf(country, offices, context), bodies, offices, gramCounts };
}

export function subjectOf(activity: Pick<Activity, 'id' | 'title' | 'date' | 'place' | 'bodies' | 'offices' | 'related'>, context: Context): Subject {
  const grams = titleGrams(activity.title);
  return {
    ...outlineOf(activity.date, activity.place?.country ?? null, activity.offices.map((o) => o.office), activity.bodies, gramCountsOf(grams), context),
    id: activity.id,
    grams: () => grams,
    related: activity.related.map((r) => r.activity),
  };
}

/** A stored outline (sketches.ts `outlinesNear`): enough to rule most activities out before reading their titles. */
export const outlineOfSketch = (sketch: SketchOutline, context: Context): Outline =>
  outlineOf(sketch, sketch.country, sketch.offices, sketch.bodies, sketch.gramCounts, context);

/**
 * A stored sketch as a subject. Sketches hold no relations: the few pairs found are checked
 * against the register's relations afterwards (`relationsBetween`).
 */
export function subjectOfSketch(sketch: ActivitySketch, context: Context): Subject {
  return {
    ...outlineOfSketch(sketch, context),
    id: sketch.id,
    grams: lazily(() => decodeTitleGrams(sketch.titleGrams)),
    related: [],
  };
}

export const isComparable = (date: { precision: FuzzyPrecision }): boolean => COMPARABLE_PRECISIONS.includes(date.precision);

export { addDays };

/** Days between two ranges: 0 when they overlap. */
export function daysApart(a: { start: string; end: string }, b: { start: string; end: string }): number {
  if (a.start <= b.end && b.start <= a.end) return 0;
  return a.end < b.start ? daysBetween(a.end, b.start) : daysBetween(b.end, a.start);
}

/**
 * Where in the register a draft's candidates are: activities starting from `startFrom` to
 * `startTo` and ending from `endFrom` (an indexed range of start days, then a filter).
 */
export function windowOf(date: { start: string; end: string }): { startFrom: string; startTo: string; endFrom: string } {
  return { startFrom: addDays(date.start, -NEAR_DAYS - WIDEST_DAYS), startTo: addDays(date.end, NEAR_DAYS), endFrom: addDays(date.start, -NEAR_DAYS) };
}

// ---------------------------------------------------------------------------------------------
// Comparing two activities

function bodyReason(a: Outline, b: Outline, parentOf: Context['parentOf']): Reason | null {
  const theirs = new Set(b.bodies);
  const same = a.bodies.find((body) => theirs.has(body));
  if (same) return { code: 'same_body', body: same };
  for (const body of a.bodies) {
    for (const other of b.bodies) {
      if (parentOf(body) === other || parentOf(other) === body) return { code: 'related_body', body, other };
    }
  }
  return null;
}

type Place = { reason: Reason | null; elsewhere: boolean };

function placeOf(a: Outline, b: Outline): Place {
  if (a.country && a.country === b.country) return { reason: { code: 'same_country', country: a.country }, elsewhere: false };
  const shared = a.regions.find((r) => b.regions.includes(r));
  if (shared) return { reason: { code: 'same_region', region: shared }, elsewhere: false };
  // Both placed in countries, and no region in common: another event somewhere else.
  return { reason: null, elsewhere: a.country !== null && b.country !== null && a.regions.length > 0 && b.regions.length > 0 };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What two outlines share, and the least title similarity that would make them a pair. */
interface Structure {
  days: number;
  body: Reason | null;
  place: Place;
  score: number;
  sameMeetingAndCountry: boolean;
  /** The title similarity the pair needs (more than 1: none would do). */
  needed: number;
}

function structureOf(a: Outline, b: Outline, context: Context): Structure | null {
  if (!COMPARABLE_PRECISIONS.includes(a.precision) || !COMPARABLE_PRECISIONS.includes(b.precision)) return null;
  const days = daysApart(a, b);
  if (days > NEAR_DAYS) return null;
  const body = bodyReason(a, b, context.parentOf);
  const place = placeOf(a, b);
  const meetingBody = body?.code === 'related_body' || (body?.code === 'same_body' && !context.isOrganisation(body.body));
  let score = days === 0 ? 0.1 : 0;
  if (body?.code === 'same_body') score += meetingBody ? 0.35 : 0.1;
  if (body?.code === 'related_body') score += 0.25;
  if (place.reason?.code === 'same_country') score += 0.25;
  if (place.reason?.code === 'same_region') score += 0.05;
  if (place.elsewhere) score -= 0.3;
  const sameMeetingAndCountry = meetingBody && place.reason?.code === 'same_country';
  const needed = Math.max(sameMeetingAndCountry ? 0 : TITLE_FLOOR, (MATCH_SCORE - score) / 0.5);
  return { days, body, place, score, sameMeetingAndCountry, needed };
}

/**
 * What an activity needs to be worth comparing with a draft at all, as a database can test it on
 * a stored outline: a body in common or related, the draft's country, or else a title about as
 * long as the draft's. Without a body or the country, overlapping days and a region in common are
 * the most two can share (0.15), so the titles must be at least 0.8 alike, which titles whose
 * lengths differ by more than that ratio cannot be. Only a necessary condition: `mayMatch` and
 * `compare` decide.
 */
export type Narrowing = OutlineFilter;

/** Rounding of the bounds: a pair at exactly a threshold must not be ruled out by a float's last digit. */
const SLACK = 1e-9;

const BEST_WITHOUT_BODY_OR_COUNTRY = 0.1 + 0.05;

export function narrowingOf(draft: Outline, context: Context): Narrowing {
  const bodies = new Set(draft.bodies);
  for (const body of draft.bodies) {
    const parent = context.parentOf(body);
    if (parent) bodies.add(parent);
    for (const child of context.childrenOf(body)) bodies.add(child);
  }
  const needed = (MATCH_SCORE - BEST_WITHOUT_BODY_OR_COUNTRY) / 0.5;
  const { fewest, most } = draft.gramCounts;
  return {
    bodies: [...bodies].sort(),
    country: draft.country,
    // Counts are whole: the bounds too.
    gramCounts: most === 0 ? null : { atLeast: Math.ceil(needed * fewest - SLACK), atMost: Math.floor(most / needed + SLACK) },
  };
}


/**
 * Whether `a` and `b` can be one event, from their outlines alone: false rules the pair out for
 * sure (too far apart, too little in common for even identical titles, or titles too different
 * in length to be alike enough); true leaves it to `compare`.
 */
export function mayMatch(a: Outline, b: Outline, context: Context): boolean {
  const structure = structureOf(a, b, context);
  return structure !== null && structure.needed <= 1 + SLACK && bestSimilarity(a.gramCounts, b.gramCounts) >= structure.needed - SLACK;
}

/**
 * Whether `a` and `b` may be one event, and why; null when not (or when they are one activity,
 * already related, or not both comparable by date).
 */
export function compare(a: Subject, b: Subject, context: Context): Match | null {
  if (a.id === b.id || a.related.includes(b.id) || b.related.includes(a.id)) return null;
  const structure = structureOf(a, b, context);
  // Even identical titles would not make the pair: no need to compare them.
  if (!structure || structure.needed > 1 + SLACK || bestSimilarity(a.gramCounts, b.gramCounts) < structure.needed - SLACK) return null;
  const { days, body, place, sameMeetingAndCountry } = structure;
  const similarity = titleSimilarity(a.grams(), b.grams());
  const score = structure.score + 0.5 * similarity;
  if (score < MATCH_SCORE || (similarity < TITLE_FLOOR && !sameMeetingAndCountry)) return null;
  const reasons: Reason[] = [days === 0 ? { code: 'overlapping_dates' } : { code: 'near_dates', days }];
  if (body) reasons.push(body);
  if (place.reason) reasons.push(place.reason);
  if (similarity >= TITLE_FLOOR) reasons.push({ code: 'similar_title', similarity: round2(similarity) });
  return { score: round2(score), reasons };
}

/** The candidates of one draft among `others`, best first, at most `limit`. */
export function candidatesOf(draft: Subject, others: readonly Subject[], context: Context, limit = 10): Array<{ subject: Subject; match: Match }> {
  const found: Array<{ subject: Subject; match: Match }> = [];
  for (const other of others) {
    const match = compare(draft, other, context);
    if (match) found.push({ subject: other, match });
  }
  return found.sort((x, y) => y.match.score - x.match.score || x.subject.start.localeCompare(y.subject.start)).slice(0, limit);
}

/** Two activity ids in the order a pair is stored by. */
export const pairOf = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Every pair among `subjects` that may be one event, each once (its ids in `pairOf` order).
 * Sorted by start, each is compared only with those starting before it ends, plus NEAR_DAYS.
 */
export function pairsAmong(subjects: readonly Subject[], context: Context): Array<{ a: Subject; b: Subject; match: Match }> {
  const sorted = [...subjects].filter((s) => COMPARABLE_PRECISIONS.includes(s.precision)).sort((x, y) => x.start.localeCompare(y.start));
  const out: Array<{ a: Subject; b: Subject; match: Match }> = [];
  for (let i = 0; i < sorted.length; i++) {
    const reach = addDays(sorted[i]!.end, NEAR_DAYS);
    for (let j = i + 1; j < sorted.length && sorted[j]!.start <= reach; j++) {
      const match = compare(sorted[i]!, sorted[j]!, context);
      if (!match) continue;
      const [first] = pairOf(sorted[i]!.id, sorted[j]!.id);
      const [a, b] = first === sorted[i]!.id ? [sorted[i]!, sorted[j]!] : [sorted[j]!, sorted[i]!];
      out.push({ a, b, match });
    }
  }
  return out;
}

/** A decision about a pair: what became of it, why, by whom. */
export interface Decision {
  /** The pair's two activities, in `pairOf` order. */
  activities: [string, string];
  state: DecisionState;
  reason: string | null;
  /** The first day of the earlier of the two when decided: which period the pair belongs to. */
  day: string;
  /** The two as they were when decided (titles, dates, offices), for listing a pair one of which is gone (linked). */
  seen: SeenPair;
  decidedAt: string;
  decidedBy: string;
  version: number;
}

export interface SeenActivity {
  id: string;
  title: Texts;
  date: string;
  offices: string[];
}
export type SeenPair = [SeenActivity, SeenActivity];

export const seenOf = (activity: Pick<Activity, 'id' | 'title' | 'date' | 'offices'>): SeenActivity => ({
  id: activity.id,
  title: activity.title,
  date: activity.date.text,
  offices: activity.offices.map((o) => o.office),
});

/** How an activity kept of two merged ("linked") takes in the other: its offices (roles kept), Sectors and bodies added. */
export function mergedLinks(keep: Pick<Activity, 'offices' | 'sectors' | 'bodies'>, merge: Pick<Activity, 'offices' | 'sectors' | 'bodies'>) {
  const has = new Set(keep.offices.map((o) => o.office));
  return {
    offices: [...keep.offices, ...merge.offices.filter((o) => !has.has(o.office))],
    sectors: [...new Set([...keep.sectors, ...merge.sectors])],
    bodies: [...new Set([...keep.bodies, ...merge.bodies])],
  };
}

/** The relation a "related" decision records when the user names none. */
export const DEFAULT_RELATION: RelationKind = 'back-to-back';
