/**
 * Vacancies and nominations: the leadership positions of the advisory groups and study groups
 * per study period (who holds each, from which country, or that it is vacant), the offices'
 * outreach to countries about them (each also an activity of the register, kind consultation)
 * and the nominations that followed, by country. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leadership_position')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('study_period', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text')
    .addColumn('holder_country', 'text')
    .addColumn('source', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('edited_at', 'text')
    .addColumn('edited_by', 'text')
    .execute();
  await db.schema.createIndex('leadership_position_period_idx').on('leadership_position').columns(['study_period', 'body_code']).execute();

  await db.schema
    .createTable('outreach')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_code', 'text', (c) => c.notNull().references('office.code'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('study_period', 'text', (c) => c.notNull())
    .addColumn('position_id', 'text', (c) => c.references('leadership_position.id'))
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_period_idx').on('outreach').columns(['study_period', 'country']).execute();

  await db.schema
    .createTable('nomination')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_code', 'text', (c) => c.notNull().references('office.code'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('position_id', 'text', (c) => c.notNull().references('leadership_position.id'))
    .addColumn('candidate', 'text', (c) => c.notNull())
    .addColumn('outreach_id', 'text', (c) => c.references('outreach.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nomination_position_idx').on('nomination').columns(['position_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['nomination', 'outreach', 'leadership_position']) await db.schema.dropTable(table).execute();
}
