/**
 * The planners' statistics follow a bulk load: after a few thousand activities are imported at
 * once, SQLite's sqlite_stat1 counts them for the register's indexes and the Atom feed's order
 * (latest change first) is read from its index, not sorted; PostgreSQL has analysed the register.
 */
import { CompiledQuery, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { expect, it } from 'vitest';
import { listActivities, planMonthCounts } from '#src/activities/store.ts';
import type { Database } from '#src/db/schema.ts';
import { describeHttp } from '../support/describe-http.ts';

/** Enough that SQLite, told the true count, reads the order from an index rather than sorting (at 1,000 it rightly sorts). */
const SQLITE_ROWS = 3000;
/** A bulk load (BULK_LOAD_ROWS) for PostgreSQL, whose check does not depend on the size. */
const POSTGRES_ROWS = 600;
const KINDS = ['workshop', 'webinar', 'forum', 'training'];
const OFFICES = ['addis-ababa', 'cairo', 'bangkok', 'brasilia'];

/** A CSV of `rows` activities over four offices and eight years. */
function csvOfActivities(rows: number): string {
  const lines = ['title,original_language,kind,status,offices,date_text'];
  for (let i = 0; i < rows; i++) {
    const date = `${2018 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(`Regional meeting number ${i},en,${KINDS[i % 4]},held,${OFFICES[i % 4]}:organised,${date}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

type Statement = { sql: string; parameters: readonly unknown[] };

/** The SQL statements `read` makes the store build for SQLite, in order, without running them. */
async function sqliteStatements(read: (compiler: Kysely<Database>) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const compiler = new Kysely<Database>({
    log: (event) => void statements.push({ sql: event.query.sql, parameters: event.query.parameters }),
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  await read(compiler);
  return statements;
}

/** The SQL of the list a feed of the latest changes reads, as the store builds it. */
async function latestChangesSql(): Promise<Statement> {
  return (await sqliteStatements((c) => listActivities(c, 'sqlite', { visibilities: ['public'], deleted: 'exclude' }, { sort: 'updated', limit: 50 })))[0]!;
}

/** What SQLite's planner says it will do for a statement. */
async function planOf(db: Kysely<Database>, statement: Statement): Promise<string> {
  const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
  return rows.map((p) => p.detail).join(' | ');
}

describeHttp('planner statistics', { users: { focal: { role: 'focal-point', bureau: 'TSB' } } }, (http) => {
  it('are gathered again after a bulk import, so the latest changes are read from their index', async () => {
    const { db, dialect } = http.server.database.fieldbook.database;
    const rows = dialect === 'sqlite' ? SQLITE_ROWS : POSTGRES_ROWS;
    const imported = await fetch(`${http.server.url}/api/activities/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${http.users.focal.token}` },
      body: csvOfActivities(rows),
    });
    expect(imported.status, await imported.clone().text()).toBe(201);

    if (dialect === 'postgres') {
      // The migrations analysed the empty tables (0 rows); the import's ANALYZE counts what is there now.
      const { rows: counted } = await sql<{ relname: string; reltuples: number }>`
        select relname, reltuples from pg_class where relnamespace = current_schema()::regnamespace and relname in ('activity', 'activity_office') order by relname`.execute(db);
      expect(counted.map((r) => [r.relname, Number(r.reltuples)])).toEqual([['activity', rows], ['activity_office', rows]]);
      return;
    }
    const { rows: stats } = await sql<{ idx: string; stat: string }>`select idx, stat from sqlite_stat1 where tbl = 'activity'`.execute(db);
    const rowsCounted = Object.fromEntries(stats.map((s) => [s.idx, Number(s.stat.split(' ')[0])]));
    for (const index of ['activity_updated_idx', 'activity_date_seq_idx', 'activity_live_idx']) expect(rowsCounted[index], index).toBeGreaterThanOrEqual(rows);

    const details = await planOf(db, await latestChangesSql());
    expect(details).toContain('activity_updated_idx');
    expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);

    // An office page's year: its month counts and its undated activities are read as ranges of
    // the office's links by date, not by reading every link of the office (issue 19); a year
    // starts its range the longest span written before the year (migration 0140), not at the
    // office's first activity.
    const publicOf = { offices: ['cairo'], visibilities: ['public' as const], deleted: 'exclude' as const };
    const [undatedWalk] = await sqliteStatements((c) => listActivities(c, 'sqlite', { ...publicOf, undated: 'only' }, { sort: 'date', limit: 50 }));
    expect(await planOf(db, undatedWalk!)).toMatch(/activity_office_order_idx \(office_code=\? AND date_start=\?\)/);
    const [yearCounts] = await sqliteStatements((c) => planMonthCounts(c, 'sqlite', { ...publicOf, from: '2020-01-01', to: '2020-12-31' }, 2020));
    expect(await planOf(db, yearCounts!)).toMatch(/activity_office_order_idx \(office_code=\? AND date_start>\? AND date_start<\?\)/);
  });
});
