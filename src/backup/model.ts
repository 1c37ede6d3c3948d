/**
 * The backup format (decision 13), as pure rules: which tables a backup carries and which it
 * leaves to be rebuilt, how a column's values are written portably, the file's lines, and the
 * checks a file must pass before anything of it is restored. No I/O here.
 *
 * A backup is gzip'd JSON lines:
 *   1. the header:  {"format":"fieldbook-backup","version":1,"createdAt","fieldbook","dialect","migrations":[…],"tables":[{"name","columns":[[name,kind],…]}]}
 *   2. per table, in the header's order: {"table":"<name>"} then one JSON array per row, values in
 *      the header's column order, written by `encodeValue`
 *   3. the trailer: {"end":true,"tables":{"<name>":{"rows":n,"sha256":"…"}},"sha256":"…"}: each
 *      table's row count and the SHA-256 of its row lines, and the SHA-256 of every line before it.
 */
import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';

export const BACKUP_FORMAT = 'fieldbook-backup';
/** Raise when a file written now could not be read by the code before; readers refuse a newer one. */
export const BACKUP_FORMAT_VERSION = 1;

/** How a column's values travel: the same words on both databases, whatever each calls the type. */
export const COLUMN_KINDS = ['text', 'integer', 'real', 'boolean', 'json', 'blob', 'timestamp'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface Column {
  name: string;
  kind: ColumnKind;
}

/** A table as the backup carries it, and what a restore needs to know of it. */
export interface TableShape {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Columns of a foreign key to another row of the same table (a parent office, a parent body). */
  selfReferences: string[][];
  /** Tables this one's foreign keys point at (not itself): they are loaded first. */
  dependsOn: string[];
  /** PostgreSQL: columns whose sequence or identity must move past the restored values. */
  counters: string[];
}

/** The migrator's own bookkeeping and SQLite's planner statistics: not data; the target has its own. */
export function isMachinery(table: string): boolean {
  return table === 'kysely_migration' || table === 'kysely_migration_lock' || table.startsWith('sqlite_');
}

/**
 * Data derived from carried tables, never copied: a restore rebuilds it (SQLite's FTS5 index fills
 * from the activity rows' triggers as they go in; its word list is read back from that index).
 * PostgreSQL's generated `search_vector` is a generated column and is skipped as one. The
 * duplicate check's sketches are made again from the restored activities.
 */
export const DERIVED_TABLES: Readonly<Record<string, string>> = {
  activity_search: 'the SQLite full-text index of activities, filled by triggers as activity rows are restored',
  activity_search_word: 'the SQLite word list of that index, rebuilt from it after a restore',
  activity_sketch: "what the duplicate check compares of each activity, made again from the activities after a restore",
};

/**
 * Tables a freshly migrated, started database already holds rows in (a counter's one row, the
 * search texts' format): they do not make a database "not empty"; a restore replaces them.
 */
export const SET_UP_TABLES: readonly string[] = ['activity_change_counter', 'search_index'];

export class BackupError extends Error {
  override name = 'BackupError';
}

/** A database type name (SQLite's declared type or PostgreSQL's data_type) as a kind; undefined when the format cannot carry it. */
export function kindOfType(type: string): ColumnKind | undefined {
  const t = type.trim().toLowerCase();
  if (/^(text|varchar|character varying|character|char|nchar|nvarchar|clob|uuid|citext)\b/.test(t)) return 'text';
  if (/^(integer|int|int2|int4|int8|smallint|bigint|tinyint|mediumint)\b/.test(t)) return 'integer';
  if (/^(real|double precision|double|float|float4|float8)\b/.test(t)) return 'real';
  if (/^(boolean|bool)$/.test(t)) return 'boolean';
  if (/^jsonb?$/.test(t)) return 'json';
  if (/^(blob|bytea)$/.test(t)) return 'blob';
  if (/^(timestamptz|timestamp with time zone)$/.test(t)) return 'timestamp';
  return undefined;
}

/** A value as read from either database, in the one way the file writes it. */
export function encodeValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'integer': {
      // PostgreSQL's bigint arrives as text; kept as text only beyond what a JSON number holds exactly.
      const n = typeof value === 'bigint' ? value : BigInt(value as string | number);
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
    }
    case 'real':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't';
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'blob':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'timestamp':
      return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
    case 'text':
      return String(value);
  }
}

/** A value from the file as the given database takes it (SQLite has no booleans and no bigints in JSON). */
export function decodeValue(kind: ColumnKind, value: unknown, dialect: 'sqlite' | 'postgres'): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'boolean':
      return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
    case 'blob':
      return Buffer.from(String(value), 'base64');
    case 'integer':
      return typeof value === 'string' && dialect === 'sqlite' ? BigInt(value) : value;
    default:
      return value;
  }
}

