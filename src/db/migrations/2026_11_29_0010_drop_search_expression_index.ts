/**
 * PostgreSQL: drops the GIN index on the expression to_tsvector('simple', search_text). Frozen.
 *
 * Migration 0007 added the stored, GIN-indexed `search_vector` and kept this index while an older
 * app version might still search through the expression. No version since asks for it (the store
 * matches `search_vector`, and the planner can only use an expression index for that very
 * expression), yet every write of an activity still parsed its text a second time to keep it.
 * SQLite has no such index: nothing to do there.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) return;
  await sql`drop index if exists activity_search_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) return;
  await sql`create index activity_search_idx on activity using gin (to_tsvector('simple', search_text))`.execute(db);
}
