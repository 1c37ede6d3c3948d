/**
 * Start to first answer: `node bin/fieldbook.js serve` as `npm start` runs it, from spawning the
 * process to the first 200 of GET /api/health, on a SQLite database that has been through its
 * first start (migrated and seeded) already. The first start is not counted; the figures are the
 * median and the slowest of the next ones. A register's size does not change what starting loads,
 * so it is measured once per bench run, on its own small database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round, type Suite } from './suite.ts';

const BIN = fileURLToPath(new URL('../bin/fieldbook.js', import.meta.url));
/** The target of issue 19. */
export const STARTUP_TARGET_MS = 1000;

export interface StartupFigures {
  runs: number[];
  medianMs: number;
  maxMs: number;
  target: number;
  met: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const healthy = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/health' }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    });
    request.on('error', () => resolve(false));
  });

/** Milliseconds from spawning the server to its first healthy answer. */
async function startOnce(databaseUrl: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering`);
      if (await healthy(port)) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function measureStartup(runs = 5, log: (line: string) => void = () => {}): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-startup-'));
  const url = `sqlite:${join(dir, 'fieldbook.db')}`;
  try {
    // As `npm start` does (prestart): the server is built when a source is newer than dist/.
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [fileURLToPath(new URL('../bin/build-server.js', import.meta.url))], { stdio: 'ignore' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bin/build-server.js exited ${code}`)))),
    );
    log('  startup: first start (migrates and seeds; not counted)');
    await startOnce(url);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await startOnce(url));
    const sorted = [...times].sort((a, b) => a - b);
    const medianMs = sorted[Math.floor(sorted.length / 2)]!;
    return { runs: times.map((t) => round(t, 0)), medianMs: round(medianMs, 0), maxMs: round(sorted.at(-1)!, 0), target: STARTUP_TARGET_MS, met: medianMs < STARTUP_TARGET_MS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printStartup(f: StartupFigures): void {
  console.log(`Start to first answer (node bin/fieldbook.js serve → 200 on /api/health): median ${f.medianMs} ms, slowest ${f.maxMs} ms of ${f.runs.length} (target < ${f.target} ms: ${f.met ? 'met' : 'MISSED'})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printStartup(await measureStartup(Number(process.argv[2] ?? 5), console.log));
}

/** As a suite: measured once per register it is asked for (what starting loads does not depend on the register). */
export const startupSuite: Suite<StartupFigures> = {
  name: 'startup',
  summary: 'start to first answer of `node bin/fieldbook.js serve` (own small SQLite database)',
  run: ({ log }) => measureStartup(5, log),
  print: printStartup,
};
