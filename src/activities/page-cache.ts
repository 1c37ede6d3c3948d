/**
 * List pages as sent (JSON text), by the register's freshness marker, the audience and the URL:
 * while the register does not change, the same page is read, presented and serialised once. A
 * change moves the marker (`registerFreshness` in store.ts, the one the public site's ETags
 * use), so older entries are never asked for again and leave as the least recently used. A list
 * of some offices' activities is keyed by those offices' marker alone (`officesFreshness`), so a
 * write to another office's activity leaves it cached.
 */
import type { Actor } from '#src/platform/access.ts';
import { LruCache } from '#src/platform/lru.ts';
import type { RegisterFreshness } from './model.ts';
import { activityPresenterFor, audienceOf, type Audience } from './present.ts';
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
 * The register's list pages as JSON text for a caller: from the cache while the register is
 * unchanged, otherwise read, presented for the caller's audience and kept.
 */
export function listPages(activities: Pick<ActivityService, 'freshness' | 'list' | 'bureauOfSector' | 'publicRelatedIds' | 'planCatalogue'>) {
  const pages = new PageCache();
  return async (actor: Actor, query: ActivitiesQuery, url: string): Promise<string> => {
    // The plans' marker too: a renamed output changes the titles a page shows.
    const [freshness, plans] = await Promise.all([activities.freshness(query.office), activities.planCatalogue()]);
    const key = PageCache.key(freshness, audienceOf(actor), url, plans.marker);
    const kept = pages.get(key);
    if (kept !== undefined) return kept;
    const page = await activities.list(actor, query);
    const present = await activityPresenterFor(actor, activities, page.activities);
    const body = JSON.stringify({ data: page.activities.map((a) => present(a)), next: page.next });
    pages.set(key, body);
    return body;
  };
}
