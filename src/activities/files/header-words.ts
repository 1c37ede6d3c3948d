/**
 * Pure: which register column each heading of a spreadsheet means. People head their columns
 * in their own words ("Titre", "Fecha", "Город"), so a heading is matched against the words of
 * every language's catalogue (`sheets.column.<column>`, the template's own heading, and
 * `sheets.words.<column>`, other usual names separated by "|") as well as the technical names
 * of the export, ignoring case, accents, spaces, hyphens and underscores. The user then checks
 * and changes the guess (`columns` of an import), so a guess may be wrong but never silent.
 */
import type { Messages } from '#src/platform/messages.ts';
import { COLUMNS, isComputedColumn, REQUIRED_COLUMNS, type Column, type ComputedColumn } from './table-format.ts';

/** The columns a file may fill; the rest of the export (date_precision, updated_at, deleted_at) the register computes. */
export const IMPORTABLE_COLUMNS = COLUMNS.filter((c): c is Exclude<Column, ComputedColumn> => !isComputedColumn(c));
export type ImportableColumn = (typeof IMPORTABLE_COLUMNS)[number];

/** A heading of a column the export writes and the register computes (left out of an import without being "ignored"). */
export const isComputedHeading = (heading: string): boolean => ['date precision', 'updated at', 'deleted at'].includes(foldHeading(heading));

/** Each known heading, folded, with the column it names. */
export type HeaderWords = ReadonlyMap<string, ImportableColumn>;

/** A heading folded for comparing: no case, no accents or vowel marks, one space for any run of spaces, "_", "-", "." or ":". */
export function foldHeading(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.:*]+/g, ' ')
    .trim();
}

/**
 * The headings of every catalogue, each folded; a heading two columns claim is an error of the
 * catalogue, not something to guess between (the unit test reads the real catalogues).
 */
export function headerWordsOf(catalogues: readonly Messages[]): HeaderWords {
  const words = new Map<string, ImportableColumn>();
  const add = (word: string, column: ImportableColumn) => {
    const folded = foldHeading(word);
    if (folded === '') return;
    const claimed = words.get(folded);
    if (claimed !== undefined && claimed !== column) throw new Error(`the heading "${word}" names both ${claimed} and ${column}`);
    words.set(folded, column);
  };
  for (const column of IMPORTABLE_COLUMNS) add(column, column);
  for (const messages of catalogues) {
    for (const column of IMPORTABLE_COLUMNS) {
      const heading = messages[`sheets.column.${column}`];
      if (heading) add(heading, column);
      for (const word of (messages[`sheets.words.${column}`] ?? '').split('|')) add(word, column);
    }
  }
  return words;
}

/**
 * The column each heading most likely means, position by position; null for a heading no
 * language names (left out). A column is given to the first heading that names it: a later
 * heading naming it again is left out too, for the user to decide.
 */
export function guessColumns(header: readonly string[], words: HeaderWords): Array<ImportableColumn | null> {
  const taken = new Set<ImportableColumn>();
  return header.map((heading) => {
    const folded = foldHeading(heading);
    // "Date (as written)", "Titre [obligatoire]": the words before a bracket are enough.
    const column = words.get(folded) ?? words.get(foldHeading(heading.replace(/[([{（【].*$/u, '')));
    if (column === undefined || taken.has(column)) return null;
    taken.add(column);
    return column;
  });
}

/** What is wrong with a choice of columns, for the user to fix before rows are read. */
export type ColumnProblem =
  | { code: 'column_missing'; column: Column }
  | { code: 'column_twice'; column: Column; positions: number[] }
  | { code: 'columns_not_matching_header'; given: number; headings: number };

export type ColumnIndex = ReadonlyMap<Column, number>;

/**
 * The position of each chosen column, or every problem of the choice: a column chosen for two
 * headings, a required one not chosen (title, original_language, kind, offices, and a date as
 * written or a start day), or a choice of another length than the header.
 */
export function indexColumns(headings: number, columns: ReadonlyArray<Column | null>): { ok: true; index: ColumnIndex } | { ok: false; problems: ColumnProblem[] } {
  if (columns.length !== headings) return { ok: false, problems: [{ code: 'columns_not_matching_header', given: columns.length, headings }] };
  const positions = new Map<Column, number[]>();
  columns.forEach((column, position) => {
    if (column !== null) positions.set(column, [...(positions.get(column) ?? []), position]);
  });
  const problems: ColumnProblem[] = [];
  for (const [column, at] of positions) if (at.length > 1) problems.push({ code: 'column_twice', column, positions: at });
  for (const column of REQUIRED_COLUMNS) if (!positions.has(column)) problems.push({ code: 'column_missing', column });
  if (!positions.has('date_text') && !positions.has('date_start')) problems.push({ code: 'column_missing', column: 'date_text' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, index: new Map([...positions].map(([column, at]) => [column, at[0]!])) };
}

/** A problem in English, for API clients and the 400 of an import. */
export function describeColumnProblem(problem: ColumnProblem, header: readonly string[]): string {
  switch (problem.code) {
    case 'column_missing':
      return problem.column === 'date_text'
        ? 'no heading is taken as the date (date_text, as written, or date_start)'
        : `no heading is taken as the column ${problem.column}, which every row needs`;
    case 'column_twice':
      return `the column ${problem.column} is chosen for ${problem.positions.map((p) => `"${header[p] ?? ''}"`).join(' and ')}: choose it once`;
    case 'columns_not_matching_header':
      return `${problem.given} columns are chosen for a header of ${problem.headings} headings: give one per heading, empty for one left out`;
  }
}
