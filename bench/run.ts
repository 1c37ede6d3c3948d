/**
 * `npm run bench`: generates (once) synthetic registers of each size on each database, starts the
 * real server on loopback over each, and measures a filtered list page, a text search, a single
 * GET and a PATCH; then the same requests against a bare Fastify route answering a fixed body of
 * the same size (the floor). Prints a table per register and writes bench/results.json.
 *
 *   npm run bench -- --sizes 10k,100k --dialects sqlite,postgres --duration 5 --concurrency 8
 *   npm run bench -- --sizes 1m --dialects sqlite
 *
 * See bench/README.md for every flag.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp, VERSION } from '#src/app.ts';
import { referenceCache } from '#src/activities/references.ts';
import type { Actor } from '#src/platform/access.ts';
import type { Dialect } from '#src/platform/database.ts';
import { startFloor } from './floor.ts';
import { openRegister, type Register } from './generate.ts';
import { startLoadGenerator, type LoadGenerator, type LoadJob, type LoadRequest, type LoadResult } from './load.ts';
import { Random, SEARCH_QUERIES } from './vocabulary.ts';

const SCENARIOS = ['list', 'search', 'get', 'patch'] as const;
type Scenario = (typeof SCENARIOS)[number];
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
const BENCH_ACTOR: Actor = { kind: 'system', label: 'fieldbook bench' };
const BENCH_EMAIL = 'bench@example.org';

/** The issue's targets, at 1M activities on SQLite. */
const TARGETS = { size: 1_000_000, dialect: 'sqlite' as Dialect, listP95Ms: 20, searchP95Ms: 20, listFloorRatio: 0.5 };

const HELP = `npm run bench -- [options]

  --sizes 10k,100k        register sizes (10k, 100k, 1m or plain numbers)      env BENCH_SIZES
  --dialects sqlite,postgres                                                  env BENCH_DIALECTS
  --scenarios list,search,get,patch                                           env BENCH_SCENARIOS
  --duration 5            measured seconds per scenario (and per floor)       env BENCH_DURATION
  --warmup 1              unmeasured seconds before each measurement          env BENCH_WARMUP
  --concurrency 8         connections kept busy at once                       env BENCH_CONCURRENCY
  --data-dir bench/.data  where the SQLite registers are kept                 env BENCH_DATA_DIR
  --postgres-url URL      default postgres://postgres@127.0.0.1:5432/test     env BENCH_POSTGRES_URL
  --seed 20261128         generator seed
  --regenerate            generate the registers again even if present
  --generate-only         generate (or check) the registers, measure nothing
  --fresh                 overwrite bench/results.json instead of merging into it
  --out bench/results.json
`;

interface Options {
  sizes: Array<{ label: string; size: number }>;
  dialects: Dialect[];
  scenarios: Scenario[];
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  dataDir: string;
  postgresUrl: string;
  seed: number;
  regenerate: boolean;
  generateOnly: boolean;
  fresh: boolean;
  out: string;
}

function parseSize(text: string): { label: string; size: number } {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--sizes: "${text}" is not a size such as 10k, 100k or 1m`);
  const unit = match[2]!.toLowerCase();
  const size = Math.round(Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1));
  if (size < 100) throw new Error(`--sizes: ${text} is too small (at least 100 activities)`);
  const label = size % 1_000_000 === 0 ? `${size / 1_000_000}m` : size % 1000 === 0 ? `${size / 1000}k` : String(size);
  return { label, size };
}

function list<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`--${flag}: unknown "${item}" (one of ${allowed.join(', ')})`);
  return items as T[];
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag}: "${text}" is not a positive number`);
  return n;
}

