/**
 * When the register last changed, in two index-only reads: the newest sequence number (moves on
 * every add) and the latest `updated_at` (moves on every edit, delete and restore). The public
 * site builds its ETag/Last-Modified from this without rendering anything. Kept apart from
 * store.ts so that file's optimisation work and this stay out of each other's way.
 */
import type { Executor } from '#src/platform/schema.ts';

export interface RegisterFreshness {
  lastChange: string | null;
  lastSeq: number;
}

export async function registerFreshness(ex: Executor): Promise<RegisterFreshness> {
  const [seq, updated] = await Promise.all([
    ex.selectFrom('activity').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst(),
    ex.selectFrom('activity').select('updated_at').orderBy('updated_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  return { lastChange: updated?.updated_at ?? null, lastSeq: Number(seq?.seq ?? 0) };
}
