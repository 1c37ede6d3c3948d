/**
 * The request counters of the rate limits (sign-in attempts per client address), kept in the
 * database so that every instance behind a balancer counts the same attempts: with counters in
 * each process, N instances let N times the limit through. One row per route and address, its
 * window's start (milliseconds since the epoch) and the requests counted in it. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_window')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  // The sweep of windows long over reads by start.
  await db.schema.createIndex('rate_limit_window_started_at_idx').on('rate_limit_window').column('started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_window').execute();
}
