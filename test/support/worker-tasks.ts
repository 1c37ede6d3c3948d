/** Tasks for the worker pool's own tests (src/platform/worker-pool.test.ts): each misbehaves in one way. */
import { invalid, issue } from '#src/platform/errors.ts';

export const echo = (input: { text: string; bytes: Uint8Array }) => ({ text: input.text.toUpperCase(), length: input.bytes.length });

export function refuse(name: string): never {
  throw invalid([issue('file', 'document_unreadable', `"${name}" is neither a Word document (.docx) nor text`, { name })], 'unreadable_document');
}

export function fail(): never {
  throw new Error('something unexpected');
}

/** Keeps every array it makes (8 MB each) until the thread's heap is full. */
export function hoard(): number {
  const kept: number[][] = [];
  for (let i = 0; ; i++) kept.push(new Array<number>(1_000_000).fill(i + 0.5));
}

export function spin(): number {
  for (;;) Math.sqrt(Math.random());
}
