/**
 * The register's spreadsheet use cases: a CSV or XLSX file of activities in (new ones added,
 * exported ones updated, previewed first), the filtered register out as one file, and the import
 * template. Built on the register's own steps (`RegisterSteps`), so an imported row is checked
 * and stored exactly like a create or a change, and an export reads exactly what the list reads.
 */
import type { Kysely } from 'kysely';
import { actorLabel, can, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, tooLarge, type FieldIssue } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { allMessages, translator } from '#src/platform/messages.ts';
import { newId } from '#src/platform/ids.ts';
import { afterBulkLoad } from '#src/platform/statistics.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import { textIn, type Activity } from '../model.ts';
import type { References } from '../references.ts';
import type { ActivitiesQuery, ImportMode } from '../schemas.ts';
import * as store from '../store.ts';
import { CSV_TYPE, writeCsv } from './csv.ts';
import { readTableInWorker } from './reading.ts';
import { describeColumnProblem, guessColumns, headerWordsOf, indexColumns, isComputedHeading, type ColumnProblem, type HeaderWords, type ImportableColumn } from './header-words.ts';
import { planRows, type RowPlan } from './plan.ts';
import { activityCells, HEADER, type CellIssue, type Column } from './table-format.ts';
import { templateTable } from './template.ts';
import { writeXlsx, XLSX_TYPE } from './xlsx.ts';

/** The most activities one export holds; a wider filter is refused, asking to narrow it. */
export const EXPORT_MAX_ROWS = 100_000;
/** The most rows one imported file may hold. */
export const IMPORT_MAX_ROWS = 20_000;

export type FileFormat = 'csv' | 'xlsx';

export interface ImportFile {
  /** Handed to the thread that reads them: empty afterwards. */
  bytes: Buffer;
  format: FileFormat;
}

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
  /** What each heading of the file holds, position by position (null: left out); guessed from the headings when not given. */
  columns?: ReadonlyArray<ImportableColumn | null>;
}

export type ImportedRow =
  | { row: number; status: 'taken' | 'valid'; action: 'create' | 'update'; id?: string; changed?: Column[] }
  | { row: number; status: 'unchanged'; id: string }
  | { row: number; status: 'refused'; id?: string; errors: CellIssue[] };

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  stored: number;
  created: number;
  updated: number;
  refused: number;
  summary: string;
  columns: Array<ImportableColumn | null>;
  ignoredColumns: string[];
  rows: ImportedRow[];
}

/** A file's headings, what each is taken to hold, and what every row would do: nothing is written. */
export interface ImportPreview {
  header: string[];
  /** The first row's cells, to show beside the headings while choosing. */
  firstRow: string[];
  columns: Array<ImportableColumn | null>;
  /** What is wrong with the columns; while there is something, rows are not read (`rows` is empty). */
  problems: Array<{ code: ColumnProblem['code']; column?: Column; message: string }>;
  counts: Record<RowPlan['action'], number>;
  rows: Array<{ row: number; action: RowPlan['action']; id?: string; title?: string; changed?: Column[]; errors?: CellIssue[] }>;
}

/** The filter of an export: the list's, without its paging. */
export type ExportQuery = Omit<ActivitiesQuery, 'limit' | 'cursor'>;

/** A whole export, ready to send (`sendDownload`): its bytes, media type and a dated file name. */
export interface ExportedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export type PreparedActivity = { ok: true; activity: Activity } | { ok: false; issues: FieldIssue[] };


/** The steps of the register's own use cases that the file use cases are made of (given by `createActivityService`). */
export interface RegisterSteps {
  db: Kysely<Database>;
  references(): Promise<References>;
  /** Stores new activities with their first status and audit events (the caller holds the transaction). */
  insertNew(trx: Executor, actor: Actor, items: Array<{ activity: Activity; statusReason: string | undefined }>, refs: References): Promise<void>;
  /** Stores a changed activity over `before` (the caller holds the transaction); false when `before` is no longer stored. */
  writeUpdate(trx: Executor, actor: Actor, before: Activity, activity: Activity, statusReason: string | undefined, refs: References): Promise<boolean>;
  /** Every activity the list gives for the query, mapped; more than `max` is refused. */
  listAll<T>(actor: Actor, query: ExportQuery, map: (activity: Activity) => T, max: number): Promise<T[]>;
}

