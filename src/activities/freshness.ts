/**
 * When the register last changed, in one statement of two index-only reads: the highest change number (every
 * write of activities takes the next one from the counter and stamps its rows with it, migration
 * 0008) and the latest `updated_at`, which dates it for Last-Modified. The change number is what
 * tells one state of the register from another: two edits in the same millisecond leave
 * `updated_at` where it was, never the change number. The public site builds its ETags, and the
 * list its page cache keys, from this without rendering anything. Kept apart from store.ts so that
 * file's optimisation work and this stay out of each other's way.
 */
import { sql } from 'kysely';
import type { Executor } from '#src/platform/schema.ts';

export interface RegisterFreshness {
  /** Moves on every write of activities (add, edit, delete, restore, import), in the write's transaction. */
  changeSeq: number;
  /** The latest `updated_at`: when, to the millisecond; not a version (see `changeSeq`). */
  lastChange: string | null;
}

export async function registerFreshness(ex: Executor): Promise<RegisterFreshness> {
  // One statement, both maxima read from their indexes: this runs on every list request and
  // site page, where a second round trip through the driver cost as much as the reads.
  const { rows } = await sql<{ change_seq: number | string | null; updated_at: string | null }>`
    select (select max(change_seq) from activity) as change_seq, (select max(updated_at) from activity) as updated_at
  `.execute(ex);
  const row = rows[0];
  return { changeSeq: Number(row?.change_seq ?? 0), lastChange: row?.updated_at ?? null };
}
