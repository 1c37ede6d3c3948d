/**
 * The coverage of a plan (decision 25) driven from the plan links. Frozen.
 *
 * The coverage counts a year's activities linking a plan's outputs. Read from the activities
 * (status and date index), it read every activity dated up to the year's end, most of the
 * register (15 ms at 10k, linear in its size); read from the links of the counted items, every
 * link of every year. `activity_plan_item` now carries its activity's date_start and date_end,
 * indexed as (item_id, date_end, date_start, activity_id): the coverage walks each item's links
 * that end in or after the year, keeps in the index those that start by its end, and reads only
 * those activities. The store writes both columns with every link and moves them with a new date.
 *
 * PostgreSQL: filled from `activity`, then NOT NULL without a default, so a writer that does not
 * know them fails rather than hiding a link from the coverage. SQLite needs a default to add a
 * NOT NULL column; every row is filled here and the store always writes them.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) {
    await db.schema.alterTable('activity_plan_item').addColumn('date_start', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('activity_plan_item').addColumn('date_end', 'text', (c) => c.notNull().defaultTo('')).execute();
  } else {
    await db.schema.alterTable('activity_plan_item').addColumn('date_start', 'text').addColumn('date_end', 'text').execute();
  }
  await sql`update activity_plan_item set date_start = activity.date_start, date_end = activity.date_end
    from activity where activity.id = activity_plan_item.activity_id`.execute(db);
  if (!onSqlite(db)) {
    await db.schema
      .alterTable('activity_plan_item')
      .alterColumn('date_start', (c) => c.setNotNull())
      .alterColumn('date_end', (c) => c.setNotNull())
      .execute();
  }
  await db.schema.createIndex('activity_plan_item_item_dates_idx').on('activity_plan_item').columns(['item_id', 'date_end', 'date_start', 'activity_id']).execute();
  await sql`analyze activity_plan_item`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_plan_item_item_dates_idx').execute();
  await db.schema.alterTable('activity_plan_item').dropColumn('date_end').execute();
  await db.schema.alterTable('activity_plan_item').dropColumn('date_start').execute();
}
