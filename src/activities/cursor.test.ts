import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursor', () => {
  it('gives back the position it was made from, for the same sort', () => {
    const position = { value: '2020-03-02', seq: 41 };
    const cursor = encodeCursor('date', position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'date')).toEqual(position);
    expect(decodeCursor(encodeCursor('updated', { value: '2026-11-29T10:00:00.000Z', seq: 7 }), 'updated')).toEqual({ value: '2026-11-29T10:00:00.000Z', seq: 7 });
  });

  it('refuses a cursor of another sort, so a page never starts at a position of another order', () => {
    expect(decodeCursor(encodeCursor('date', { value: '2020-03-02', seq: 41 }), '-date')).toBeNull();
  });

  it('refuses what is not one of its cursors', () => {
    expect(decodeCursor('not a cursor', 'date')).toBeNull();
    expect(decodeCursor('', 'date')).toBeNull();
    expect(decodeCursor(encoded({ sort: 'date', value: '2020-03-02', seq: 41 }), 'date')).toBeNull();
    expect(decodeCursor(encoded(['date', '2020-03-02']), 'date')).toBeNull();
    expect(decodeCursor(encoded(['date', 20200302, 41]), 'date')).toBeNull();
    expect(decodeCursor(encoded(['date', '2020-03-02', 4.5]), 'date')).toBeNull();
    expect(decodeCursor(encoded(['date', '2020-03-02', '41']), 'date')).toBeNull();
  });
});
