/**
 * What the public site reads: the registry (cached briefly, it changes only on `fieldbook seed`)
 * and the register through the activities service as an anonymous visitor, so internal and
 * deleted activities can never reach a page or a feed.
 */
import { createHash } from 'node:crypto';
import type { Activity, StatusChange } from '#src/activities/model.ts';
import type { ActivitiesQuery } from '#src/activities/schemas.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { ANONYMOUS } from '#src/platform/access.ts';
import { isAppError } from '#src/platform/errors.ts';
import { compareBodies, inReportOrder, type Body, type Region } from '#src/registry/model.ts';
import type { OfficeDetails, RegistryService } from '#src/registry/service.ts';
import { addDays, cacheStamp, monthBounds, todayUtc, type FeedWindow, type KnownCodes, type MonthRef, type SiteFilter } from './model.ts';

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
  statusHistory: StatusChange[];
  related: Activity[];
}

/** The most events a month calendar, an annual plan or a feed holds; beyond it the filter must narrow. */
export const MONTH_MAX_EVENTS = 2_000;
export const PLAN_MAX_EVENTS = 5_000;
export const FEED_MAX_EVENTS = 10_000;

const SNAPSHOT_TTL_MS = 30_000;

export type PublishingService = ReturnType<typeof createPublishingService>;

export function createPublishingService(registry: RegistryService, activities: ActivityService, version: string) {
  let cached: { at: number; value: Promise<Snapshot> } | null = null;

  async function loadSnapshot(): Promise<Snapshot> {
    const [regions, offices, bodies] = await Promise.all([
      registry.listRegions(ANONYMOUS),
      registry.listOffices(ANONYMOUS, {}),
      registry.listBodies(ANONYMOUS, {}),
    ]);
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
  }

  /** The registry as the site shows it, read again at most every SNAPSHOT_TTL_MS. */
  function snapshot(): Promise<Snapshot> {
    const now = Date.now();
    if (!cached || now - cached.at > SNAPSHOT_TTL_MS) {
      const value = loadSnapshot();
      cached = { at: now, value };
      value.catch(() => {
        cached = null;
      });
    }
    return cached.value;
  }

  const query = (filter: Partial<SiteFilter>, rest: Pick<ActivitiesQuery, 'sort' | 'limit'> & { cursor?: string }): ActivitiesQuery => {
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
      deleted: 'exclude',
      ...rest,
    };
  };

  return {
    snapshot,

    /** The validators of every page and feed: two index reads and the (cached) registry's hash. */
    async stamp(today: string = todayUtc()) {
      const [freshness, registry] = await Promise.all([activities.freshness(), snapshot()]);
      return cacheStamp(`${version}-${registry.hash}`, freshness, today);
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

    /** An office's activities touching a year: its annual plan, planned and held alike. */
    plan(office: string, year: number): Promise<Activity[]> {
      return activities.listAll(
        ANONYMOUS,
        query({ office: [office], from: `${year}-01-01`, to: `${year}-12-31` }, { sort: 'date', limit: 200 }),
        (a) => a,
        PLAN_MAX_EVENTS,
      );
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
      return { activity, statusHistory, related: related.filter((a): a is Activity => a !== null) };
    },

    /** The events of a calendar feed: the filter within the feed's window. */
    feedEvents(filter: SiteFilter, window: FeedWindow): Promise<Activity[]> {
      return activities.listAll(ANONYMOUS, query({ ...filter, from: window.from, to: window.to }, { sort: 'date', limit: 200 }), (a) => a, FEED_MAX_EVENTS);
    },

    /** Sector → bureau, for the JSON of events (the API's presenter). */
    bureauOfSector(): Promise<ReadonlyMap<string, string>> {
      return activities.bureauOfSector();
    },

    /** The most recently published or changed events, newest change first (the Atom feed). */
    async changes(filter: SiteFilter, limit: number): Promise<Activity[]> {
      return (await activities.list(ANONYMOUS, query(filter, { sort: 'updated', limit }))).activities;
    },
  };
}
