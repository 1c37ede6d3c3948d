/**
 * Backup and restore of the whole database (decision 13). An operator's commands, not a use case
 * of a signed-in user: whoever runs them holds the database's own credentials, so there is no
 * actor to check; nothing here is reachable over HTTP.
 *
 * - A backup reads every carried table in one read transaction (a snapshot on both databases), so
 *   it is consistent while the server keeps writing, and streams it to a gzip'd file written
 *   beside the target and renamed into place only when complete.
 * - A restore reads the file twice: first to check it whole (header, format version, every table's
 *   count and checksum, the whole file's checksum, an intact gzip), writing nothing; then into the
 *   database in one transaction that also wipes it when asked, resets PostgreSQL's counters and
 *   rebuilds derived search data. Any fault rolls all of it back.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { ActivityService } from '#src/activities/service.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { Dialect } from '#src/platform/database.ts';
import {
  BackupError,
  BackupTally,
  decodeValue,
  encodeValue,
  headerOf,
  parseHeader,
  SET_UP_TABLES,
  shapeDifferences,
  trailerSchema,
  type BackupHeader,
  type TableShape,
} from './model.ts';
import * as store from './store.ts';

export interface BackupSummary {
  tables: number;
  rows: number;
}

/** Rows gathered before one insert statement writes them. */
const INSERT_BATCH = 500;

/** The lines of a backup of the database, in one read transaction; the caller streams them out. */
async function* backupLines(trx: Executor, dialect: Dialect, version: string, summary: BackupSummary): AsyncGenerator<string> {
  const tables = await store.carriedTables(trx, dialect);
  const header = headerOf({ createdAt: new Date().toISOString(), fieldbook: version, dialect, migrations: await store.appliedMigrations(trx), tables });
  const tally = new BackupTally();
  const emit = (line: string): string => {
    tally.line(line);
    return `${line}\n`;
  };
  yield emit(JSON.stringify(header));
  for (const table of tables) {
    tally.startTable(table.name);
    yield emit(JSON.stringify({ table: table.name }));
    let chunk = '';
    for await (const values of store.tableRows(trx, dialect, table)) {
      const line = JSON.stringify(values.map((value, i) => encodeValue(table.columns[i]!.kind, value)));
      tally.row(line);
      chunk += emit(line);
      summary.rows += 1;
      // Lines go out in chunks of some 64 kB: one write per row would be slow, one per table large.
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
    summary.tables += 1;
  }
  yield `${JSON.stringify(tally.trailer())}\n`;
}

/** The decompressed lines of a backup file; a damaged gzip (truncated, altered) fails the read. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.once('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let at: number;
      while ((at = pending.indexOf('\n')) >= 0) {
        yield pending.slice(0, at);
        pending = pending.slice(at + 1);
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new BackupError(`${file}: cannot be read (${code}).`);
    throw new BackupError(`The backup is damaged: its compression is broken (${(error as Error).message}), e.g. a file cut short. Nothing was restored.`);
  } finally {
    input.destroy();
  }
  pending += decoder.end();
  if (pending) yield pending;
}

/** A line of a backup's body as the reader hands it on: a table begins (as the header describes it), or a row of it. */
type BackupLine = { kind: 'table'; table: BackupHeader['tables'][number] } | { kind: 'row'; values: unknown[] };

/**
 * Reads a backup through, checking it as it goes; `onLine` sees every table start and row. Throws
 * a BackupError at the first fault, or at the end when counts and checksums do not match.
 */
async function readBackup(file: string, onLine: (line: BackupLine) => Promise<void>): Promise<BackupHeader> {
  const lines = fileLines(file);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  const tally = new BackupTally();
  tally.line(first.value as string);
  const known = new Map(header.tables.map((t) => [t.name, t]));
  let table: BackupHeader['tables'][number] | undefined;
  let trailer: unknown;
  const damaged = (what: string): BackupError => new BackupError(`The backup is damaged: ${what}. Nothing was restored.`);
  for await (const text of lines) {
    if (trailer !== undefined) throw damaged('there are lines after its manifest');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw damaged(`a line of ${table ? `table ${table.name}` : 'the file'} is not valid JSON`);
    }
    if (Array.isArray(value)) {
      if (!table) throw damaged('a row before any table');
      if (value.length !== table.columns.length) throw damaged(`a row of ${table.name} has ${value.length} values for ${table.columns.length} columns`);
      tally.line(text);
      tally.row(text);
      await onLine({ kind: 'row', values: value });
    } else if (value && typeof value === 'object' && 'table' in value) {
      const name = String((value as { table: unknown }).table);
      table = known.get(name);
      if (!table) throw damaged(`table ${name} is not in its header`);
      tally.line(text);
      tally.startTable(name);
      await onLine({ kind: 'table', table });
    } else {
      trailer = value;
    }
  }
  const parsed = trailerSchema.safeParse(trailer);
  if (!parsed.success) throw damaged('its manifest (the last line, with row counts and checksums) is missing: the file is incomplete');
  tally.check(header, parsed.data);
  return header;
}

