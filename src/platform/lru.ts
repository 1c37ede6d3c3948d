/**
 * A least-recently-used cache with bounds on the number of entries and, optionally, on their
 * weight (characters, bytes): what the register's list pages and the site's rendered pages keep.
 * A Map remembers insertion order, so the first key is always the least recently used one.
 */
export interface LruLimits<V> {
  /** The most entries kept. */
  maxEntries: number;
  /** What one value weighs; needed by the two limits below. */
  weigh?: (value: V) => number;
  /** A heavier value is not worth the memory: it is not kept. */
  maxEntryWeight?: number;
  /** All kept values together stay under this, whatever each weighs. */
  maxTotalWeight?: number;
}

export class LruCache<V extends NonNullable<unknown>> {
  private readonly entries = new Map<string, V>();
  private totalWeight = 0;

  constructor(private readonly limits: LruLimits<V>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Keeps the value as the most recently used (replacing one under the same key), then drops the least recently used beyond the limits. */
  set(key: string, value: V): void {
    const weight = this.weightOf(value);
    if (this.limits.maxEntryWeight !== undefined && weight > this.limits.maxEntryWeight) return;
    this.delete(key);
    this.entries.set(key, value);
    this.totalWeight += weight;
    const maxTotal = this.limits.maxTotalWeight ?? Infinity;
    while (this.entries.size > this.limits.maxEntries || this.totalWeight > maxTotal) {
      this.delete(this.entries.keys().next().value!);
    }
  }

  private delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.totalWeight -= this.weightOf(value);
  }

  private weightOf(value: V): number {
    return this.limits.weigh ? this.limits.weigh(value) : 0;
  }
}

/**
 * A cache for many small values read far more often than written (activities by id, the parts
 * of pages made from them, formatted dates): two generations instead of exact recency. A hit in
 * the newer generation costs one lookup (the exact LRU above moves the entry on every hit, which
 * on a map of 100,000 entries cost microseconds a read); a hit in the older one moves the entry up;
 * when the newer one is full, the older is dropped and the newer takes its place. What has not
 * been read for a whole generation leaves. Holds between `capacity` and twice as many entries.
 */
export class GenerationalCache<V extends NonNullable<unknown>> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.newer.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old !== undefined) {
      this.older.delete(key);
      this.add(key, old);
    }
    return old;
  }

  set(key: string, value: V): void {
    if (this.newer.has(key)) this.newer.set(key, value);
    else {
      this.older.delete(key);
      this.add(key, value);
    }
  }

  private add(key: string, value: V): void {
    if (this.newer.size >= this.capacity) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
  }
}
