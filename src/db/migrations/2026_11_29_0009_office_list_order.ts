/**
 * Office lists driven from the office link table. Frozen.
 *
 * A list filtered by office walked the live index of every activity in date order and checked
 * each one's offices, so an office with few activities read most of the register before it had a
 * page (2.5 s at 1M for an office with none). `activity_office` now carries its activity's
 * date_start and seq, indexed as (office_code, date_start, seq): the list walks one office's
 * links in the register's date order (date_start, then seq, the cursor's order) and reads only
 * those activities. The store writes both columns with every link, and rewrites an activity's
 * links whenever it writes the activity, so they follow a change of date.
 *
 * PostgreSQL: filled from `activity`, then NOT NULL without a default, so a writer that does not
 * know them fails rather than hiding a link from its office's list. SQLite needs a default to add
 * a NOT NULL column; every row is filled here and the store always writes them.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) {
    await db.schema.alterTable('activity_office').addColumn('date_start', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('activity_office').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  } else {
    await db.schema.alterTable('activity_office').addColumn('date_start', 'text').addColumn('seq', 'integer').execute();
  }
  await sql`update activity_office set date_start = activity.date_start, seq = activity.seq
    from activity where activity.id = activity_office.activity_id`.execute(db);
  if (!onSqlite(db)) {
    await db.schema
      .alterTable('activity_office')
      .alterColumn('date_start', (c) => c.setNotNull())
      .alterColumn('seq', (c) => c.setNotNull())
      .execute();
  }
  await db.schema.createIndex('activity_office_order_idx').on('activity_office').columns(['office_code', 'date_start', 'seq']).execute();
  await sql`analyze activity_office`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_office_order_idx').execute();
  await db.schema.alterTable('activity_office').dropColumn('seq').execute();
  await db.schema.alterTable('activity_office').dropColumn('date_start').execute();
}
