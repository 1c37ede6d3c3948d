/**
 * The real server as a child process (`fieldbook serve`), on 127.0.0.1 and a port of its own
 * choosing, so a drill can kill it with SIGKILL, see it die of a hostile document, and start it
 * again on the same database. Its output goes to a log file for the post-mortem.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIELDBOOK = fileURLToPath(new URL('../bin/fieldbook.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Loading the app through tsx takes seconds, more on a loaded machine. */
const START_LIMIT_MS = 90_000;
/**
 * The heap a drill's server may use: what a modest deployment gives it, and a bound on what a
 * decompression bomb can take from the machine the drill shares.
 */
export const SERVER_HEAP_MB = 2048;

/** Every server still running: killed when the drill process ends, however it ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  pid: number;
  logFile: string;
  alive(): boolean;
  /** How it ended: the exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
  kill9(): Promise<void>;
  /** SIGTERM (the server closes cleanly), SIGKILL if it has not ended in 10 s. */
  stop(): Promise<void>;
}

/** Starts `fieldbook serve` with `env` (DATABASE_URL…) and waits until it listens. */
export async function startServer(env: Record<string, string>, logFile: string): Promise<ServerProcess> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [FIELDBOOK, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${SERVER_HEAP_MB}`.trim(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      log.end(`\n[drill] server ${child.pid} ended: ${signal ?? `exit code ${code}`}\n`);
      resolve({ code, signal });
    }),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`the server did not listen within ${START_LIMIT_MS / 1000} s (log: ${logFile})`)), START_LIMIT_MS);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match[1]!);
      }
    };
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => fail(new Error(`the server ended before listening (${signal ?? `exit code ${code}`}; log: ${logFile})`)));
  });

  const kill = async (signal: NodeJS.Signals) => {
    if (!ended) child.kill(signal);
    await exited;
  };
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    logFile,
    alive: () => !ended,
    exited,
    kill9: () => kill('SIGKILL'),
    async stop() {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
