/**
 * A report's bytes to proposed activities, in a worker thread (platform/worker-pool.ts): a
 * document that takes long or much memory to read holds up that thread, never the server.
 */
import { tooLarge } from '#src/platform/errors.ts';
import { runInWorker, workerTask } from '#src/platform/worker-pool.ts';
import type { ImportBatch, ImportContext, ImportProposal } from './model.ts';
import { parseBlocks, parseReport } from './pipeline/index.ts';

export interface DocumentToRead {
  name: string;
  bytes: Uint8Array;
  context: ImportContext;
}

export interface ReadReport {
  format: ImportBatch['format'];
  proposal: ImportProposal;
}

/** Runs in the worker thread: reads the document (text or Word) and proposes its activities. */
export async function readReport({ name, bytes, context }: DocumentToRead): Promise<ReadReport> {
  // Loaded here, in the worker, not with the server: the document readers are ~200 kB of code.
  const { readDocument } = await import('./document.ts');
  const read = await readDocument(bytes, name);
  return { format: read.format, proposal: read.format === 'text' ? parseReport(read.text, context) : parseBlocks(read.blocks, context) };
}

const readReportTask = workerTask(import.meta.url, 'readReport', readReport);

/**
 * `readReport` in a worker thread; past the thread's memory or time limit, refused naming it.
 * With `handOver`, the document's bytes move to the thread (not copied): empty here afterwards.
 */
export function readReportInWorker(document: DocumentToRead, { handOver = false } = {}): Promise<ReadReport> {
  return runInWorker(readReportTask, document, {
    handOver: handOver ? [document.bytes] : [],
    tooComplex: (limit) => tooLarge('document_too_complex', `"${document.name}" ${limit}; split the document or send its text only.`),
  });
}
