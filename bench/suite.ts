/**
 * A suite is one kind of measurement `npm run bench` makes on each register (size × database):
 * `api` (HTTP load against a floor), `reports` (report generation against reading alone). To add
 * one: write `bench/<name>.ts` exporting a `Suite`, add its result type to `SuiteResults` and the
 * suite to `SUITES` in run.ts; `--suites <name>` then selects it, and what it returns is stored in
 * results.json under the register's entry, by name.
 */
import type { Dialect } from '#src/platform/database.ts';
import type { Register } from './generate.ts';
import type { LoadGenerator } from './load.ts';

export interface SuiteContext {
  register: Register;
  dialect: Dialect;
  size: number;
  seed: number;
  /** Load settings, for suites that put HTTP load on the app. */
  load: { generator: LoadGenerator; durationMs: number; warmupMs: number; concurrency: number };
  /** The app over this register, listening on loopback (started on first call, closed after the register's suites): its port. */
  listen(): Promise<number>;
  log(line: string): void;
}

export interface Suite<Result> {
  /** What `--suites` calls it, and its key in results.json. */
  name: string;
  /** One line for --help. */
  summary: string;
  run(context: SuiteContext): Promise<Result>;
  /** Prints the figures after the register's heading. */
  print(result: Result): void;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
