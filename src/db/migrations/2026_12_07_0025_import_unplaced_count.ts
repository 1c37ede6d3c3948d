/**
 * How many passages of a batch's document could not be placed. The batch lists only the first
 * of them (a 10 MB text of short lines has a million): the count says how many there were in
 * all. Existing batches listed every one, so their count is their list's length. Frozen.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').addColumn('unplaced_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  if (onSqlite(db)) await sql`update import_batch set unplaced_count = json_array_length(unplaced)`.execute(db);
  else await sql`update import_batch set unplaced_count = json_array_length(unplaced::json)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('unplaced_count').execute();
}
