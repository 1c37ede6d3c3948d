/**
 * The coverage of a Sector's plan in a year (decision 25): the plans' catalogue chooses the rows,
 * the year's plan links, counted in TypeScript, give the figures, the registry gives the columns.
 * Anyone may read it: signed-in staff see internal activities counted, everyone else (and the
 * public site) public ones only.
 *
 * The counts are kept while nothing they depend on moved: the register's change counter, the
 * plans' marker and the offices' regions (the list pages' cache does the same, decision 12). A
 * write anywhere in the register moves the counter, so the next request counts again.
 */
import type { Kysely } from 'kysely';
import type { ActivityService } from '#src/activities/service.ts';
import type { Database } from '#src/db/schema.ts';
import { ANONYMOUS, can, requireAccess, type Actor } from '#src/platform/access.ts';
import { LruCache } from '#src/platform/lru.ts';
import type { PlanService } from '#src/plans/service.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { countCoverage, coverageScope, coverageView, type CountedItem, type CoverageCount, type CoverageView } from './model.ts';
import { coverageLinks, type CoverageQuery } from './store.ts';

export type CoverageService = ReturnType<typeof createCoverageService>;

/** Sector × year × audience views worth keeping; each is a few hundred counts. */
const KEPT_COUNTS = 200;

export function createCoverageService(db: Kysely<Database>, deps: { plans: PlanService; registry: RegistryService; activities: ActivityService }) {
  const kept = new LruCache<CoverageCount[]>({ maxEntries: KEPT_COUNTS });

  async function counts(
    query: CoverageQuery & { sector: string },
    plans: { marker: string; itemOf: (id: string) => CountedItem | undefined },
    regions: { marker: string; regionOf: (office: string) => string | undefined },
  ): Promise<CoverageCount[]> {
    const fresh = await deps.activities.freshness();
    const key = [fresh.changeSeq, fresh.lastChange ?? '', plans.marker, regions.marker, query.sector, query.year, query.publicOnly].join('|');
    const known = kept.get(key);
    if (known) return known;
    const counted = countCoverage(await coverageLinks(db, query), plans.itemOf, regions.regionOf);
    kept.set(key, counted);
    return counted;
  }

  return {
    /** Whether the actor's figures count internal activities. */
    countsInternal: (actor: Actor): boolean => can(actor, 'internal:read'),

    async view(actor: Actor, sector: string, year: number): Promise<CoverageView> {
      requireAccess(actor, 'registry:read');
      const [catalogue, snapshot] = await Promise.all([deps.plans.catalogue(), deps.registry.snapshot(ANONYMOUS)]);
      const scope = coverageScope(catalogue, sector, year);
      const regionOf = new Map(snapshot.offices.map(({ office }) => [office.code, office.region]));
      const counted = await counts(
        { sector, items: scope.countedItems, year, publicOnly: !can(actor, 'internal:read') },
        { marker: catalogue.marker, itemOf: (id) => catalogue.items.get(id) },
        { marker: [...regionOf].map(([office, region]) => `${office}:${region}`).join(','), regionOf: (office) => regionOf.get(office) },
      );
      // A column is named by its office's city, short enough for a column; offices sharing a city (Geneva) by their names.
      const cities = snapshot.offices.map(({ office }) => office.cityNames.en);
      const shared = (city: string) => cities.filter((c) => c === city).length > 1;
      const registry = {
        regions: snapshot.regions,
        offices: snapshot.offices.map(({ office }) => ({
          code: office.code,
          region: office.region,
          names: shared(office.cityNames.en) ? office.names : office.cityNames,
          openedOn: office.openedOn,
          closedOn: office.closedOn,
        })),
      };
      return coverageView(scope, registry, counted);
    },
  };
}
