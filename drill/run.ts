/**
 * `npm run drill`: the project's own fault and attack drills against real servers (child
 * processes on 127.0.0.1, each on a fresh SQLite file or PostgreSQL schema). Each drill runs on
 * each database within its own time limit, stops by itself and prints one line: its name, the
 * database, its figures and PASS or FAIL. The run exits non-zero when any drill fails.
 *
 *   npm run drill                                   # every drill, both databases (minutes)
 *   npm run drill -- --short                        # the quick version of each (what CI runs)
 *   npm run drill -- --only fuzz,conflict --dialects sqlite --seed 7
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Dialect } from '#src/platform/database.ts';
import { Random } from '../bench/vocabulary.ts';
import { buildWorkspaceIfStale } from '../web/build-if-stale.ts';
import { conflictDrill } from './conflict.ts';
import { crashDrill } from './crash.ts';
import { documentsDrill } from './documents.ts';
import { DrillAborted, formatFigures, type Drill, type DrillOutcome } from './drill.ts';
import { fuzzDrill } from './fuzz.ts';
import { matrixDrill } from './matrix.ts';
import { Registers, SharedServer } from './register.ts';
import { textDrill } from './text.ts';

/** In the order they run: the text drill before the fuzz writes its own oddities into the shared register, documents last as they may kill its server. */
const DRILLS: Drill[] = [crashDrill, conflictDrill, textDrill, fuzzDrill, documentsDrill, matrixDrill];
const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
const OUT_DIR = fileURLToPath(new URL('.out/', import.meta.url));
/** After the time limit, how long a drill has to notice and let go before its servers are killed under it. */
const GRACE_MS = 5_000;

const HELP = `npm run drill -- [options]

  --only NAME[,NAME]      drills to run (default: all): ${DRILLS.map((d) => d.name).join(', ')}
  --dialects sqlite,postgres
  --short                 the quick version of each (seconds, not minutes), as CI runs it
  --seed N                seed of the random choices (default: a new one, printed)
  --postgres-url URL      default postgres://postgres@127.0.0.1:5432/test (env DRILL_POSTGRES_URL)
  --verbose               progress on standard error

${DRILLS.map((d) => `  ${d.name.padEnd(10)} ${d.summary}`).join('\n')}

Each line: drill, database, figures, seconds, PASS or FAIL (with why). The servers' logs and what
the drills found are in drill/.out/ until the next run.`;

interface Options {
  drills: Drill[];
  /** Named with --only: run even when --short would skip it. */
  named: boolean;
  dialects: Dialect[];
  short: boolean;
  seed: number;
  postgresUrl: string;
  verbose: boolean;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      dialects: { type: 'string', default: 'sqlite,postgres' },
      short: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'postgres-url': { type: 'string', default: process.env.DRILL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;
  const names = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names ?? []) if (!DRILLS.some((d) => d.name === name)) throw new Error(`--only: unknown drill "${name}" (one of ${DRILLS.map((d) => d.name).join(', ')})`);
  const dialects = values.dialects.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dialects) if (!DIALECTS.includes(d as Dialect)) throw new Error(`--dialects: unknown "${d}" (sqlite, postgres)`);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed: "${values.seed}" is not a whole number`);
  return {
    drills: names ? DRILLS.filter((d) => names.includes(d.name)) : DRILLS,
    named: names !== undefined,
    dialects: dialects as Dialect[],
    short: values.short,
    seed,
    postgresUrl: values['postgres-url'],
    verbose: values.verbose,
  };
}

/** One drill on one database, within its time limit; whatever happens, its servers are killed and its registers dropped. */
async function runOne(drill: Drill, dialect: Dialect, shared: SharedServer, options: Options): Promise<{ outcome: DrillOutcome; seconds: number }> {
  const started = performance.now();
  const limitMs = (options.short ? drill.limitSeconds.short : drill.limitSeconds.full) * 1000;
  const stop = new AbortController();
  const registers = new Registers(options.postgresUrl, `${OUT_DIR}${drill.name}-${dialect}-server`);
  const log = (message: string) => {
    if (options.verbose) process.stderr.write(`  [${drill.name} ${dialect} ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
  };
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'limit'>((resolve) => {
    timer = setTimeout(() => {
      stop.abort();
      resolve('limit');
    }, limitMs);
  });
  const running = drill
    .run({ dialect, short: options.short, random: new Random(options.seed), signal: stop.signal, registers, shared: () => shared.get(), outDir: OUT_DIR, log })
    .catch((error: unknown): DrillOutcome => ({
      figures: {},
      failures: [error instanceof DrillAborted ? `stopped at its ${limitMs / 1000} s limit` : `error: ${error instanceof Error ? error.message : String(error)}`],
    }));
  let outcome = await Promise.race([running, limit]);
  if (outcome === 'limit') {
    // The drill saw the abort (its loops check it) or is stuck on a server that no longer answers.
    const late = await Promise.race([running, new Promise<null>((resolve) => setTimeout(() => resolve(null), GRACE_MS))]);
    outcome = { figures: late?.figures ?? {}, failures: [...(late?.failures.filter((f) => !f.startsWith('stopped at')) ?? []), `stopped at its ${limitMs / 1000} s limit`] };
    await shared.kill();
  }
  clearTimeout(timer);
  await registers.dispose();
  return { outcome, seconds: (performance.now() - started) / 1000 };
}

function line(drill: string, dialect: string, outcome: DrillOutcome, seconds: number): string {
  const verdict = outcome.failures.length === 0 ? 'PASS' : `FAIL: ${outcome.failures.join('; ')}`;
  const figures = formatFigures(outcome.figures);
  const details = outcome.details && outcome.failures.length > 0 ? ` (details: ${outcome.details})` : '';
  return `${drill.padEnd(9)} ${dialect.padEnd(8)} ${figures}${figures ? ' ' : ''}${seconds.toFixed(1)}s ${verdict}${details}`;
}

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(HELP);
    return 2;
  }
  if (!options) {
    console.log(HELP);
    return 0;
  }
  // What is in drill/.out is this run's: the last run's logs and findings go.
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  // The fuzz reaches /app, which the server answers with 503 until the workspace is built (as npm start builds it).
  if (options.drills.includes(fuzzDrill)) await buildWorkspaceIfStale();
  console.log(`drills: ${options.short ? 'short' : 'full'}, seed ${options.seed}, on ${options.dialects.join(' and ')}`);
  const started = performance.now();
  let failed = 0;
  let passed = 0;
  let skipped = 0;
  const shared = new Map(options.dialects.map((d) => [d, new SharedServer(d, options.postgresUrl, `${OUT_DIR}shared-${d}-server`)]));
  try {
    for (const drill of options.drills) {
      if (options.short && drill.skipWhenShort && !options.named) {
        console.log(`${drill.name.padEnd(9)} ${'-'.padEnd(8)} SKIP in --short: ${drill.skipWhenShort}`);
        skipped += 1;
        continue;
      }
      for (const dialect of options.dialects) {
        const { outcome, seconds } = await runOne(drill, dialect, shared.get(dialect)!, options);
        if (outcome.failures.length > 0) failed += 1;
        else passed += 1;
        console.log(line(drill.name, dialect, outcome, seconds));
      }
    }
  } finally {
    for (const server of shared.values()) await server.dispose();
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(0)} s, seed ${options.seed}; server logs and findings in drill/.out/`);
  console.log(`drills: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed === 0 ? 0 : 1;
}

// Whatever a drill left behind (sockets, timers), the run ends here.
process.exit(await main());
