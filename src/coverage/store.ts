/**
 * The coverage's one statement (decision 25): the links to the counted plan items, of the year's
 * activities in a bucket's statuses, by office and its region, gathered once (a materialized
 * common table) and counted six ways in one round trip: per row by office, by region and in all;
 * per table by office, by region and in all. Each a count of distinct activities.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '#src/db/schema.ts';
import { BUCKET_STATUSES, type Bucket, type CoverageCount, type SectionLevel } from './model.ts';

export interface CoverageQuery {
  items: readonly string[];
  year: number;
  /** The public site's figures: public activities only. */
  publicOnly: boolean;
}

interface Linked {
  level: string;
  section: string | null;
  label: string;
  activity: number;
  office: string;
  region: string;
  bucket: string;
}

type Row = { level: string; section: string | null; label: string | null; office: string | null; region: string | null; bucket: string; count: number | string };

const COUNTED_STATUSES = [...BUCKET_STATUSES.planned, ...BUCKET_STATUSES.held];

export function coverageStatement(ex: Executor, query: CoverageQuery) {
  const bucket = sql<string>`case when a.status in (${sql.join(BUCKET_STATUSES.held)}) then 'held' else 'planned' end`;
  const nothing = sql<string | null>`cast(null as text)`;
  // The year's links of the counted items first (the (item_id, date_end, date_start) index bounds
  // the walk); then their activities and the activities' offices, each read by `id in (…)`: SQLite
  // probes an `in` list in sorted order, so the lookups by id follow the index instead of jumping
  // across a million rows in the links' order (at 1M, a join from each link cost ~300 ms of ~330).
  const base = ex
    .with(
      (cte) => cte('year_link').materialized(),
      (db) =>
        db
          .selectFrom('activity_plan_item as l')
          .select(['l.item_id', 'l.activity_id'])
          .where('l.item_id', 'in', [...query.items])
          // Overlap of the fuzzy range with the year, as the register's from/to filter reads it, on
          // the links' copy of the dates.
          .where('l.date_end', '>=', `${query.year}-01-01`)
          .where('l.date_start', '<=', `${query.year}-12-31`),
    )
    .with(
      (cte) => cte('counted_activity').materialized(),
      (db) =>
        db
          .selectFrom('activity as a')
          .select(['a.id', 'a.seq', bucket.as('bucket')])
          .where('a.id', 'in', (sub) => sub.selectFrom('year_link').select('year_link.activity_id'))
          .where('a.deleted_at', 'is', null)
          .where('a.status', 'in', COUNTED_STATUSES)
          .$if(query.publicOnly, (qb) => qb.where('a.visibility', '=', 'public')),
    )
    .with(
      (cte) => cte('counted_office').materialized(),
      (db) =>
        db
          .selectFrom('activity_office as ao')
          .innerJoin('office as o', 'o.code', 'ao.office_code')
          .select(['ao.activity_id', 'ao.office_code', 'o.region_code'])
          .where('ao.activity_id', 'in', (sub) => sub.selectFrom('counted_activity').select('counted_activity.id')),
    )
    .with(
      (cte) => cte('linked').materialized(),
      (db) =>
        db
          .selectFrom('year_link as l')
          .innerJoin('plan_item as pi', 'pi.id', 'l.item_id')
          .innerJoin('counted_activity as a', 'a.id', 'l.activity_id')
          .innerJoin('counted_office as ao', 'ao.activity_id', 'a.id')
          .select(['pi.level', 'pi.region_code as section', 'pi.label', 'a.seq as activity', 'ao.office_code as office', 'ao.region_code as region', 'a.bucket']),
    );
  type From = SelectQueryBuilder<Database & { linked: Linked }, 'linked', object>;
  const counted = (qb: From, label: boolean, by: 'office' | 'region' | null) =>
    qb
      .select([
        'linked.level',
        'linked.section',
        label ? 'linked.label' : nothing.as('label'),
        by === 'office' ? 'linked.office' : nothing.as('office'),
        by === 'region' ? 'linked.region' : nothing.as('region'),
        'linked.bucket',
        (eb) => eb.fn.count<number | string>('linked.activity').distinct().as('count'),
      ])
      .groupBy(['linked.level', 'linked.section', 'linked.bucket'])
      .$if(label, (q) => q.groupBy('linked.label'))
      .$if(by !== null, (q) => q.groupBy(`linked.${by ?? 'office'}`));
  // The first part carries the common table; the others name it (a union's parts cannot each have one).
  const withLinked = ex as unknown as Kysely<Database & { linked: Linked }>;
  const from = () => withLinked.selectFrom('linked') as From;
  return counted(base.selectFrom('linked') as unknown as From, true, 'office')
    .unionAll(counted(from(), true, 'region'))
    .unionAll(counted(from(), true, null))
    .unionAll(counted(from(), false, 'office'))
    .unionAll(counted(from(), false, 'region'))
    .unionAll(counted(from(), false, null));
}

export async function coverageCounts(ex: Executor, query: CoverageQuery): Promise<CoverageCount[]> {
  if (query.items.length === 0) return [];
  const rows = (await coverageStatement(ex, query).execute()) as Row[];
  return rows.map((r) => ({
    level: r.level as SectionLevel,
    section: r.section,
    label: r.label,
    office: r.office,
    region: r.region,
    bucket: r.bucket as Bucket,
    count: Number(r.count),
  }));
}
