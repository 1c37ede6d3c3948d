/**
 * The role × route matrix: every registered route, asked by every role and anonymously, answers
 * the status the matrix says. It is a test of its own (test/http/authorization-matrix.test.ts, in
 * `npm test`); the drill runs that file on one database and prints its figures like the others.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Drill, DrillOutcome } from './drill.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const MATRIX_TEST = 'test/http/authorization-matrix.test.ts';

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ assertionResults: Array<{ status: string; title: string }> }>;
}

export const matrixDrill: Drill = {
  name: 'matrix',
  summary: `the role × route matrix (${MATRIX_TEST}): every route, every role, the expected status`,
  limitSeconds: { short: 300, full: 300 },
  skipWhenShort: `npm test runs ${MATRIX_TEST} on both databases`,
  async run({ dialect, signal, outDir, log }): Promise<DrillOutcome> {
    const report = `${outDir}matrix-${dialect}.json`;
    const child = spawn(process.execPath, [VITEST, 'run', MATRIX_TEST, '--reporter=json', `--outputFile=${report}`], {
      cwd: ROOT,
      env: { ...process.env, DIALECTS: dialect },
      stdio: 'ignore',
      signal,
    });
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.once('error', () => resolve(null));
    });
    log(`vitest ended with ${code}`);
    let result: VitestReport;
    try {
      result = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    } catch {
      return { figures: {}, failures: [`vitest wrote no report (exit ${code})`] };
    }
    const failed = result.testResults.flatMap((file) => file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.title));
    return {
      figures: { cases: result.numTotalTests, passed: result.numPassedTests, failed: result.numFailedTests },
      failures: [...failed.slice(0, 5).map((title) => `${title} answered otherwise`), ...(code !== 0 && failed.length === 0 ? [`vitest exited with ${code}`] : [])],
      details: report,
    };
  },
};
