/**
 * `fieldbook backup` and `fieldbook restore` as an operator runs them: real processes on a real
 * SQLite file and the real PostgreSQL. The demo register, with rows added through the services in
 * every table, goes SQLite → PostgreSQL → SQLite and every table is compared row by row.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFieldbook, seedDemo, seedReference, type Fieldbook } from '#src/app.ts';
import { carriedTables } from '#src/backup/store.ts';
import type { ColumnKind } from '#src/backup/model.ts';
import { activitiesQuery, createActivityBody } from '#src/activities/schemas.ts';
import type { Actor } from '#src/platform/access.ts';
import { loadConfig } from '#src/platform/config.ts';
import { openDatabase } from '#src/platform/database.ts';
import type { Database } from '#src/db/schema.ts';
import { copySqliteTemplate } from '../support/database.ts';
import { adminQuery, DIALECTS, POSTGRES_URL } from '../support/dialects.ts';
import { SEED_AFRICA_WORKSHOP } from '../support/factories.ts';
import { databaseRateLimitStore } from '#src/platform/rate-limit-store.ts';

const BIN = resolve('bin/fieldbook.js');
const SYSTEM: Actor = { kind: 'system', label: 'backup test' };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fieldbook(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const sqliteEnv = (file: string): Record<string, string> => ({ DATABASE_URL: `sqlite:${file}` });
const postgresEnv = (schema: string): Record<string, string> => ({ DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema });

async function newPostgresSchema(): Promise<string> {
  const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  await adminQuery(`create schema ${schema}`);
  return schema;
}

/** A value as a person would compare it, whatever the database gave back: 1 and true, "7" and 7, key order in JSON. */
function normalise(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'integer':
    case 'real':
      return Number(value);
    case 'boolean':
      return value === true || Number(value) === 1;
    case 'json':
      return JSON.stringify(sortKeys(typeof value === 'string' ? JSON.parse(value) : value));
    case 'blob':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'timestamp':
      return new Date(value as string).toISOString();
    default:
      return String(value);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

/** Every carried table of a database: its rows normalised, as sorted JSON lines. */
async function contents(url: string, schema?: string): Promise<Map<string, string[]>> {
  const database = openDatabase<Database>(url, schema ? { schema } : {});
  try {
    const tables = await carriedTables(database.db, database.dialect);
    const all = new Map<string, string[]>();
    for (const table of tables) {
      const rows = (await (database.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
        .selectFrom(table.name)
        .select(table.columns.map((c) => c.name))
        .execute()) as Array<Record<string, unknown>>;
      all.set(table.name, rows.map((row) => JSON.stringify(table.columns.map((c) => normalise(c.kind, row[c.name])))).sort());
    }
    return all;
  } finally {
    await database.close();
  }
}

/** The manifest (last line) of a backup file. */
const manifestOf = (file: string): { tables: Record<string, { rows: number; sha256: string }> } =>
  JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').at(-1)!) as { tables: Record<string, { rows: number; sha256: string }> };

/** Rows of every table of a SQLite file that are not set up by migrations (what "empty" means). */
async function rowCount(file: string, table: string): Promise<number> {
  const database = openDatabase<Database>(`sqlite:${file}`);
  try {
    const row = await database.db.selectFrom(table as 'office').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}

async function withFieldbookOn<T>(env: Record<string, string>, work: (fb: Fieldbook) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const fb = await openFieldbook(config, config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {});
  try {
    return await work(fb);
  } finally {
    await fb.close();
  }
}

/** The demo register plus a row in every table the demo leaves empty, written the way the app writes them. */
async function fillEveryTable(fb: Fieldbook): Promise<void> {
  const { auth, accounts, rounds, activities, imports } = fb.services;
  await seedDemo(fb);
  const password = 'a long enough passphrase';
  await auth.createUser(SYSTEM, { email: 'admin@example.org', role: 'admin', password, language: 'fr' });
  await auth.createUser(SYSTEM, { email: 'editor@example.org', role: 'editor', office: 'addis-ababa', password });
  await auth.createTokenFor(SYSTEM, 'editor@example.org', 'script');
  const signedIn = await auth.login({ email: 'admin@example.org', password }, '127.0.0.1');
  await expect(auth.login({ email: 'nobody@example.org', password: 'not this one' }, '192.0.2.1')).rejects.toThrow();
  const admin = (await auth.actorForSession(signedIn.sessionToken))!.actor;
  // The demo import's passages the importer could not place, dismissed by the reviewer.
  const [batch] = await fb.database.db.selectFrom('import_batch').select('id').execute();
  await imports.dismissOpenPassages(admin, batch!.id);
  // An invitation whose one-time link is not used yet.
  await accounts.invite(admin, { email: 'invited@example.org', role: 'reader' });
  // A round with a reviewer, whose opening notice to the office's editor waits in the outbox.
  await rounds.create(admin, { sector: 'ITU-T', meeting: 'TSAG, 2022', from: '2022-01-01', to: '2022-08-31', due: '2022-09-15', offices: ['addis-ababa'], reviewers: [signedIn.user.id] });
  // A deleted activity, which must come back deleted, with its links to the plans.
  const doomed = await activities.create(admin, createActivityBody.parse({ ...SEED_AFRICA_WORKSHOP, title: { en: 'A workshop deleted later' }, plans: ['T-2020:output:T.2-1'] }));
  await activities.remove(admin, doomed.id);
  // A possible duplicate of the demo kept apart, with the reason.
  const found = await fb.services.duplicates.pairs(admin, { from: '2020-03-01', to: '2020-03-31' });
  await fb.services.duplicates.decide(admin, { activities: found.pairs[0]!.ids, state: 'kept_apart', reason: 'Two meetings of the group.' });
  // Vacancies: a vice-chair left vacant, the office's outreach about it (also an activity) and the nomination that followed.
  const { vacancies } = fb.services;
  const vacant = await vacancies.createPosition(admin, { body: 'SG12', studyPeriod: '2025-2028', role: 'vice-chair', label: '1', status: 'vacant', holder: null, source: null, confirmed: false });
  const outreach = await vacancies.recordOutreach(admin, { office: 'addis-ababa', country: 'KE', kind: 'encouraged-to-nominate', body: 'SG12', studyPeriod: '2025-2028', position: vacant.position.id, on: '2024-06-03' }, 'en');
  await vacancies.recordNomination(admin, { office: 'addis-ababa', country: 'KE', position: vacant.position.id, candidate: 'A candidate', outreach: outreach.id, on: '2024-07-01', state: 'proposed' });
  // A sign-in counted against its address, as the rate limiter shared by instances counts it.
  const Store = databaseRateLimitStore(fb.database.db);
  await new Promise<void>((resolve, reject) => new Store({}).incr('192.0.2.1', (error) => (error ? reject(error) : resolve()), 60_000, 5));
}

describe('fieldbook backup and restore', { timeout: 120_000 }, () => {
  let dir: string;
  let source: string;
  let backup: string;
  const schemas: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldbook-backup-'));
    source = join(dir, 'source.db');
    copySqliteTemplate(source);
    const fb = await openFieldbook(loadConfig({ ...sqliteEnv(source), LOG_LEVEL: 'silent' }));
    try {
      await fillEveryTable(fb);
    } finally {
      await fb.close();
    }
    backup = join(dir, 'source.fbk.gz');
    const run = await fieldbook(['backup', '--out', backup], sqliteEnv(source));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*source\.fbk\.gz: \d+ rows of \d+ tables from SQLite/m);
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const schema of schemas) await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('carries every table, none of them empty in the fixture', async () => {
    const manifest = manifestOf(backup);
    const names = Object.keys(manifest.tables);
    expect(names).toEqual(expect.arrayContaining(['activity', 'activity_relation', 'activity_status_change', 'app_user', 'api_token', 'session', 'audit_event', 'import_batch', 'report', 'reporting_round', 'reporting_round_reviewer', 'mail_outbox', 'login_failure']));
    // Every data table the database has (not the migrator's own, not derived search data) is in it.
    expect(names.sort()).toEqual([...(await contents(`sqlite:${source}`)).keys()].sort());
    for (const [table, { rows }] of Object.entries(manifest.tables)) expect(rows, table).toBeGreaterThan(0);
  });

  it.runIf(DIALECTS.includes('postgres'))('round-trips SQLite → PostgreSQL → SQLite with every table equal, search and new writes working', async () => {
    const schema = await newPostgresSchema();
    schemas.push(schema);
    const toPostgres = await fieldbook(['restore', backup], postgresEnv(schema));
    expect(toPostgres.code, toPostgres.stderr).toBe(0);
    expect(toPostgres.stdout).toMatch(/^Restored \d+ rows of \d+ tables into PostgreSQL/m);

    const again = join(dir, 'postgres.fbk.gz');
    await withFieldbookOn(postgresEnv(schema), (fb) => fb.services.backup.backup(again));
    const back = join(dir, 'back.db');
    const toSqlite = await fieldbook(['restore', again], sqliteEnv(back));
    expect(toSqlite.code, toSqlite.stderr).toBe(0);

    const original = await contents(`sqlite:${source}`);
    const onPostgres = await contents(POSTGRES_URL, schema);
    const returned = await contents(`sqlite:${back}`);
    for (const [table, rows] of original) {
      expect(onPostgres.get(table), `${table} on PostgreSQL`).toEqual(rows);
      expect(returned.get(table), `${table} back on SQLite`).toEqual(rows);
    }
    // The same rows are written the same way from either database: equal checksums.
    expect(manifestOf(again).tables).toEqual(manifestOf(backup).tables);

    // Derived data was rebuilt and PostgreSQL's counters moved on: search finds, a new activity goes in.
    for (const [url, options] of [[POSTGRES_URL, { schema }], [`sqlite:${back}`, {}]] as const) {
      const fb = await openFieldbook(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), options);
      try {
        const found = await fb.services.activities.list(SYSTEM, activitiesQuery.parse({ q: 'workshops' }));
        expect(found.activities.length, url).toBeGreaterThan(0);
        const deleted = await fb.services.activities.list(SYSTEM, activitiesQuery.parse({ q: 'deleted later' }));
        expect(deleted.activities, 'a deleted activity stays deleted').toEqual([]);
        // The duplicate check's sketches were made again: the pair kept apart is found by comparison, not only by its decision.
        const pairs = await fb.services.duplicates.pairs(SYSTEM, { from: '2020-03-01', to: '2020-03-31' });
        expect(pairs.pairs.find((p) => p.state === 'kept_apart')?.score, url).toBeGreaterThan(0);
        const created = await fb.services.activities.create(SYSTEM, createActivityBody.parse({ ...SEED_AFRICA_WORKSHOP, title: { en: 'After the move' } }));
        expect(created.id).toBeTruthy();
      } finally {
        await fb.close();
      }
    }
  });

  it('refuses a damaged, cut short or newer-format file, writing nothing', async () => {
    const target = join(dir, 'refusing.db');
    const lines = gunzipSync(readFileSync(backup)).toString('utf8').split('\n');
    // One character changed in a row of the last table: a restore that wrote as it read would have written every other table.
    const lastRow = lines.length - 3;
    expect(lines[lastRow]!.startsWith('[')).toBe(true);
    const tampered = [...lines];
    tampered[lastRow] = tampered[lastRow]!.replace(/[0-9a-f]/, (c) => (c === '0' ? '1' : '0'));
    writeFileSync(join(dir, 'tampered.fbk.gz'), gzipSync(tampered.join('\n')));
    const compressed = readFileSync(backup);
    writeFileSync(join(dir, 'cut.fbk.gz'), compressed.subarray(0, Math.floor(compressed.length * 0.8)));
    const newer = [...lines];
    newer[0] = newer[0]!.replace('"version":1,', '"version":2,');
    writeFileSync(join(dir, 'newer.fbk.gz'), gzipSync(newer.join('\n')));

    const tamperedRun = await fieldbook(['restore', join(dir, 'tampered.fbk.gz')], sqliteEnv(target));
    expect(tamperedRun.code).toBe(1);
    expect(tamperedRun.stderr).toMatch(/The backup is damaged \(\w+: checksum mismatch\)\. Nothing was restored\./);
    await withFieldbookOn(sqliteEnv(target), async (fb) => {
      await expect(fb.services.backup.restore(join(dir, 'cut.fbk.gz'), { force: true })).rejects.toThrow(/The backup is damaged: its compression is broken .*Nothing was restored\./);
      await expect(fb.services.backup.restore(join(dir, 'newer.fbk.gz'), { force: true })).rejects.toThrow('The backup is in format 2, newer than this Fieldbook reads (up to 1)');
    });
    for (const table of ['office', 'activity', 'app_user', 'session']) expect(await rowCount(target, table), table).toBe(0);
  });

  it('refuses to restore over a database with data unless --force, which replaces it', async () => {
    const target = join(dir, 'occupied.db');
    copySqliteTemplate(target);
    const offices = await rowCount(target, 'office');
    const refused = await fieldbook(['restore', backup], sqliteEnv(target));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The database is not empty \(.*office: \d+ rows.*\); nothing was restored\. .*--force/);
    expect(await rowCount(target, 'office')).toBe(offices);
    expect(await rowCount(target, 'activity')).toBe(0);

    await withFieldbookOn(sqliteEnv(target), (fb) => fb.services.backup.restore(backup, { force: true }));
    expect(await contents(`sqlite:${target}`)).toEqual(await contents(`sqlite:${source}`));
  });

  it('stops, naming it, at a table it does not know how to carry, and writes no file', async () => {
    const file = join(dir, 'unknown-type.db');
    copySqliteTemplate(file);
    const database = openDatabase<Database>(`sqlite:${file}`);
    await sql`create table site_map (id text primary key, outline geometry)`.execute(database.db);
    await database.close();
    const out = join(dir, 'unknown-type.fbk.gz');
    await withFieldbookOn(sqliteEnv(file), async (fb) => {
      await expect(fb.services.backup.backup(out)).rejects.toThrow('site_map.outline has the type "geometry", which the backup format cannot carry');
    });
    expect(existsSync(out)).toBe(false);
  });

  it.each(DIALECTS)('takes a consistent backup on %s while activities are being written', async (dialect) => {
    const file = join(dir, `busy-${dialect}.db`);
    let env: Record<string, string>;
    let schema: string | undefined;
    if (dialect === 'sqlite') {
      copySqliteTemplate(file);
      env = sqliteEnv(file);
    } else {
      schema = await newPostgresSchema();
      schemas.push(schema);
      env = postgresEnv(schema);
    }
    const fb = await openFieldbook(loadConfig({ ...env, LOG_LEVEL: 'silent' }), schema ? { schema } : {});
    const written: string[] = [];
    let writing = true;
    try {
      if (dialect === 'postgres') await seedReference(fb, 'data/reference');
      // Each activity is written with its status history, its audit event and the register's change counter, in one transaction.
      const writer = (async () => {
        while (writing) {
          written.push((await fb.services.activities.create(SYSTEM, createActivityBody.parse({ ...SEED_AFRICA_WORKSHOP, title: { en: `Busy ${written.length}` } }))).id);
          // SQLite answers synchronously: without a turn of the event loop the child process's exit would never be heard.
          await new Promise((r) => setImmediate(r));
        }
      })();
      while (written.length < 3) await Promise.race([writer, new Promise((r) => setTimeout(r, 20))]);
      const out = join(dir, `busy-${dialect}.fbk.gz`);
      const run = await fieldbook(['backup', '--out', out], env);
      const before = written.length;
      writing = false;
      await writer;
      expect(run.code, run.stderr).toBe(0);

      const restored = join(dir, `busy-${dialect}-restored.db`);
      await withFieldbookOn(sqliteEnv(restored), (target) => target.services.backup.restore(out, { force: false }));
      const tables = await contents(`sqlite:${restored}`);
      const activities = tables.get('activity')!.length;
      expect(activities).toBeGreaterThanOrEqual(3);
      expect(activities).toBeLessThanOrEqual(before);
      // Every table from the same moment: each activity with its history and audit event, the counter at the last write.
      expect(tables.get('activity_status_change')!.length).toBe(activities);
      expect(tables.get('audit_event')!.filter((row) => row.includes('"activity.create"')).length).toBe(activities);
      const counter = JSON.parse(tables.get('activity_change_counter')![0]!) as [number, number];
      expect(counter[1]).toBe(activities);
    } finally {
      writing = false;
      await fb.close();
    }
  });
});
