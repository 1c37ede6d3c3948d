/**
 * `npm run bench`: generates (once) synthetic registers of each size on each database and runs
 * the chosen suites on each (suite.ts): `api` starts the real server on loopback and measures a
 * filtered list page, a text search, a single GET and a PATCH, then the same requests against a
 * bare Fastify route answering a fixed body of the same size (the floor); `reports` times the
 * ITU-T report as DOCX and HTML beside reading its activities. Prints a table per register and
 * writes bench/results.json.
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
import type { Dialect } from '#src/platform/database.ts';
import { apiSuite, SCENARIOS, type Figures, type Scenario, type ScenarioResult } from './api.ts';
import { coverageSuite, type CoverageFigures } from './coverage.ts';
import { duplicatesSuite, type DuplicateFigures } from './duplicates.ts';
import { openRegister, type Register } from './generate.ts';
import { startLoadGenerator, type LoadGenerator } from './load.ts';
import { REPORT_TARGET, reportsSuite, reportTarget, type ReportFigures } from './reports.ts';
import { mixedSuite, type MixedResult } from './mixed.ts';
import { openDataSuite, type OpenDataFigures } from './opendata.ts';
import { roundsSuite, type RoundFigures } from './rounds.ts';
import { startupSuite, type StartupFigures } from './startup.ts';
import { siteSuite, type SitePageResult } from './site.ts';
import { round, type Suite, type SuiteContext } from './suite.ts';
import { SEARCH_QUERIES } from './vocabulary.ts';

const SUITE_NAMES = ['api', 'reports', 'site', 'rounds', 'mixed', 'startup', 'duplicates', 'opendata', 'coverage'] as const;
type SuiteName = (typeof SUITE_NAMES)[number];
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** The issue's targets, at 1M activities on SQLite. */
const TARGETS = { size: 1_000_000, dialect: 'sqlite' as Dialect, listP95Ms: 20, searchP95Ms: 20, listFloorRatio: 0.5 };

