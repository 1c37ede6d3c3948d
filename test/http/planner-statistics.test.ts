/**
 * The planners' statistics follow a bulk load: after a few thousand activities are imported at
 * once, SQLite's sqlite_stat1 counts them for the register's indexes and the Atom feed's order
 * (latest change first) is read from its index, not sorted; PostgreSQL has analysed the register.
 */
import { CompiledQuery, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { expect, it } from 'vitest';
import { listActivities } from '#src/activities/store.ts';
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

/** The SQL of the list a feed of the latest changes reads, as the store builds it. */
async function latestChangesSql(): Promise<{ sql: string; parameters: readonly unknown[] }> {
  const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const compiler = new Kysely<Database>({
    log: (event) => void statements.push({ sql: event.query.sql, parameters: event.query.parameters }),
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  await listActivities(compiler, 'sqlite', { visibilities: ['public'], deleted: 'exclude' }, { sort: 'updated', limit: 50 });
  return statements[0]!;
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

    const query = await latestChangesSql();
    const { rows: plan } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toContain('activity_updated_idx');
    expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
