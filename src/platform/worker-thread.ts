/**
 * Inside a worker thread of the pool (worker-pool.ts): runs one task at a time, the function
 * `name` of `module`, and answers with its value or its error. Errors of the domain keep their
 * kind and code, so the request is answered as if the work had been done on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from './errors.ts';
import type { WorkerReply, WorkerRequest } from './worker-pool.ts';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts runs only as a worker thread of the pool');

async function run(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const exports = (await import(request.module)) as Record<string, unknown>;
    const task = exports[request.name];
    if (typeof task !== 'function') throw new Error(`${request.module} exports no function ${request.name}`);
    return { ok: true, value: await (task as (input: unknown) => unknown)(request.input) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: { kind: error.kind, code: error.code, message: error.message, extra: error.extra } };
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
  }
}

port.on('message', (request: WorkerRequest) => {
  void run(request).then((reply) => port.postMessage(reply));
});
port.postMessage('ready');
