/**
 * What the public site reads: the registry (the registry service's snapshot, at most REGISTRY_SNAPSHOT_SECONDS old, 30 by default)
 * and the register through the activities service as an anonymous visitor, so internal and
 * deleted activities can never reach a page or a feed.
 */
import { createHash } from 'node:crypto';
import type { Activity, StatusChange } from '#src/activities/model.ts';
import type { ActivitiesQuery } from '#src/activities/schemas.ts';
import { activityPresenterFor, type ActivityPresenter } from '#src/activities/present.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { ANONYMOUS } from '#src/platform/access.ts';
import type { AnnualPlanByOutput } from '#src/annualplan/model.ts';
import type { AnnualPlanService } from '#src/annualplan/service.ts';
import { linksWithUpperLevels, type PlanCatalogue, type PlanLink } from '#src/plans/model.ts';
import { isAppError } from '#src/platform/errors.ts';
import { compareBodies, inReportOrder, type Body, type Region } from '#src/registry/model.ts';
import { perSnapshot, type OfficeDetails, type RegistryService } from '#src/registry/service.ts';
import { addDays, cacheStamp, monthBounds, planMonthOf, todayUtc, type FeedWindow, type MonthRef } from './model.ts';
import type { KnownCodes, SiteFilter } from './schemas.ts';

export interface Snapshot {
  regions: Region[];
  offices: OfficeDetails[];
  officeByCode: ReadonlyMap<string, OfficeDetails>;
  bodyByCode: ReadonlyMap<string, Body>;
  /** Sectors in the registry's order (ITU-R, ITU-T, ITU-D, GS). */
  sectors: Body[];
  /** Study groups and their regional groups, for the filter form. */
  studyGroups: Body[];
  known: KnownCodes;
  /** Changes when the reference data does (a new head of office, a renamed body): part of the ETag. */
  hash: string;
}

export interface EventDetails {
  activity: Activity;
  /** When the status changed and to what; the reasons staff typed stay internal. */
  statusHistory: Array<Pick<StatusChange, 'from' | 'to' | 'at'>>;
  related: Activity[];
  /** The plan items it serves and the levels computed above them. */
  planLinks: PlanLink[];
  /** The plans, for naming a link's plan. */
  plans: PlanCatalogue['plans'];
}

/** The most events a month calendar, an annual plan or a feed holds; beyond it the filter must narrow. */
export const MONTH_MAX_EVENTS = 2_000;
export const PLAN_MAX_EVENTS = 5_000;
/**
 * The most events one calendar feed holds (~2 MB of iCalendar). A window holding more keeps what
 * a subscriber needs first: everything from today on, then the most recent past events.
 */
export const FEED_MAX_EVENTS = 5_000;

export interface FeedEvents {
  events: Activity[];
  /** True when the window held more than the feed's limit (the oldest past, or the farthest future, were left out). */
  truncated: boolean;
}

export interface PublishingOptions {
  feedMaxEvents?: number;
  /** Above this many events an office-year is shown a month at a time (PLAN_MAX_EVENTS; lower in tests). */
  planMaxEvents?: number;
  /** The offices' plan contributions, for the office page's annual plan by output (decision 26). */
  annualPlans?: Pick<AnnualPlanService, 'byOutput' | 'marker'>;
}

/**
 * An office's plan for a year as its page shows it: whole, or, when the year holds more events than
 * a page can, one month of it after the year's count by month.
 */
export interface PlanView {
  activities: Activity[];
  paged: null | {
    /** Events per plan month: 0 the whole year, 1–12, 13 no date yet (store.planMonthCounts). */
    counts: ReadonlyMap<number, number>;
    total: number;
    month: number;
    /** The month held more than a page: its first ones are shown. */
    truncated: boolean;
  };
}

/** The registry indexed for the site's pages, built once per registry snapshot. */
const siteSnapshotOf = perSnapshot(({ regions, offices, bodies }): Snapshot => {
  const sorted = [...bodies].sort(compareBodies);
  const hash = createHash('sha256').update(JSON.stringify([regions, offices, bodies])).digest('base64url').slice(0, 12);
  return {
    hash,
    regions: inReportOrder(regions),
    offices,
    officeByCode: new Map(offices.map((o) => [o.office.code, o])),
    bodyByCode: new Map(bodies.map((b) => [b.code, b])),
    sectors: sorted.filter((b) => b.type === 'sector'),
    studyGroups: sorted.filter((b) => b.type === 'study-group' || b.type === 'regional-group'),
    known: {
      offices: new Set(offices.map((o) => o.office.code)),
      sectors: new Set(bodies.filter((b) => b.type === 'sector').map((b) => b.code)),
      bodies: new Set(bodies.map((b) => b.code)),
    },
  };
});

