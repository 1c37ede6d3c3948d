import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED_ACTOR, VERSION } from '#src/app.ts';
import { referenceCache } from '#src/activities/references.ts';
import { ANONYMOUS } from '#src/platform/access.ts';
import { createPublishingService } from '#src/publishing/service.ts';
import { readReferenceData } from '#src/registry/reference-data.ts';
import { SNAPSHOT_TTL_MS } from '#src/registry/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DIALECTS } from '../support/dialects.ts';

describe.each(DIALECTS)('the registry snapshot [%s]', (dialect) => {
  let database: TestDatabase;
  let now: number;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database?.drop();
  });

  /** Reloads the reference data with the Dakar office renamed, as `fieldbook seed` would. */
  async function renameDakar(name: string): Promise<void> {
    const data = await readReferenceData('data/reference');
    const offices = data.offices.map((o) => (o.code === 'dakar' ? { ...o, name: { ...o.name, en: name } } : o));
    await database.fieldbook.services.registry.loadReference(SEED_ACTOR, { ...data, offices });
  }

  it('reads the whole registry once for everyone, for SNAPSHOT_TTL_MS, then again', async () => {
    const { registry } = database.fieldbook.services;
    const first = await registry.snapshot(ANONYMOUS);
    expect(first.regions).toHaveLength(6);
    expect(first.offices.find((o) => o.office.code === 'addis-ababa')?.children.length).toBeGreaterThan(0);
    expect(first.bodies.some((b) => b.code === 'ITU-T')).toBe(true);

    await renameDakar('Area Office in Dakar (renamed)');
    now += SNAPSHOT_TTL_MS;
    expect(await registry.snapshot({ kind: 'system', label: 'test' })).toBe(first);

    now += 1;
    const second = await registry.snapshot(ANONYMOUS);
    expect(second).not.toBe(first);
    expect(second.offices.find((o) => o.office.code === 'dakar')?.office.names.en).toBe('Area Office in Dakar (renamed)');
  });

  it('is what the register and the public site both read: a change reaches them together', async () => {
    const { registry, activities } = database.fieldbook.services;
    const references = referenceCache(registry);
    const site = createPublishingService(registry, activities, VERSION);
    const register = await references();
    // The site asks later, within the same 30 seconds: it gets the same snapshot, not a fresh one.
    now += SNAPSHOT_TTL_MS / 2;
    const page = await site.snapshot();
    // Each view is built once per snapshot, not on every request.
    expect(await references()).toBe(register);
    expect(await site.snapshot()).toBe(page);

    await renameDakar('Dakar, renamed');
    now += SNAPSHOT_TTL_MS / 2 + 1;
    const [registerAfter, pageAfter] = [await references(), await site.snapshot()];
    expect(registerAfter.offices.get('dakar')?.names.en).toBe('Dakar, renamed');
    expect(pageAfter.officeByCode.get('dakar')?.office.names.en).toBe('Dakar, renamed');
    expect(pageAfter.hash).not.toBe(page.hash);
  });
});
