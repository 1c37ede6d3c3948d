/**
 * SQLite's upkeep off the request path. With WAL's default autocheckpoint, the COMMIT that
 * takes the WAL past 1,000 pages copies them into the database file and fsyncs it: about one
 * request in 28 paid ~14 ms for it. A running server turns autocheckpoint off on its connection
 * and checkpoints from a worker thread with a connection of its own instead: PASSIVE (it never
 * waits for, nor blocks, a reader or the writer), soon after each write, so the WAL stays small.
 * If the worker fails, autocheckpoint comes back on: a WAL is never left to grow without bound.
 * The same upkeep runs `PRAGMA optimize` on a schedule, so the planner's statistics follow the
 * register as it grows (docs/decisions/0012-durability-and-the-write-path.md).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

export interface SqliteUpkeepOptions {
  /** How long after a write the worker checkpoints it, at most (it looks at the WAL this often). */
  checkpointMs: number;
  /** How often `PRAGMA optimize` refreshes statistics that went stale; 0: never. */
  optimizeMs: number;
  /** Where a failure is told (the upkeep goes on, or falls back to SQLite's own checkpoints). */
  onError: (error: unknown) => void;
}

export interface SqliteUpkeep {
  /** Resolves once the worker has its connection and looks at the WAL (it takes a moment to start). */
  ready: Promise<void>;
  /** Stops the worker (after its last checkpoint) and the schedule; autocheckpoint comes back on. */
  stop(): Promise<void>;
}

/** SQLite's default autocheckpoint, in pages: what the connection falls back to without the worker. */
const DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * The worker: CommonJS evaluated as given (no TypeScript loader in a worker), the driver resolved
 * by the main thread. It checkpoints when the WAL file was written since its last checkpoint.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('wal_autocheckpoint = 0');
const wal = workerData.file + '-wal';
let seen = -1;
const checkpoint = () => {
  let written;
  try { written = statSync(wal).mtimeMs; } catch { return; }
  if (written === seen) return;
  seen = written;
  db.pragma('wal_checkpoint(PASSIVE)');
};
const timer = setInterval(checkpoint, workerData.checkpointMs);
parentPort.postMessage('ready');
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export function startSqliteUpkeep(connection: SQLite.Database, file: string, options: SqliteUpkeepOptions): SqliteUpkeep {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  connection.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, checkpointMs: options.checkpointMs } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Resolves on the worker's first word, or when it could not start (its failure is told through onError).
  const ready = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    void exited.then(resolve);
  });
  const fallBack = (error: unknown) => {
    connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    options.onError(error);
  };
  worker.on('error', fallBack);
  worker.once('exit', (code) => {
    if (!stopping) fallBack(new Error(`the checkpoint worker stopped (exit code ${code}); SQLite checkpoints in commits again`));
  });
  // Once started, not a reason to keep the process alive: the server's own handles are.
  void ready.then(() => worker.unref());

  const optimizer =
    options.optimizeMs > 0
      ? setInterval(() => {
          try {
            connection.pragma('optimize = 0x10002');
          } catch (error) {
            options.onError(error);
          }
        }, options.optimizeMs).unref()
      : undefined;

  return {
    ready,
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(optimizer);
      // Held until it has taken its last checkpoint and closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      if (connection.open) connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    },
  };
}
