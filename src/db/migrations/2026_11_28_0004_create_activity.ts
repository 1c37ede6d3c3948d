/**
 * The activity register: one row per activity, with its offices, Sectors, bodies, relations and
 * status history beside it. Nothing is hard-deleted: `deleted_at` marks a deletion. Frozen.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  // `seq` is a stable integer key: SQLite's FTS5 index points at it (a rowid alias never renumbered by VACUUM).
  await db.schema
    .createTable('activity')
    .addColumn('seq', 'integer', (c) => (onSqlite(db) ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_language', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('date_text', 'text', (c) => c.notNull())
    .addColumn('date_start', 'text', (c) => c.notNull())
    .addColumn('date_end', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('place_mode', 'text')
    .addColumn('place_city', 'text')
    .addColumn('place_country', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('participants', 'integer')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('provenance', 'text', (c) => c.notNull())
    /** Lower-cased, accent-free words of title, description, place and linked bodies, for full-text search. */
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .execute();
  await db.schema.createIndex('activity_date_idx').on('activity').columns(['date_start', 'id']).execute();
  await db.schema.createIndex('activity_updated_idx').on('activity').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('activity_status_idx').on('activity').columns(['status', 'date_start']).execute();
  await db.schema.createIndex('activity_kind_idx').on('activity').columns(['kind', 'date_start']).execute();

  await db.schema
    .createTable('activity_office')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('office_code', 'text', (c) => c.notNull().references('office.code'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_office_pk', ['activity_id', 'office_code', 'role'])
    .execute();
  await db.schema.createIndex('activity_office_office_idx').on('activity_office').columns(['office_code', 'activity_id']).execute();

  await db.schema
    .createTable('activity_sector')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('body.code'))
    .addPrimaryKeyConstraint('activity_sector_pk', ['activity_id', 'sector_code'])
    .execute();
  await db.schema.createIndex('activity_sector_sector_idx').on('activity_sector').columns(['sector_code', 'activity_id']).execute();

  await db.schema
    .createTable('activity_body')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('body_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_body_pk', ['activity_id', 'body_code'])
    .execute();
  await db.schema.createIndex('activity_body_body_idx').on('activity_body').columns(['body_code', 'activity_id']).execute();

  await db.schema
    .createTable('activity_relation')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('related_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_relation_pk', ['activity_id', 'related_id', 'kind'])
    .execute();
  await db.schema.createIndex('activity_relation_related_idx').on('activity_relation').column('related_id').execute();

  await db.schema
    .createTable('activity_status_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_status_change_activity_idx').on('activity_status_change').columns(['activity_id', 'at']).execute();

  // Full-text search: FTS5 on SQLite, a GIN expression index on PostgreSQL.
  if (onSqlite(db)) {
    await sql`create virtual table activity_fts using fts5(search_text, content='activity', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger activity_fts_insert after insert on activity begin
      insert into activity_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
    await sql`create trigger activity_fts_delete after delete on activity begin
      insert into activity_fts(activity_fts, rowid, search_text) values ('delete', old.seq, old.search_text); end`.execute(db);
    await sql`create trigger activity_fts_update after update of search_text on activity begin
      insert into activity_fts(activity_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
      insert into activity_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
  } else {
    await sql`create index activity_search_idx on activity using gin (to_tsvector('simple', search_text))`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) await sql`drop table activity_fts`.execute(db);
  for (const table of ['activity_status_change', 'activity_relation', 'activity_body', 'activity_sector', 'activity_office', 'activity']) {
    await db.schema.dropTable(table).execute();
  }
}
