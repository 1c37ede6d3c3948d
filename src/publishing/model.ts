/**
 * The public site's pure rules: how an office's annual plan is
 * grouped (month, then Sector), the month calendar grid, the date window of a feed, and the
 * marker that says whether a cached page is still current. No I/O, no HTML.
 */
import { addDays, daysBetween, isDayPrecise, isUndated } from '#src/activities/fuzzy-date.ts';
import type { Activity, RegisterFreshness } from '#src/activities/model.ts';

// ---- days ----

export { addDays };

export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // 29 February becomes 28 February in a common year rather than spilling into March.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

// ---- the annual plan of an office ----

export interface PlanSectorGroup {
  /** A Sector code, or null for activities linked to none. */
  sector: string | null;
  activities: Activity[];
}

export interface PlanMonth {
  /** 1–12, null for activities dated only by the year (or spanning most of it), 'undated' for those with no date yet (last). */
  month: number | null | 'undated';
  sectors: PlanSectorGroup[];
}

/**
 * An office's activities of one year, by month of their start (those known only by the year
 * first) and within a month by Sector in the given order; an activity of two Sectors is listed
 * under each. Months with nothing are left out. Activities begun the year before start in January.
 */
export function groupPlan(activities: readonly Activity[], year: number, sectorOrder: readonly string[]): PlanMonth[] {
  const months = new Map<number | null | 'undated', Map<string | null, Activity[]>>();
  const sorted = [...activities].sort((a, b) => a.date.start.localeCompare(b.date.start) || a.date.end.localeCompare(b.date.end) || a.id.localeCompare(b.id));
  for (const activity of sorted) {
    const month = planMonthOf(activity, year);
    const bySector = months.get(month) ?? new Map<string | null, Activity[]>();
    months.set(month, bySector);
    for (const sector of activity.sectors.length > 0 ? activity.sectors : [null]) {
      bySector.set(sector, [...(bySector.get(sector) ?? []), activity]);
    }
  }
  const rank = (sector: string | null) => (sector === null ? Number.MAX_SAFE_INTEGER : sectorOrder.indexOf(sector) === -1 ? sectorOrder.length : sectorOrder.indexOf(sector));
  return [...months.entries()]
    .sort(([a], [b]) => (a === 'undated' ? 13 : (a ?? 0)) - (b === 'undated' ? 13 : (b ?? 0)))
    .map(([month, bySector]) => ({
      month,
      sectors: [...bySector.entries()]
        .sort(([a], [b]) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''))
        .map(([sector, list]) => ({ sector, activities: list })),
    }));
}

/** The month of `year`'s plan an activity is listed under: null for the whole year, 'undated' for no date yet. */
export function planMonthOf(activity: Pick<Activity, 'date'>, year: number): number | null | 'undated' {
  if (isUndated(activity.date)) return 'undated';
  if (activity.date.precision === 'year') return null;
  const [startYear, startMonth] = activity.date.start.split('-').map(Number) as [number, number];
  return startYear < year ? 1 : startMonth;
}

// ---- the month calendar ----

export interface MonthRef {
  year: number;
  /** 1–12 */
  month: number;
}

export function parseMonth(value: string): MonthRef | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2200 ? { year, month } : null;
}

export const monthKey = ({ year, month }: MonthRef): string => `${year}-${String(month).padStart(2, '0')}`;

export function shiftMonth({ year, month }: MonthRef, by: number): MonthRef {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthBounds(ref: MonthRef): { first: string; last: string } {
  const first = `${monthKey(ref)}-01`;
  return { first, last: addDays(`${monthKey(shiftMonth(ref, 1))}-01`, -1) };
}

/**
 * The weeks of a month as rows of seven days, Monday first (ISO 8601); days outside the month
 * are null. Every row has seven cells, so the grid is a plain table.
 */
export function monthGrid(ref: MonthRef): Array<Array<string | null>> {
  const { first, last } = monthBounds(ref);
  const mondayOffset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: mondayOffset }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The events whose range covers a day. */
export function eventsOn<T extends Pick<Activity, 'date'>>(events: readonly T[], day: string): T[] {
  return events.filter((e) => e.date.start <= day && e.date.end >= day);
}

export interface MonthSplit<T> {
  /** Known to the day: shown in their day cells. */
  onDays: T[];
  /** Known only within the month ("March 2020", "mid-March", "the week of 9 March"): shown once above the grid. */
  inMonth: T[];
  /** Known only to a longer period overlapping the month ("January – August 2020", "Q1 2020"): shown once above the grid. */
  duringPeriod: T[];
}

/**
 * Splits a month's events by how well their dates are known, so an activity of a whole period
 * is listed once instead of filling every day cell of the month.
 */
export function splitMonth<T extends Pick<Activity, 'date'>>(events: readonly T[], month: MonthRef): MonthSplit<T> {
  const { first, last } = monthBounds(month);
  const split: MonthSplit<T> = { onDays: [], inMonth: [], duringPeriod: [] };
  for (const event of events) {
    if (isDayPrecise(event.date)) split.onDays.push(event);
    else if (event.date.start >= first && event.date.end <= last) split.inMonth.push(event);
    else split.duringPeriod.push(event);
  }
  return split;
}

// ---- feeds ----

/** A feed covers at most this many days, so no feed grows without end. */
export const FEED_MAX_DAYS = 3 * 366;

export interface FeedWindow {
  from: string;
  to: string;
}

/**
 * The dates a feed covers: by default a year back and two years ahead. `from`/`to` move it; with
 * one end given the window reaches three years from it; a window longer than FEED_MAX_DAYS, or
 * ending before it starts, is refused.
 */
export function feedWindow(today: string, from?: string, to?: string): { ok: true; window: FeedWindow } | { ok: false; days: number } {
  const start = from ?? (to ? addYears(to, -3) : addYears(today, -1));
  const end = to ?? (from ? addYears(from, 3) : addYears(today, 2));
  const days = daysBetween(start, end);
  return days > FEED_MAX_DAYS || days < 0 ? { ok: false, days } : { ok: true, window: { from: start, to: end } };
}

/** The day after a range's last day: iCalendar's exclusive DTEND of an all-day event. */
export const exclusiveEnd = (inclusiveEnd: string): string => addDays(inclusiveEnd, 1);

// ---- caching ----


/**
 * The validator of every page: it changes when the register changes, when the app changes and
 * when the day turns ("upcoming" moves). Cheap to compute, so a 304 costs no rendering.
 */
export function cacheStamp(version: string, freshness: RegisterFreshness, today: string): { etag: string; lastModified: Date } {
  const changed = freshness.lastChange ? new Date(freshness.lastChange) : new Date(0);
  const midnight = new Date(`${today}T00:00:00Z`);
  const lastModified = new Date(Math.floor(Math.max(changed.getTime(), midnight.getTime()) / 1000) * 1000);
  // The change number tells states apart; the time too, in case a restored backup counts again from lower.
  const etag = `"${version}-${freshness.changeSeq}-${changed.getTime().toString(36)}-${today}"`;
  return { etag, lastModified };
}

/**
 * Whether a conditional request may be answered 304: If-None-Match wins when present
 * (RFC 9110 §13.2.2), otherwise If-Modified-Since at one-second precision.
 */
export function isNotModified(headers: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined }, etag: string, lastModified: Date): boolean {
  if (headers.ifNoneMatch !== undefined) {
    return headers.ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === etag || t === `W/${etag}`;
    });
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    return !Number.isNaN(since) && lastModified.getTime() <= since;
  }
  return false;
}
