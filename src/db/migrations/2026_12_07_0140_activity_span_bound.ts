/**
 * How far back a date window's activities can start (issue 19). Frozen.
 *
 * A window [from, to] holds the activities with date_end >= from and date_start <= to. The date
 * indexes are ordered by date_start, so only `to` bounded their walks: a walk from `from` (an
 * office's year, a feed's window) read every earlier activity of the office to find the few that
 * began earlier and end in the window (a year of 2020 read all of 2016–2019). The register's
 * change counter now keeps the longest span (date_end − date_start, in days) ever written:
 * an activity in the window starts on or after `from` minus that span, so walks start there.
 * It only grows (a shorter span later leaves it as it was), which keeps it true without reading
 * the register again; every write of activities raises it in the statement that takes the next
 * change number.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const onSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activity_change_counter').addColumn('max_span_days', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const span = onSqlite(db)
    ? sql`(select coalesce(cast(max(julianday(date_end) - julianday(date_start)) as integer), 0) from activity)`
    : sql`(select coalesce(max(date_end::date - date_start::date), 0) from activity)`;
  await sql`update activity_change_counter set max_span_days = ${span}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activity_change_counter').dropColumn('max_span_days').execute();
}
