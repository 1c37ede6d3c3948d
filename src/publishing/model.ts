/**
 * The public site's pure rules: which events a filter asks for, how an office's annual plan is
 * grouped (month, then Sector), the month calendar grid, the date window of a feed, and the
 * marker that says whether a cached page is still current. No I/O, no HTML.
 */
import { ACTIVITY_KINDS, STATUSES, type Activity, type ActivityKind, type Status } from '#src/activities/model.ts';
import type { RegisterFreshness } from '#src/activities/freshness.ts';
import { REGION_CODES, type RegionCode } from '#src/registry/reference.ts';

// ---- filters of the events pages and feeds (the API's names) ----

export interface SiteFilter {
  region: RegionCode[];
  office: string[];
  sector: string[];
  kind: ActivityKind[];
  /** Study groups and other bodies, by code ("SG12", "SG12RG-AFR"): the API's `body`. */
  body: string[];
  status: Status[];
  from?: string;
  to?: string;
}

export const FILTER_FIELDS = ['region', 'office', 'sector', 'kind', 'body', 'status', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** A filter value the site does not know, named by field, for the page to say so. */
export interface FilterIssue {
  field: FilterField | 'view' | 'month' | 'year';
  value: string;
  /** Why it was left out: not a value the site knows (the default), or a `to` before `from`. */
  reason?: 'before_from';
}

export interface KnownCodes {
  offices: ReadonlySet<string>;
  sectors: ReadonlySet<string>;
  bodies: ReadonlySet<string>;
}

export type RawQuery = Readonly<Record<string, unknown>>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written yyyy-mm-dd (not 2020-02-30). */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The values of a query parameter, repeated or comma-separated, trimmed, at most 30. */
export function valuesOf(query: RawQuery, name: string): string[] {
  const raw = query[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 30);
}

/**
 * Reads the filter of an events page or feed. Values the site does not know are left out of the
 * filter and reported, so the page can say which and still answer.
 */
export function parseFilter(query: RawQuery, known: KnownCodes): { filter: SiteFilter; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const pick = <T extends string>(field: FilterField, ok: (v: string) => boolean): T[] =>
    valuesOf(query, field).filter((value) => {
      if (ok(value)) return true;
      issues.push({ field, value: value.slice(0, 80) });
      return false;
    }) as T[];
  const filter: SiteFilter = {
    region: pick<RegionCode>('region', (v) => (REGION_CODES as readonly string[]).includes(v)),
    office: pick('office', (v) => known.offices.has(v)),
    sector: pick('sector', (v) => known.sectors.has(v)),
    kind: pick<ActivityKind>('kind', (v) => (ACTIVITY_KINDS as readonly string[]).includes(v)),
    body: pick('body', (v) => known.bodies.has(v)),
    status: pick<Status>('status', (v) => (STATUSES as readonly string[]).includes(v)),
  };
  for (const field of ['from', 'to'] as const) {
    const [value, ...more] = valuesOf(query, field);
    if (value === undefined) continue;
    if (isIsoDay(value) && more.length === 0) filter[field] = value;
    else issues.push({ field, value: [value, ...more].join(',').slice(0, 80) });
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    issues.push({ field: 'to', value: filter.to, reason: 'before_from' });
    delete filter.to;
  }
  return { filter, issues };
}

/** The query string of a filter (plus extra parameters), in a stable order, for shareable links. */
export function filterQuery(filter: Partial<SiteFilter>, extra: Readonly<Record<string, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (Array.isArray(value)) for (const v of value) params.append(field, v);
    else if (typeof value === 'string') params.set(field, value);
  }
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const isEmptyFilter = (filter: SiteFilter): boolean =>
  FILTER_FIELDS.every((field) => {
    const value = filter[field];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });

// ---- days ----

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

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
  /** 1–12, or null for activities dated only by the year (or spanning most of it). */
  month: number | null;
  sectors: PlanSectorGroup[];
}

/**
 * An office's activities of one year, by month of their start (those known only by the year
 * first) and within a month by Sector in the given order; an activity of two Sectors is listed
 * under each. Months with nothing are left out. Activities begun the year before start in January.
 */
export function groupPlan(activities: readonly Activity[], year: number, sectorOrder: readonly string[]): PlanMonth[] {
  const months = new Map<number | null, Map<string | null, Activity[]>>();
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
    .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
    .map(([month, bySector]) => ({
      month,
      sectors: [...bySector.entries()]
        .sort(([a], [b]) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''))
        .map(([sector, list]) => ({ sector, activities: list })),
    }));
}

function planMonthOf(activity: Pick<Activity, 'date'>, year: number): number | null {
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
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
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
