/**
 * The SQL of backups: the database's own catalogue (which tables, columns, keys) on each dialect,
 * and reading and writing any table's rows by name. Tables are found, never listed by hand, so a
 * table a later migration adds is carried without a change here; one the format cannot carry
 * (an unknown column type, a virtual table nobody rebuilds) stops the backup with its name.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '#src/db/schema.ts';
import type { Dialect } from '#src/platform/database.ts';
import { BackupError, DERIVED_TABLES, isMachinery, kindOfType, loadOrder, type Column, type TableShape } from './model.ts';

/** Any table by name: the backup reads and writes tables the schema type does not know in advance. */
type AnyTables = Kysely<Record<string, Record<string, unknown>>>;
const untyped = (ex: Executor): AnyTables => ex as unknown as AnyTables;

/** Rows per insert statement stay under both databases' limit of bound values. */
const MAX_VALUES_PER_INSERT = 30_000;
/** Rows fetched per round trip from a PostgreSQL cursor. */
const FETCH_SIZE = 1_000;

interface RawColumn {
  name: string;
  type: string;
  generated: boolean;
  counter: boolean;
}

interface RawForeignKey {
  table: string;
  columns: string[];
}

interface RawTable {
  name: string;
  columns: RawColumn[];
  primaryKey: string[];
  foreignKeys: RawForeignKey[];
}

/** The carried tables of the database the executor is on, in load order; refuses what it cannot carry. */
export async function carriedTables(ex: Executor, dialect: Dialect): Promise<TableShape[]> {
  const raw = dialect === 'sqlite' ? await sqliteCatalogue(ex) : await postgresCatalogue(ex);
  const faults: string[] = [];
  const shapes: TableShape[] = [];
  for (const table of raw) {
    const columns: Column[] = [];
    for (const c of table.columns) {
      if (c.generated) continue; // computed by the database from the other columns: rebuilt, not copied
      const kind = kindOfType(c.type);
      if (kind) columns.push({ name: c.name, kind });
      else faults.push(`${table.name}.${c.name} has the type "${c.type}", which the backup format cannot carry`);
    }
    shapes.push({
      name: table.name,
      columns,
      primaryKey: table.primaryKey,
      selfReferences: table.foreignKeys.filter((fk) => fk.table === table.name).map((fk) => fk.columns),
      dependsOn: [...new Set(table.foreignKeys.map((fk) => fk.table).filter((t) => t !== table.name))],
      counters: table.columns.filter((c) => c.counter).map((c) => c.name),
    });
  }
  if (faults.length > 0) throw new BackupError(`This database has data the backup format does not know how to carry; nothing was written:\n  ${faults.join('\n  ')}`);
  return loadOrder(shapes);
}

async function sqliteCatalogue(ex: Executor): Promise<RawTable[]> {
  const list = await sql<{ name: string; type: string }>`select name, type from pragma_table_list where schema = 'main' order by name`.execute(ex);
  const virtualTables = list.rows.filter((t) => t.type === 'virtual').map((t) => t.name);
  const unknown = virtualTables.filter((name) => !(name in DERIVED_TABLES));
  if (unknown.length > 0) throw new BackupError(`The virtual table(s) ${unknown.join(', ')} are not data the backup format carries or knows how to rebuild; nothing was written.`);
  const tables: RawTable[] = [];
  for (const { name, type } of list.rows) {
    // FTS5 keeps its index in shadow tables named after it: derived with it.
    if (type !== 'table' || isMachinery(name) || name in DERIVED_TABLES || virtualTables.some((v) => name.startsWith(`${v}_`))) continue;
    const columns = await sql<{ name: string; type: string; pk: number; hidden: number }>`select name, type, pk, hidden from pragma_table_xinfo(${name}) order by cid`.execute(ex);
    const keys = await sql<{ id: number; seq: number; table: string; from: string }>`select id, seq, "table", "from" from pragma_foreign_key_list(${name}) order by id, seq`.execute(ex);
    const foreignKeys = new Map<number, RawForeignKey>();
    for (const k of keys.rows) {
      const fk = foreignKeys.get(k.id) ?? { table: k.table, columns: [] };
      fk.columns.push(k.from);
      foreignKeys.set(k.id, fk);
    }
    tables.push({
      name,
      // hidden 2 and 3: generated columns; 1: a virtual table's hidden column
      columns: columns.rows.filter((c) => c.hidden === 0 || c.hidden >= 2).map((c) => ({ name: c.name, type: c.type, generated: c.hidden >= 2, counter: false })),
      primaryKey: columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      foreignKeys: [...foreignKeys.values()],
    });
  }
  return tables;
}

