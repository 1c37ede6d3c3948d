/**
 * The `api` suite: HTTP load on the real app over a register — a filtered list page, a text
 * search, a single GET and a PATCH — and the same requests against a bare Fastify route answering
 * a fixed body of the same size (the floor), with every figure also as a ratio to the floor's.
 */
import { referenceCache } from '#src/activities/references.ts';
import type { Actor } from '#src/platform/access.ts';
import { startFloor } from './floor.ts';
import type { Register } from './generate.ts';
import type { LoadJob, LoadRequest, LoadResult } from './load.ts';
import { percentile, round, type Suite, type SuiteContext } from './suite.ts';
import { Random, SEARCH_QUERIES } from './vocabulary.ts';

export const SCENARIOS = ['list', 'search', 'get', 'patch', 'list-uncached', 'search-uncached'] as const;
export type Scenario = (typeof SCENARIOS)[number];
const BENCH_ACTOR: Actor = { kind: 'system', label: 'fieldbook bench' };
const BENCH_EMAIL = 'bench@example.org';

export interface Figures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanBytes: number;
  errors: Record<string, number>;
}

export interface ScenarioResult {
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


interface Workload {
  describe: string;
  requests?: LoadRequest[];
  patch?: LoadJob['patch'];
  headers: Record<string, string>;
}

/** The i-th day from 1900: a `from` before any activity, which makes a URL distinct without changing its answer. */
export const distinctDay = (i: number): string => new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

export async function workloads(register: Register, token: string, seed: number): Promise<Record<Scenario, Workload> & { offices: string[]; readable: string[] }> {
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

  // Distinct URLs with the same answers: a start date long before any activity (the page cache
  // keys pages by URL, so each of these misses it, as requests from many people do).
  const distinct = (paths: string[], count: number) =>
    Array.from({ length: count }, (_, i) => ({ method: 'GET' as const, path: `${paths[i % paths.length]}&from=${distinctDay(i)}` }));
  const listPaths = offices.map((office) => `/api/activities?office=${office}&status=held&limit=50`);
  const searchPaths = SEARCH_QUERIES.map((q) => `/api/activities?q=${encodeURIComponent(q)}&limit=50`);
  return {
    offices,
    readable: readable.map((r) => r.id),
    'list-uncached': {
      describe: `as list, each URL once (from=<a date before any activity>: same answers, no page cache hits)`,
      requests: distinct(listPaths, 30_000),
      headers: {},
    },
    'search-uncached': {
      describe: `as search, each URL once (from=<a date before any activity>: same answers, no page cache hits)`,
      requests: distinct(searchPaths, 30_000),
      headers: {},
    },
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

export async function benchToken(register: Register): Promise<string> {
  const { auth } = register.fieldbook.services;
  // A reused register has the account from an earlier run.
  const users = await auth.listUsers(BENCH_ACTOR);
  if (!users.some((u) => u.email === BENCH_EMAIL)) {
    await auth.createUser(BENCH_ACTOR, { email: BENCH_EMAIL, role: 'focal-point', bureau: 'TSB', displayName: 'Benchmark', password: undefined });
  }
  return (await auth.createTokenFor(BENCH_ACTOR, BENCH_EMAIL, 'bench')).secret;
}

/** The `api` suite: each scenario's requests against the app, then against the floor. */
export function apiSuite(scenarios: Scenario[]): Suite<ScenarioResult[]> {
  return {
    name: 'api',
    summary: `HTTP load (${scenarios.join(', ')}) against a bare-route floor`,
    run: (context) => measureScenarios(context, scenarios),
    print: printTable,
  };
}

async function measureScenarios({ register, seed, load, listen, log }: SuiteContext, scenarios: Scenario[]): Promise<ScenarioResult[]> {
  const port = await listen();
  const results: ScenarioResult[] = [];
  const token = await benchToken(register);
  const all = await workloads(register, token, seed);
  const jobOf = (scenario: Scenario, target: number, timing: { warmupMs: number; durationMs: number }): LoadJob => {
    const work = all[scenario];
    return {
      host: '127.0.0.1',
      port: target,
      headers: work.headers,
      concurrency: load.concurrency,
      ...timing,
      ...(work.requests ? { requests: work.requests } : {}),
      ...(work.patch ? { patch: work.patch } : {}),
      keepBodies: 200,
    };
  };
  // A freshly opened server is slower for its first seconds (JIT, SQLite's pages, the page cache):
  // measured first, whichever scenario that was came out ~30 % below its second-place self. So
  // every read scenario runs once, unmeasured, before any is measured.
  if (load.warmupMs > 0) {
    // Not the uncached ones: their URLs are each sent once, and a warm-up would send the first again.
    for (const scenario of scenarios.filter((s) => s !== 'patch' && !s.endsWith('-uncached'))) {
      log(`  warming up: ${scenario}`);
      await load.generator.run(jobOf(scenario, port, { warmupMs: 0, durationMs: Math.max(load.warmupMs, 2000) }));
    }
  }
  for (const scenario of scenarios) {
    const work = all[scenario];
    const job = (target: number): LoadJob => jobOf(scenario, target, { warmupMs: load.warmupMs, durationMs: load.durationMs });
    log(`  ${scenario}: ${work.describe}`);
    const appRun = await load.generator.run(job(port));
    const appFigures = figures(appRun);
    const body = representativeBody(appRun, appFigures.meanBytes);
    const floor = await startFloor(body);
    let floorRun: LoadResult;
    try {
      floorRun = await load.generator.run(job(floor.port));
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
  return results;
}

function printTable(scenarios: ScenarioResult[]): void {
  const int = (n: number) => Math.round(n).toLocaleString('en');
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');
  const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)}×` : '-');
  const errors = (f: Figures) => Object.values(f.errors).reduce((a, b) => a + b, 0);
  const header = [
    'scenario', 'bytes', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '│', 'floor req/s', 'p50', 'p95', 'p99', '│', 'req/s ratio', 'p50 ×', 'p95 ×', 'p99 ×',
  ];
  const rows = scenarios.map((s) => [
    s.scenario, int(s.app.meanBytes), int(s.app.requestsPerSecond), ms(s.app.p50Ms), ms(s.app.p95Ms), ms(s.app.p99Ms), String(errors(s.app)), '│',
    int(s.floor.requestsPerSecond), ms(s.floor.p50Ms), ms(s.floor.p95Ms), ms(s.floor.p99Ms), '│',
    s.ratio.requestsPerSecond.toFixed(3), x(s.ratio.p50), x(s.ratio.p95), x(s.ratio.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const s of scenarios) {
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
