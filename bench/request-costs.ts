/**
 * What each kind of request of the mixed load costs the server, one request at a time in process
 * (`app.inject`, no sockets, no other load): the server's own time per request, by kind, every URL
 * distinct as in the mixed suite. Where the issue-19 time goes, without the noise of a load run.
 *
 *   npx tsx bench/request-costs.ts [--dialect sqlite|postgres] [--size 100k] [--count 60] [--cpu-prof]
 *
 * With `--cpu-prof` run it as `node --cpu-prof --import tsx bench/request-costs.ts` instead.
 * The register must exist (`npm run bench -- --sizes 100k` generates it).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { parseArgs } from 'node:util';
import { buildApp } from '#src/app.ts';
import { benchToken, distinctDay, workloads } from './api.ts';
import { openRegister } from './generate.ts';
import { MIXED_QUERIES, MIXED_REGIONS } from './mixed.ts';
import { percentile, round } from './suite.ts';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    size: { type: 'string', default: '100k' },
    count: { type: 'string', default: '60' },
    only: { type: 'string' },
    /** Ask each URL once before measuring it (the same page asked again, its own answer not cached). */
    warm: { type: 'boolean', default: false },
    /** Write a CPU profile of the measured requests alone (not the warm-up) to this file. */
    profile: { type: 'string' },
    /** SQLite: also the time spent in each statement (running it and building its rows), summed by SQL text. */
    statements: { type: 'boolean', default: false },
  },
});
/** The inspector's CPU profiler, in this process. */
const profiler = (() => {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    start: async () => {
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    stop: async (file: string) => {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      writeFileSync(file, JSON.stringify(profile));
    },
  };
})();

const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const size = sizes[values.size!] ?? 100_000;
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const count = Number(values.count);

const register = await openRegister(
  { dialect, size, label: values.size!, dataDir: 'bench/.data', postgresUrl: process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  { regenerate: false, seed: 1, log: (line) => console.log(line) },
);
const statementTimes = new Map<string, { ms: number; runs: number; rows: number }>();
if (values.statements && dialect === 'sqlite') {
  const BetterSqlite = (await import('better-sqlite3')).default;
  const probe = new BetterSqlite(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('select 1')) as { all: (...args: unknown[]) => unknown[]; source: string };
  probe.close();
  const all = prototype.all;
  prototype.all = function (this: { source: string }, ...args: unknown[]) {
    const started = performance.now();
    const rows = all.apply(this, args);
    const entry = statementTimes.get(this.source) ?? { ms: 0, runs: 0, rows: 0 };
    entry.ms += performance.now() - started;
    entry.runs += 1;
    entry.rows += rows.length;
    statementTimes.set(this.source, entry);
    return rows;
  };
}
const app = await buildApp(register.fieldbook, register.config, { level: 'silent' });
await app.ready();
const token = await benchToken(register);
const work = await workloads(register, token, 2);
const offices = work.offices;
const edits = work.patch.patch!.items;

/** Pages and feeds carry it in their query: a new pass asks the same pages without hitting their cached answers. */
let pass = 0;
const kinds: Record<string, (i: number) => { method: 'GET' | 'PATCH'; url: string; body?: string }> = {
  list: (i) => ({ method: 'GET', url: `/api/activities?office=${offices[i % offices.length]}&limit=50&from=${distinctDay(i)}` }),
  search: (i) => ({ method: 'GET', url: `/api/activities?q=${encodeURIComponent(MIXED_QUERIES[i % MIXED_QUERIES.length]!)}&limit=50&from=${distinctDay(i)}` }),
  get: (i) => ({ method: 'GET', url: `/api/activities/${work.readable[i % work.readable.length]}` }),
  'office page': (i) => ({ method: 'GET', url: `/en/offices/${offices[(i * 7) % offices.length]}?year=${2010 + (i % 17)}&v=${pass}` }),
  'region page': (i) => ({ method: 'GET', url: `/en/regions/${MIXED_REGIONS[i % MIXED_REGIONS.length]}?v=${i}-${pass}` }),
  'office feed': (i) => ({ method: 'GET', url: `/en/offices/${offices[(i * 7) % offices.length]}/calendar.ics?from=${2010 + (i % 17)}-01-01&to=${2010 + (i % 17)}-12-31&v=${pass}` }),
  'region feed': (i) => ({ method: 'GET', url: `/en/regions/${MIXED_REGIONS[i % MIXED_REGIONS.length]}/calendar.ics?from=${2010 + (i % 17)}-01-01&to=${2010 + (i % 17)}-06-30&v=${pass}` }),
  patch: (i) => {
    const item = edits[i % edits.length]!;
    return { method: 'PATCH', url: `/api/activities/${item.id}`, body: JSON.stringify({ version: item.version, participants: 10 + i }) };
  },
};

console.log(`${dialect} ${values.size}: ms per request, one at a time (${count} each, after 5 unmeasured)`);
for (const [kind, make] of Object.entries(kinds)) {
  if (values.only && !values.only.split(',').includes(kind)) continue;
  const times: number[] = [];
  let bytes = 0;
  if (values.warm && kind !== 'patch') {
    pass += 1;
    for (let i = 0; i < count + 5; i++) await app.inject({ method: 'GET', url: make(i + 1000 * Object.keys(kinds).indexOf(kind)).url, headers: { authorization: `Bearer ${token}` } });
    pass += 1;
  }
  if (values.profile) await profiler.start();
  for (let i = 0; i < count + 5; i++) {
    const request = make(i + 1000 * Object.keys(kinds).indexOf(kind));
    const started = performance.now();
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { authorization: `Bearer ${token}`, ...(request.body ? { 'content-type': 'application/json' } : {}) },
      ...(request.body ? { payload: request.body } : {}),
    });
    const ms = performance.now() - started;
    if (response.statusCode >= 400) throw new Error(`${request.method} ${request.url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    if (kind === 'patch') {
      const item = edits[(i + 1000 * Object.keys(kinds).indexOf(kind)) % edits.length]!;
      item.version = (JSON.parse(response.body) as { version: number }).version;
    }
    if (i >= 5) {
      times.push(ms);
      bytes += response.rawPayload.length;
    }
  }
  if (values.profile) await profiler.stop(`${values.profile.replace(/\.cpuprofile$/, '')}-${kind.replace(/\W+/g, '-')}.cpuprofile`);
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`${kind.padEnd(12)} mean ${round(mean, 2).toString().padStart(7)}  p50 ${round(percentile(times, 50), 2).toString().padStart(7)}  p95 ${round(percentile(times, 95), 2).toString().padStart(7)}  ${Math.round(bytes / times.length / 1024)} KB`);
}
if (statementTimes.size > 0) {
  console.log('\nstatements by time spent (ms in all, runs, rows):');
  for (const [text, t] of [...statementTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
    console.log(`${round(t.ms, 1).toString().padStart(8)} ${String(t.runs).padStart(6)} ${String(t.rows).padStart(8)}  ${text.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
}
await app.close();
await register.fieldbook.close();
