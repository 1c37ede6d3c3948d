/**
 * What a drill is: a bounded attack on real servers (child processes on loopback) that ends by
 * itself and says what it found as one line of figures, PASS or FAIL. run.ts runs them.
 */
import type { Dialect } from '#src/platform/database.ts';
import type { Random } from '../bench/vocabulary.ts';
import type { Registers, Standing } from './register.ts';

/** The figures a drill prints, in the order given: `requests=10000 5xx=0 …`. */
export type Figures = Record<string, number | string>;

export interface DrillOutcome {
  figures: Figures;
  /** Why the drill failed, one short phrase each; none means PASS. */
  failures: string[];
  /** A file with the details of what was found (examples of 5xx answers, server logs…). */
  details?: string;
}

export interface DrillContext {
  dialect: Dialect;
  /** The quick version for CI: seconds, not minutes. */
  short: boolean;
  /** Seeded, so a run can be repeated (`--seed`). */
  random: Random;
  /** Aborted at the drill's time limit: loops stop, servers are killed. */
  signal: AbortSignal;
  /** Fresh databases, accounts and servers for this drill alone; all dropped and stopped when it ends. */
  registers: Registers;
  /**
   * The register and server this database's drills share (started again if it fell). A drill
   * leaves it running and looks only at what it wrote itself.
   */
  shared(): Promise<Standing>;
  /** Where findings and server logs are written (drill/.out). */
  outDir: string;
  /** Progress, on standard error with --verbose. */
  log(message: string): void;
}

export interface Drill {
  name: string;
  /** One line for --help. */
  summary: string;
  /** The whole drill's time limit on one database, in seconds. */
  limitSeconds: { short: number; full: number };
  /** Runs once per database; `matrix` runs the vitest file instead. */
  run(context: DrillContext): Promise<DrillOutcome>;
  /** Not run by --short unless named by --only (what it checks already runs in npm test). */
  skipWhenShort?: string;
}

/** Stops a loop at the drill's time limit. */
export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DrillAborted();
}

export class DrillAborted extends Error {
  constructor() {
    super('the drill reached its time limit');
    this.name = 'DrillAborted';
  }
}

/** Waits `ms`, or less when the drill is stopped. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `name=value` pairs, numbers as they are, text without spaces. */
export function formatFigures(figures: Figures): string {
  return Object.entries(figures)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? (Number.isInteger(value) ? value : value.toFixed(1)) : value.replace(/\s+/g, '_')}`)
    .join(' ');
}
