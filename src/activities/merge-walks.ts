/**
 * Merging walks of several ordered sources (an office list's offices, decision 27) into the first
 * `limit` items of their union, without reading each source for a whole page. Pure apart from the
 * `walk` it is given.
 *
 * Each source is asked for `first` items; only what is certainly in order is taken (up to the
 * earliest last item of the sources that may hold more); a source whose items ran out is asked
 * again, for twice as many, up to `limit`. An item found in two sources (the same key) is taken
 * once.
 */
export interface MergeOptions<K, Cursor> {
  limit: number;
  /** How many each source is asked for at first. */
  first: number;
  /** Where a source's next walk starts: after this item. */
  cursorOf(item: K): Cursor;
  /** Two items' order; 0 for the same item. */
  order(a: K, b: K): number;
  /** Which items are one (an activity linked in two offices). */
  identity(item: K): number | string;
}

export async function mergeWalks<K, Cursor>(
  sources: readonly string[],
  start: Cursor | undefined,
  /** A source's first `count` items after the cursor, in any order. */
  walk: (source: string, after: Cursor | undefined, count: number) => Promise<K[]>,
  options: MergeOptions<K, Cursor>,
): Promise<K[]> {
  const { limit, order, identity } = options;
  const walks = sources.map((source) => ({ source, after: start, ask: Math.min(limit, options.first), buffer: [] as K[], more: true }));
  const taken = new Map<number | string, K>();
  while (taken.size < limit) {
    await Promise.all(
      walks
        .filter((w) => w.more && w.buffer.length === 0)
        .map(async (w) => {
          // A source's first `count` items, in any order (a join around an ordered walk need not keep it).
          const items = (await walk(w.source, w.after, w.ask)).sort(order);
          w.more = items.length === w.ask;
          w.buffer = items;
          const last = items.at(-1);
          if (last !== undefined) w.after = options.cursorOf(last);
          w.ask = Math.min(limit, w.ask * 2);
        }),
    );
    const open = walks.filter((w) => w.more).map((w) => w.buffer.at(-1)!);
    const bound = open.length ? open.sort(order)[0]! : null;
    const ready: K[] = [];
    for (const w of walks) {
      const cut = bound === null ? -1 : w.buffer.findIndex((item) => order(item, bound) > 0);
      ready.push(...(cut < 0 ? w.buffer : w.buffer.slice(0, cut)));
      w.buffer = cut < 0 ? [] : w.buffer.slice(cut);
    }
    for (const item of ready.sort(order)) if (!taken.has(identity(item))) taken.set(identity(item), item);
    if (bound === null) break;
  }
  return [...taken.values()].slice(0, limit);
}
