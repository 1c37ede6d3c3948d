/**
 * A change counter for the register. Frozen.
 *
 * The register's "last change" marker (the public site's ETags, the list's page cache) was
 * max(seq) and max(updated_at): two edits in the same millisecond left it where it was, and a
 * stale page could be served for as long as nothing else changed. Now every write of activities
 * takes the next value of a one-row counter, in its own transaction, and stamps the rows it
 * writes with it (`activity.change_seq`); the marker is max(change_seq), one read of its index.
 *
 * A one-row counter rather than a PostgreSQL sequence: a sequence hands out numbers in the order
 * transactions ask, not the order they commit, so a reader could see 11 committed while 10 is
 * still to come, keep its page under 11, and never see 10's change. The counter row stays
 * locked until its transaction ends, so writers of activities take their turn on it and the
 * numbers are committed in order, across every app instance on the database. (SQLite has one
 * writer at a time anyway.)
 *
 * Rows written before this migration keep 0 (the column's default; SQLite needs one to add a NOT
 * NULL column). The store sets it on every write; an app version older than this one writing to
 * the same PostgreSQL database would leave 0 and not move the marker for its own writes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_change_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('activity_change_counter').values({ id: 1, value: 0 }).execute();
  await db.schema.alterTable('activity').addColumn('change_seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('activity_change_seq_idx').on('activity').column('change_seq').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_change_seq_idx').execute();
  await db.schema.alterTable('activity').dropColumn('change_seq').execute();
  await db.schema.dropTable('activity_change_counter').execute();
}
