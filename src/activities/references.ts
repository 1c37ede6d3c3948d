/**
 * The registry codes the register checks against (offices, bodies, Sectors, bureaux), indexed
 * from the registry service's snapshot, which it keeps briefly for the register and the site
 * alike: reference data changes only on `fieldbook seed`, while every list request and every
 * write needs it.
 */
import { ANONYMOUS } from '#src/platform/access.ts';
import { perSnapshot, type RegistryService } from '#src/registry/service.ts';
import type { Body, Office } from '#src/registry/model.ts';
import type { PlanCatalogue } from '#src/plans/model.ts';

export interface References {
  offices: Map<string, Office>;
  bodies: Map<string, Body>;
  /** Sector code → its bureau (ITU-T → TSB), and back. */
  bureauOfSector: Map<string, string>;
  sectorOfBureau: Map<string, string>;
  /** Every name a body is known by, and its parent's (a regional group is found by its study group's title). */
  namesOf(code: string): readonly string[];
  /** The plans' items by id, which an activity may link. */
  planItems: PlanCatalogue['items'];
}

/** Where the register reads the plans from (the plans service). */
export interface PlanLookup {
  catalogue(): Promise<PlanCatalogue>;
}

/** The registry's codes and names, indexed once per snapshot. */
const referencesOf = perSnapshot(({ offices, bodies }): Omit<References, 'planItems'> => {
  const bureaux = bodies.filter((b) => b.type === 'bureau' && b.parent);
  const byCode = new Map(bodies.map((b) => [b.code, b]));
  return {
    offices: new Map(offices.map((o) => [o.office.code, o.office])),
    bodies: byCode,
    bureauOfSector: new Map(bureaux.map((b) => [b.parent!, b.code])),
    sectorOfBureau: new Map(bureaux.map((b) => [b.code, b.parent!])),
    namesOf: (code) => {
      const body = byCode.get(code);
      if (!body) return [];
      const parent = body.parent ? byCode.get(body.parent) : undefined;
      return [...Object.values(body.names), ...body.aliases, ...(parent?.type === 'study-group' ? Object.values(parent.names) : [])];
    },
  };
});

/** The references, from the registry's shared snapshot (at most REGISTRY_SNAPSHOT_SECONDS old, 30 by default), built once per snapshot. */
export function referenceCache(registry: RegistryService, plans?: PlanLookup): () => Promise<References> {
  return async () => {
    const [snapshot, catalogue] = await Promise.all([registry.snapshot(ANONYMOUS), plans?.catalogue()]);
    // Without the plans (a tool that reads the registry alone), no plan item is known.
    return { ...referencesOf(snapshot), planItems: catalogue?.items ?? new Map() };
  };
}

