/**
 * Fresh registers for the drills, as the HTTP tests make them (test/support/database.ts): a
 * SQLite file copied from a migrated, seeded template, or a PostgreSQL schema of its own in the
 * `test` database, migrated and seeded. The drill's servers run on them as child processes
 * (DATABASE_URL, and DATABASE_SCHEMA on PostgreSQL); the drill itself opens them in-process to
 * set up accounts before and to look at what was stored after.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { OpenAPIV3 } from 'openapi-types';
import { buildApp, openFieldbook, seedReference, type Fieldbook } from '#src/app.ts';
import type { Actor, Role } from '#src/platform/access.ts';
import { loadConfig } from '#src/platform/config.ts';
import type { Dialect } from '#src/platform/database.ts';
import { startServer, type ServerProcess } from './server.ts';

const DRILL_ACTOR: Actor = { kind: 'system', label: 'drill' };

export interface Register {
  dialect: Dialect;
  /** What a server needs to run on it: DATABASE_URL (and DATABASE_SCHEMA). */
  env: Record<string, string>;
  /** Opens it in this process (migrated already); close it before the next kill or start on SQLite. */
  open(): Promise<Fieldbook>;
}

/** API tokens of one account per role (the editor writes for addis-ababa, the focal point is TSB's). */
export interface Accounts {
  reader: string;
  editor: string;
  'focal-point': string;
  admin: string;
}

export const CALLERS = ['reader', 'editor', 'focal-point', 'admin'] as const;

/** The routes of the app as registered (`app.routeTable`) and its OpenAPI document. */
export interface ApiDescription {
  routes: Array<{ method: string; url: string }>;
  openapi: OpenAPIV3.Document;
}

/** Builds the app on the register in this process, only to read what routes the servers have. */
export async function describeApi(register: Register): Promise<ApiDescription> {
  const fieldbook = await register.open();
  try {
    const app = await buildApp(fieldbook, loadConfig({ ...register.env, LOG_LEVEL: 'silent' }), false);
    await app.ready();
    const description = { routes: [...app.routeTable], openapi: app.swagger() as OpenAPIV3.Document };
    await app.close();
    return description;
  } finally {
    await fieldbook.close();
  }
}

let sqliteTemplate: Promise<string> | null = null;

/** One migrated, seeded SQLite file per run; each register copies it. */
function template(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-drill-template-'));
    const file = join(dir, 'template.db');
    const fieldbook = await openFieldbook(loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }));
    await seedReference(fieldbook, 'data/reference');
    await fieldbook.close();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return file;
  })();
  return sqliteTemplate;
}

/** The registers and servers of one drill on one database, all dropped and stopped by `dispose`. */
export class Registers {
  private readonly servers = new Set<ServerProcess>();
  private readonly cleanups: Array<() => Promise<void>> = [];
  private serverCount = 0;

  constructor(
    private readonly postgresUrl: string,
    /** Server logs go to `${logPrefix}-N.log`. */
    private readonly logPrefix: string,
  ) {}

  async create(dialect: Dialect): Promise<Register> {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'fieldbook-drill-'));
      const file = join(dir, 'drill.db');
      copyFileSync(await template(), file);
      this.cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const env = { DATABASE_URL: `sqlite:${file}`, DATABASE_SCHEMA: '' };
      return { dialect, env, open: () => openFieldbook(loadConfig({ ...env, LOG_LEVEL: 'silent' })) };
    }
    const schema = `drill_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await this.adminQuery(`create schema ${schema}`);
    this.cleanups.push(() => this.adminQuery(`drop schema if exists ${schema} cascade`));
    const env = { DATABASE_URL: this.postgresUrl, DATABASE_SCHEMA: schema };
    const open = () => openFieldbook(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    const fieldbook = await open();
    try {
      await seedReference(fieldbook, 'data/reference');
    } finally {
      await fieldbook.close();
    }
    return { dialect, env, open };
  }

  /** Accounts that sign in with API tokens only (no password hashing to wait for). */
  async accounts(register: Register): Promise<Accounts> {
    const fieldbook = await register.open();
    try {
      const { auth } = fieldbook.services;
      const tokens = {} as Accounts;
      for (const role of CALLERS) {
        const email = `drill-${role}-${crypto.randomUUID().slice(0, 8)}@example.org`;
        const scope = role === 'editor' ? { office: 'addis-ababa' } : role === 'focal-point' ? { bureau: 'TSB' } : {};
        await auth.createUser(DRILL_ACTOR, { email, role: role satisfies Role, ...scope });
        tokens[role] = (await auth.createTokenFor(DRILL_ACTOR, email, 'drill')).secret;
      }
      return tokens;
    } finally {
      await fieldbook.close();
    }
  }

  /** A server on the register, as a child process; stopped by `dispose` if the drill does not. */
  async start(register: Register): Promise<ServerProcess> {
    const server = await startServer(register.env, `${this.logPrefix}-${++this.serverCount}.log`);
    this.servers.add(server);
    void server.exited.then(() => this.servers.delete(server));
    return server;
  }

  /** Kills what still runs and drops every register. */
  async dispose(): Promise<void> {
    await Promise.all([...this.servers].map((s) => s.kill9()));
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  }

  private async adminQuery(text: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.postgresUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }
}

/** A register with its accounts and a server on it. */
export interface Standing {
  register: Register;
  tokens: Accounts;
  server: ServerProcess;
}

/**
 * One register and server per database, shared by the drills that leave the server standing (all
 * but the crash drill), so a run starts a server a few times instead of once per drill. A server
 * that fell (a hostile document may kill it) is started again on the same register.
 */
export class SharedServer {
  private readonly registers: Registers;
  private made: Promise<{ register: Register; tokens: Accounts }> | null = null;
  private server: ServerProcess | null = null;

  constructor(
    private readonly dialect: Dialect,
    postgresUrl: string,
    logPrefix: string,
  ) {
    this.registers = new Registers(postgresUrl, logPrefix);
  }

  async get(): Promise<Standing> {
    this.made ??= (async () => {
      const register = await this.registers.create(this.dialect);
      return { register, tokens: await this.registers.accounts(register) };
    })();
    const { register, tokens } = await this.made;
    if (!this.server?.alive()) this.server = await this.registers.start(register);
    return { register, tokens, server: this.server };
  }

  /** Kills the server (a drill stopped at its limit may have left it stuck); the next `get` starts another. */
  async kill(): Promise<void> {
    await this.server?.kill9();
  }

  async dispose(): Promise<void> {
    await this.registers.dispose();
  }
}
