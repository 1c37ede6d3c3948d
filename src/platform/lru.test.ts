import { describe, expect, it } from 'vitest';
import { GenerationalCache, LruCache } from './lru.ts';

const keys = (cache: LruCache<string>, candidates: string[]) => candidates.filter((key) => cache.get(key) !== undefined);

describe('LruCache', () => {
  it('keeps at most maxEntries, dropping the least recently used (a get counts as a use)', () => {
    const cache = new LruCache<string>({ maxEntries: 3 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect(cache.get('a')).toBe('A');
    cache.set('d', 'D');
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(keys(cache, ['a', 'c', 'd'])).toEqual(['a', 'c', 'd']);
  });

  it('replaces the value under a key and makes it the most recently used', () => {
    const cache = new LruCache<string>({ maxEntries: 2 });
    cache.set('a', 'old');
    cache.set('b', 'B');
    cache.set('a', 'new');
    cache.set('c', 'C');
    expect(cache.get('a')).toBe('new');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('does not keep a value heavier than maxEntryWeight, and keeps what the key had', () => {
    const cache = new LruCache<string>({ maxEntries: 10, weigh: (v) => v.length, maxEntryWeight: 5 });
    cache.set('a', '12345');
    cache.set('a', '123456');
    cache.set('b', '123456');
    expect(cache.get('a')).toBe('12345');
    expect(cache.get('b')).toBeUndefined();
  });

  it('keeps the total weight under maxTotalWeight, counting a replaced value once', () => {
    const cache = new LruCache<string>({ maxEntries: 10, weigh: (v) => v.length, maxTotalWeight: 10 });
    for (let i = 0; i < 20; i++) cache.set('same', 'xxxx');
    cache.set('b', 'xxxx');
    expect(keys(cache, ['same', 'b'])).toEqual(['same', 'b']);
    cache.set('c', 'xxxx');
    // 12 > 10: the least recently used goes ('same' was read before 'b').
    expect(cache.get('same')).toBeUndefined();
    expect(keys(cache, ['b', 'c'])).toEqual(['b', 'c']);
  });
});

describe('GenerationalCache', () => {
  it('keeps what was read in the last generation and drops what was not read for a whole one', () => {
    const cache = new GenerationalCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    // The newer generation is full: 'a' and 'b' become the older one.
    cache.set('c', 'C');
    expect(cache.get('a')).toBe('A');
    // Reading 'a' moved it up; the next new key turns the generations again and 'b', unread, leaves.
    cache.set('d', 'D');
    cache.set('e', 'E');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('d')).toBe('D');
  });

  it('replaces a value under the same key in either generation, never giving the old one back', () => {
    const cache = new GenerationalCache<string>(2);
    cache.set('a', 'old');
    cache.set('b', 'B');
    cache.set('c', 'C');
    cache.set('a', 'new');
    expect(cache.get('a')).toBe('new');
    cache.set('a', 'newer');
    expect(cache.get('a')).toBe('newer');
  });
});
