/**
 * Activities already read, by id, each at the version it was read at. A list walks its index for
 * the ids and versions of a page and reads only the rows it does not hold at that version: every
 * write of an activity (its row or any of its links) raises its version, so a held activity at the
 * version the walk found is the activity as stored, whichever instance wrote it. Only reads
 * outside transactions fill it (a row read inside one may be rolled back).
 *
 * Held activities are shared between requests, so they are frozen: a caller that changed one
 * would change it for every later reader.
 */
import { GenerationalCache } from '#src/platform/lru.ts';
import type { Activity } from './model.ts';

/** Activities a generation holds (~1.5 KB each on the heap): a 100k register's recent years whole, ~150–300 MB at most. */
const KEPT = 100_000;

export class ActivityCache {
  private readonly kept: GenerationalCache<Activity>;

  constructor(capacity = KEPT) {
    this.kept = new GenerationalCache<Activity>(capacity);
  }

  /** The activity if it is held at this version. */
  get(id: string, version: number): Activity | undefined {
    const held = this.kept.get(id);
    return held !== undefined && held.version === version ? held : undefined;
  }

  /** Holds the activity (frozen) and gives it back. */
  keep(activity: Activity): Activity {
    const frozen = deepFreeze(activity);
    this.kept.set(activity.id, frozen);
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