/** The register's query of a site filter (the events list's, its feeds' and the open data's), live activities only. */
export function siteQuery(filter: Partial<SiteFilter>, rest: Pick<ActivitiesQuery, 'sort' | 'limit'> & { cursor?: string }): ActivitiesQuery {
  const some = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);
  return {
    office: some(filter.office),
    region: some(filter.region),
    sector: some(filter.sector),
    body: some(filter.body),
    kind: some(filter.kind),
    status: some(filter.status),
    from: filter.from,
    to: filter.to,
    q: filter.q,
    deleted: 'exclude',
    ...rest,
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;

export function createPublishingService(registry: RegistryService, activities: ActivityService, version: string, options: PublishingOptions = {}) {
  const feedMax = options.feedMaxEvents ?? FEED_MAX_EVENTS;
  const planMax = options.planMaxEvents ?? PLAN_MAX_EVENTS;
  /** The registry as the site shows it: the registry service's shared snapshot (at most REGISTRY_SNAPSHOT_SECONDS old, 30 by default). */
  async function snapshot(): Promise<Snapshot> {
    return siteSnapshotOf(await registry.snapshot(ANONYMOUS));
  }

  const query = siteQuery;

  /** Activities of a query, page after page, that pass `keep`, stopping once `max` are found. */
  async function collect(first: ActivitiesQuery, max: number, keep: (a: Activity) => boolean): Promise<Activity[]> {
    const found: Activity[] = [];
    let cursor: string | undefined;
    do {
      const page = await activities.list(ANONYMOUS, { ...first, cursor });
      for (const activity of page.activities) if (keep(activity) && found.length < max) found.push(activity);
      cursor = page.next ?? undefined;
    } while (cursor && found.length < max);
    return found;
  }

  return {
    snapshot,

    /**
     * The validators of every page and feed: two index reads and the (cached) registry's hash.
     * A page that shows only some offices' activities names them: it changes only with theirs.
     */
    async stamp(offices?: readonly string[], today: string = todayUtc()) {
      const [freshness, registry, plans, contributions] = await Promise.all([activities.freshness(offices), snapshot(), activities.planCatalogue(), options.annualPlans?.marker() ?? '']);
      // A renamed plan item changes the event pages that name it, an office's plan text its page: both markers are in the stamp too.
      const planHash = createHash('sha256').update(`${plans.marker}|${contributions}`).digest('hex').slice(0, 12);
      return cacheStamp(`${version}-${registry.hash}-${planHash}`, freshness, today);
    },

    /** The next events from today (those under way included), soonest first. */
    async upcoming(filter: Partial<SiteFilter>, today: string, limit: number): Promise<Activity[]> {
      return (await activities.list(ANONYMOUS, query({ ...filter, from: today }, { sort: 'date', limit }))).activities;
    },

    /** The latest events that ended before today, latest first. */
    async recent(filter: Partial<SiteFilter>, today: string, limit: number): Promise<Activity[]> {
      const yesterday = addDays(today, -1);
      const page = await activities.list(ANONYMOUS, query({ ...filter, to: yesterday }, { sort: '-date', limit: limit * 2 }));
      return page.activities.filter((a) => a.date.end <= yesterday).slice(0, limit);
    },

    /** One page of the events list; the cursor comes from the previous page's "next" link. */
    eventsPage(filter: SiteFilter, page: { sort: 'date' | '-date'; cursor?: string; limit: number }) {
      return activities.list(ANONYMOUS, query(filter, page));
    },

    /** Every event touching a month, for the calendar view. */
    monthEvents(filter: SiteFilter, month: MonthRef): Promise<Activity[]> {
      const { first, last } = monthBounds(month);
      return activities.listAll(ANONYMOUS, query({ ...filter, from: first, to: last }, { sort: 'date', limit: 200 }), (a) => a, MONTH_MAX_EVENTS);
    },

    /**
     * An office's activities touching a year: its annual plan, planned and held alike, and after
     * them those planned without a date yet ("date to be decided", decision 11), which no year holds.
     */
    async plan(office: string, year: number): Promise<Activity[]> {
      const [dated, undated] = await Promise.all([
        activities.listAll(ANONYMOUS, query({ office: [office], from: `${year}-01-01`, to: `${year}-12-31` }, { sort: 'date', limit: 200 }), (a) => a, planMax),
        activities.listAll(ANONYMOUS, { ...query({ office: [office] }, { sort: 'date', limit: 200 }), undated: 'only' }, (a) => a, planMax),
      ]);
      return [...dated, ...undated].slice(0, planMax);
    },

    /**
     * The office page's plan for a year (PlanView): counted by month first (one grouped count), so
     * a year of any size answers; whole when it fits a page and no month is asked for, else the
     * month asked for (or this month, or the first with events), read through its own dates only.
     */
    async planView(office: string, year: number, month: number | null, today: string): Promise<PlanView> {
      const counts = await activities.planMonthCounts(ANONYMOUS, office, year);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      if (total <= planMax && month === null) return { activities: await this.plan(office, year), paged: null };
      const current = Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : null;
      const shown = month ?? (current !== null && counts.get(current) ? current : ([...counts.keys()].sort((a, b) => a - b)[0] ?? 1));
      const inMonth = (a: Activity) => {
        const of = planMonthOf(a, year);
        return shown === 13 ? of === 'undated' : shown === 0 ? of === null : of === shown;
      };
      const pad = String(Math.min(Math.max(shown, 1), 12)).padStart(2, '0');
      // Those dated by the whole year start on its first day; those of month 1 include the ones begun earlier.
      const window =
        shown === 13 ? { undated: 'only' as const } : shown === 0 ? { from: `${year}-01-01`, to: `${year}-01-01` } : { from: `${year}-${pad}-01`, to: monthBounds({ year, month: shown }).last };
      const first = { ...query({ office: [office], from: 'from' in window ? window.from : undefined, to: 'to' in window ? window.to : undefined }, { sort: 'date', limit: 200 }), ...('undated' in window ? window : {}) };
      const found = await collect(first, planMax + 1, inMonth);
      return { activities: found.slice(0, planMax), paged: { counts, total, month: shown, truncated: found.length > planMax } };
    },

    /** The office's annual plan by Sector and output, over the activities its page shows (public ones only). */
    async annualPlan(office: string, year: number, shown: readonly Activity[]): Promise<AnnualPlanByOutput | null> {
      return options.annualPlans ? options.annualPlans.byOutput(ANONYMOUS, office, year, shown) : null;
    },

    /** An event with the public events it is related to (those not public are simply absent). */
    async event(id: string): Promise<EventDetails> {
      const { activity, statusHistory } = await activities.get(ANONYMOUS, id);
      const related = await Promise.all(
        activity.related.map((r) =>
          activities.get(ANONYMOUS, r.activity).then(
            (d) => d.activity,
            (error: unknown) => {
              if (isAppError(error) && error.kind === 'not_found') return null;
              throw error;
            },
          ),
        ),
      );
      const plans = await activities.planCatalogue();
      return {
        activity,
        statusHistory: statusHistory.map(({ from, to, at }) => ({ from, to, at })),
        related: related.filter((a): a is Activity => a !== null),
        planLinks: linksWithUpperLevels(plans, activity.plans),
        plans: plans.plans,
      };
    },

    /** The events of a calendar feed: the filter within the feed's window. */
    async feedEvents(filter: SiteFilter, window: FeedWindow, today: string): Promise<FeedEvents> {
      const ahead =
        window.to >= today
          ? await collect(query({ ...filter, from: window.from > today ? window.from : today, to: window.to }, { sort: 'date', limit: 200 }), feedMax + 1, () => true)
          : [];
      const yesterday = addDays(today, -1);
      const past =
        window.from <= yesterday && ahead.length < feedMax
          ? await collect(
              query({ ...filter, from: window.from, to: window.to < yesterday ? window.to : yesterday }, { sort: '-date', limit: 200 }),
              feedMax - ahead.length + 1,
              // Events under way today are already among those ahead.
              (a) => a.date.end < today,
            )
          : [];
      // Too many ahead: the soonest first. Otherwise the past gives way, oldest first.
      if (ahead.length > feedMax) return { events: ahead.slice(0, feedMax), truncated: true };
      const events = [...past.reverse(), ...ahead];
      return { events: events.slice(-feedMax), truncated: events.length > feedMax };
    },

    /** Sector → bureau, for the JSON of events (the API's presenter). */
    /** How the public see these events as JSON: the register's public presenter. */
    async presenter(events: readonly Activity[]): Promise<ActivityPresenter> {
      return activityPresenterFor(ANONYMOUS, activities, events);
    },

    /** The year's public activities by start month and region (the year page's chart and table). */
    yearCounts(year: number) {
      return activities.monthRegionCounts(ANONYMOUS, year);
    },

    /** The most recently published or changed events, newest change first (the Atom feed). */
    async changes(filter: SiteFilter, limit: number): Promise<Activity[]> {
      return (await activities.list(ANONYMOUS, query(filter, { sort: 'updated', limit }))).activities;
    },
  };
}
