/**
 * The register as CSV: UTF-8 with a byte order mark (so spreadsheets open Arabic and Chinese
 * correctly), RFC 4180 quoting (and quotes around every separator of any common locale), CRLF
 * between records. Reading takes comma-, semicolon- or
 * tab-separated UTF-8, with or without the mark.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Cell, Table } from './table-format.ts';

export const CSV_TYPE = 'text/csv';

export function writeCsv(header: readonly string[], rows: readonly Cell[][]): Buffer {
  // A line break inside a cell must be quoted too (csv-stringify quotes only the record delimiter
  // itself), and so must every separator some locale's spreadsheet splits on (; tab |): opened
  // there, "Budget;=cmd|…" unquoted would become two cells, the second a formula.
  const text = stringify([header as string[], ...rows], { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n;\t|]/ });
  return Buffer.from(text, 'utf8');
}

/** A file that cannot be read says why; `tooLarge` when it is over a limit (a workbook unpacking to too much). */
export type ReadResult = { ok: true; table: Table } | { ok: false; message: string; tooLarge?: boolean };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The separator of the header line: whichever of , ; tab it holds most of (a comma when none). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

export function readCsv(bytes: Buffer): ReadResult {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return { ok: false, message: 'this looks like an XLSX workbook, not CSV: send it with Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, message: 'the file is not UTF-8 text: save it as "CSV UTF-8" and send it again' };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'the file is not CSV text (it holds binary data)' };
  if (text.trim() === '') return { ok: false, message: 'the file is empty: it needs a header row and at least one activity' };

  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, max_record_size: 1_000_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, message: `the file cannot be read as CSV: ${reason}` };
  }
  const [header, ...rest] = records;
  if (!header) return { ok: false, message: 'the file is empty: it needs a header row and at least one activity' };
  // Row numbers as a spreadsheet shows them: the header is row 1; blank rows count but are skipped.
  const rows = rest
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { ok: true, table: { header, rows } };
}
