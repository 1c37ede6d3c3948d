/**
 * The query planners' statistics kept true to the data. SQLite gathers them only when told
 * (ANALYZE): gathered at migration on empty tables and never again, its planner took the Atom
 * feed's "latest changes" order through the wrong index and sorted every live activity (575 ms at
 * 100k against 1 ms). PostgreSQL's autovacuum analyses in time, but not right after a bulk load.
 * So: a full ANALYZE after migrations and seeding; after a bulk load, a bounded one
 * (`PRAGMA optimize` analyses only the tables that grew, on a sample) on SQLite, where it runs on
 * the server's one connection, and ANALYZE of the register's tables on PostgreSQL; and on a
 * running SQLite server `PRAGMA optimize` on a schedule and at close (sqlite-upkeep.ts, database.ts).
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** Rows written at once from which a write counts as a bulk load. */
export const BULK_LOAD_ROWS = 500;

/** The tables a bulk load of activities fills (PostgreSQL analyses these alone). */
const REGISTER_TABLES = ['activity', 'activity_office', 'activity_sector', 'activity_body', 'activity_relation', 'activity_status_change', 'audit_event'];

/**
 * Gathers every table's statistics again (after migrations and seeding: not in a request). On
 * PostgreSQL only the tables of the schema in use: the database may hold other registers.
 */
export async function refreshStatistics(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) {
    await sql`analyze`.execute(db);
    return;
  }
  const { rows } = await sql<{ name: string }>`select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()`.execute(db);
  if (rows.length > 0) await sql.raw(`analyze ${rows.map((r) => r.name).join(', ')}`).execute(db);
}

/** After `rows` were written at once: statistics follow when they are many. */
export async function afterBulkLoad(db: Kysely<any>, rows: number): Promise<void> {
  if (rows < BULK_LOAD_ROWS) return;
  if (onSqlite(db)) {
    // 0x10002: every table, not only those this connection has read; bounded by SQLite's own analysis limit.
    await sql`pragma optimize = 0x10002`.execute(db);
  } else {
    await sql.raw(`analyze ${REGISTER_TABLES.join(', ')}`).execute(db);
  }
}
