/** All SQL of the plans. Each function takes the executor first. */
import { sql } from 'kysely';
import type { Executor } from '#src/db/schema.ts';
import type { Names } from '#src/registry/reference.ts';
import type { Plan, PlanItem, PlanKind, PlanLevel } from './model.ts';
import type { PlanItemRow, PlanItemTable, PlanRow, PlanTable } from './tables.ts';

function toPlan(row: PlanRow): Plan {
  return {
    code: row.code,
    kind: row.kind as PlanKind,
    sector: row.sector_code,
    year: row.year === null ? null : Number(row.year),
    from: Number(row.year_from),
    to: Number(row.year_to),
    names: JSON.parse(row.name) as Names,
    copiedFrom: row.copied_from,
    confirmed: Boolean(Number(row.confirmed)),
    source: row.source,
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function planRow(plan: Plan): PlanTable {
  return {
    code: plan.code,
    kind: plan.kind,
    sector_code: plan.sector,
    year: plan.year,
    year_from: plan.from,
    year_to: plan.to,
    name: JSON.stringify(plan.names),
    copied_from: plan.copiedFrom,
    confirmed: plan.confirmed ? 1 : 0,
    source: plan.source,
    version: plan.version,
    updated_at: plan.updatedAt,
    updated_by: plan.updatedBy,
  };
}

function toItem(row: PlanItemRow): PlanItem {
  return {
    id: row.id,
    plan: row.plan_code,
    level: row.level as PlanLevel,
    label: row.label,
    parent: row.parent_id,
    serves: JSON.parse(row.serves) as string[],
    region: row.region_code,
    titles: JSON.parse(row.title) as Names,
    position: Number(row.position),
    retiredFrom: row.retired_from === null ? null : Number(row.retired_from),
    confirmed: Boolean(Number(row.confirmed)),
    source: row.source,
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function itemRow(item: PlanItem): PlanItemTable {
  return {
    id: item.id,
    plan_code: item.plan,
    level: item.level,
    label: item.label,
    parent_id: item.parent,
    serves: JSON.stringify(item.serves),
    region_code: item.region,
    title: JSON.stringify(item.titles),
    position: item.position,
    retired_from: item.retiredFrom,
    confirmed: item.confirmed ? 1 : 0,
    source: item.source,
    version: item.version,
    updated_at: item.updatedAt,
    updated_by: item.updatedBy,
  };
}

export async function listPlans(ex: Executor): Promise<Plan[]> {
  const rows = await ex.selectFrom('plan').selectAll().orderBy('kind').orderBy('sector_code').orderBy('year_from').orderBy('code').execute();
  return rows.map(toPlan);
}

export async function findPlan(ex: Executor, code: string): Promise<Plan | undefined> {
  const row = await ex.selectFrom('plan').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toPlan(row) : undefined;
}

export async function listItems(ex: Executor, plan?: string): Promise<PlanItem[]> {
  let query = ex.selectFrom('plan_item').selectAll();
  if (plan) query = query.where('plan_code', '=', plan);
  const rows = await query.orderBy('plan_code').orderBy('position').orderBy('id').execute();
  return rows.map(toItem);
}

export async function findItem(ex: Executor, id: string): Promise<PlanItem | undefined> {
  const row = await ex.selectFrom('plan_item').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/**
 * What moves whenever a plan or an item is written: how many there are and the latest write.
 * The catalogue is read again only when it moves (cheap to ask, the same on every instance).
 */
export async function catalogueMarker(ex: Executor): Promise<string> {
  const [plans, items] = await Promise.all([
    ex.selectFrom('plan').select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('at'), sql<number | null>`sum(version)`.as('v')]).executeTakeFirstOrThrow(),
    ex.selectFrom('plan_item').select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('at'), sql<number | null>`sum(version)`.as('v')]).executeTakeFirstOrThrow(),
  ]);
  return `${plans.n}/${plans.at ?? ''}/${plans.v ?? 0}|${items.n}/${items.at ?? ''}/${items.v ?? 0}`;
}

export async function insertPlan(ex: Executor, plan: Plan): Promise<void> {
  await ex.insertInto('plan').values(planRow(plan)).execute();
}

export async function insertItems(ex: Executor, items: readonly PlanItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 200) await ex.insertInto('plan_item').values(items.slice(i, i + 200).map(itemRow)).execute();
}

/** Writes an item over the version it had; false when someone changed it first. */
export async function updateItem(ex: Executor, item: PlanItem, expectedVersion: number): Promise<boolean> {
  const { id: _id, ...row } = itemRow(item);
  const result = await ex.updateTable('plan_item').set(row).where('id', '=', item.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The seed's write of a plan: added when missing; otherwise its words are set again only while
 * nobody has changed it in the workspace (still written by `seededBy`), so a re-seed never
 * undoes an edit.
 */
export async function seedPlan(ex: Executor, plan: Plan, seededBy: string): Promise<void> {
  const { code, ...rest } = planRow(plan);
  await ex
    .insertInto('plan')
    .values({ code, ...rest })
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet({ name: rest.name, confirmed: rest.confirmed, source: rest.source, year_from: rest.year_from, year_to: rest.year_to })
        .where('plan.updated_by', '=', seededBy),
    )
    .execute();
}

export async function seedItem(ex: Executor, item: PlanItem, seededBy: string): Promise<void> {
  const { id, ...rest } = itemRow(item);
  await ex
    .insertInto('plan_item')
    .values({ id, ...rest })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ title: rest.title, parent_id: rest.parent_id, serves: rest.serves, region_code: rest.region_code, position: rest.position, confirmed: rest.confirmed, source: rest.source, retired_from: rest.retired_from })
        .where('plan_item.updated_by', '=', seededBy),
    )
    .execute();
}

/** How many activities link each item. */
export async function linkCounts(ex: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .selectFrom('activity_plan_item as l')
    .innerJoin('activity', 'activity.id', 'l.activity_id')
    .select(['l.item_id', sql<number>`count(*)`.as('n')])
    .where('l.item_id', 'in', [...ids])
    .where('activity.deleted_at', 'is', null)
    .groupBy('l.item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
}
