import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes valid UUIDs that sort in the order they were made, even within a millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_800_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 5)) expect(z.uuid().safeParse(id).success).toBe(true);
    expect(ids[0]![14]).toBe('7');
  });

  it('sorts later milliseconds after earlier ones', () => {
    const a = newId(1_900_000_000_000);
    const b = newId(1_900_000_000_001);
    expect(a < b).toBe(true);
  });
});
