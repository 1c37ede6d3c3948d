/**
 * A change marker per office. Frozen.
 *
 * The list pages and public pages were cached by the register's one marker (max change_seq,
 * migration 0008), so a write to any activity threw away every office's pages and feeds. Now
 * each write of activities also stamps, in the same transaction and with the same change number,
 * a row per office whose activities it touched (before and after the write); a page that shows
 * only some offices' activities is kept while their rows stay where they were.
 *
 * The row is written under the change counter's lock, so on PostgreSQL the numbers commit in
 * order here too. An office with no row has not changed since this migration: its marker is 0.
 * An app version older than this one writing to the same PostgreSQL database would not stamp
 * these rows, and this version's office pages would not see its writes until the next one here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_office_change')
    .addColumn('office_code', 'text', (c) => c.primaryKey())
    .addColumn('change_seq', 'bigint', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_office_change').execute();
}
