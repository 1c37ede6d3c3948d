/** All SQL of report definitions. Each function takes the executor first. */
import type { Language } from '#src/platform/i18n.ts';
import type { Executor } from '#src/db/schema.ts';
import type { ItemText, NarrativeSection, ReportDefinition, ReportHeader, ReportVisibility, Selection } from './definition.ts';
import type { ReportRow, ReportTable } from './tables.ts';

function toRow(report: ReportDefinition): ReportTable {
  return {
    id: report.id,
    sector_code: report.sector,
    advisory_group_code: report.advisoryGroup,
    period_start: report.from,
    period_end: report.to,
    selection: report.selection,
    visibility: report.visibility,
    item_text: report.itemText,
    outlook_months: report.outlookMonths,
    language: report.language,
    original_language: report.originalLanguage,
    header: JSON.stringify(report.header),
    narrative: JSON.stringify(report.narrative),
    version: report.version,
    created_at: report.createdAt,
    created_by: report.createdBy,
    updated_at: report.updatedAt,
    updated_by: report.updatedBy,
  };
}

function toReport(row: ReportRow): ReportDefinition {
  return {
    id: row.id,
    sector: row.sector_code,
    advisoryGroup: row.advisory_group_code,
    from: row.period_start,
    to: row.period_end,
    selection: row.selection as Selection,
    visibility: row.visibility as ReportVisibility,
    itemText: row.item_text as ItemText,
    outlookMonths: Number(row.outlook_months),
    language: row.language as Language,
    originalLanguage: row.original_language as Language,
    header: JSON.parse(row.header) as ReportHeader,
    narrative: JSON.parse(row.narrative) as NarrativeSection[],
    version: Number(row.version),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function insertReport(ex: Executor, report: ReportDefinition): Promise<void> {
  await ex.insertInto('report').values(toRow(report)).execute();
}

export async function findReport(ex: Executor, id: string): Promise<ReportDefinition | null> {
  const row = await ex.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReport(row) : null;
}

/** Newest period first. */
export async function listReports(ex: Executor): Promise<ReportDefinition[]> {
  const rows = await ex.selectFrom('report').selectAll().orderBy('period_start', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toReport);
}

/** Writes a changed definition if it is still at `expectedVersion`; false when someone changed it first. */
export async function updateReport(ex: Executor, report: ReportDefinition, expectedVersion: number): Promise<boolean> {
  const { id, created_at: _c, created_by: _b, ...changes } = toRow(report);
  const result = await ex.updateTable('report').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
