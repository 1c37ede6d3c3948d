/**
 * How `fieldbook seed` meets the registry kept in the workspace (decision 23), as an operator
 * runs it: a record edited in the workspace stays as the workspace left it and the seed names it;
 * records nobody edited take the files' changes; records the files hold unchanged are not written.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFieldbook } from '#src/app.ts';
import { loadConfig } from '#src/platform/config.ts';
import { copySqliteTemplate } from '../support/database.ts';

const BIN = resolve('bin/fieldbook.js');

function fieldbook(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('fieldbook seed after edits in the workspace', { timeout: 120_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const row = (sql: string, ...params: string[]): Record<string, unknown> => {
    const db = new Database(join(dir, 'fb.db'), { readonly: true });
    try {
      return db.prepare(sql).get(...params) as Record<string, unknown>;
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fieldbook-regedit-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'fb.db')}` };
    copySqliteTemplate(join(dir, 'fb.db'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what the workspace edited, names it, and loads the rest of the files', async () => {
    // A focal point moves the Cairo office and makes the SG12 chair vacant in the workspace.
    const fb = await openFieldbook(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      const { auth, registry, vacancies } = fb.services;
      const password = 'a long enough passphrase';
      await auth.createUser({ kind: 'system', label: 'test' }, { email: 'focal@example.org', role: 'focal-point', bureau: 'TSB', password });
      const session = await auth.login({ email: 'focal@example.org', password }, '127.0.0.1');
      const focal = (await auth.actorForSession(session.sessionToken))!.actor;
      await registry.updateOffice(focal, 'cairo', { version: 1, city: { en: 'Cairo (Smart Village)' } });
      const chair = (await vacancies.listPositions(focal, { studyPeriod: '2025-2028', body: 'SG12' }))[0]!;
      await vacancies.updatePosition(focal, chair.position.id, { version: chair.mark.version, status: 'vacant' });
    } finally {
      await fb.close();
    }

    // The files change Cairo's city too, rename Dakar (nobody edited it) and fill the SG12 chair.
    const reference = join(dir, 'reference');
    cpSync('data/reference', reference, { recursive: true });
    const offices = JSON.parse(readFileSync(join(reference, 'offices.json'), 'utf8')) as Array<{ code: string; name: { en: string }; city: { en: string } }>;
    offices.find((o) => o.code === 'cairo')!.city.en = 'Cairo (from the files)';
    offices.find((o) => o.code === 'dakar')!.name.en = 'Area Office for West Africa (from the files)';
    writeFileSync(join(reference, 'offices.json'), JSON.stringify(offices, null, 2));
    const positions = JSON.parse(readFileSync(join(reference, 'positions.json'), 'utf8')) as Array<{ body: string; studyPeriod: string; status: string; holder: unknown }>;
    Object.assign(positions.find((p) => p.body === 'SG12' && p.studyPeriod === '2025-2028')!, { status: 'filled', holder: { name: 'From the files', country: 'FR' } });
    writeFileSync(join(reference, 'positions.json'), JSON.stringify(positions, null, 2));

    const run = await fieldbook(['seed', '--reference', reference], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Loaded 6 regions, 1[56] offices/);
    expect(run.stdout).toContain('Kept 2 record(s) edited in the workspace, which the files would change: office cairo, position SG12:2025-2028:chair:-.');

    expect(JSON.parse(row("select city from office where code = 'cairo'").city as string).en).toBe('Cairo (Smart Village)');
    expect(row("select status from leadership_position where id = 'SG12:2025-2028:chair:-'").status).toBe('vacant');
    // Nobody edited Dakar: the files' change lands, as a new version (a form open on the old one gets 409).
    const dakar = row("select name, version, edited_at from office where code = 'dakar'");
    expect(JSON.parse(dakar.name as string).en).toBe('Area Office for West Africa (from the files)');
    expect(dakar).toMatchObject({ version: 2, edited_at: null });
    // What the files hold unchanged is not written again.
    expect(row("select version from office where code = 'harare'").version).toBe(1);

    // Seeding again changes nothing more and says the same.
    const again = await fieldbook(['seed', '--reference', reference], env);
    expect(again.stdout).toContain('Kept 2 record(s) edited in the workspace');
    expect(row("select version from office where code = 'dakar'").version).toBe(2);
  });

  it('says nothing about kept records when the files agree with the workspace or nothing was edited', async () => {
    const run = await fieldbook(['seed'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Kept');
    expect(row("select max(version) as v from office").v).toBe(1);
  });
});
