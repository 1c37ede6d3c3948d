/**
 * The register's spreadsheet use cases: a CSV or XLSX file of new activities in, the filtered
 * register out as one file. Built on the register's own steps (`RegisterSteps`), so an imported
 * row is checked and stored exactly like a create and an export reads exactly what the list reads.
 */
import type { Kysely } from 'kysely';
import { actorLabel, can, requireAccess, type Actor } from '#src/platform/access.ts';
import { invalid, issue, tooLarge, type FieldIssue } from '#src/platform/errors.ts';
import { newId } from '#src/platform/ids.ts';
import { afterBulkLoad } from '#src/platform/statistics.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { Stamp } from '../compose.ts';
import type { Activity } from '../model.ts';
import type { References } from '../references.ts';
import type { ActivitiesQuery, CreateActivityBody, ImportMode } from '../schemas.ts';
import * as store from '../store.ts';
import { CSV_TYPE, writeCsv } from './csv.ts';
import { readTableInWorker } from './reading.ts';
import { activityCells, cellIssue, columnOf, HEADER, readHeader, rowToInput, type CellIssue } from './table-format.ts';
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
}

export type ImportedRow =
  | { row: number; status: 'taken' | 'valid'; id?: string }
  | { row: number; status: 'refused'; errors: CellIssue[] };

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  stored: number;
  refused: number;
  summary: string;
  ignoredColumns: string[];
  rows: ImportedRow[];
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
  /** A new activity composed and checked like any create, with every problem by field. */
  prepareNew(input: CreateActivityBody, refs: References, stamp: Stamp): Promise<PreparedActivity>;
  /** Stores new activities with their first status and audit events (the caller holds the transaction). */
  insertNew(trx: Executor, actor: Actor, items: Array<{ activity: Activity; statusReason: string | undefined }>, refs: References): Promise<void>;
  /** Every activity the list gives for the query, mapped; more than `max` is refused. */
  listAll<T>(actor: Actor, query: ExportQuery, map: (activity: Activity) => T, max: number): Promise<T[]>;
}

export function createFileUseCases({ db, references, prepareNew, insertNew, listAll }: RegisterSteps) {
  return {
    /**
     * Adds the activities of a CSV or XLSX file, each row checked like a create. Reports every row;
     * stores in one transaction, all or nothing unless asked to take the valid rows.
     */
    async importFile(actor: Actor, file: ImportFile, options: ImportOptions): Promise<ImportReport> {
      // Who may write some office's activities may import; each row is then checked for its offices.
      requireAccess(actor, 'office-data:write', actor.kind === 'user' ? { office: actor.office } : {});
      // Read in a worker thread: a large file holds up that thread, not the server.
      const read = await readTableInWorker(file);
      const fileProblem = (message: string) => invalid([issue('body', 'file_unreadable', message)], 'import_file_unreadable');
      if (!read.ok) throw read.tooLarge ? tooLarge('import_file_unpacks_too_large', `${read.message}.`) : fileProblem(read.message);
      const header = readHeader(read.table.header);
      if (!header.ok) throw fileProblem(header.message);
      const { rows } = read.table;
      if (rows.length === 0) throw fileProblem('the file has a header row but no activities');
      if (rows.length > IMPORT_MAX_ROWS) throw fileProblem(`the file has ${rows.length} rows; send at most ${IMPORT_MAX_ROWS} at a time`);

      const refs = await references();
      const stamp = { at: new Date().toISOString(), by: actorLabel(actor) };
      const parsed = rows.map((r) => ({ row: r.row, result: rowToInput(r.cells, header.index) }));
      const existing = await store.existingActivityIds(db, parsed.flatMap((p) => (p.result.id ? [p.result.id] : [])));
      const rowOfId = new Map<string, number>();

      const outcomes: Array<{ row: number; activity: Activity } | { row: number; errors: CellIssue[] }> = [];
      for (const { row, result } of parsed) {
        const errors: CellIssue[] = result.ok ? [] : [...result.issues];
        if (result.id !== null) {
          const earlier = rowOfId.get(result.id);
          if (existing.has(result.id)) {
            errors.push(
              cellIssue('id', 'already_in_register', 'already in the register: a file only adds activities (change existing ones in the register, or empty the id to add a copy)', { value: result.id }),
            );
          } else if (earlier !== undefined) errors.push(cellIssue('id', 'same_id_in_row', `the same id is in row ${earlier}`, { row: earlier }));
          else rowOfId.set(result.id, row);
        }
        if (result.ok) {
          const offices = result.input.offices.map((o) => o.office);
          if (!can(actor, 'office-data:write', { offices })) {
            const office = actor.kind === 'user' && actor.office ? actor.office : '';
            errors.push(cellIssue('offices', 'not_your_office', `forbidden: you may import only activities of your office${office ? ` (${office})` : ''}`, { office }));
          }
          const prepared = await prepareNew(result.input, refs, { ...stamp, id: result.id ?? newId() });
          if (prepared.ok && errors.length === 0) outcomes.push({ row, activity: prepared.activity });
          else if (!prepared.ok) errors.push(...prepared.issues.map((i) => cellIssue(columnOf(i.path), i.code, i.message, i.params)));
        }
        if (errors.length > 0) outcomes.push({ row, errors });
      }

      const valid = outcomes.flatMap((o) => ('activity' in o ? [o.activity] : []));
      const refused = outcomes.length - valid.length;
      const storing = !options.dryRun && valid.length > 0 && (options.mode === 'valid-rows' || refused === 0);
      if (storing) {
        await db.transaction().execute((trx) => insertNew(trx, actor, valid.map((activity) => ({ activity, statusReason: undefined })), refs));
        await afterBulkLoad(db, valid.length);
      }
      return {
        mode: options.mode,
        dryRun: options.dryRun,
        stored: storing ? valid.length : 0,
        refused,
        summary: importSummary(options, outcomes.length, valid.length, refused, storing),
        ignoredColumns: header.ignored,
        rows: outcomes.map((o) =>
          'activity' in o ? (storing ? { row: o.row, status: 'taken', id: o.activity.id } : { row: o.row, status: 'valid' }) : { row: o.row, status: 'refused', errors: o.errors },
        ),
      };
    },

    /**
     * Every activity the list gives for `query` (its limit and cursor aside) as one CSV or XLSX
     * file, in the columns of the table format; more than `EXPORT_MAX_ROWS` is refused.
     */
    async exportFile(actor: Actor, query: ExportQuery, format: FileFormat): Promise<ExportedFile> {
      const rows = await listAll(actor, query, activityCells, EXPORT_MAX_ROWS);
      const body = format === 'csv' ? writeCsv(HEADER, rows) : await writeXlsx(HEADER, rows);
      return {
        body,
        contentType: format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE,
        fileName: `activities-${new Date().toISOString().slice(0, 10)}.${format}`,
      };
    },
  };
}

function importSummary(options: ImportOptions, rows: number, valid: number, refused: number, stored: boolean): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  if (stored) return `Stored ${count(valid, 'activity', 'activities')}${refused > 0 ? `; refused ${count(refused, 'row')} (see errors)` : ''}.`;
  if (options.dryRun) return `Dry run, nothing stored: ${count(valid, 'row')} would be stored, ${count(refused, 'row')} refused.`;
  if (valid === 0) return `Nothing stored: all ${count(rows, 'row')} refused (see errors).`;
  return `Nothing stored: ${count(refused, 'row')} refused (see errors) and the mode is all-or-nothing. Fix and send the file again, or send mode=valid-rows to store the other ${count(valid, 'row')}.`;
}
