/**
 * Work that may take long or much memory (reading an uploaded document) runs in worker threads,
 * so the server keeps answering everyone else meanwhile. Each thread has a memory cap and each
 * task a time limit: a document past either kills its thread, never the server, and the request
 * is answered with the limit named. At most `threads` run at once and `waiting` more wait their
 * turn; past that the server is busy (503).
 *
 * One pool for the process, started on first use: threads are a resource of the process, like
 * its memory. A thread idle for a while ends; an idle thread never keeps the process alive (the
 * command line exits when its work is done).
 */
import { Worker } from 'node:worker_threads';
import { AppError, unavailable, type ErrorKind, type FieldIssue } from './errors.ts';

/** Read when a thread starts or a task is given (the pool's own tests lower them). */
export const WORKER_LIMITS = {
  /** Heap of one thread. Reading a Word file takes about 70 times its text's XML in memory. */
  heapMb: 1024,
  /** One task, from the moment a thread takes it. */
  timeLimitMs: 60_000,
  threads: 2,
  waiting: 8,
  idleMs: 30_000,
};

/** A function `name` exported by `module` (a file URL), taking I and giving O. */
export interface WorkerTask<I, O> {
  readonly module: string;
  readonly name: string;
  /** Never set: carries the types of the function. */
  readonly signature?: (input: I) => Promise<O> | O;
}

/** Names a task; `fn` is the exported function itself, for its types. */
export const workerTask = <I, O>(module: string, name: string, fn: (input: I) => Promise<O> | O): WorkerTask<I, O> => {
  void fn;
  return { module, name };
};

export interface WorkerRequest {
  module: string;
  name: string;
  input: unknown;
}

interface SentAppError {
  kind: ErrorKind;
  code: string;
  message: string;
  extra: { issues?: FieldIssue[]; current?: unknown; retryAfterSeconds?: number };
}

export type WorkerReply = { ok: true; value: unknown } | { ok: false; error: SentAppError | { message: string; stack?: string | undefined } };

export interface RunOptions {
  /** The error for a task past a limit; `limit` says which, e.g. "took more than 60 s to read (the limit)". */
  tooComplex: (limit: string) => AppError;
  /**
   * Bytes in the input handed to the thread rather than copied: copying an 18 MB upload holds
   * the event loop a tenth of a second or more. The caller's views of them are empty afterwards.
   * A view sharing its memory with others (Node's pool of small buffers) is copied as usual.
   */
  handOver?: readonly Uint8Array[];
}

/** The memory of the views that own all of theirs, each once: what can be moved to a thread. */
function movable(views: readonly Uint8Array[] = []): ArrayBuffer[] {
  const owned = views.filter((v) => v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.byteLength > 0);
  return [...new Set(owned.map((v) => v.buffer as ArrayBuffer))];
}

interface Job {
  request: WorkerRequest;
  options: RunOptions;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL('./worker-boot.js', import.meta.url);
const threads = new Set<Thread>();
const waiting: Job[] = [];

const errorOf = (reply: Extract<WorkerReply, { ok: false }>['error']): Error => {
  if ('kind' in reply) return new AppError(reply.kind, reply.code, reply.message, reply.extra);
  const error = new Error(`a worker thread failed: ${reply.message}`);
  if (reply.stack) error.stack = `${error.message}\n(in the worker) ${reply.stack}`;
  return error;
};

function settle(thread: Thread): Job | null {
  const job = thread.job;
  thread.job = null;
  if (thread.timer) clearTimeout(thread.timer);
  thread.timer = null;
  return job;
}

function idle(thread: Thread): void {
  thread.worker.unref();
  thread.timer = setTimeout(() => {
    threads.delete(thread);
    void thread.worker.terminate();
  }, WORKER_LIMITS.idleMs).unref();
  dispatch();
}

function startThread(): void {
  const worker = new Worker(BOOT, { resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb } });
  const thread: Thread = { worker, ready: false, job: null, timer: null };
  threads.add(thread);
  worker.on('message', (message: 'ready' | WorkerReply) => {
    if (message === 'ready') {
      thread.ready = true;
      idle(thread);
      return;
    }
    const job = settle(thread);
    if (message.ok) job?.resolve(message.value);
    else job?.reject(errorOf(message.error));
    idle(thread);
  });
  worker.on('error', (error: Error & { code?: string }) => {
    threads.delete(thread);
    const job = settle(thread);
    if (job) {
      job.reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? job.options.tooComplex(`needed more than the ${WORKER_LIMITS.heapMb} MB of memory a reading may take`) : error);
    } else if (!thread.ready) {
      // A thread that cannot start cannot take anything waiting either.
      for (const waiter of waiting.splice(0)) waiter.reject(error);
    }
    dispatch();
  });
  worker.on('exit', () => {
    threads.delete(thread);
    settle(thread)?.reject(new Error('a worker thread stopped before answering'));
    dispatch();
  });
}

function take(thread: Thread, job: Job): void {
  if (thread.timer) clearTimeout(thread.timer);
  thread.job = job;
  thread.worker.ref();
  thread.timer = setTimeout(() => {
    const late = settle(thread);
    threads.delete(thread);
    void thread.worker.terminate();
    late?.reject(late.options.tooComplex(`took more than the ${WORKER_LIMITS.timeLimitMs / 1000} s a reading may take`));
    dispatch();
  }, WORKER_LIMITS.timeLimitMs);
  thread.worker.postMessage(job.request, movable(job.options.handOver));
}

/** Gives waiting jobs to idle threads, starting threads while there are fewer than allowed. */
function dispatch(): void {
  while (waiting.length > 0) {
    const free = [...threads].find((t) => t.ready && t.job === null);
    if (free) {
      take(free, waiting.shift()!);
      continue;
    }
    const starting = [...threads].filter((t) => !t.ready).length;
    if (starting >= waiting.length || threads.size >= WORKER_LIMITS.threads) return;
    startThread();
  }
}

/** Runs the task in a worker thread; its errors come back as they were thrown there. */
export function runInWorker<I, O>(task: WorkerTask<I, O>, input: I, options: RunOptions): Promise<O> {
  if (waiting.length >= WORKER_LIMITS.waiting) {
    return Promise.reject(unavailable('busy_reading', `The server is reading ${WORKER_LIMITS.threads + waiting.length} files already; send this one again in a minute.`));
  }
  return new Promise<O>((resolve, reject) => {
    waiting.push({ request: { module: task.module, name: task.name, input }, options, resolve: resolve as (value: unknown) => void, reject });
    dispatch();
  });
}