/** The words of every language's headings, read once from the catalogues. */
let headerWords: HeaderWords | undefined;
const knownHeadings = (): HeaderWords => (headerWords ??= headerWordsOf(Object.values(allMessages())));

const fileProblem = (message: string) => invalid([issue('body', 'file_unreadable', message)], 'import_file_unreadable');

export function createFileUseCases({ db, references, insertNew, writeUpdate, listAll }: RegisterSteps) {
  /** The file read, its columns chosen (or guessed) and, when they are complete, every row planned. */
  async function planFile(actor: Actor, file: ImportFile, chosen: ImportOptions['columns']) {
    // Who may write some office's activities may import; each row is then checked for its offices.
    requireAccess(actor, 'office-data:write', actor.kind === 'user' ? { office: actor.office } : {});
    // Read in a worker thread: a large file holds up that thread, not the server.
    const read = await readTableInWorker(file);
    if (!read.ok) throw read.tooLarge ? tooLarge('import_file_unpacks_too_large', `${read.message}.`) : fileProblem(read.message);
    const { header, rows } = read.table;
    if (rows.length === 0) throw fileProblem('the file has a header row but no activities');
    if (rows.length > IMPORT_MAX_ROWS) throw fileProblem(`the file has ${rows.length} rows; send at most ${IMPORT_MAX_ROWS} at a time`);
    const columns = chosen ? [...chosen] : guessColumns(header, knownHeadings());
    const indexed = indexColumns(header.length, columns);
    const base = { header, columns, firstRow: rows[0]!.cells };
    if (!indexed.ok) return { ...base, problems: indexed.problems, plans: null };

    const ids = rows.flatMap(({ cells }) => {
      const position = indexed.index.get('id');
      const id = position === undefined ? '' : (cells[position] ?? '').trim().toLowerCase();
      return id ? [id] : [];
    });
    const plans = planRows(rows, indexed.index, {
      existing: await store.findActivities(db, ids),
      refs: await references(),
      stamp: { at: new Date().toISOString(), by: actorLabel(actor) },
      newId,
      mayWrite: (scope) => can(actor, 'office-data:write', scope),
      ownOffice: actor.kind === 'user' && actor.office ? actor.office : '',
    });
    return { ...base, problems: [], plans };
  }

  return {
    /** What a file would do to the register, row by row, with the columns as chosen or guessed. Writes nothing. */
    async previewFile(actor: Actor, file: ImportFile, columns: ImportOptions['columns']): Promise<ImportPreview> {
      const planned = await planFile(actor, file, columns);
      const counts = { create: 0, update: 0, unchanged: 0, refused: 0 };
      for (const plan of planned.plans ?? []) counts[plan.action] += 1;
      return {
        header: planned.header,
        firstRow: planned.firstRow,
        columns: planned.columns,
        problems: planned.problems.map((p) => ({ code: p.code, ...('column' in p ? { column: p.column } : {}), message: describeColumnProblem(p, planned.header) })),
        counts,
        rows: (planned.plans ?? []).map(previewRow),
      };
    },

    /**
     * Adds and updates the activities of a CSV or XLSX file, each row planned as the preview plans
     * it. Stores in one transaction: all or nothing unless asked to take the valid rows; a row
     * whose activity changes meanwhile undoes the whole transaction (409), so what the report
     * says was stored is exactly what was.
     */
    async importFile(actor: Actor, file: ImportFile, options: ImportOptions): Promise<ImportReport> {
      const planned = await planFile(actor, file, options.columns);
      if (!planned.plans) throw fileProblem(planned.problems.map((p) => describeColumnProblem(p, planned.header)).join('; '));
      const plans = planned.plans;
      const refused = plans.filter((p) => p.action === 'refused').length;
      const creates = plans.flatMap((p) => (p.action === 'create' ? [p.activity] : []));
      const updates = plans.flatMap((p) => (p.action === 'update' ? [p] : []));
      const storing = !options.dryRun && creates.length + updates.length > 0 && (options.mode === 'valid-rows' || refused === 0);
      if (storing) {
        const refs = await references();
        await db.transaction().execute(async (trx) => {
          if (creates.length > 0) await insertNew(trx, actor, creates.map((activity) => ({ activity, statusReason: undefined })), refs);
          for (const update of updates) {
            if (!(await writeUpdate(trx, actor, update.before, update.activity, undefined, refs))) {
              throw conflict('version_conflict', `Row ${update.row}: activity ${update.activity.id} changed while the file was being imported; nothing was stored. Check the file again.`);
            }
          }
        });
        await afterBulkLoad(db, creates.length + updates.length);
      }
      const ignoredColumns = planned.header.filter((heading, i) => planned.columns[i] === null && heading.trim() !== '' && !isComputedHeading(heading)).map((h) => h.trim());
      return {
        mode: options.mode,
        dryRun: options.dryRun,
        stored: storing ? creates.length + updates.length : 0,
        created: storing ? creates.length : 0,
        updated: storing ? updates.length : 0,
        refused,
        summary: importSummary(options, plans.length, creates.length, updates.length, refused, storing),
        columns: planned.columns,
        ignoredColumns,
        rows: plans.map((plan): ImportedRow => {
          const status = storing ? 'taken' : 'valid';
          switch (plan.action) {
            case 'create':
              // A new activity's id is only known once it is stored (unless the file gave it).
              return { row: plan.row, status, action: 'create', ...(storing ? { id: plan.activity.id } : {}) };
            case 'update':
              return { row: plan.row, status, action: 'update', id: plan.activity.id, changed: plan.changed };
            case 'unchanged':
              return { row: plan.row, status: 'unchanged', id: plan.activity.id };
            case 'refused':
              return { row: plan.row, status: 'refused', ...(plan.id ? { id: plan.id } : {}), errors: plan.errors };
          }
        }),
      };
    },

    /** The import template in a language: the headings in its words, and one example row to replace. */
    async templateFile(language: Language, format: FileFormat): Promise<ExportedFile> {
      const { header, row } = templateTable(translator(language));
      const body = format === 'csv' ? writeCsv(header, [row]) : await writeXlsx(header, [row]);
      return {
        body,
        contentType: format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE,
        fileName: `activities-template-${language}.${format}`,
      };
    },

    /**
     * Every activity the list gives for `query` (its limit and cursor aside) as one CSV or XLSX
     * file, in the columns of the table format; more than `EXPORT_MAX_ROWS` is refused.
     */
    async exportFile(actor: Actor, query: ExportQuery, format: FileFormat): Promise<ExportedFile> {
      const { planItems } = await references();
      const rows = await listAll(actor, query, (activity) => activityCells(activity, planItems), EXPORT_MAX_ROWS);
      const body = format === 'csv' ? writeCsv(HEADER, rows) : await writeXlsx(HEADER, rows);
      return {
        body,
        contentType: format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE,
        fileName: `activities-${new Date().toISOString().slice(0, 10)}.${format}`,
      };
    },
  };
}

