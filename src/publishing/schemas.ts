/**
 * What the public site reads from a query string: the filter of the events pages and feeds (the
 * API's names), the office page's year, the events view and month, the page language. The site
 * answers a page even when some values are unknown, so a filter is parsed into what was
 * understood and a list of issues the page names; a feed, which has no page, refuses them.
 */
import { ACTIVITY_KINDS, STATUSES, type ActivityKind, type Status } from '#src/activities/model.ts';
import { invalid, issue, notFound } from '#src/platform/errors.ts';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import { REGION_CODES, type RegionCode } from '#src/registry/reference.ts';
import { FEED_MAX_DAYS, feedWindow, parseMonth, type FeedWindow, type MonthRef } from './model.ts';

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
  /** Words to find (the API's full-text `q`). */
  q?: string;
}

export const FILTER_FIELDS = ['q', 'region', 'office', 'sector', 'kind', 'body', 'status', 'from', 'to'] as const;

/** The longest search the site passes on (the API's own limit is 500). */
export const MAX_SEARCH_LENGTH = 200;
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
  // Words are one value: commas in them are words' commas, not a list.
  const rawQ = query.q;
  const q = (Array.isArray(rawQ) ? rawQ.map(String).join(' ') : rawQ === undefined ? '' : String(rawQ)).replace(/\s+/g, ' ').trim();
  if (q.length > MAX_SEARCH_LENGTH) issues.push({ field: 'q', value: `${q.slice(0, 80)}…` });
  else if (q !== '') filter.q = q;
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


/** A feed's filter: unknown values are refused by field, since a feed has no page to explain them on. */
export function feedFilter(query: RawQuery, known: KnownCodes): SiteFilter {
  const { filter, issues } = parseFilter(query, known);
  if (issues.length === 0) return filter;
  throw invalid(
    issues.map((i) =>
      i.reason === 'before_from'
        ? issue(`query.${i.field}`, 'before_start', `"${i.value}" is before from (${filter.from ?? ''})`, { from: filter.from ?? '', to: i.value })
        : issue(`query.${i.field}`, 'unknown_value', `"${i.value}" is not a known value`, { value: i.value }),
    ),
  );
}

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The page language of a path, or "not found" (which is how an unknown language prefix reads). */
export function pageLanguage(lang: string): Language {
  if (!isLanguage(lang)) throw notFound('page_not_found', 'No such page.');
  return lang;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event's id from its path, or "not found" for anything that cannot be one. */
export function eventId(id: string): string {
  if (!UUID.test(id)) throw notFound('activity_not_found', `There is no event ${id.slice(0, 80)}.`);
  return id;
}

/** The year of an office's annual plan: this year unless asked; null (with the issue) when unreadable. */
export function planYear(query: RawQuery, today: string): { year: number; issue: FilterIssue | null } {
  const [asked] = valuesOf(query, 'year');
  const thisYear = Number(today.slice(0, 4));
  if (asked === undefined) return { year: thisYear, issue: null };
  if (/^\d{4}$/.test(asked) && Number(asked) >= 1900 && Number(asked) <= 2200) return { year: Number(asked), issue: null };
  return { year: thisYear, issue: { field: 'year', value: asked.slice(0, 80) } };
}

/** The year of the year page's path (1900–2200), or "not found". */
export function yearParam(value: string): number {
  if (/^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2200) return Number(value);
  throw notFound('page_not_found', 'No such year.');
}

/** The month of an office's plan asked for (`?month=`): 1–12, 0 the whole year, 13 no date yet; anything else is none. */
export function planMonth(query: RawQuery): number | null {
  const [asked] = valuesOf(query, 'month');
  return asked !== undefined && /^\d{1,2}$/.test(asked) && Number(asked) <= 13 ? Number(asked) : null;
}

export interface EventsQuery {
  filter: SiteFilter;
  issues: FilterIssue[];
  view: 'list' | 'month';
  /** The list view: date order, and where the page starts. */
  sort: 'date' | '-date';
  cursor: string | undefined;
  /** The month view: the month asked for, or that of `from`, or this month. */
  month: MonthRef;
}

/** Everything the events page reads from its query, with what it could not read. */
export function eventsQuery(query: RawQuery, known: KnownCodes, today: string): EventsQuery {
  const { filter, issues } = parseFilter(query, known);
  const [view = 'list'] = valuesOf(query, 'view');
  if (view !== 'list' && view !== 'month') issues.push({ field: 'view', value: view.slice(0, 80) });
  const [askedMonth] = valuesOf(query, 'month');
  const month = askedMonth === undefined ? null : parseMonth(askedMonth);
  if (askedMonth !== undefined && month === null && view === 'month') issues.push({ field: 'month', value: askedMonth.slice(0, 80) });
  const [sort] = valuesOf(query, 'sort');
  const [cursor] = valuesOf(query, 'cursor');
  return {
    filter,
    issues,
    view: view === 'month' ? 'month' : 'list',
    sort: sort === '-date' ? '-date' : 'date',
    cursor,
    month: month ?? parseMonth((filter.from ?? today).slice(0, 7))!,
  };
}

/** The days a calendar feed covers: from/to when given (at most FEED_MAX_DAYS), else the default window. */
export function feedWindowOf(filter: SiteFilter, today: string): FeedWindow {
  const found = feedWindow(today, filter.from, filter.to);
  if (found.ok) return found.window;
  throw invalid(
    [issue('query.to', 'window_too_long', `a feed covers at most ${FEED_MAX_DAYS} days (this asks for ${found.days}); ask for a shorter period with from and to`, { maximum: FEED_MAX_DAYS, days: found.days })],
    'feed_window_too_long',
  );
}
