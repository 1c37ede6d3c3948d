/**
 * The coverage in a language: its heatmap (the outputs' table; all columns for the workspace,
 * the regions alone for the public summary) and its file (CSV or XLSX, one figure pair a row).
 */
import { CSV_TYPE, writeCsv } from '#src/activities/files/csv.ts';
import { neutralise } from '#src/activities/files/table-format.ts';
import { writeXlsx, XLSX_TYPE } from '#src/activities/files/xlsx.ts';
import type { Translator } from '#src/platform/messages.ts';
import type { FileDownload } from '#src/platform/representation.ts';
import type { Html } from '#src/publishing/html.ts';
import { localise } from '#src/registry/model.ts';
import { heatmap } from './heatmap.ts';
import { coverageSheet, SHEET_COLUMNS, type CoverageTable, type CoverageView } from './model.ts';

type Words = Pick<Translator, 't' | 'direction' | 'language'>;

/** The year without grouping, in the language's digits. */
export const yearText = (year: number, words: Pick<Words, 'language'>) => new Intl.NumberFormat(words.language, { useGrouping: false }).format(year);

/** The view's name: its plan's, else the Sector's. */
export const planName = (view: CoverageView, words: Words) => (view.plan ? localise(view.plan.names, words.language).text : view.sector);

/** The outputs' table, its columns all or the regions alone. */
export function regionsOnly(table: CoverageTable): CoverageTable {
  const keep = table.columns.map((c, i) => (c.kind === 'region' ? i : -1)).filter((i) => i >= 0);
  return { ...table, columns: keep.map((i) => table.columns[i]!), rows: table.rows.map((r) => ({ ...r, cells: keep.map((i) => r.cells[i]!) })), totals: keep.map((i) => table.totals[i]!) };
}

export function coverageHeatmap(view: CoverageView, table: CoverageTable, words: Words, id = 'coverage-heatmap'): Html {
  const { t, language } = words;
  const number = new Intl.NumberFormat(language);
  const params = { plan: planName(view, words), year: yearText(view.year, words) };
  return heatmap({
    id,
    title: t('coverage.heatmap.title', params),
    description: t('coverage.heatmap.description', params),
    rows: table.rows.map((r) => ({ label: r.label, cells: r.cells })),
    columns: table.columns.map((c) => ({ label: c.kind === 'region' ? c.code : localise(c.names, language).text, strong: c.kind === 'region' })),
    direction: words.direction,
    formatNumber: (n) => number.format(n),
    cellTitle: (row, column, f) => t('coverage.heatmap.cellTitle', { row, column, planned: number.format(f.planned), held: number.format(f.held) }),
    legend: { fewer: t('coverage.heatmap.fewer'), more: t('coverage.heatmap.more'), gap: t('coverage.gap') },
  });
}

/** The view as a file: every text cell neutralised (plan titles are edited by users). */
export async function coverageFile(view: CoverageView, words: Words, format: 'csv' | 'xlsx'): Promise<FileDownload> {
  const rows = coverageSheet(view, words.language, words.t('coverage.total')).map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)));
  const name = `coverage-${view.sector}-${view.year}`;
  return format === 'csv'
    ? { contentType: `${CSV_TYPE}; charset=utf-8`, fileName: `${name}.csv`, body: writeCsv(SHEET_COLUMNS, rows) }
    : { contentType: XLSX_TYPE, fileName: `${name}.xlsx`, body: await writeXlsx(SHEET_COLUMNS, rows, 'Coverage') };
}