/** One planned row as the preview shows it. */
function previewRow(plan: RowPlan): ImportPreview['rows'][number] {
  if (plan.action === 'refused') return { row: plan.row, action: plan.action, ...(plan.id ? { id: plan.id } : {}), errors: plan.errors };
  const title = textIn(plan.activity.title, plan.activity.originalLanguage, plan.activity.originalLanguage)?.text;
  // A new activity's id is given when it is stored.
  const id = plan.action === 'create' ? {} : { id: plan.activity.id };
  return { row: plan.row, action: plan.action, ...id, ...(title ? { title } : {}), ...(plan.action === 'update' ? { changed: plan.changed } : {}) };
}

function importSummary(options: ImportOptions, rows: number, creates: number, updates: number, refused: number, stored: boolean): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const valid = creates + updates;
  const what = `${count(creates, 'activity', 'activities')} to add and ${count(updates, 'activity', 'activities')} to update`;
  const split = updates > 0 ? ` (${creates} added, ${updates} updated)` : '';
  if (stored) return `Stored ${count(valid, 'activity', 'activities')}${split}${refused > 0 ? `; refused ${count(refused, 'row')} (see errors)` : ''}.`;
  if (options.dryRun) return `Dry run, nothing stored: ${what}, ${count(refused, 'row')} refused.`;
  if (valid === 0) return refused === 0 ? `Nothing stored: all ${count(rows, 'row')} are as in the register.` : `Nothing stored: no row to store, ${count(refused, 'row')} refused (see errors).`;
  return `Nothing stored: ${count(refused, 'row')} refused (see errors) and the mode is all-or-nothing. Fix and send the file again, or send mode=valid-rows to store the other ${count(valid, 'row')}.`;
}
