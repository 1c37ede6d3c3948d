/**
 * The search index follows an activity's words only when they change. Frozen.
 *
 * SQLite's trigger (migration 0007) fired on every UPDATE whose SET named search_text or
 * date_start, and every edit named both, even when neither changed: each PATCH deleted the
 * activity from the FTS5 index and added it again (0.3–0.5 ms of a ~3 ms PATCH, and pages of
 * the index written). Now it fires only when either value differs; the store also sets only the
 * columns that changed. PostgreSQL has no trigger: its search vector is a generated column,
 * computed again only when an UPDATE sets search_text, which the store now does only when the
 * text changed. Nothing to do there.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** day(date_start) × 2^40 + seq, as migration 0007 keys the index. */
const searchKey = (prefix: 'new' | 'old') =>
  `(cast(julianday(${prefix}.date_start) - 2400000.5 as integer) * 1099511627776 + ${prefix}.seq)`;

const reindex = `insert into activity_search(activity_search, rowid, search_text) values ('delete', ${searchKey('old')}, old.search_text);
        insert into activity_search(rowid, search_text) values (${searchKey('new')}, new.search_text);`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await sql`drop trigger activity_search_update`.execute(db);
  await sql
    .raw(`create trigger activity_search_update after update of search_text, date_start on activity
      when old.search_text is not new.search_text or old.date_start is not new.date_start begin
        ${reindex} end`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await sql`drop trigger activity_search_update`.execute(db);
  await sql.raw(`create trigger activity_search_update after update of search_text, date_start on activity begin ${reindex} end`).execute(db);
}
