/**
 * An office's plan contribution (decision 26): for a Sector and a plan year, the outputs and
 * regional initiatives the office works on, each with the office's own text in any of the six
 * languages, kept as one JSON list so an edit is one versioned write. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_plan_contribution')
    .addColumn('office_code', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('office_plan_contribution_pk', ['office_code', 'sector_code', 'year'])
    .execute();
  await db.schema.createIndex('office_plan_contribution_year_idx').on('office_plan_contribution').columns(['year', 'sector_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('office_plan_contribution').execute();
}
