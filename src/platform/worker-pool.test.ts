import { afterAll, describe, expect, it } from 'vitest';
import * as tasks from '../../test/support/worker-tasks.ts';
import { AppError, isAppError, tooLarge } from './errors.ts';
import { runInWorker, WORKER_LIMITS, workerTask } from './worker-pool.ts';

const MODULE = new URL('../../test/support/worker-tasks.ts', import.meta.url).href;
const options = { tooComplex: (limit: string) => tooLarge('too_complex', `"test" ${limit}`) };
const original = { ...WORKER_LIMITS };

// Small limits, so misbehaving tasks meet them quickly; set before the first thread starts.
Object.assign(WORKER_LIMITS, { heapMb: 128, timeLimitMs: 3_000, threads: 1, waiting: 1 });
afterAll(() => Object.assign(WORKER_LIMITS, original));

describe('the worker pool', { timeout: 60_000 }, () => {
  it('runs a task in a thread and brings back its value, or its error as thrown', async () => {
    expect(await runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'abc', bytes: new Uint8Array(5) }, options)).toEqual({ text: 'ABC', length: 5 });
    const refused = await runInWorker(workerTask(MODULE, 'refuse', tasks.refuse), 'a.docx', options).catch((error: unknown) => error);
    expect(isAppError(refused)).toBe(true);
    expect(refused).toMatchObject({ kind: 'invalid', code: 'unreadable_document', extra: { issues: [{ path: 'file', code: 'document_unreadable', params: { name: 'a.docx' } }] } });
    const failed = await runInWorker(workerTask(MODULE, 'fail', tasks.fail), undefined, options).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(isAppError(failed)).toBe(false);
    expect((failed as Error).message).toBe('a worker thread failed: something unexpected');
  });

  it('hands bytes over to the thread instead of copying them, but copies a small buffer that shares its memory', async () => {
    const upload = Buffer.alloc(4 * 1024 * 1024, 0x61);
    expect(await runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'big', bytes: upload }, { ...options, handOver: [upload, upload] })).toEqual({ text: 'BIG', length: 4 * 1024 * 1024 });
    expect(upload.byteLength).toBe(0);
    const pooled = Buffer.from('abc');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    expect(await runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'small', bytes: pooled }, { ...options, handOver: [pooled] })).toEqual({ text: 'SMALL', length: 3 });
    expect(pooled.toString()).toBe('abc');
  });

  it('ends a thread that fills its heap, answering with the memory limit, and goes on with a new one', async () => {
    const error = await runInWorker(workerTask(MODULE, 'hoard', tasks.hoard), undefined, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'too_large', code: 'too_complex', message: '"test" needed more than the 128 MB of memory a reading may take' });
    expect(await runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'after', bytes: new Uint8Array(1) }, options)).toEqual({ text: 'AFTER', length: 1 });
  });

  it('ends a task past its time limit, answering with the limit, and refuses more than can wait', async () => {
    // A thread ready first, so that the spinning task takes it and the next one waits.
    await runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'ready', bytes: new Uint8Array(0) }, options);
    const spinning = runInWorker(workerTask(MODULE, 'spin', tasks.spin), undefined, options).catch((e: unknown) => e);
    const next = runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'next', bytes: new Uint8Array(2) }, options);
    const tooMany = await runInWorker(workerTask(MODULE, 'echo', tasks.echo), { text: 'one more', bytes: new Uint8Array(0) }, options).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ kind: 'unavailable', code: 'busy_reading' });
    expect(await spinning).toMatchObject({ kind: 'too_large', code: 'too_complex', message: '"test" took more than the 3 s a reading may take' });
    expect(await next).toEqual({ text: 'NEXT', length: 2 });
  });
});