/** Tables in an order that loads every row after the rows it points at (other tables); a cycle cannot be loaded and is refused. */
export function loadOrder(tables: readonly TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableShape[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableShape, path: string[]): void => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting') throw new BackupError(`The tables ${[...path, table.name].join(' → ')} point at each other in a cycle; the backup format cannot order them.`);
    state.set(table.name, 'visiting');
    for (const name of [...table.dependsOn].sort()) {
      const target = byName.get(name);
      if (target) visit(target, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(table, []);
  return ordered;
}

const columnKind = z.enum(COLUMN_KINDS);
export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  createdAt: z.string(),
  fieldbook: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.tuple([z.string().min(1), columnKind])) })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const tableSum = z.object({ rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const trailerSchema = z.object({ end: z.literal(true), tables: z.record(z.string(), tableSum), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type BackupTrailer = z.infer<typeof trailerSchema>;

/** The header of a backup of `tables`, in load order. */
export function headerOf(input: { createdAt: string; fieldbook: string; dialect: 'sqlite' | 'postgres'; migrations: string[]; tables: readonly TableShape[] }): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: input.createdAt,
    fieldbook: input.fieldbook,
    dialect: input.dialect,
    migrations: input.migrations,
    tables: input.tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => [c.name, c.kind] as [string, ColumnKind]) })),
  };
}

/** Reads the first line: a Fieldbook backup this code can read, or a clear refusal. */
export function parseHeader(line: string | undefined): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw new BackupError('This is not a Fieldbook backup (its first line is not a backup header).');
  }
  const probe = value as { format?: unknown; version?: unknown } | null;
  if (probe?.format !== BACKUP_FORMAT) throw new BackupError('This is not a Fieldbook backup (its first line is not a backup header).');
  if (typeof probe.version === 'number' && probe.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(`The backup is in format ${probe.version}, newer than this Fieldbook reads (up to ${BACKUP_FORMAT_VERSION}); restore it with the Fieldbook version that wrote it, or a later one. Nothing was restored.`);
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(`The backup header is damaged (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}). Nothing was restored.`);
  return parsed.data;
}

/** The differences between the tables a backup carries and those this database has, as sentences; none when they match. */
export function shapeDifferences(header: BackupHeader, target: readonly TableShape[]): string[] {
  const here = new Map(target.map((t) => [t.name, t]));
  const there = new Map(header.tables.map((t) => [t.name, t]));
  const differences: string[] = [];
  for (const t of header.tables) {
    const mine = here.get(t.name);
    if (!mine) {
      differences.push(`table ${t.name} is in the backup but not in this database`);
      continue;
    }
    const kinds = new Map(mine.columns.map((c) => [c.name, c.kind]));
    for (const [name, kind] of t.columns) {
      if (!kinds.has(name)) differences.push(`column ${t.name}.${name} is in the backup but not in this database`);
      else if (kinds.get(name) !== kind) differences.push(`column ${t.name}.${name} is ${kind} in the backup but ${kinds.get(name)} here`);
    }
    for (const c of mine.columns) if (!t.columns.some(([name]) => name === c.name)) differences.push(`column ${t.name}.${c.name} is in this database but not in the backup`);
  }
  for (const t of target) if (!there.has(t.name)) differences.push(`table ${t.name} is in this database but not in the backup`);
  return differences;
}

/**
 * Follows a backup's lines as they are read: which table a row belongs to, its count and
 * checksum, the checksum of the whole; `finish` checks them against the trailer. Used by the
 * writer (to make the trailer) and the reader (to check it), so both count the same way.
 */
export class BackupTally {
  private readonly whole: Hash = createHash('sha256');
  private readonly tables = new Map<string, { rows: number; hash: Hash }>();
  private current: { rows: number; hash: Hash } | undefined;
  private currentName: string | undefined;

  /** Feeds one line (without its newline) that precedes the trailer. */
  line(text: string): void {
    this.whole.update(text).update('\n');
  }

  startTable(name: string): void {
    if (this.tables.has(name)) throw new BackupError(`The backup is damaged: table ${name} appears twice. Nothing was restored.`);
    this.current = { rows: 0, hash: createHash('sha256') };
    this.currentName = name;
    this.tables.set(name, this.current);
  }

  row(text: string): void {
    if (!this.current) throw new BackupError('The backup is damaged: a row before any table. Nothing was restored.');
    this.current.rows += 1;
    this.current.hash.update(text).update('\n');
  }

  get table(): string | undefined {
    return this.currentName;
  }

  /** The trailer these lines call for. */
  trailer(): BackupTrailer {
    const tables: Record<string, { rows: number; sha256: string }> = {};
    for (const [name, { rows, hash }] of this.tables) tables[name] = { rows, sha256: hash.copy().digest('hex') };
    return { end: true, tables, sha256: this.whole.copy().digest('hex') };
  }

  /** Throws unless `written` (the file's trailer) is what these lines call for, for every table of the header. */
  check(header: BackupHeader, written: BackupTrailer): void {
    const found = this.trailer();
    const faults: string[] = [];
    for (const { name } of header.tables) {
      const want = written.tables[name];
      const got = found.tables[name] ?? { rows: 0, sha256: createHash('sha256').digest('hex') };
      if (!want) faults.push(`${name}: missing from the manifest`);
      else if (want.rows !== got.rows) faults.push(`${name}: ${got.rows} rows where the manifest says ${want.rows}`);
      else if (want.sha256 !== got.sha256) faults.push(`${name}: checksum mismatch`);
    }
    if (faults.length === 0 && written.sha256 !== found.sha256) faults.push('the checksum of the whole file does not match');
    if (faults.length > 0) throw new BackupError(`The backup is damaged (${faults.join('; ')}). Nothing was restored.`);
  }
}
