/**
 * The coverage of a plan counted from the plan links alone (issue 20, decision 25). Frozen.
 *
 * At 1M activities a year's coverage (~35,000 links) read each linked activity by id for its
 * status, visibility and whether it is deleted (~70 ms), then its offices (~50 ms), and grouped the
 * join six ways (~200 ms). The links now carry what the count reads of their activity as well:
 * its seq, status, visibility, deleted_at and office codes (space-separated, in the activity's
 * order), beside the dates migration 0130 copied; the index of the year's walk holds them all, so
 * a year's coverage is one range of one index. The store writes them with every link and moves
 * them when the activity's status, visibility, offices or deletion change.
 *
 * PostgreSQL: filled from `activity` and `activity_office`, then NOT NULL without a default (as
 * in 0130). SQLite needs a default to add a NOT NULL column; every row is filled here.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

const COPIED = ['seq', 'status', 'visibility', 'offices'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = onSqlite(db);
  for (const column of COPIED) {
    const type = column === 'seq' ? 'bigint' : 'text';
    await db.schema
      .alterTable('activity_plan_item')
      .addColumn(column, type, (c) => (sqlite ? c.notNull().defaultTo(column === 'seq' ? 0 : '') : c))
      .execute();
  }
  await db.schema.alterTable('activity_plan_item').addColumn('deleted_at', 'text').execute();
  const offices = sqlite
    ? sql`(select coalesce(group_concat(office_code, ' '), '') from (select office_code from activity_office o where o.activity_id = activity.id order by o.position, o.office_code))`
    : sql`(select coalesce(string_agg(office_code, ' ' order by o.position, o.office_code), '') from activity_office o where o.activity_id = activity.id)`;
  await sql`update activity_plan_item set seq = activity.seq, status = activity.status, visibility = activity.visibility,
      deleted_at = activity.deleted_at, offices = ${offices}
    from activity where activity.id = activity_plan_item.activity_id`.execute(db);
  if (!sqlite) {
    await db.schema
      .alterTable('activity_plan_item')
      .alterColumn('seq', (c) => c.setNotNull())
      .alterColumn('status', (c) => c.setNotNull())
      .alterColumn('visibility', (c) => c.setNotNull())
      .alterColumn('offices', (c) => c.setNotNull())
      .execute();
  }
  await db.schema.dropIndex('activity_plan_item_item_dates_idx').execute();
  await db.schema
    .createIndex('activity_plan_item_item_dates_idx')
    .on('activity_plan_item')
    .columns(['item_id', 'date_end', 'date_start', 'status', 'visibility', 'deleted_at', 'seq', 'offices', 'activity_id'])
    .execute();
  await sql`analyze activity_plan_item`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_plan_item_item_dates_idx').execute();
  for (const column of [...COPIED, 'deleted_at']) await db.schema.alterTable('activity_plan_item').dropColumn(column).execute();
  await db.schema.createIndex('activity_plan_item_item_dates_idx').on('activity_plan_item').columns(['item_id', 'date_end', 'date_start', 'activity_id']).execute();
}
