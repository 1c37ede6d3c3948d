/**
 * List pages as sent (JSON text), by the register's freshness marker, the audience and the URL:
 * while the register does not change, the same page is read, presented and serialised once. A
 * change moves the marker (`registerFreshness` in store.ts, the one the public site's ETags
 * use), so older entries are never asked for again and leave as the least recently used. A list
 * of some offices' activities is keyed by those offices' marker alone (`officesFreshness`), so a
 * write to another office's activity leaves it cached.
 */
import type { Actor } from '#src/platform/access.ts';
import { GenerationalCache, LruCache } from '#src/platform/lru.ts';
import type { Activity, RegisterFreshness } from './model.ts';
import { audienceOf, presentationFor, type Audience } from './present.ts';
import type { ActivitiesQuery } from './schemas.ts';
import type { ActivityService } from './service.ts';

export class PageCache extends LruCache<string> {
  constructor() {
    // Bigger pages (200 activities with long descriptions) are not worth the memory.
    super({ maxEntries: 500, weigh: (body) => body.length, maxEntryWeight: 1_000_000 });
  }

  static key(freshness: RegisterFreshness, audience: Audience, url: string, plansMarker = ''): string {
    return `${freshness.changeSeq}|${freshness.lastChange ?? ''}|${plansMarker}|${audience}|${url}`;
  }
}

/**
 * Activities as sent (each one's JSON), by audience, id, version and variant (present.ts
 * `presentationFor`), while the bureaux and the plans are the same: a page the page cache does not
 * hold is mostly activities presented before, for another page, another filter or another reader.
 */
class PresentedActivities {
  private context: { bureauOfSector: object; plansMarker: string } | null = null;
  private kept = new GenerationalCache<string>(20_000);

  json(presentation: Awaited<ReturnType<typeof presentationFor>>, activity: Activity): string {
    const { context } = presentation;
    if (this.context?.bureauOfSector !== context.bureauOfSector || this.context.plansMarker !== context.plansMarker) {
      this.context = context;
      this.kept = new GenerationalCache<string>(20_000);
    }
    const key = `${presentation.audience}|${activity.id}|${activity.version}|${presentation.variant(activity)}`;
    let json = this.kept.get(key);
    if (json === undefined) this.kept.set(key, (json = JSON.stringify(presentation.present(activity))));
    return json;
  }
}

/**
 * The register's list pages as JSON text for a caller: from the cache while the register is
 * unchanged, otherwise read, presented for the caller's audience and kept.
 */
export function listPages(activities: Pick<ActivityService, 'freshness' | 'list' | 'bureauOfSector' | 'publicRelatedIds' | 'planCatalogue'>) {
  const pages = new PageCache();
  const presented = new PresentedActivities();
  return async (actor: Actor, query: ActivitiesQuery, url: string): Promise<string> => {
    // The plans' marker too: a renamed output changes the titles a page shows.
    const [freshness, plans] = await Promise.all([activities.freshness(query.office), activities.planCatalogue()]);
    const key = PageCache.key(freshness, audienceOf(actor), url, plans.marker);
    const kept = pages.get(key);
    if (kept !== undefined) return kept;
    const page = await activities.list(actor, query);
    const presentation = await presentationFor(actor, activities, page.activities);
    // The same text JSON.stringify gives for the whole page, from the activities' own.
    const body = `{"data":[${page.activities.map((a) => presented.json(presentation, a)).join(',')}],"next":${JSON.stringify(page.next)}}`;
    pages.set(key, body);
    return body;
  };
}
