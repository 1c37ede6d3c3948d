/** The regional presence: regions, offices, people, dated role assignments and bodies. Frozen. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('body')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('body.code'))
    .addColumn('region_code', 'text', (c) => c.references('region.code'))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('place', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('body_type_idx').on('body').column('type').execute();
  await db.schema.createIndex('body_parent_idx').on('body').column('parent_code').execute();

  await db.schema
    .createTable('body_term')
    .addColumn('body_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('study_period', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('body_term_pk', ['body_code', 'study_period'])
    .execute();

  await db.schema
    .createTable('office')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('parent_code', 'text', (c) => c.references('office.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real', (c) => c.notNull())
    .addColumn('longitude', 'real', (c) => c.notNull())
    .addColumn('countries_covered', 'text')
    .addColumn('coverage_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('office_region_idx').on('office').column('region_code').execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('honorific', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .execute();

  await db.schema
    .createTable('assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('office_code', 'text', (c) => c.references('office.code'))
    .addColumn('bureau_code', 'text', (c) => c.references('body.code'))
    .addColumn('title', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('assignment_office_idx').on('assignment').column('office_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['assignment', 'person', 'office', 'body_term', 'body', 'region']) {
    await db.schema.dropTable(table).execute();
  }
}
