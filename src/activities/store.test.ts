import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '#src/platform/schema.ts';
import { fullTextMatch } from './store.ts';

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
  it('asks SQLite FTS5 for every word, the last as a prefix, as a bound parameter', () => {
    const query = compilerFor('sqlite').selectFrom('activity').select('id').where(fullTextMatch('sqlite', ['quality', 'serv'])).compile();
    expect(query.sql).toBe('select "id" from "activity" where activity.seq in (select rowid from activity_fts where activity_fts match ?)');
    expect(query.parameters).toEqual(['"quality" "serv"*']);
  });

  it('asks PostgreSQL for the same through the GIN-indexed tsvector', () => {
    const query = compilerFor('postgres').selectFrom('activity').select('id').where(fullTextMatch('postgres', ['quality', 'serv'])).compile();
    expect(query.sql).toBe(`select "id" from "activity" where to_tsvector('simple', activity.search_text) @@ to_tsquery('simple', $1)`);
    expect(query.parameters).toEqual(['quality & serv:*']);
  });
});
