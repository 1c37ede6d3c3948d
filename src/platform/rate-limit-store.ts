/**
 * Where @fastify/rate-limit counts requests: in the database (table `rate_limit_window`), so
 * the instances behind a balancer share one count per client address instead of each letting
 * the limit through. One statement per request, atomic on both databases: a new window starts
 * at 1, a running one adds 1.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';

export interface RateLimitWindowTable {
  /** The route and the client's key (its address). */
  key: string;
  /** When the window began, in milliseconds since the epoch (PostgreSQL returns a bigint as text). */
  started_at: number | string;
  hits: number;
}

export interface RateLimitTables {
  rate_limit_window: RateLimitWindowTable;
}

/** Windows over this long ago are swept away, now and then. */
const SWEEP_AFTER_MS = 3600_000;
/** One request in this many sweeps. */
const SWEEP_EVERY = 200;

export function databaseRateLimitStore<DB extends RateLimitTables>(database: Kysely<DB>): FastifyRateLimitStoreCtor {
  // Only this table is touched; the app's full schema includes it.
  const db = database as unknown as Kysely<RateLimitTables>;
  let requests = 0;

  async function count(key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    const now = Date.now();
    const over = now - timeWindow;
    const row = await db
      .insertInto('rate_limit_window')
      .values({ key, started_at: now, hits: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const ended = eb('rate_limit_window.started_at', '<=', over);
          return {
            hits: eb.case().when(ended).then(1).else(eb('rate_limit_window.hits', '+', 1)).end(),
            started_at: eb.case().when(ended).then(now).else(eb.ref('rate_limit_window.started_at')).end(),
          };
        }),
      )
      .returning(['hits', 'started_at'])
      .executeTakeFirstOrThrow();
    if (++requests % SWEEP_EVERY === 0) {
      await db.deleteFrom('rate_limit_window').where('started_at', '<', now - Math.max(timeWindow, SWEEP_AFTER_MS)).execute();
    }
    return { current: row.hits, ttl: Math.max(0, Number(row.started_at) + timeWindow - now) };
  }

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    /** The plugin passes its options; each route's child counts apart, as the plugin's own stores do. */
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly route = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      count(`${this.route} ${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { method: string | string[]; path: string }): FastifyRateLimitStore {
      return new DatabaseRateLimitStore({}, `${[routeOptions.method].flat().join(',')} ${routeOptions.path}`);
    }
  }
  return DatabaseRateLimitStore;
}
