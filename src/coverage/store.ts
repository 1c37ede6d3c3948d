/**
 * The coverage's one read (decision 25): the year's links to the counted plan items, with what
 * each link copies of its activity (migrations 0130, 0142): one range of the links' index per
 * item, nothing else read. Counting is `countCoverage` (model.ts).
 */
import type { Executor } from '#src/db/schema.ts';
import { BUCKET_STATUSES, type CoverageLink } from './model.ts';

export interface CoverageQuery {
  items: readonly string[];
  year: number;
  /** The public site's figures: public activities only. */
  publicOnly: boolean;
}

const COUNTED_STATUSES = [...BUCKET_STATUSES.planned, ...BUCKET_STATUSES.held];

export async function coverageLinks(ex: Executor, query: CoverageQuery): Promise<CoverageLink[]> {
  if (query.items.length === 0) return [];
  const rows = await ex
    .selectFrom('activity_plan_item')
    .select(['item_id', 'seq', 'status', 'offices'])
    .where('item_id', 'in', [...query.items])
    // Overlap of the fuzzy range with the year, as the register's from/to filter reads it.
    .where('date_end', '>=', `${query.year}-01-01`)
    .where('date_start', '<=', `${query.year}-12-31`)
    .where('deleted_at', 'is', null)
    .where('status', 'in', COUNTED_STATUSES)
    .$if(query.publicOnly, (qb) => qb.where('visibility', '=', 'public'))
    .execute();
  return rows.map((r) => ({ item: r.item_id, activity: Number(r.seq), status: r.status, offices: r.offices ? r.offices.split(' ') : [] }));
}
