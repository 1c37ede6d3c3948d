/**
 * One Kysely instance over SQLite (embedded default) or PostgreSQL, chosen by DATABASE_URL.
 * Both dialects see the same schema: booleans as 0/1 integers, dates and timestamps as ISO
 * text, structured values as JSON text, so the same store code runs on both.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type PostgresPool,
  type PostgresPoolClient,
  type SchemaMetadata,
  type SqliteDatabase,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import { LruCache } from './lru.ts';
import { startSqliteUpkeep, type SqliteUpkeep, type SqliteUpkeepOptions } from './sqlite-upkeep.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database; `DB` is the schema's type (db/schema.ts), which the platform does not know. */
export interface DatabaseHandle<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  /** A description safe to print (no password). */
  description: string;
  /**
   * A running server's upkeep: on SQLite, WAL checkpoints from a worker thread instead of inside
   * commits, and `PRAGMA optimize` on a schedule (sqlite-upkeep.ts). Nothing on PostgreSQL, whose
   * own background processes checkpoint and analyse.
   */
  startUpkeep(options: SqliteUpkeepOptions): SqliteUpkeep;
  /** SQLite: refreshes stale statistics and empties the WAL into the file first. */
  close(): Promise<void>;
}

/** When SQLite's WAL reaches the disk: at every commit (FULL), or at checkpoints (NORMAL: a power cut may lose the last commits). */
export type SqliteSynchronous = 'full' | 'normal';

export interface DatabaseOptions {
  /** PostgreSQL only: the schema to work in (tests give each test its own). */
  schema?: string;
  /** SQLite only; FULL unless told (docs/decisions/0012-durability-and-the-write-path.md). */
  synchronous?: SqliteSynchronous;
}

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

export function sqlitePath(url: string): string {
  return resolve(url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
}

export function openDatabase<DB>(url: string, options: DatabaseOptions = {}): DatabaseHandle<DB> {
  if (dialectOf(url) === 'sqlite') {
    const file = sqlitePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const connection = new SQLite(file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    connection.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    // After a checkpoint resets the WAL, its file is cut back to this size rather than kept at its largest.
    connection.pragma('journal_size_limit = 67108864');
    // Reads of a large register: SQLite's own page cache defaults to 2 MB, so every request read
    // its index and table pages again through read(2). 64 MB of cache and the file memory-mapped
    // (address space, not memory: the OS shares its page cache) keep hot pages one lookup away.
    connection.pragma('cache_size = -65536');
    connection.pragma('mmap_size = 8589934592');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
    return {
      db,
      dialect: 'sqlite',
      description: `SQLite ${file}`,
      startUpkeep: (upkeep) => startSqliteUpkeep(connection, file, upkeep),
      close: async () => {
        if (connection.open) {
          connection.pragma('optimize');
          connection.pragma('wal_checkpoint(TRUNCATE)');
        }
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new OwnSchemaPostgresDialect({ pool: preparing(pool) }) });
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL ${safe.host}${safe.pathname}`,
    startUpkeep: () => ({ ready: Promise.resolve(), stop: async () => {} }),
    close: () => db.destroy(),
  };
}

/**
 * Kysely's migrator asks whether its own table exists by introspecting every table of every
 * schema of the database, calling pg_get_serial_sequence on each column: while another instance or
 * test drops its schema, that call fails on a column being dropped (error 42703) and the start
 * fails with it. Fieldbook only ever asks about its own schema, so that is all it reads (names of
 * tables and views; nothing here reads their columns).
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string; is_view: boolean }>`
      select table_schema as schema, table_name as name, table_type = 'VIEW' as is_view
      from information_schema.tables where table_schema = current_schema()`.execute(this.db);
    return rows.map((r) => ({ schema: r.schema, name: r.name, isView: r.is_view, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/**
 * Marks a statement to be prepared once per PostgreSQL connection: put first in its text by the
 * few hot statements whose plan does not depend on their parameters (an activity by its key).
 */
export const PREPARED_STATEMENT = '/* prepared */ ';

/**
 * The pool as Kysely sees it, with the statements marked PREPARED_STATEMENT prepared on each
 * connection: node-postgres sends every unnamed statement to be parsed and planned again, which
 * for an activity with its five link lists and its history took as long as running it. Only
 * marked ones: a generic plan reused for a window or a search can be far worse than planning
 * it for its parameters (measured: a search 15 → 51 ms when every repeated text was prepared).
 */
function preparing(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    if (!text.startsWith(PREPARED_STATEMENT)) return undefined;
    let name = names.get(text);
    if (name === undefined) names.set(text, (name = `fieldbook_${names.size + 1}`));
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      // Kysely calls it with a text and its parameters, or with a cursor (streamed reads), as node-postgres takes them.
      const query = ((textOrCursor: string | object, parameters: readonly unknown[] = []) => {
        if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
        const name = nameOf(textOrCursor);
        return name === undefined ? client.query(textOrCursor, [...parameters]) : client.query({ name, text: textOrCursor, values: [...parameters] });
      }) as unknown as PostgresPoolClient['query'];
      return { query, release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}

/** Resolves when the database answers a trivial query, rejects with the driver's error when it does not (the health check). */
export async function pingDatabase<DB>(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Runs `work` holding the database's start-up lock: on PostgreSQL a session advisory lock named
 * after the schema, so instances started at the same moment migrate and load the first data one
 * after another (the later ones find it done) and never race each other's inserts. SQLite is one
 * process's file, so there is no one to wait for.
 */
export async function withStartupLock<DB, T>(handle: DatabaseHandle<DB>, work: () => Promise<T>): Promise<T> {
  if (handle.dialect === 'sqlite') return work();
  const key = sql`hashtext(coalesce(current_schema(), '') || ' fieldbook start-up')`;
  return handle.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}

/** Distinct SQL texts kept prepared; the app has a few hundred, so the oldest rarely leave. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every statement it runs again; a list request's SQL is the same text each time
 * but for its parameters, so reusing the prepared statement skips SQLite's parse and plan. Safe on
 * the one connection because Kysely runs one statement at a time on it (a stream holds it).
 */
function withStatementCache(connection: SQLite.Database): SqliteDatabase {
  const statements = new LruCache<SQLite.Statement>({ maxEntries: STATEMENT_CACHE_SIZE });
  return {
    close: () => connection.close(),
    prepare: (text) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = connection.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/** True when a write broke a unique constraint (two writers claimed the same key at once), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
