/** Use cases of the registry: public reads of the regional presence, and loading reference data. */
import type { Kysely } from 'kysely';
import { recordAudit } from '#src/audit/service.ts';
import { requireAccess, type Actor } from '#src/platform/access.ts';
import { notFound } from '#src/platform/errors.ts';
import type { Database } from '#src/db/schema.ts';
import { presenceSummary, type Assignment, type Body, type Office, type PresenceSummary, type Region } from './model.ts';
import { registryObjectsOf, type ReferenceData } from './reference-data.ts';
import * as store from './store.ts';

export interface OfficeDetails {
  office: Office;
  /** Every head-of-office assignment, oldest first; presenters pick the one for a day. */
  assignments: Assignment[];
  /** Area offices under a regional office. */
  children: string[];
}

export interface SeedSummary {
  regions: number;
  offices: number;
  people: number;
  assignments: number;
  bodies: number;
}

/** The whole registry as anyone may read it, as it was at one moment. */
export interface RegistrySnapshot {
  regions: Region[];
  offices: OfficeDetails[];
  bodies: Body[];
}

/**
 * How long a snapshot serves unless told (REGISTRY_SNAPSHOT_SECONDS). Reference data changes only
 * on `fieldbook seed`, while every list request, every write of the register and every site page
 * needs it; a seed shows within this on every instance, each keeping its own snapshot.
 */
export const SNAPSHOT_TTL_MS = 30_000;

/**
 * A view built from a snapshot once, not on every call: `perSnapshot(build)(snapshot)` builds
 * for a snapshot it has not seen and returns the same view until the snapshot is replaced.
 */
export function perSnapshot<T>(build: (snapshot: RegistrySnapshot) => T): (snapshot: RegistrySnapshot) => T {
  const built = new WeakMap<RegistrySnapshot, { view: T }>();
  return (snapshot) => {
    let entry = built.get(snapshot);
    if (!entry) {
      entry = { view: build(snapshot) };
      built.set(snapshot, entry);
    }
    return entry.view;
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;

export function createRegistryService(db: Kysely<Database>, options: { snapshotTtlMs?: number } = {}) {
  const snapshotTtlMs = options.snapshotTtlMs ?? SNAPSHOT_TTL_MS;
  /** Adds heads and area offices; children are looked up among every office, not just the given ones. */
  async function withDetails(offices: Office[]): Promise<OfficeDetails[]> {
    if (offices.length === 0) return [];
    const [everyOffice, assignments] = await Promise.all([
      store.listOffices(db),
      store.listAssignments(db, { offices: offices.map((o) => o.code) }),
    ]);
    return offices.map((office) => ({
      office,
      assignments: assignments.filter((a) => a.office === office.code),
      children: everyOffice.filter((o) => o.parent === office.code).map((o) => o.code),
    }));
  }

  let cachedSnapshot: { at: number; value: Promise<RegistrySnapshot> } | null = null;

  async function readSnapshot(): Promise<RegistrySnapshot> {
    const [regions, offices, bodies] = await Promise.all([
      store.listRegions(db),
      store.listOffices(db, {}).then(withDetails),
      store.listBodies(db, {}),
    ]);
    return { regions, offices, bodies };
  }

  return {
    /** The registry read at most once every snapshotTtlMs for all who ask; a failed read is not kept. */
    async snapshot(actor: Actor): Promise<RegistrySnapshot> {
      requireAccess(actor, 'registry:read');
      const now = Date.now();
      if (!cachedSnapshot || now - cachedSnapshot.at > snapshotTtlMs) {
        const value = readSnapshot();
        cachedSnapshot = { at: now, value };
        value.catch(() => {
          if (cachedSnapshot?.value === value) cachedSnapshot = null;
        });
      }
      return cachedSnapshot.value;
    },

    async listRegions(actor: Actor): Promise<Region[]> {
      requireAccess(actor, 'registry:read');
      return store.listRegions(db);
    },

    async listOffices(actor: Actor, filter: store.OfficeFilter): Promise<OfficeDetails[]> {
      requireAccess(actor, 'registry:read');
      return withDetails(await store.listOffices(db, filter));
    },

    async getOffice(actor: Actor, code: string): Promise<OfficeDetails> {
      requireAccess(actor, 'registry:read');
      const office = await store.findOffice(db, code);
      if (!office) throw notFound('office_not_found', `There is no office with the code "${code}".`);
      const [details] = await withDetails([office]);
      return details!;
    },

    async listBodies(actor: Actor, filter: store.BodyFilter): Promise<Body[]> {
      requireAccess(actor, 'registry:read');
      return store.listBodies(db, filter);
    },

    async getBody(actor: Actor, code: string): Promise<Body> {
      requireAccess(actor, 'registry:read');
      const body = await store.findBody(db, code);
      if (!body) throw notFound('body_not_found', `There is no body with the code "${code}".`);
      return body;
    },

    async presence(actor: Actor, day: string): Promise<PresenceSummary> {
      requireAccess(actor, 'registry:read');
      const [offices, regions] = await Promise.all([store.listOffices(db), store.listRegions(db)]);
      return presenceSummary(offices, regions, day);
    },

    /** Loads checked reference data in one transaction: all of it or, on any error, none. */
    async loadReference(actor: Actor, data: ReferenceData): Promise<SeedSummary> {
      requireAccess(actor, 'users:manage');
      const objects = registryObjectsOf(data);
      return db.transaction().execute(async (trx) => {
        for (const region of objects.regions) await store.upsertRegion(trx, region);
        for (const body of parentsFirst(objects.bodies, (b) => b.code, (b) => b.parent)) await store.upsertBody(trx, body);
        for (const office of parentsFirst(objects.offices, (o) => o.code, (o) => o.parent)) await store.upsertOffice(trx, office);
        for (const person of objects.people) await store.upsertPerson(trx, person);
        for (const assignment of objects.assignments) await store.upsertAssignment(trx, assignment);
        const summary: SeedSummary = {
          regions: data.regions.length,
          offices: data.offices.length,
          people: data.people.length,
          assignments: data.assignments.length,
          bodies: data.bodies.length,
        };
        await recordAudit(trx, actor, { action: 'reference.load', entityType: 'reference', entityId: 'regional-presence', after: summary });
        return summary;
      });
    },
  };
}

/** Orders records so that each comes after the record it points to (foreign keys insert cleanly). */
function parentsFirst<T>(items: readonly T[], key: (t: T) => string, parent: (t: T) => string | null): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (item: T, depth: number): void => {
    const k = key(item);
    if (placed.has(k) || depth > items.length) return;
    const p = parent(item);
    const parentItem = p === null ? undefined : byKey.get(p);
    if (parentItem) place(parentItem, depth + 1);
    placed.add(k);
    ordered.push(item);
  };
  for (const item of items) place(item, 0);
  return ordered;
}