export function createBackupService(db: Kysely<Database>, dialect: Dialect, deps: { activities: ActivityService; version: string }) {
  /** Loads a checked backup's rows into the open transaction, table by table, in the file's order. */
  async function load(trx: Executor, file: string, tables: ReadonlyMap<string, TableShape>): Promise<number> {
    let target: TableShape | undefined;
    let source: BackupHeader['tables'][number] | undefined;
    let batch: Array<Record<string, unknown>> = [];
    let later: Array<{ key: Record<string, unknown>; values: Record<string, unknown> }> = [];
    let rows = 0;
    const finishTable = async (): Promise<void> => {
      if (!target) return;
      await store.insertRows(trx, target, batch);
      // Rows pointing at rows of their own table went in without that pointer; every row is in now.
      for (const { key, values } of later) await store.setColumns(trx, target, key, values);
      if (dialect === 'postgres') await store.resetCounters(trx, target);
      batch = [];
      later = [];
    };
    await readBackup(file, async (line) => {
      if (line.kind === 'table') {
        await finishTable();
        source = line.table;
        target = tables.get(line.table.name)!;
        return;
      }
      const row: Record<string, unknown> = {};
      source!.columns.forEach(([name, kind], i) => (row[name] = decodeValue(kind, line.values[i], dialect)));
      const pointers = target!.selfReferences.flat().filter((column) => row[column] !== null);
      if (pointers.length > 0) {
        if (target!.primaryKey.length === 0) throw new BackupError(`Table ${target!.name} points at its own rows but has no primary key; the backup format cannot restore it.`);
        later.push({ key: Object.fromEntries(target!.primaryKey.map((k) => [k, row[k]])), values: Object.fromEntries(pointers.map((c) => [c, row[c]])) });
        for (const column of pointers) row[column] = null;
      }
      batch.push(row);
      rows += 1;
      if (batch.length >= INSERT_BATCH) {
        await store.insertRows(trx, target!, batch);
        batch = [];
      }
    });
    await finishTable();
    return rows;
  }

  return {
    /** Writes a consistent backup of every carried table to `out` (replaced only once the new file is complete). */
    async backup(out: string): Promise<BackupSummary> {
      const summary: BackupSummary = { tables: 0, rows: 0 };
      const partial = `${out}.partial-${process.pid}`;
      let snapshot = db.transaction();
      if (dialect === 'postgres') snapshot = snapshot.setIsolationLevel('repeatable read').setAccessMode('read only');
      try {
        await snapshot.execute((trx) => pipeline(Readable.from(backupLines(trx, dialect, deps.version, summary)), createGzip(), createWriteStream(partial)));
        await rename(partial, out);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return summary;
    },

    /** Checks a backup whole without touching the database: its header, or a BackupError naming the fault. */
    async verify(file: string): Promise<BackupHeader> {
      return readBackup(file, async () => {});
    },

    /**
     * Restores a checked backup into this database, which must have run the same migrations and,
     * unless `force`, hold no data. With `force` every carried table is emptied first, in the
     * restore's own transaction. Returns the rows restored.
     */
    async restore(file: string, options: { force: boolean }): Promise<BackupSummary> {
      const header = await this.verify(file);
      const migrations = await store.appliedMigrations(db);
      const unknown = header.migrations.filter((m) => !migrations.includes(m));
      const missing = migrations.filter((m) => !header.migrations.includes(m));
      if (unknown.length > 0) {
        throw new BackupError(`The backup was taken by a newer Fieldbook (${header.fieldbook}): its schema has migrations this one does not know (${unknown.join(', ')}). Restore it with that version or a later one. Nothing was restored.`);
      }
      if (missing.length > 0) {
        throw new BackupError(`The backup was taken at an older schema (by Fieldbook ${header.fieldbook}; it lacks ${missing.join(', ')}). Restore it with the Fieldbook version that wrote it, then start this version, which migrates it. Nothing was restored.`);
      }
      const tables = await store.carriedTables(db, dialect);
      const differences = shapeDifferences(header, tables);
      if (differences.length > 0) throw new BackupError(`The backup's tables do not match this database's, nothing was restored:\n  ${differences.join('\n  ')}`);
      const rows = await db.transaction().execute(async (trx) => {
        const occupied = await store.nonEmptyTables(trx, tables.map((t) => t.name).filter((t) => !SET_UP_TABLES.includes(t)));
        if (occupied.length > 0 && !options.force) {
          const listed = occupied.slice(0, 5).map((o) => `${o.table}: ${o.rows} rows`).join(', ');
          throw new BackupError(`The database is not empty (${listed}${occupied.length > 5 ? ', …' : ''}); nothing was restored. Restore into an empty database, or add --force to wipe this one first.`);
        }
        for (const table of [...tables].reverse()) await store.deleteAll(trx, table.name);
        const restored = await load(trx, file, new Map(tables.map((t) => [t.name, t])));
        await deps.activities.rebuildDerived(trx);
        return restored;
      });
      await store.analyze(db);
      // Search texts follow this version's stems if the backup's were written by an older one.
      await deps.activities.refreshSearchIndex();
      await deps.activities.refreshSketches();
      return { tables: header.tables.length, rows };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
