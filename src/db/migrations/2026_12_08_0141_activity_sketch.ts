/**
 * What the duplicate check compares of each live activity, kept beside it in start-day order
 * (issue 21, decision 28). Frozen.
 *
 * A check reads every activity whose days lie near a draft's: at a million activities ~7,000 of
 * them, scattered through the activity table and its four link tables, ~11 µs each, and their
 * titles' trigrams worked out again each time. Here one row per live activity holds what the
 * comparison reads (its days, precision, country, offices, bodies, its title's trigrams as bytes
 * and how many there are: a check reads the bytes only of the few activities that could still be
 * alike once the rest is compared), keyed by (date_start, seq): a window is one range of
 * neighbouring rows. SQLite keeps the rows in that order (without rowid); PostgreSQL reads a
 * window's outlines from a covering index.
 *
 * The rows are derived: the activities' writes keep them, and the service fills them at start
 * when their format (`search_index` row `activity_sketch`) is not the current one, as it does
 * for the search texts. So this migration creates the table empty.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = onSqlite(db);
  await sql`create table activity_sketch (
    date_start text not null,
    seq bigint not null,
    date_end text not null,
    date_precision text not null,
    id text not null,
    country text,
    offices text not null,
    bodies text not null,
    grams_fewest integer not null,
    grams_most integer not null,
    title_grams ${sql.raw(sqlite ? 'blob' : 'bytea')} not null,
    primary key (date_start, seq)
  )${sql.raw(sqlite ? ' without rowid' : '')}`.execute(db);
  await db.schema.createIndex('activity_sketch_seq_idx').on('activity_sketch').column('seq').unique().execute();
  // PostgreSQL keeps rows in the order they were written, not by key: a window's ~17,000 rows at
  // 1M were as many heap pages (96 ms). The outline's columns in the key's index make its read an
  // index-only scan (4 ms); the title bytes, read for a few rows by seq, stay in the table.
  if (!sqlite) {
    await sql`create index activity_sketch_outline_idx on activity_sketch (date_start, seq)
      include (date_end, date_precision, country, offices, bodies, grams_fewest, grams_most)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_sketch').execute();
  await db.deleteFrom('search_index').where('name', '=', 'activity_sketch').execute();
}
