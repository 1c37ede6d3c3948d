import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '#src/platform/schema.ts';
import { ftsQuery, fullTextMatch, tsQuery } from './store.ts';

const compilerFor = (dialect: 'sqlite' | 'postgres') =>
  new Kysely<Database>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (dialect === 'sqlite' ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
  });

describe('fullTextMatch', () => {
  it('asks SQLite FTS5 for every word, the last as a prefix, as a bound parameter, and maps search keys back to seq', () => {
    const query = compilerFor('sqlite').selectFrom('activity').select('id').where(fullTextMatch('sqlite', ['quality', 'serv'])).compile();
    expect(query.sql).toBe(
      'select "id" from "activity" where activity.seq in (select rowid & 1099511627775 from activity_search where activity_search match ?)',
    );
    expect(query.parameters).toEqual(['"quality" AND "serv"*']);
  });

  it('asks PostgreSQL for the same through the stored, GIN-indexed search vector', () => {
    const query = compilerFor('postgres').selectFrom('activity').select('id').where(fullTextMatch('postgres', ['quality', 'serv'])).compile();
    expect(query.sql).toBe(`select "id" from "activity" where activity.search_vector @@ to_tsquery('simple', $1)`);
    expect(query.parameters).toEqual(['quality & serv:*']);
  });

  it('names the words a last SQLite prefix stands for when they are known, so FTS5 reads them lazily', () => {
    const query = compilerFor('sqlite').selectFrom('activity').select('id').where(fullTextMatch('sqlite', ['quality', 'serv'], ['service', 'services'])).compile();
    expect(query.parameters).toEqual(['"quality" AND ("service" OR "services")']);
  });

  it('keeps the words of a hyphenated term together as a phrase on both databases', () => {
    expect(ftsQuery(['e waste', 'rg afr'])).toBe('"e waste" AND "rg afr"*');
    expect(ftsQuery(['e waste', 'rg af'], ['afr', 'afro'])).toBe('"e waste" AND ("rg afr" OR "rg afro")');
    expect(tsQuery(['e waste', 'rg afr'])).toBe('e <-> waste & rg <-> afr:*');
  });
});
