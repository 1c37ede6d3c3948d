/**
 * `npx tsx bench/explain.ts [--sizes 1m] [--dialects sqlite]`: the query plans and timings of the
 * SQL the store runs for the benchmark's list and search requests (as an anonymous caller asks
 * them), on the registers `npm run bench` generated. For checking an index or query change.
 *
 * SQLite: EXPLAIN QUERY PLAN and the median of a few runs of each statement.
 * PostgreSQL: EXPLAIN (ANALYZE) of the main statement.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { searchTerms } from '#src/activities/model.ts';
import * as store from '#src/activities/store.ts';
import type { Dialect } from '#src/platform/database.ts';
import type { Database } from '#src/db/schema.ts';
import { schemaName } from './generate.ts';
import { SEARCH_QUERIES } from './vocabulary.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m' },
    dialects: { type: 'string', default: 'sqlite' },
    'data-dir': { type: 'string', default: process.env.BENCH_DATA_DIR ?? 'bench/.data' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    offices: { type: 'string', default: 'dakar,geneva' },
    queries: { type: 'string', default: SEARCH_QUERIES.join('|') },
    runs: { type: 'string', default: '5' },
  },
});

const runs = Math.max(1, Number(values.runs));
const cases: Array<[string, store.ActivityFilter]> = [
  ...values.offices.split(',').map((office): [string, store.ActivityFilter] => [
    `list office=${office}&status=held`,
    { offices: [office], statuses: ['held'], visibilities: ['public'], terms: [], deleted: 'exclude' },
  ]),
  ...values.queries.split('|').map((q): [string, store.ActivityFilter] => [`search q=${q}`, { visibilities: ['public'], terms: searchTerms(q), deleted: 'exclude' }]),
];

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The statement that finds the page: an office list's walk of the office links (the rows are then
 * read by seq), else the one that reads the page of activities (a search first looks up the words
 * its last word may stand for).
 */
const mainOf = (queries: CompiledQuery[]): CompiledQuery =>
  queries.find((q) => q.sql.startsWith('select distinct "ao"')) ?? queries.find((q) => q.sql.startsWith('select "activity"."seq"')) ?? queries[0]!;

const short = (text: string) => text.replace(/\(\?(, \?)+\)/g, '(…)').replace(/\s+/g, ' ');

async function explainSqlite(file: string): Promise<void> {
  const connection = new SQLite(file, { readonly: true, fileMustExist: true });
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }), log: (e) => void (e.level === 'query' && captured.push(e.query)) });
  for (const [name, filter] of cases) {
    captured.length = 0;
    const started = performance.now();
    await store.listActivities(db, 'sqlite', filter, { sort: 'date', limit: 50 });
    console.log(`\n${name}  (first call through the store: ${(performance.now() - started).toFixed(1)} ms)`);
    for (const [i, query] of captured.entries()) {
      const statement = connection.prepare(query.sql);
      const parameters = query.parameters as unknown[];
      const times: number[] = [];
      let rows = 0;
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        rows = statement.all(...parameters).length;
        times.push(performance.now() - t);
      }
      console.log(`  ${median(times).toFixed(2).padStart(8)} ms ${String(rows).padStart(4)} rows  ${short(query.sql).slice(0, 160)}`);
      if (query === mainOf(captured)) {
        const plan = connection.prepare(`explain query plan ${query.sql}`).all(...parameters) as Array<{ detail: string }>;
        console.log(`      plan: ${plan.map((p) => p.detail).join(' | ')}`);
      }
    }
  }
  await db.destroy();
}

async function explainPostgres(url: string, schema: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 1 });
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void (e.level === 'query' && captured.push(e.query)) });
  for (const [name, filter] of cases) {
    captured.length = 0;
    await store.listActivities(db, 'postgres', filter, { sort: 'date', limit: 50 });
    const main = mainOf(captured);
    const plan = await pool.query(`explain (analyze, costs off, timing off) ${main.sql}`, main.parameters as unknown[]);
    console.log(`\n${name}\n  ${short(main.sql).slice(0, 200)}`);
    for (const row of plan.rows as Array<Record<string, string>>) console.log(`    ${row['QUERY PLAN']}`);
  }
  await db.destroy();
}

for (const label of values.sizes.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
  for (const dialect of values.dialects.split(',').map((d) => d.trim()) as Dialect[]) {
    console.log(`\n======== ${dialect} ${label}`);
    if (dialect === 'sqlite') await explainSqlite(join(values['data-dir'], `sqlite-${label}.db`));
    else await explainPostgres(values['postgres-url'], schemaName(label));
  }
}
