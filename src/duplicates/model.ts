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
import type { FuzzyPrecision } from '#src/activities/fuzzy-date.ts';
import type { ActivitySketch } from '#src/activities/sketches.ts';
import { decodeTitleGrams, titleGrams, titleSimilarity, type TitleGrams } from '#src/activities/title-grams.ts';
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

/** What the comparison reads of an activity. */
export interface Subject {
  id: string;
  /** The title's trigrams, worked out (or decoded) when first asked for: most comparisons end before the title. */
  grams(): TitleGrams;
  start: string;
  end: string;
  precision: FuzzyPrecision;
  country: string | null;
  /** The region(s) the activity is in: its country's, else its offices' (headquarters left out). */
  regions: RegionCode[];
  bodies: string[];
  offices: string[];
  /** Activities it is already related to (either way): no question left between them. */
  related: string[];
}

/** What the comparison needs of the registry. */
export interface Context {
  /** A body's parent (a regional group's study group), or null. */
  parentOf(body: string): string | null;
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

export function subjectOf(activity: Pick<Activity, 'id' | 'title' | 'date' | 'place' | 'bodies' | 'offices' | 'related'>, context: Context): Subject {
  const country = activity.place?.country ?? null;
  const offices = activity.offices.map((o) => o.office);
  return {
    id: activity.id,
    grams: lazily(() => titleGrams(activity.title)),
    start: activity.date.start,
    end: activity.date.end,
    precision: activity.date.precision,
    country,
    regions: regionsOf(country, offices, context),
    bodies: activity.bodies,
    offices,
    related: activity.related.map((r) => r.activity),
  };
}

/**
 * A stored sketch as a subject. Sketches hold no relations: the few pairs found are checked
 * against the register's relations afterwards (`relationsBetween`).
 */
export function subjectOfSketch(sketch: ActivitySketch, context: Context): Subject {
  return {
    id: sketch.id,
    grams: lazily(() => decodeTitleGrams(sketch.titleGrams)),
    start: sketch.start,
    end: sketch.end,
    precision: sketch.precision,
    country: sketch.country,
    regions: regionsOf(sketch.country, sketch.offices, context),
    bodies: sketch.bodies,
    offices: sketch.offices,
    related: [],
  };
}

export const isComparable = (date: { precision: FuzzyPrecision }): boolean => COMPARABLE_PRECISIONS.includes(date.precision);

/** An ISO day moved by `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** Days between two ranges: 0 when they overlap. */
export function daysApart(a: { start: string; end: string }, b: { start: string; end: string }): number {
  if (a.start <= b.end && b.start <= a.end) return 0;
  return a.end < b.start ? dayNumber(b.start) - dayNumber(a.end) : dayNumber(a.start) - dayNumber(b.end);
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

function bodyReason(a: Subject, b: Subject, parentOf: Context['parentOf']): Reason | null {
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

function placeOf(a: Subject, b: Subject): Place {
  if (a.country && a.country === b.country) return { reason: { code: 'same_country', country: a.country }, elsewhere: false };
  const shared = a.regions.find((r) => b.regions.includes(r));
  if (shared) return { reason: { code: 'same_region', region: shared }, elsewhere: false };
  // Both placed in countries, and no region in common: another event somewhere else.
  return { reason: null, elsewhere: a.country !== null && b.country !== null && a.regions.length > 0 && b.regions.length > 0 };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Whether `a` and `b` may be one event, and why; null when not (or when they are one activity,
 * already related, or not both comparable by date).
 */
export function compare(a: Subject, b: Subject, context: Context): Match | null {
  if (a.id === b.id || a.related.includes(b.id) || b.related.includes(a.id)) return null;
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
  // Even identical titles (0.5) would not reach MATCH_SCORE: no need to compare them.
  if (score + 0.5 < MATCH_SCORE) return null;
  const similarity = titleSimilarity(a.grams(), b.grams());
  score += 0.5 * similarity;
  const sameMeetingAndCountry = meetingBody && place.reason?.code === 'same_country';
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
