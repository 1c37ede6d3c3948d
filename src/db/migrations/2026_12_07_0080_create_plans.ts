/**
 * The plans the activities serve (decision 19): the Union's strategic plans (goals → targets),
 * the Sectors' and the General Secretariat's four-year rolling operational plans (the plan of
 * year N covers N…N+3: objectives → outcomes and outputs), and the WTDC action plans' regional
 * initiatives. An item's level is explicit: "T.2-1" is an outcome and an output of the same plan.
 * An activity's links to items are their own table; the upper levels are computed, never stored.
 * Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text')
    .addColumn('year', 'integer')
    .addColumn('year_from', 'integer', (c) => c.notNull())
    .addColumn('year_to', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('copied_from', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_code', 'text', (c) => c.notNull().references('plan.code'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('serves', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired_from', 'integer')
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_item_label_uq', ['plan_code', 'level', 'label'])
    .execute();

  await db.schema
    .createTable('activity_plan_item')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('plan_item.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_plan_item_pk', ['activity_id', 'item_id'])
    .execute();
  await db.schema.createIndex('activity_plan_item_item_idx').on('activity_plan_item').columns(['item_id', 'activity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_plan_item').execute();
  await db.schema.dropTable('plan_item').execute();
  await db.schema.dropTable('plan').execute();
}
