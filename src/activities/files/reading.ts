/**
 * A spreadsheet import's file to a table of text, in a worker thread (platform/worker-pool.ts):
 * reading 20,000 rows takes seconds, which the server spends answering others meanwhile.
 */
import { tooLarge } from '#src/platform/errors.ts';
import { runInWorker, workerTask } from '#src/platform/worker-pool.ts';
import { readCsv, type ReadResult } from './csv.ts';
import type { FileFormat } from './service.ts';
import { readXlsx } from './xlsx.ts';

export interface TableToRead {
  bytes: Uint8Array;
  format: FileFormat;
}

/** Runs in the worker thread. The bytes arrive as a plain Uint8Array: Buffer is not kept across threads. */
export function readTable({ bytes, format }: TableToRead): Promise<ReadResult> | ReadResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return format === 'csv' ? readCsv(buffer) : readXlsx(buffer);
}

const readTableTask = workerTask(import.meta.url, 'readTable', readTable);

/**
 * `readTable` in a worker thread; past the thread's memory or time limit, refused naming it. The
 * file's bytes move to the thread (not copied): empty here afterwards.
 */
export function readTableInWorker(file: TableToRead): Promise<ReadResult> {
  return runInWorker(readTableTask, file, {
    handOver: [file.bytes],
    tooComplex: (limit) => tooLarge('import_file_too_complex', `the file ${limit}; send fewer rows at a time.`),
  });
}