async function postgresCatalogue(ex: Executor): Promise<RawTable[]> {
  const list = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(ex);
  const columns = await sql<{ table: string; name: string; type: string; generated: string; identity: string; default: string | null }>`
    select table_name as "table", column_name as name, data_type as type, is_generated as generated, is_identity as identity, column_default as "default"
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(ex);
  const keys = await sql<{ table: string; kind: string; name: string; target: string | null; columns: string[] }>`
    select c.conrelid::regclass::text as "table", c.contype as kind, c.conname as name, t.relname as target,
      array(select a.attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[] as columns
    from pg_constraint c left join pg_class t on t.oid = c.confrelid
    where c.connamespace = current_schema()::regnamespace and c.contype in ('p', 'f')`.execute(ex);
  return list.rows
    .filter(({ name }) => !isMachinery(name) && !(name in DERIVED_TABLES))
    .map(({ name }) => ({
      name,
      columns: columns.rows
        .filter((c) => c.table === name)
        .map((c) => ({ name: c.name, type: c.type, generated: c.generated === 'ALWAYS', counter: c.identity === 'YES' || /^nextval\(/.test(c.default ?? '') })),
      primaryKey: keys.rows.find((k) => k.table === name && k.kind === 'p')?.columns ?? [],
      foreignKeys: keys.rows.filter((k) => k.table === name && k.kind === 'f').map((k) => ({ table: k.target!, columns: k.columns })),
    }));
}

/** The migrations this database has run, in order: the schema version a backup records and a restore must match. */
export async function appliedMigrations(ex: Executor): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(ex);
  return rows.rows.map((r) => r.name);
}

/**
 * Every row of a table, in primary-key order (every column's where there is none), values in
 * column order. PostgreSQL compares text as bytes (collate "C"), as SQLite does, so both write the
 * same rows in the same order. SQLite streams the statement; PostgreSQL fetches from a cursor in
 * the caller's transaction.
 */
export async function* tableRows(ex: Executor, dialect: Dialect, table: TableShape): AsyncGenerator<unknown[]> {
  const names = table.columns.map((c) => c.name);
  const orderBy = (table.primaryKey.length > 0 ? table.primaryKey : names).map((name) => {
    const kind = table.columns.find((c) => c.name === name)?.kind;
    return dialect === 'postgres' && (kind === 'text' || kind === 'json') ? sql`${sql.ref(name)} collate "C"` : sql.ref(name);
  });
  const query = orderBy.reduce((q, by) => q.orderBy(by), untyped(ex).selectFrom(table.name).select(names));
  if (dialect === 'sqlite') {
    for await (const r of query.stream()) yield names.map((n) => r[n]);
    return;
  }
  const cursor = sql.ref(`backup_${table.name}`);
  await sql`declare ${cursor} no scroll cursor for ${query}`.execute(ex);
  for (;;) {
    const batch = await sql<Record<string, unknown>>`fetch ${sql.lit(FETCH_SIZE)} from ${cursor}`.execute(ex);
    for (const r of batch.rows) yield names.map((n) => r[n]);
    if (batch.rows.length < FETCH_SIZE) break;
  }
  await sql`close ${cursor}`.execute(ex);
}

/** Row counts of the given tables that hold any. */
export async function nonEmptyTables(ex: Executor, tables: readonly string[]): Promise<Array<{ table: string; rows: number }>> {
  const found: Array<{ table: string; rows: number }> = [];
  for (const table of tables) {
    const row = await untyped(ex).selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    if (Number(row.n) > 0) found.push({ table, rows: Number(row.n) });
  }
  return found;
}

export async function deleteAll(ex: Executor, table: string): Promise<void> {
  await untyped(ex).deleteFrom(table).execute();
}

/** Inserts rows (objects by column name) in statements that stay under the bound-value limit. */
export async function insertRows(ex: Executor, table: TableShape, rows: Array<Record<string, unknown>>): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_INSERT / Math.max(1, table.columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) await untyped(ex).insertInto(table.name).values(rows.slice(i, i + perStatement)).execute();
}

/** Sets the self-referencing columns of one row (by its primary key) after every row of its table is in. */
export async function setColumns(ex: Executor, table: TableShape, key: Record<string, unknown>, values: Record<string, unknown>): Promise<void> {
  let update = untyped(ex).updateTable(table.name).set(values);
  for (const [column, value] of Object.entries(key)) update = update.where(column, '=', value);
  await update.execute();
}

/** PostgreSQL: moves each identity or serial counter past the largest restored value, so the next insert does not collide. */
export async function resetCounters(ex: Executor, table: TableShape): Promise<void> {
  for (const column of table.counters) {
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(ex);
  }
}

/** Fresh planner statistics after a restore wrote every table. */
export async function analyze(ex: Executor): Promise<void> {
  await sql`analyze`.execute(ex);
}