function parseOptions(argv: string[]): Options | null {
  const env = process.env;
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: env.BENCH_SIZES ?? '10k,100k' },
      dialects: { type: 'string', default: env.BENCH_DIALECTS ?? 'sqlite,postgres' },
      scenarios: { type: 'string', default: env.BENCH_SCENARIOS ?? SCENARIOS.join(',') },
      duration: { type: 'string', default: env.BENCH_DURATION ?? '5' },
      warmup: { type: 'string', default: env.BENCH_WARMUP ?? '1' },
      concurrency: { type: 'string', default: env.BENCH_CONCURRENCY ?? '8' },
      'data-dir': { type: 'string', default: env.BENCH_DATA_DIR ?? 'bench/.data' },
      'postgres-url': { type: 'string', default: env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
      seed: { type: 'string', default: '20261128' },
      regenerate: { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;
  const warmup = Number(values.warmup);
  if (!Number.isFinite(warmup) || warmup < 0) throw new Error(`--warmup: "${values.warmup}" is not a number of seconds`);
  return {
    sizes: values.sizes.split(',').filter((s) => s.trim()).map(parseSize),
    dialects: list('dialects', values.dialects, DIALECTS),
    scenarios: list('scenarios', values.scenarios, SCENARIOS),
    durationMs: positive('duration', values.duration) * 1000,
    warmupMs: warmup * 1000,
    concurrency: Math.round(positive('concurrency', values.concurrency)),
    dataDir: values['data-dir'],
    postgresUrl: values['postgres-url'],
    seed: Math.round(positive('seed', values.seed)),
    regenerate: values.regenerate,
    generateOnly: values['generate-only'],
    fresh: values.fresh,
    out: values.out,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Figures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanBytes: number;
  errors: Record<string, number>;
}

interface ScenarioResult {
  scenario: Scenario;
  /** What was asked, in words. */
  requests: string;
  app: Figures;
  floor: Figures & { bodyBytes: number };
  /** list and search: each request's share of the traffic and its latency (Fieldbook). */
  perRequest?: Array<{ path: string; requests: number; p50Ms: number; p95Ms: number }>;
  /** Fieldbook ÷ floor: below 1 for throughput, above 1 for latency. */
  ratio: { requestsPerSecond: number; p50: number; p95: number; p99: number };
}

interface RunResult {
  label: string;
  size: number;
  dialect: Dialect;
  location: string;
  date: string;
  /** Generation time of the register (`reused`: recorded when it was generated in an earlier run). */
  generation: { seconds: number; activitiesPerSecond: number; at: string; reused: boolean } | null;
  scenarios: ScenarioResult[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function figures(result: LoadResult): Figures {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    requests: n,
    requestsPerSecond: n / (result.windowMs / 1000),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    meanBytes: n === 0 ? 0 : result.bytes / n,
    errors: result.errors,
  };
}

/** The kept body closest to the mean size: what the floor answers. */
function representativeBody(result: LoadResult, meanBytes: number): string {
  let best = result.bodies[0] ?? '{}';
  for (const body of result.bodies) {
    if (Math.abs(Buffer.byteLength(body) - meanBytes) < Math.abs(Buffer.byteLength(best) - meanBytes)) best = body;
  }
  return best;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// ---------------------------------------------------------------------------------------------
// One register

interface Workload {
  describe: string;
  requests?: LoadRequest[];
  patch?: LoadJob['patch'];
  headers: Record<string, string>;
}

async function workloads(register: Register, token: string, seed: number): Promise<Record<Scenario, Workload>> {
  const { db } = register.fieldbook.database;
  const refs = await referenceCache(register.fieldbook.services.registry)();
  const offices = [...refs.offices.keys()];

  // A random sample of existing activities: visible ones to read, live ones to edit.
  const rng = new Random(seed);
  const max = Number((await db.selectFrom('activity').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m);
  const seqs = [...new Set(Array.from({ length: 4000 }, () => rng.int(1, max)))];
  const rows: Array<{ id: string; version: number; visibility: string; deleted_at: string | null }> = [];
  for (let i = 0; i < seqs.length; i += 500) {
    const chunk = await db.selectFrom('activity').select(['id', 'version', 'visibility', 'deleted_at']).where('seq', 'in', seqs.slice(i, i + 500)).execute();
    rows.push(...chunk.map((r) => ({ ...r, version: Number(r.version) })));
  }
  const live = rows.filter((r) => r.deleted_at === null);
  const readable = live.filter((r) => r.visibility === 'public').slice(0, 1000);
  const read = new Set(readable.map((r) => r.id));
  const editable = live.filter((r) => !read.has(r.id)).slice(0, 1000);
  if (readable.length < 10 || editable.length < 10) throw new Error('too few activities sampled; is the register empty?');

  return {
    list: {
      describe: `GET /api/activities?office=<one of ${offices.length}>&status=held&limit=50 (anonymous)`,
      requests: offices.map((office) => ({ method: 'GET', path: `/api/activities?office=${office}&status=held&limit=50` })),
      headers: {},
    },
    search: {
      describe: `GET /api/activities?q=<one of ${SEARCH_QUERIES.length} queries>&limit=50 (anonymous)`,
      requests: SEARCH_QUERIES.map((q) => ({ method: 'GET', path: `/api/activities?q=${encodeURIComponent(q)}&limit=50` })),
      headers: {},
    },
    get: {
      describe: `GET /api/activities/<one of ${readable.length} public ids> (anonymous)`,
      requests: readable.map((r) => ({ method: 'GET', path: `/api/activities/${r.id}` })),
      headers: {},
    },
    patch: {
      describe: `PATCH /api/activities/<one of ${editable.length} ids> {version, participants} (focal point, API token)`,
      patch: { pathPrefix: '/api/activities/', items: editable.map((r) => ({ id: r.id, version: r.version })) },
      headers: { authorization: `Bearer ${token}` },
    },
  };
}

async function benchToken(register: Register): Promise<string> {
  const { auth } = register.fieldbook.services;
  // A reused register has the account from an earlier run.
  const users = await auth.listUsers(BENCH_ACTOR);
  if (!users.some((u) => u.email === BENCH_EMAIL)) {
    await auth.createUser(BENCH_ACTOR, { email: BENCH_EMAIL, role: 'focal-point', bureau: 'TSB', displayName: 'Benchmark', password: undefined });
  }
  return (await auth.createTokenFor(BENCH_ACTOR, BENCH_EMAIL, 'bench')).secret;
}

async function benchRegister(register: Register, options: Options, load: LoadGenerator, log: (s: string) => void): Promise<ScenarioResult[]> {
  const app = await buildApp(register.fieldbook, register.config, { level: 'silent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no port');
  const results: ScenarioResult[] = [];
  try {
    const token = await benchToken(register);
    const all = await workloads(register, token, options.seed);
    for (const scenario of options.scenarios) {
      const work = all[scenario];
      const job = (port: number): LoadJob => ({
        host: '127.0.0.1',
        port,
        headers: work.headers,
        concurrency: options.concurrency,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
        ...(work.requests ? { requests: work.requests } : {}),
        ...(work.patch ? { patch: work.patch } : {}),
        keepBodies: 200,
      });
      log(`  ${scenario}: ${work.describe}`);
      const appRun = await load.run(job(address.port));
      const appFigures = figures(appRun);
      const body = representativeBody(appRun, appFigures.meanBytes);
      const floor = await startFloor(body);
      let floorRun: LoadResult;
      try {
        floorRun = await load.run(job(floor.port));
      } finally {
        await floor.close();
      }
      const floorFigures = figures(floorRun);
      const perRequest = appRun.perRequest?.map((latencies, i) => {
        const sorted = [...latencies].sort((a, b) => a - b);
        return { path: work.requests![i]!.path, requests: sorted.length, p50Ms: round(percentile(sorted, 50), 3), p95Ms: round(percentile(sorted, 95), 3) };
      });
      results.push({
        scenario,
        requests: work.describe,
        ...(perRequest ? { perRequest } : {}),
        app: appFigures,
        floor: { ...floorFigures, bodyBytes: Buffer.byteLength(body) },
        ratio: {
          requestsPerSecond: appFigures.requestsPerSecond / floorFigures.requestsPerSecond,
          p50: appFigures.p50Ms / floorFigures.p50Ms,
          p95: appFigures.p95Ms / floorFigures.p95Ms,
          p99: appFigures.p99Ms / floorFigures.p99Ms,
        },
      });
    }
  } finally {
    await app.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Printing

const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function printTable(run: RunResult, options: Options): void {
  const int = (n: number) => Math.round(n).toLocaleString('en');
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');
  const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)}×` : '-');
  const errors = (f: Figures) => Object.values(f.errors).reduce((a, b) => a + b, 0);
  const header = [
    'scenario', 'bytes', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '│', 'floor req/s', 'p50', 'p95', 'p99', '│', 'req/s ratio', 'p50 ×', 'p95 ×', 'p99 ×',
  ];
  const rows = run.scenarios.map((s) => [
    s.scenario, int(s.app.meanBytes), int(s.app.requestsPerSecond), ms(s.app.p50Ms), ms(s.app.p95Ms), ms(s.app.p99Ms), String(errors(s.app)), '│',
    int(s.floor.requestsPerSecond), ms(s.floor.p50Ms), ms(s.floor.p95Ms), ms(s.floor.p99Ms), '│',
    s.ratio.requestsPerSecond.toFixed(3), x(s.ratio.p50), x(s.ratio.p95), x(s.ratio.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('');
  console.log(`${DIALECT_NAMES[run.dialect]} · ${run.size.toLocaleString('en')} activities · concurrency ${options.concurrency} · ${options.durationMs / 1000} s per measurement`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const s of run.scenarios) {
    if (s.perRequest && s.perRequest.length > 0) {
      const sorted = [...s.perRequest].sort((a, b) => b.p50Ms - a.p50Ms);
      const show = (r: (typeof sorted)[number]) => `${decodeURIComponent(r.path.replace(/^\/api\/activities\?/, '').replace(/&limit=50$/, ''))} ${ms(r.p50Ms)}`;
      console.log(`  ${s.scenario} p50 by request, slowest first (ms): ${sorted.slice(0, 4).map(show).join(' · ')} … fastest: ${show(sorted.at(-1)!)}`);
    }
    const errs = Object.entries(s.app.errors);
    if (errs.length > 0) console.log(`  ${s.scenario} errors: ${errs.map(([k, v]) => `${k} × ${v}`).join(', ')}`);
  }
  console.log('');
}

interface TargetCheck {
  listP95Ms: { value: number; target: number; met: boolean } | null;
  searchP95Ms: { value: number; target: number; met: boolean } | null;
  listFloorRatio: { value: number; target: number; met: boolean } | null;
  met: boolean | null;
}

function checkTargets(runs: RunResult[]): TargetCheck | null {
  const run = runs.find((r) => r.size === TARGETS.size && r.dialect === TARGETS.dialect);
  if (!run) return null;
  const list = run.scenarios.find((s) => s.scenario === 'list');
  const search = run.scenarios.find((s) => s.scenario === 'search');
  const check = (value: number | undefined, target: number, below: boolean) =>
    value === undefined ? null : { value: round(value, 3), target, met: below ? value < target : value >= target };
  const result: TargetCheck = {
    listP95Ms: check(list?.app.p95Ms, TARGETS.listP95Ms, true),
    searchP95Ms: check(search?.app.p95Ms, TARGETS.searchP95Ms, true),
    listFloorRatio: check(list?.ratio.requestsPerSecond, TARGETS.listFloorRatio, false),
    met: null,
  };
  const checks = [result.listP95Ms, result.searchP95Ms, result.listFloorRatio];
  result.met = checks.some((c) => c === null) ? null : checks.every((c) => c!.met);
  return result;
}

function printTargets(check: TargetCheck | null): void {
  if (!check) {
    console.log('Targets (1M activities on SQLite): not measured in this run or in bench/results.json (run with --sizes 1m --dialects sqlite).');
    return;
  }
  const line = (name: string, c: TargetCheck['listP95Ms'], unit: string, relation: string) =>
    console.log(`  ${name.padEnd(28)} ${c ? `${c.value}${unit} (target ${relation} ${c.target}${unit}): ${c.met ? 'met' : 'MISSED'}` : 'not measured'}`);
  console.log('Targets at 1M activities on SQLite:');
  line('list p95', check.listP95Ms, ' ms', '<');
  line('search p95', check.searchP95Ms, ' ms', '<');
  line('list req/s ÷ floor req/s', check.listFloorRatio, '', '≥');
  console.log(`  ${check.met === null ? 'incomplete' : check.met ? 'all targets met' : 'targets NOT met'}`);
}

// ---------------------------------------------------------------------------------------------

function roundFigures<T extends Figures>(f: T): T {
  return { ...f, requestsPerSecond: round(f.requestsPerSecond, 1), p50Ms: round(f.p50Ms, 3), p95Ms: round(f.p95Ms, 3), p99Ms: round(f.p99Ms, 3), meanBytes: Math.round(f.meanBytes) };
}

function writeResults(options: Options, runs: RunResult[]): RunResult[] {
  let all = runs;
  if (!options.fresh && existsSync(options.out)) {
    try {
      const previous = JSON.parse(readFileSync(options.out, 'utf8')) as { runs?: RunResult[] };
      const kept = (previous.runs ?? []).filter((p) => !runs.some((r) => r.size === p.size && r.dialect === p.dialect));
      all = [...kept, ...runs].sort((a, b) => a.size - b.size || a.dialect.localeCompare(b.dialect));
    } catch {
      console.warn(`${options.out} is not readable JSON: overwriting it`);
    }
  }
  const cpus = os.cpus();
  const document = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
    },
    fieldbook: VERSION,
    parameters: {
      concurrency: options.concurrency,
      durationSeconds: options.durationMs / 1000,
      warmupSeconds: options.warmupMs / 1000,
      seed: options.seed,
      searchQueries: SEARCH_QUERIES,
      note: 'Each run entry carries its own date; entries from earlier invocations are kept unless --fresh. Ratios are Fieldbook ÷ floor.',
    },
    targets: { ...TARGETS, check: checkTargets(all) },
    runs: all.map((r) => ({
      ...r,
      scenarios: r.scenarios.map((s) => ({
        ...s,
        app: roundFigures(s.app),
        floor: roundFigures(s.floor),
        ratio: { requestsPerSecond: round(s.ratio.requestsPerSecond, 4), p50: round(s.ratio.p50, 2), p95: round(s.ratio.p95, 2), p99: round(s.ratio.p99, 2) },
      })),
    })),
  };
  writeFileSync(options.out, `${JSON.stringify(document, null, 2)}\n`);
  return all;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(HELP);
    return;
  }
  const log = (line: string) => console.log(line);
  const cpus = os.cpus();
  log(`Fieldbook bench · ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'} · Node ${process.version}`);
  log(`sizes ${options.sizes.map((s) => s.label).join(', ')} · ${options.dialects.join(', ')} · ${options.scenarios.join(', ')} · concurrency ${options.concurrency} · ${options.durationMs / 1000} s (+${options.warmupMs / 1000} s warm-up)`);

  const load = options.generateOnly ? null : await startLoadGenerator();
  const runs: RunResult[] = [];
  try {
    for (const { label, size } of options.sizes) {
      for (const dialect of options.dialects) {
        log(`\n${DIALECT_NAMES[dialect]} · ${label} (${size.toLocaleString('en')} activities)`);
        const register = await openRegister({ dialect, size, label, dataDir: options.dataDir, postgresUrl: options.postgresUrl }, { regenerate: options.regenerate, seed: options.seed, log });
        try {
          if (!load) continue;
          const scenarios = await benchRegister(register, options, load, log);
          const run: RunResult = {
            label,
            size,
            dialect,
            location: register.location,
            date: new Date().toISOString(),
            generation: register.generation
              ? { seconds: round(register.generation.ms / 1000, 1), activitiesPerSecond: Math.round(register.generation.perSecond), at: register.generation.at, reused: register.generation.reused }
              : null,
            scenarios,
          };
          runs.push(run);
          printTable(run, options);
        } finally {
          await register.fieldbook.close();
        }
      }
    }
  } finally {
    load?.close();
  }
  if (!load) return;
  const all = writeResults(options, runs);
  log(`Wrote ${options.out}.`);
  printTargets(checkTargets(all));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
