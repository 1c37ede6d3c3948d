/**
 * The list's cursor: where the previous page ended, as an opaque URL-safe text. It names its
 * sort, so a cursor of one order is never read as a position in another.
 */
import type { PagePosition } from './store.ts';

export function encodeCursor(sort: string, position: PagePosition): string {
  return Buffer.from(JSON.stringify([sort, position.value, position.seq])).toString('base64url');
}

/** The position a cursor stands for, or null when it is not one of ours or belongs to another sort. */
export function decodeCursor(cursor: string, sort: string): PagePosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value[0] === sort && typeof value[1] === 'string' && Number.isInteger(value[2])) {
      return { value: value[1], seq: value[2] as number };
    }
  } catch {
    // Not base64 JSON: fall through.
  }
  return null;
}