const HELP = `npm run bench -- [options]

  --sizes 10k,100k        register sizes (10k, 100k, 1m or plain numbers)      env BENCH_SIZES
  --dialects sqlite,postgres                                                  env BENCH_DIALECTS
  --suites api,reports,site,rounds,mixed,startup,duplicates,opendata,coverage  HTTP load, reports, public site, a compiled round,
                          open-loop mixed load, start to first answer, the duplicate check, the IATI file streamed,
                          the coverage of ITU-T's plan in a year   env BENCH_SUITES
  --mixed-rate 200        the mixed suite's offered requests per second       env BENCH_MIXED_RATE
  --scenarios list,search,get,patch   (api suite)                             env BENCH_SCENARIOS
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
  suites: SuiteName[];
  scenarios: Scenario[];
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  mixedRate: number;
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
      suites: { type: 'string', default: env.BENCH_SUITES ?? SUITE_NAMES.join(',') },
      scenarios: { type: 'string', default: env.BENCH_SCENARIOS ?? SCENARIOS.join(',') },
      duration: { type: 'string', default: env.BENCH_DURATION ?? '5' },
      warmup: { type: 'string', default: env.BENCH_WARMUP ?? '1' },
      concurrency: { type: 'string', default: env.BENCH_CONCURRENCY ?? '8' },
      'mixed-rate': { type: 'string', default: env.BENCH_MIXED_RATE ?? '200' },
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
    suites: list('suites', values.suites, SUITE_NAMES),
    scenarios: list('scenarios', values.scenarios, SCENARIOS),
    durationMs: positive('duration', values.duration) * 1000,
    warmupMs: warmup * 1000,
    concurrency: Math.round(positive('concurrency', values.concurrency)),
    mixedRate: positive('mixed-rate', values['mixed-rate']),
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
// Suites and results

/** What each suite stores in a register's entry of results.json, by the suite's name. */
interface SuiteResults {
  /** The `api` suite's scenarios (kept under this name from before suites). */
  scenarios?: ScenarioResult[];
  reports?: ReportFigures[];
  site?: SitePageResult[];
  rounds?: RoundFigures;
  mixed?: MixedResult;
  startup?: StartupFigures;
  duplicates?: DuplicateFigures;
  opendata?: OpenDataFigures;
  coverage?: CoverageFigures;
}

/** Every suite, in the order they run on a register; the key is where its result is stored. */
const suitesFor = (options: Options): { [K in keyof SuiteResults]-?: Suite<NonNullable<SuiteResults[K]>> } => ({
  scenarios: apiSuite(options.scenarios),
  reports: reportsSuite,
  site: siteSuite,
  rounds: roundsSuite,
  mixed: mixedSuite(options.mixedRate),
  startup: startupSuite,
  duplicates: duplicatesSuite,
  opendata: openDataSuite,
  coverage: coverageSuite,
});

interface RunResult extends SuiteResults {
  label: string;
  size: number;
  dialect: Dialect;
  location: string;
  date: string;
  /** Generation time of the register (`reused`: recorded when it was generated in an earlier run). */
  generation: { seconds: number; activitiesPerSecond: number; at: string; reused: boolean } | null;
}

/** Runs the chosen suites on one register, the app started once for those that need it. */
async function runSuites(register: Register, target: { size: number; dialect: Dialect }, options: Options, generator: LoadGenerator, log: (s: string) => void) {
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  const context: SuiteContext = {
    register,
    dialect: target.dialect,
    size: target.size,
    seed: options.seed,
    load: { generator, durationMs: options.durationMs, warmupMs: options.warmupMs, concurrency: options.concurrency },
    log,
    async listen() {
      if (!app) {
        app = await buildApp(register.fieldbook, register.config, { level: 'silent' });
        await app.listen({ host: '127.0.0.1', port: 0 });
      }
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('the server has no port');
      return address.port;
    },
  };
  const results: SuiteResults = {};
  const suites = suitesFor(options);
  try {
    for (const key of Object.keys(suites) as Array<keyof SuiteResults>) {
      const suite = suites[key];
      if (!options.suites.some((name) => name === suite.name)) continue;
      // Each key pairs a suite with its own result type; TypeScript cannot follow that through the loop.
      (results as Record<string, unknown>)[key] = await suite.run(context);
    }
  } finally {
    await (app as Awaited<ReturnType<typeof buildApp>> | null)?.close();
  }
  return results;
}

function printRun(run: RunResult, options: Options): void {
  console.log('');
  console.log(`${DIALECT_NAMES[run.dialect]} · ${run.size.toLocaleString('en')} activities`);
  const suites = suitesFor(options);
  if (run.scenarios) {
    console.log(`HTTP · concurrency ${options.concurrency} · ${options.durationMs / 1000} s per measurement`);
    suites.scenarios.print(run.scenarios);
  }
  if (run.reports) suites.reports.print(run.reports);
  if (run.site) suites.site.print(run.site);
  if (run.rounds) suites.rounds.print(run.rounds);
  if (run.mixed) suites.mixed.print(run.mixed);
  if (run.startup) suites.startup.print(run.startup);
  if (run.duplicates) suites.duplicates.print(run.duplicates);
  if (run.opendata) suites.opendata.print(run.opendata);
  if (run.coverage) suites.coverage.print(run.coverage);
}

const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

interface TargetCheck {
  listP95Ms: { value: number; target: number; met: boolean } | null;
  searchP95Ms: { value: number; target: number; met: boolean } | null;
  listFloorRatio: { value: number; target: number; met: boolean } | null;
  met: boolean | null;
}

function checkTargets(runs: RunResult[]): TargetCheck | null {
  const run = runs.find((r) => r.size === TARGETS.size && r.dialect === TARGETS.dialect);
  if (!run?.scenarios) return null;
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
      const earlier = previous.runs ?? [];
      const same = (a: RunResult, b: RunResult) => a.size === b.size && a.dialect === b.dialect;
      const kept = earlier.filter((p) => !runs.some((r) => same(r, p)));
      // A register measured again keeps what earlier runs measured with suites this one left out.
      const measured = runs.map((r) => ({ ...earlier.find((p) => same(p, r)), ...r }));
      all = [...kept, ...measured].sort((a, b) => a.size - b.size || a.dialect.localeCompare(b.dialect));
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
      reportRuns: 'each report figure is the median of 3 generations',
      note: 'Each run entry carries its own date; entries from earlier invocations are kept unless --fresh. Ratios are Fieldbook ÷ floor (scenarios) and report ÷ reading alone (reports).',
    },
    targets: { ...TARGETS, check: checkTargets(all) },
    reportTarget: { ...REPORT_TARGET, figures: all.flatMap((r) => (r.reports ? [{ size: r.size, dialect: r.dialect, ...reportTarget(r.reports) }] : [])) },
    runs: all.map((r) => ({
      ...r,
      scenarios: r.scenarios?.map((s) => ({
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
  log(`sizes ${options.sizes.map((s) => s.label).join(', ')} · ${options.dialects.join(', ')} · ${options.suites.join(', ')} (${options.scenarios.join(', ')}) · concurrency ${options.concurrency} · ${options.durationMs / 1000} s (+${options.warmupMs / 1000} s warm-up)`);

  const load = options.generateOnly ? null : await startLoadGenerator();
  const runs: RunResult[] = [];
  try {
    for (const { label, size } of options.sizes) {
      for (const dialect of options.dialects) {
        log(`\n${DIALECT_NAMES[dialect]} · ${label} (${size.toLocaleString('en')} activities)`);
        const register = await openRegister({ dialect, size, label, dataDir: options.dataDir, postgresUrl: options.postgresUrl }, { regenerate: options.regenerate, seed: options.seed, log });
        try {
          if (!load) continue;
          const results = await runSuites(register, { size, dialect }, options, load, log);
          const run: RunResult = {
            label,
            size,
            dialect,
            location: register.location,
            date: new Date().toISOString(),
            generation: register.generation
              ? { seconds: round(register.generation.ms / 1000, 1), activitiesPerSecond: Math.round(register.generation.perSecond), at: register.generation.at, reused: register.generation.reused }
              : null,
            ...results,
          };
          runs.push(run);
          printRun(run, options);
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
  printReportTarget(all);
}

function printReportTarget(runs: RunResult[]): void {
  const figures = runs.flatMap((r) => {
    const target = r.reports ? reportTarget(r.reports) : null;
    return target ? [`${DIALECT_NAMES[r.dialect]} ${r.label}: ${Math.round(target.ms)} ms, ${target.met ? 'met' : 'MISSED'}`] : [];
  });
  const goal = `a ${REPORT_TARGET.activities.toLocaleString('en')}-activity DOCX in under ${REPORT_TARGET.ms / 1000} s`;
  console.log(`Report target, ${goal}: ${figures.length > 0 ? figures.join(' · ') : 'not measured (the reports suite on a register of 100k or more)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
