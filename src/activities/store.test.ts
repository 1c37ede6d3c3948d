import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '#src/db/schema.ts';
import { ftsQuery, fullTextMatch, listActivities, tsQuery } from './store.ts';

const compilerFor = (dialect: 'sqlite' | 'postgres', log?: (sql: string, parameters: readonly unknown[]) => void) =>
  new Kysely<Database>({
    ...(log ? { log: (event) => log(event.query.sql, event.query.parameters) } : {}),
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (dialect === 'sqlite' ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
  });

describe('fullTextMatch', () => {
  it('asks SQLite FTS5 for every word in any of its stems, the last as a prefix, as a bound parameter, and maps search keys back to seq', () => {
    const query = compilerFor('sqlite').selectFrom('activity').select('id').where(fullTextMatch('sqlite', ['quality', 'serv'])).compile();
    expect(query.sql).toBe(
      'select "id" from "activity" where activity.seq in (select rowid & 1099511627775 from activity_search where activity_search match ?)',
    );
    expect(query.parameters).toEqual(['("qualiti" OR "quality") AND "serv"*']);
  });

  it('asks PostgreSQL for the same through the stored, GIN-indexed search vector', () => {
    const query = compilerFor('postgres').selectFrom('activity').select('id').where(fullTextMatch('postgres', ['quality', 'serv'])).compile();
    expect(query.sql).toBe(`select "id" from "activity" where activity.search_vector @@ to_tsquery('simple', $1)`);
    expect(query.parameters).toEqual(['(qualiti | quality) & serv:*']);
  });

  it('names the words a last SQLite prefix stands for when they are known, so FTS5 reads them lazily', () => {
    const query = compilerFor('sqlite').selectFrom('activity').select('id').where(fullTextMatch('sqlite', ['quality', 'serv'], ['service', 'services'])).compile();
    expect(query.parameters).toEqual(['("qualiti" OR "quality") AND ("service" OR "services")']);
  });

  it('keeps the words of a hyphenated term together as a phrase on both databases', () => {
    expect(ftsQuery(['e waste', 'rg afr'])).toBe('("e wast" OR "e waste") AND "rg afr"*');
    expect(ftsQuery(['e waste', 'rg af'], ['afr', 'afro'])).toBe('("e wast" OR "e waste") AND ("rg afr" OR "rg afro")');
    expect(tsQuery(['e waste', 'rg afr'])).toBe('(e <-> wast | e <-> waste) & rg <-> afr:*');
  });
});

describe('listActivities filters', () => {
  it('keeps an activity linked to one of the given offices, Sectors and bodies, each through its own link table', async () => {
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const db = compilerFor('postgres', (sql, parameters) => statements.push({ sql, parameters }));
    const filter = { offices: ['addis-ababa', 'cairo'], sectors: ['ITU-T'], bodies: ['ATU'], deleted: 'include' as const };
    // Sorted by update, so the office filter is a condition on the activity rather than a walk of the office links.
    await listActivities(db, 'postgres', filter, { sort: 'updated', limit: 10 });
    const [{ sql, parameters }] = statements as [(typeof statements)[0]];
    const linked = (table: string, column: string, values: string) =>
      `exists (select 1 as "one" from "${table}" as "link" where "link"."activity_id" = "activity"."id" and "link"."${column}" in (${values}))`;
    expect(sql).toContain(`where (${linked('activity_office', 'office_code', '$1, $2')} and ${linked('activity_sector', 'sector_code', '$3')} and ${linked('activity_body', 'body_code', '$4')})`);
    expect(parameters).toEqual(['addis-ababa', 'cairo', 'ITU-T', 'ATU', 11]);
  });
});

describe('listActivities plan filters', () => {
  it('asks for a link to one item of each set (an output filter, a goal with what is under it), each set its own condition', async () => {
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const db = compilerFor('sqlite', (sql, parameters) => statements.push({ sql, parameters }));
    const filter = { planItems: [['T-2020:output:T.2-1'], ['SP-2020:goal:2', 'T-2020:objective:T.2']], deleted: 'exclude' as const };
    await listActivities(db, 'sqlite', filter, { sort: 'updated', limit: 10 });
    const [{ sql, parameters }] = statements as [(typeof statements)[0]];
    const linked = (values: string) => `exists (select 1 as "one" from "activity_plan_item" as "link" where "link"."activity_id" = "activity"."id" and "link"."item_id" in (${values}))`;
    expect(sql).toContain(`${linked('?')} and ${linked('?, ?')}`);
    expect(parameters).toEqual(expect.arrayContaining(['T-2020:output:T.2-1', 'SP-2020:goal:2', 'T-2020:objective:T.2']));
  });
});
