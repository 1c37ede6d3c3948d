/**
 * The rate limits' counters in the database (shared by every instance behind a balancer): one
 * count per route and key, a window that starts again once over, on both databases.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { databaseRateLimitStore } from '#src/platform/rate-limit-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DIALECTS } from '../support/dialects.ts';

const MINUTE = 60_000;
/** The parts of a route the plugin's `child` call gives that the store reads. */
const route = (method: string, path: string) => ({ method, path }) as Parameters<FastifyRateLimitStore['child']>[0];

describe.each(DIALECTS)('rate limit counters in the database [%s]', (dialect) => {
  let database: TestDatabase;
  let now: number;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    now = Date.parse('2026-12-07T12:00:00Z');
    vi.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database?.drop();
  });

  const count = (store: FastifyRateLimitStore, key: string) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), MINUTE, 5),
    );

  it('counts each route and address apart, for a window that then starts again', async () => {
    const Store = databaseRateLimitStore(database.fieldbook.database.db);
    const root = new Store({});
    const signIn = root.child(route('POST', '/api/session'));
    // A second instance's store: the same counts.
    const elsewhere = new Store({}).child(route('POST', '/api/session'));
    const other = root.child(route('POST', '/api/tokens'));

    expect(await count(signIn, '10.0.0.1')).toEqual({ current: 1, ttl: MINUTE });
    now += 20_000;
    expect(await count(elsewhere, '10.0.0.1')).toEqual({ current: 2, ttl: 40_000 });
    expect(await count(signIn, '10.0.0.2')).toEqual({ current: 1, ttl: MINUTE });
    expect(await count(other, '10.0.0.1')).toEqual({ current: 1, ttl: MINUTE });

    now += 40_000;
    expect(await count(signIn, '10.0.0.1')).toEqual({ current: 1, ttl: MINUTE });
  });
});
