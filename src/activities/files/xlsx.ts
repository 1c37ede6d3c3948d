/**
 * The register as an XLSX workbook: one sheet, a bold frozen header row, every cell text or a
 * number (never a formula). Reading takes the first sheet; cells are read as the text they show
 * (dates as yyyy-mm-dd, formulas by their last computed result). A workbook is checked against
 * what an upload may unpack to before exceljs opens it (platform/zip-limits.ts).
 * exceljs takes a quarter of a second or more to load, and few requests need it: it is loaded on
 * the first workbook written or read, not when the server starts.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { unpackWithinLimits } from '#src/platform/zip-limits.ts';
import type { ReadResult } from './csv.ts';
import type { Cell, Table } from './table-format.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A workbook written row by row (the streaming writer keeps memory flat for long lists). */
export async function writeXlsx(header: readonly string[], rows: readonly Cell[][], sheetName = 'Activities'): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((name) => ({ key: name, width: Math.min(Math.max(name.length + 2, 12), 40) }));
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  for (const cells of rows) sheet.addRow(cells.map((c) => (c === null ? null : c))).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The text a cell shows, for the value types a workbook can hold. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return midnight ? day : value.toISOString();
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
    return textOf((result ?? null) as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return value.text || value.hyperlink;
  if ('error' in value) return String(value.error);
  return '';
}

export async function readXlsx(bytes: Buffer): Promise<ReadResult> {
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    return { ok: false, message: 'the file is not an XLSX workbook (send CSV as text/csv)' };
  }
  const unpacked = unpackWithinLimits(bytes);
  if (!unpacked.ok && unpacked.problem === 'too_large') return { ok: false, message: `the workbook ${unpacked.reason}`, tooLarge: true };
  if (!unpacked.ok) return { ok: false, message: `the file cannot be read as an XLSX workbook: ${unpacked.reason}` };
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    // exceljs types its Buffer before Node's became generic; the value is the same Buffer.
    await workbook.xlsx.load(unpacked.zip as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, message: 'the file cannot be read as an XLSX workbook' };
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return { ok: false, message: 'the workbook is empty: it needs a header row and at least one activity' };

  let header: string[] | null = null;
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    // row.values counts from 1, as spreadsheet columns do.
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => textOf(values[i + 1] as ExcelJS.CellValue));
    if (header === null) header = cells;
    else if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  if (header === null) return { ok: false, message: 'the workbook is empty: it needs a header row and at least one activity' };
  return { ok: true, table: { header, rows } };
}
