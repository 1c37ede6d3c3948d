/**
 * The register as open data (decision 20): the IATI activity file of the public register, read
 * as an anonymous visitor through the public site's filter and the activities service, so that
 * internal and deleted activities can never reach it. The file is produced a page of activities
 * at a time as the reader takes it: a register of any size goes through in flat memory.
 */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import type { Activity, Texts } from '#src/activities/model.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { ANONYMOUS, can, type Actor } from '#src/platform/access.ts';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import { translator, type Translator } from '#src/platform/messages.ts';
import { todayUtc } from '#src/publishing/model.ts';
import type { SiteFilter } from '#src/publishing/schemas.ts';
import { siteQuery, type PublishingService, type Snapshot } from '#src/publishing/service.ts';
import { yearChart } from '#src/publishing/year-chart.ts';
import { cityPoints } from '#src/registry/city-points.ts';
import { IATI_TAIL, iatiActivities, iatiHead, type IatiContext } from './iati.ts';

/**
 * Activities read per statement while streaming: 500 hold fewer rows in flight than 1,000 (at 1M on
 * PostgreSQL the heap grew by 225 instead of 284 MB) and the file was written faster on both databases.
 */
export const IATI_PAGE = 500;

export type OpenDataService = ReturnType<typeof createOpenDataService>;

type RegistryPart = Pick<IatiContext, 'offices' | 'regions' | 'bodies' | 'points' | 'reportingOrgNames'>;

/** The registry's part of the file's context, built once per registry snapshot. */
const registryParts = new WeakMap<Snapshot, RegistryPart>();
function registryPart(snapshot: Snapshot): RegistryPart {
  let part = registryParts.get(snapshot);
  if (!part) {
    part = {
      // The headquarters serves every region: it names none.
      offices: new Map(snapshot.offices.map(({ office }) => [office.code, { names: office.names, region: office.kind === 'headquarters' ? null : office.region }])),
      regions: new Map(snapshot.regions.map((r) => [r.code, r.names])),
      bodies: new Map([...snapshot.bodyByCode].map(([code, body]) => [code, { type: body.type, names: body.names }])),
      points: cityPoints(snapshot.offices.map((o) => o.office)),
      reportingOrgNames: Object.fromEntries(LANGUAGES.map((l) => [l, translator(l).t('common.union')])) as Texts,
    };
    registryParts.set(snapshot, part);
  }
  return part;
}

let translators: Record<Language, Translator> | undefined;

/** Descriptions written, by language, kind and date: many activities share them (kept up to 50,000, then begun again). */
const described = new Map<string, string>();

/** "Workshop, March 2020": what an activity without a description is described as, in a language. */
function describe(activity: Activity, language: Language): string {
  const { kind, date } = activity;
  const key = `${language} ${kind} ${date.precision} ${date.start} ${date.end}`;
  let text = described.get(key);
  if (text === undefined) {
    translators ??= Object.fromEntries(LANGUAGES.map((l) => [l, translator(l)])) as Record<Language, Translator>;
    const { t } = translators[language];
    text = t('opendata.iati.description', { kind: t(`site.kind.${kind}`), date: formatFuzzyDate(date, language) });
    if (described.size >= 50_000) described.clear();
    described.set(key, text);
  }
  return text;
}

export interface OpenDataOptions {
  /** Activities read per statement (IATI_PAGE; lower in tests, to see a file made of several pages). */
  pageSize?: number;
}

export function createOpenDataService(publishing: PublishingService, activities: ActivityService, options: OpenDataOptions = {}) {
  const pageSize = options.pageSize ?? IATI_PAGE;
  return {
    /** The validators of the file: the public site's (the register's change counter, the registry, the day). */
    stamp: () => publishing.stamp(),

    /** The codes a filter may name (the public site's). */
    async known() {
      return (await publishing.snapshot()).known;
    },

    /** The year's activities by start month and region, as the caller may see them (staff: internal ones too). */
    async yearCounts(actor: Actor, year: number) {
      return { year, counts: await activities.monthRegionCounts(actor, year) };
    },

    /** The same as a chart, an SVG file of its own (colours and legend in it), in a language. */
    async yearChart(actor: Actor, year: number, language: Language): Promise<string> {
      const [{ counts }, snapshot] = await Promise.all([this.yearCounts(actor, year), publishing.snapshot()]);
      return yearChart({ year, counts, regions: snapshot.regions }, translator(language), { standalone: true, internal: can(actor, 'internal:read') }).value;
    },

    /**
     * The IATI activity file of the public activities the filter matches, as text to stream, or
     * null when it matches none (the standard's file holds at least one activity). Undated
     * activities are left out: the standard requires a start date, planned or actual.
     */
    async iati(filter: SiteFilter, origin: string, today: string = todayUtc()): Promise<AsyncGenerator<string> | null> {
      const [snapshot, plans] = await Promise.all([publishing.snapshot(), activities.planCatalogue()]);
      const ctx: IatiContext = { ...registryPart(snapshot), planItems: plans.items, origin, today, generated: new Date().toISOString(), describe };
      const pages = activities.pages(ANONYMOUS, { ...siteQuery(filter, { sort: 'date', limit: pageSize }), undated: 'exclude' }, pageSize);
      const first = await pages.next();
      if (first.done) return null;
      return (async function* file() {
        yield iatiHead(ctx) + iatiActivities(first.value, ctx);
        for await (const page of pages) yield iatiActivities(page, ctx);
        yield IATI_TAIL;
      })();
    },
  };
}
