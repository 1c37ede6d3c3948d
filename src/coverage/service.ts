/**
 * The coverage of a Sector's plan in a year (decision 25): the plans' catalogue chooses the rows,
 * one grouped statement counts the activities, the registry gives the columns. Anyone may read
 * it: signed-in staff see internal activities counted, everyone else (and the public site) public
 * ones only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/db/schema.ts';
import { ANONYMOUS, can, requireAccess, type Actor } from '#src/platform/access.ts';
import type { PlanService } from '#src/plans/service.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { coverageScope, coverageView, type CoverageView } from './model.ts';
import { coverageCounts } from './store.ts';

export type CoverageService = ReturnType<typeof createCoverageService>;

export function createCoverageService(db: Kysely<Database>, deps: { plans: PlanService; registry: RegistryService }) {
  return {
    /** Whether the actor's figures count internal activities. */
    countsInternal: (actor: Actor): boolean => can(actor, 'internal:read'),

    async view(actor: Actor, sector: string, year: number): Promise<CoverageView> {
      requireAccess(actor, 'registry:read');
      const [catalogue, snapshot] = await Promise.all([deps.plans.catalogue(), deps.registry.snapshot(ANONYMOUS)]);
      const scope = coverageScope(catalogue, sector, year);
      const counts = await coverageCounts(db, { items: scope.countedItems, year, publicOnly: !can(actor, 'internal:read') });
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
      return coverageView(scope, registry, counts);
    },
  };
}
