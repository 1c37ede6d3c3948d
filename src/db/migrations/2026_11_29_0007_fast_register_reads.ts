/**
 * Faster reads of the activity register at a million rows. Frozen.
 *
 * - Search on SQLite: the FTS5 index gets a new rowid, the activity's search key
 *   `day(date_start) × 2^40 + seq`, which sorts like the list's date order (date_start, then
 *   seq). A search then reads matches in date order and stops after a page, instead of
 *   collecting every match and sorting it. The key is not stored: the triggers compute it, and
 *   the store computes the same from a row (`SEARCH_KEY` there); `key & (2^40 - 1)` is the seq.
 *   The index is contentless (it never gives back text, only keys). SQLite has one app version
 *   at a time on a file, so the old index is replaced rather than kept beside the new one.
 * - The words of the index, one row each (`activity_search_word`, SQLite): the last word of a
 *   search is a prefix, and FTS5 reads every posting of a prefix before giving a first match
 *   (10 ms for "service"* at 1M); the store looks up the few words it stands for here and asks
 *   for them by name instead, which FTS5 reads lazily in key order. The store adds the words of
 *   every search text it writes; words left by older texts stay (they only match nothing).
 * - Search on PostgreSQL: a stored `search_vector` beside `search_text` with its GIN index, so a
 *   search no longer computes to_tsvector per row. Widened only: the old expression index stays
 *   until a later migration drops it, once no running version asks `to_tsvector(search_text)`.
 * - Lists: live activities (deleted_at is null) by status, visibility and date order in one
 *   partial index that also holds the id, so the office filter (an EXISTS on activity_office by
 *   activity id) is checked from the index without reading each row; and (date_start, seq,
 *   date_end) so the date order with its tie-break needs no sort, and a period's overlap test
 *   (date_end >= from) skips the rows before it without reading them (a report of the last
 *   months of a 1M register: first page 850 ms -> 130 ms).
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** day(date_start) × 2^40 + seq, as SQL over a row's columns (`prefix` is new. or old.). */
const searchKey = (prefix: 'new' | 'old') =>
  `(cast(julianday(${prefix}.date_start) - 2400000.5 as integer) * 1099511627776 + ${prefix}.seq)`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index activity_live_idx on activity (status, visibility, date_start, seq, id) where deleted_at is null`.execute(db);
  await db.schema.createIndex('activity_date_seq_idx').on('activity').columns(['date_start', 'seq', 'date_end']).execute();

  if (onSqlite(db)) {
    for (const trigger of ['activity_fts_insert', 'activity_fts_delete', 'activity_fts_update']) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
    await sql`drop table activity_fts`.execute(db);
    await sql`create virtual table activity_search using fts5(search_text, content='', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    // In key order: FTS5 writes out what it holds whenever a rowid is not above the last one.
    await sql
      .raw(`insert into activity_search(rowid, search_text) select ${searchKey('new').replaceAll('new.', '')} as key, search_text from activity order by key`)
      .execute(db);
    await sql
      .raw(`create trigger activity_search_insert after insert on activity begin
        insert into activity_search(rowid, search_text) values (${searchKey('new')}, new.search_text); end`)
      .execute(db);
    await sql
      .raw(`create trigger activity_search_delete after delete on activity begin
        insert into activity_search(activity_search, rowid, search_text) values ('delete', ${searchKey('old')}, old.search_text); end`)
      .execute(db);
    await sql
      .raw(`create trigger activity_search_update after update of search_text, date_start on activity begin
        insert into activity_search(activity_search, rowid, search_text) values ('delete', ${searchKey('old')}, old.search_text);
        insert into activity_search(rowid, search_text) values (${searchKey('new')}, new.search_text); end`)
      .execute(db);
    await sql`create table activity_search_word (word text primary key) without rowid`.execute(db);
    await sql`create virtual table temp.activity_search_terms using fts5vocab(main, activity_search, 'row')`.execute(db);
    await sql`insert into activity_search_word (word) select term from temp.activity_search_terms`.execute(db);
    await sql`drop table temp.activity_search_terms`.execute(db);
    await sql`analyze`.execute(db);
  } else {
    await sql`alter table activity add column search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
    await sql`create index activity_search_vector_idx on activity using gin (search_vector)`.execute(db);
    await sql`analyze activity`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (onSqlite(db)) {
    await sql`drop table activity_search_word`.execute(db);
    await sql`drop table activity_search`.execute(db);
    await sql`create virtual table activity_fts using fts5(search_text, content='activity', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`insert into activity_fts(activity_fts) values ('rebuild')`.execute(db);
    await sql`create trigger activity_fts_insert after insert on activity begin
      insert into activity_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
    await sql`create trigger activity_fts_delete after delete on activity begin
      insert into activity_fts(activity_fts, rowid, search_text) values ('delete', old.seq, old.search_text); end`.execute(db);
    await sql`create trigger activity_fts_update after update of search_text on activity begin
      insert into activity_fts(activity_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
      insert into activity_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
  } else {
    await sql`alter table activity drop column search_vector`.execute(db);
  }
  await db.schema.dropIndex('activity_date_seq_idx').execute();
  await db.schema.dropIndex('activity_live_idx').execute();
}
