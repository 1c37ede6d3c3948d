/** All SQL of the offices' plan contributions. Each function takes the executor first. */
import type { Executor } from '#src/db/schema.ts';
import type { ContributionEntry, PlanContribution } from './model.ts';
import type { OfficePlanContributionRow, OfficePlanContributionTable } from './tables.ts';

function toContribution(row: OfficePlanContributionRow): PlanContribution {
  return {
    office: row.office_code,
    sector: row.sector_code,
    year: Number(row.year),
    entries: JSON.parse(row.entries) as ContributionEntry[],
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toRow(c: PlanContribution): OfficePlanContributionTable {
  return {
    office_code: c.office,
    sector_code: c.sector,
    year: c.year,
    entries: JSON.stringify(c.entries),
    version: c.version,
    updated_at: c.updatedAt ?? '',
    updated_by: c.updatedBy ?? '',
  };
}

export async function findContribution(ex: Executor, office: string, sector: string, year: number): Promise<PlanContribution | null> {
  const row = await ex.selectFrom('office_plan_contribution').selectAll().where('office_code', '=', office).where('sector_code', '=', sector).where('year', '=', year).executeTakeFirst();
  return row ? toContribution(row) : null;
}

/** An office's contributions for a year, every Sector. */
export async function listContributions(ex: Executor, office: string, year: number): Promise<PlanContribution[]> {
  const rows = await ex.selectFrom('office_plan_contribution').selectAll().where('office_code', '=', office).where('year', '=', year).orderBy('sector_code').execute();
  return rows.map(toContribution);
}

/** The first version; false when another first write came before it. */
export async function insertContribution(ex: Executor, c: PlanContribution): Promise<boolean> {
  const result = await ex.insertInto('office_plan_contribution').values(toRow(c)).onConflict((oc) => oc.columns(['office_code', 'sector_code', 'year']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Writes the next version only over the one it was read at; false when another write came first. */
export async function updateContribution(ex: Executor, c: PlanContribution, readVersion: number): Promise<boolean> {
  const { entries, version, updated_at, updated_by } = toRow(c);
  const result = await ex
    .updateTable('office_plan_contribution')
    .set({ entries, version, updated_at, updated_by })
    .where('office_code', '=', c.office)
    .where('sector_code', '=', c.sector)
    .where('year', '=', c.year)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves with every write of a contribution (count, latest write, sum of versions): part of the public pages' stamp. */
export async function contributionMarker(ex: Executor): Promise<string> {
  const row = await ex
    .selectFrom('office_plan_contribution')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('updated_at').as('latest'), eb.fn.sum<string | number | null>('version').as('versions')])
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}:${row?.latest ?? ''}:${Number(row?.versions ?? 0)}`;
}
