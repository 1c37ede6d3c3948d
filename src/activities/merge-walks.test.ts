import { describe, expect, it } from 'vitest';
import { mergeWalks } from './merge-walks.ts';

/** A deterministic stream of numbers in [0, 1) (a small LCG): the same cases every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Item = { day: number; seq: number };
const order = (a: Item, b: Item) => a.day - b.day || a.seq - b.seq;

describe('merging ordered walks', () => {
  it('gives the first items of the union in order, each once, whatever the sources and the shares', async () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const sourceCount = 1 + Math.floor(next() * 5);
      const all: Item[] = Array.from({ length: Math.floor(next() * 120) }, (_, seq) => ({ day: Math.floor(next() * 30), seq }));
      // Each item in one or two sources (an activity of two offices), some sources empty.
      const sources = new Map<string, Item[]>(Array.from({ length: sourceCount }, (_, i) => [`s${i}`, []]));
      for (const item of all) {
        const first = Math.floor(next() * sourceCount);
        sources.get(`s${first}`)!.push(item);
        if (next() < 0.2) sources.get(`s${(first + 1) % sourceCount}`)!.push(item);
      }
      for (const list of sources.values()) list.sort(order);
      const start = next() < 0.3 ? { day: 10, seq: 5 } : undefined;
      const limit = 1 + Math.floor(next() * 60);
      let asked = 0;
      const merged = await mergeWalks(
        [...sources.keys()],
        start,
        async (source, after, count) => {
          const rows = sources.get(source)!.filter((item) => !after || order(item, after) > 0).slice(0, count);
          asked += rows.length;
          // In any order, as a database's join around an ordered walk may give them.
          return rows.reverse();
        },
        { limit, first: 1 + Math.floor(next() * 10), cursorOf: (item) => item, order, identity: (item) => item.seq },
      );
      const expected = [...all].filter((item) => !start || order(item, start) > 0).sort(order).slice(0, limit);
      expect(merged, `round ${round}`).toEqual(expected);
      expect(asked).toBeLessThanOrEqual(all.length * 2);
    }
  });

  it('reads a share of the page from each source, not a page from each', async () => {
    // Four offices taking turns, a page of 1,001 asked with a first share of 376.
    const items = Array.from({ length: 8_000 }, (_, seq) => ({ day: seq, seq }));
    const sources = ['a', 'b', 'c', 'd'];
    let asked = 0;
    const merged = await mergeWalks(sources, undefined, async (source, after: Item | undefined, count) => {
      const rows = items.filter((item) => sources[item.seq % 4] === source && (!after || order(item, after) > 0)).slice(0, count);
      asked += rows.length;
      return rows;
    }, { limit: 1_001, first: 376, cursorOf: (item) => item, order, identity: (item) => item.seq });
    expect(merged).toEqual(items.slice(0, 1_001));
    expect(asked).toBeLessThan(2_000);
  });
});
