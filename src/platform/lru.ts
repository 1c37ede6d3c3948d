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
