/**
 * When the register last changed, in two index-only reads: the highest change number (every
 * write of activities takes the next one from the counter and stamps its rows with it, migration
 * 0008) and the latest `updated_at`, which dates it for Last-Modified. The change number is what
 * tells one state of the register from another: two edits in the same millisecond leave
 * `updated_at` where it was, never the change number. The public site builds its ETags, and the
 * list its page cache keys, from this without rendering anything. Kept apart from store.ts so that
 * file's optimisation work and this stay out of each other's way.
 */
import type { Executor } from '#src/platform/schema.ts';

export interface RegisterFreshness {
  /** Moves on every write of activities (add, edit, delete, restore, import), in the write's transaction. */
  changeSeq: number;
  /** The latest `updated_at`: when, to the millisecond; not a version (see `changeSeq`). */
  lastChange: string | null;
}

export async function registerFreshness(ex: Executor): Promise<RegisterFreshness> {
  const [change, updated] = await Promise.all([
    ex.selectFrom('activity').select('change_seq').orderBy('change_seq', 'desc').limit(1).executeTakeFirst(),
    ex.selectFrom('activity').select('updated_at').orderBy('updated_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  return { changeSeq: Number(change?.change_seq ?? 0), lastChange: updated?.updated_at ?? null };
}
