/** The `fieldbook` command as a newcomer and an operator use it: real processes, a real SQLite file. */
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copySqliteTemplate } from '../support/database.ts';
import { deflatedEntry, docxWith, zeros } from '../support/upload-files.ts';

const BIN = resolve('bin/fieldbook.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fieldbook(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

// Each test starts in its own folder: on an empty database file, or on a copy of the seeded
// template where it needs the regional presence (`seeded()`), so none relies on another's commands.
describe('fieldbook command line', { timeout: 120_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const seeded = (): void => copySqliteTemplate(join(dir, 'fb.db'));
  const count = (table: string): number => {
    const db = new Database(join(dir, 'fb.db'), { readonly: true });
    try {
      return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fieldbook-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'fb.db')}` };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('explains every command with --help', async () => {
    const serve = await fieldbook(['serve', '--help'], env);
    expect(serve.stdout).toContain('--port <n>');
    for (const command of [['migrate'], ['seed'], ['user', 'add'], ['token', 'create']]) {
      const help = await fieldbook([...command, '--help'], env);
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: fieldbook');
    }
  });

  it('migrates, then seeds the regional presence idempotently', async () => {
    expect((await fieldbook(['migrate'], env)).stdout).toContain('up to date');
    const first = await fieldbook(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Loaded 6 regions, 15 offices/);
    expect(first.stdout).toMatch(/11 plans with \d+ items/);
    const offices = count('office');
    const bodies = count('body');
    expect((await fieldbook(['seed'], env)).code).toBe(0);
    expect(count('office')).toBe(offices);
    expect(count('body')).toBe(bodies);
    expect(count('region')).toBe(6);
  });

  it('stops on malformed reference data, naming file, record and field, and changes nothing', async () => {
    seeded();
    const reference = join(dir, 'reference');
    cpSync('data/reference', reference, { recursive: true });
    // One acceptable change and one broken record in the same load: neither may land.
    const regions = JSON.parse(readFileSync(join(reference, 'regions.json'), 'utf8')) as Array<{ code: string; name: { en: string } }>;
    regions[0]!.name.en = 'Changed Africa';
    writeFileSync(join(reference, 'regions.json'), JSON.stringify(regions));
    const offices = JSON.parse(readFileSync(join(reference, 'offices.json'), 'utf8')) as Array<{ code: string; coordinates: { lat: number } }>;
    offices.find((o) => o.code === 'dakar')!.coordinates.lat = 200;
    writeFileSync(join(reference, 'offices.json'), JSON.stringify(offices));

    const run = await fieldbook(['seed', '--reference', reference], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('offices.json');
    expect(run.stderr).toContain('("dakar")');
    expect(run.stderr).toContain('field coordinates.lat');
    expect(run.stderr).toContain('nothing was changed');
    const db = new Database(join(dir, 'fb.db'), { readonly: true });
    const africa = db.prepare(`select name from region where code = 'AFR'`).get() as { name: string };
    db.close();
    expect(JSON.parse(africa.name).en).toBe('Africa');

    writeFileSync(join(reference, 'offices.json'), '[{"code": "x",');
    const broken = await fieldbook(['seed', '--reference', reference], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/offices\.json: not valid JSON/);
  });

  it('stops on a malformed plan file, naming file, record and field, and changes nothing', async () => {
    seeded();
    const reference = join(dir, 'reference');
    cpSync('data/reference', reference, { recursive: true });
    // A renamed region (acceptable) and an output whose objective is not in its plan: neither may land.
    const regions = JSON.parse(readFileSync(join(reference, 'regions.json'), 'utf8')) as Array<{ code: string; name: { en: string } }>;
    regions[0]!.name.en = 'Changed Africa';
    writeFileSync(join(reference, 'regions.json'), JSON.stringify(regions));
    const planFile = join(reference, 'plans', 'itu-t-2020.json');
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { items: Array<{ level: string; label: string; parent?: string; title: { en: string } }> };
    plan.items.find((i) => i.level === 'output' && i.label === 'T.2-1')!.parent = 'T.9';
    plan.items.find((i) => i.level === 'output' && i.label === 'T.4-3')!.title.en = 'Changed title';
    writeFileSync(planFile, JSON.stringify(plan));

    const run = await fieldbook(['seed', '--reference', reference], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('itu-t-2020.json');
    expect(run.stderr).toContain('("T.2-1")');
    expect(run.stderr).toContain('field parent: no objective "T.9"');
    const db = new Database(join(dir, 'fb.db'), { readonly: true });
    const africa = db.prepare(`select name from region where code = 'AFR'`).get() as { name: string };
    const outreach = db.prepare(`select title from plan_item where id = 'T-2020:output:T.4-3'`).get() as { title: string };
    db.close();
    expect(JSON.parse(africa.name).en).toBe('Africa');
    expect(JSON.parse(outreach.title).en).toBe('Outreach and promotion');
  });

  it('adds users with a clear error per option, and prints a working token once', async () => {
    seeded();
    const noOffice = await fieldbook(['user', 'add', '--email', 'ed@example.org', '--role', 'editor'], env);
    expect(noOffice.code).toBe(1);
    expect(noOffice.stderr).toContain('--office: an editor needs the office they write for');
    const badRole = await fieldbook(['user', 'add', '--email', 'ed@example.org', '--role', 'boss'], env);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role.*boss/);

    const added = await fieldbook(
      ['user', 'add', '--email', 'ed@example.org', '--role', 'editor', '--office', 'addis-ababa', '--password-stdin'],
      env,
      'a long enough passphrase\n',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created editor ed@example.org for addis-ababa');

    const token = await fieldbook(['token', 'create', '--email', 'ed@example.org', '--name', 'script'], env);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^fbt_[A-Za-z0-9_-]{40,}$/);
    expect(count('api_token')).toBe(1);
    const stored = new Database(join(dir, 'fb.db'), { readonly: true });
    const hashes = stored.prepare('select token_hash from api_token').all() as Array<{ token_hash: string }>;
    stored.close();
    expect(hashes[0]!.token_hash).not.toContain(secret.slice(4));

    // A token that expires: in so many days, or through a day; never one already past or unreadable.
    const expiring = await fieldbook(['token', 'create', '--email', 'ed@example.org', '--name', 'for a month', '--expires', '30d'], env);
    expect(expiring.code).toBe(0);
    expect(expiring.stderr).toMatch(/working until \d{4}-\d{2}-\d{2}T/);
    const past = await fieldbook(['token', 'create', '--email', 'ed@example.org', '--expires', '2020-01-01'], env);
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('--expires: 2020-01-01T23:59:59.999Z has already passed');
    const unreadable = await fieldbook(['token', 'create', '--email', 'ed@example.org', '--expires', 'soon'], env);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('--expires: "soon" is not 90d, 2027-06-30 or an ISO instant');
    expect(count('api_token')).toBe(2);

    const unknown = await fieldbook(['token', 'create', '--email', 'nobody@example.org'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no account for nobody@example.org');

    // The token works against the server on the same database.
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' } });
    try {
      const url = await new Promise<string>((found, failed) => {
        let out = '';
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening at (http:\/\/\S+?) /.exec(out);
          if (match?.[1]) found(match[1]);
        });
        server.once('exit', (code) => failed(new Error(`serve exited with ${code}: ${out}`)));
      });
      const me = await fetch(`${url}/api/session`, { headers: { authorization: `Bearer ${secret}` } });
      expect(await me.json()).toMatchObject({ user: { email: 'ed@example.org', role: 'editor', office: 'addis-ababa' }, via: 'token' });
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('serves an empty database after loading the regional presence by itself', async () => {
    const fresh = { DATABASE_URL: `sqlite:${join(dir, 'fresh', 'new.db')}` };
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...process.env, ...fresh, LOG_LEVEL: 'silent' } });
    try {
      let out = '';
      const url = await new Promise<string>((found, failed) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening at (http:\/\/\S+?) /.exec(out);
          if (match?.[1]) found(match[1]);
        });
        server.once('exit', (code) => failed(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(out).toMatch(/Loaded the regional presence: 6 regions, 15 offices/);
      expect(out).toMatch(/Imported the demo report: \d+ activities in the register/);
      const offices = (await (await fetch(`${url}/api/offices`)).json()) as { data: unknown[] };
      expect(offices.data).toHaveLength(15);
      const activities = (await (await fetch(`${url}/api/activities?office=addis-ababa`)).json()) as { data: Array<{ title: { en: string } }> };
      expect(activities.data.length).toBeGreaterThanOrEqual(5);
      expect(activities.data.some((a) => /Quality of Service/.test(a.title.en))).toBe(true);
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('imports a report: a summary, the whole proposal as JSON, and a stored batch found again', async () => {
    seeded();
    const report = 'data/demo/tsag-2020-regional-offices-contribution.txt';
    const dry = await fieldbook(['import', report, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^region\s+office\s+items\s+dated\s+undated$/m);
    expect(dry.stdout).toMatch(/^AFR\s+addis-ababa\s+\d+/m);
    expect(dry.stdout).toContain('Period: January – August 2020 (2020-01-01 to 2020-08-31)');
    expect(count('import_batch')).toBe(0);

    const json = await fieldbook(['import', report, '--dry-run', '--json', '--office', 'moscow'], env);
    const proposal = JSON.parse(json.stdout) as { header: unknown; period: unknown; activities: Array<Record<string, unknown>>; unplaced: unknown[] };
    expect(Object.keys(proposal)).toEqual(expect.arrayContaining(['header', 'period', 'activities', 'unplaced']));
    expect(proposal.activities.length).toBeGreaterThan(0);
    for (const activity of proposal.activities) {
      expect(activity).toMatchObject({ region: 'CIS', office: 'moscow' });
      expect(Object.keys(activity)).toEqual(
        expect.arrayContaining(['region', 'office', 'kind', 'status', 'roles', 'date', 'place', 'bodies', 'title', 'description', 'provenance']),
      );
    }

    const stored = await fieldbook(['import', report], env);
    expect(stored.stdout).toMatch(/Stored as import batch [0-9a-f-]{36}: \d+ proposals to review/);
    const again = await fieldbook(['import', report], env);
    expect(again.stdout).toContain('This document was imported before');
    expect(count('import_batch')).toBe(1);

    const missing = await fieldbook(['import', 'no/such/file.docx'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no/such/file.docx: cannot be read (ENOENT)');
  });

  it('refuses an empty file, and reports a Word file with no recognisable sections as nothing placed, line by line', async () => {
    seeded();
    const batches = count('import_batch');
    writeFileSync(join(dir, 'empty.txt'), '');
    const empty = await fieldbook(['import', join(dir, 'empty.txt')], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim()).toBe('file: "empty.txt" is empty');
    expect(count('import_batch')).toBe(batches);

    const paragraphs = ['Lunch was served at noon under the trees.', 'The committee thanked the volunteers.'];
    const minutes = new Document({
      sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Minutes of the staff picnic' }), ...paragraphs.map((text) => new Paragraph({ text }))] }],
    });
    writeFileSync(join(dir, 'minutes.docx'), await Packer.toBuffer(minutes));
    const run = await fieldbook(['import', join(dir, 'minutes.docx')], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 activities proposed; 2 passages could not be placed:');
    expect(run.stdout).toContain('  line 2 (section Minutes of the staff picnic): Lunch was served at noon under the trees.');
    expect(run.stdout).toContain('  line 3 (section Minutes of the staff picnic): The committee thanked the volunteers.');
    expect(run.stdout).toMatch(/Stored as import batch [0-9a-f-]{36}: 0 proposals to review\./);
    expect(count('import_batch')).toBe(batches + 1);
  });

  it('refuses a zip bomb with the limit named, as the server does, storing nothing', async () => {
    seeded();
    const batches = count('import_batch');
    writeFileSync(join(dir, 'bomb.docx'), await docxWith(await deflatedEntry('word/document.xml', zeros(150))));
    const run = await fieldbook(['import', join(dir, 'bomb.docx')], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('"bomb.docx" unpacks to 150 MB, more than the 50 MB an upload may unpack to.');
    expect(count('import_batch')).toBe(batches);
  });

  it('writes the report to an advisory group as a Word file from the demo register, and refuses a bad period or Sector', async () => {
    const demo = { DATABASE_URL: `sqlite:${join(dir, 'demo.db')}` };
    const seeded = await fieldbook(['seed', '--demo'], demo);
    expect(seeded.code, seeded.stderr).toBe(0);
    const out = join(dir, 'report.docx');
    const run = await fieldbook(['report', '--sector', 'ITU-T', '--from', '2020-01-01', '--to', '2020-08-31', '--format', 'docx', '--out', out], demo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*report\.docx: \d+ activities\.$/m);
    const text = (await mammoth.extractRawText({ path: out })).value;
    for (const heading of ['Africa – Regional Office for Africa', 'Americas – Regional Office for the Americas', 'Arab States – Regional Office for the Arab States', 'Europe – ITU Office for Europe']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('ROA consulted countries and encouraged them to propose nominations for relevant and vacant positions in TSAG and Study Groups.');

    // The demo's closed round, compiled from the offices' accepted contributions; the open one only as a draft.
    expect(seeded.stdout).toContain('reporting rounds tsag-2020, tsag-2021');
    const roundOut = join(dir, 'round.docx');
    const round = await fieldbook(['report', '--round', 'tsag-2020', '--out', roundOut], demo);
    expect(round.code, round.stderr).toBe(0);
    expect(round.stdout).toMatch(/^Wrote .*round\.docx: the round tsag-2020/m);
    const roundText = (await mammoth.extractRawText({ path: roundOut })).value;
    expect(roundText).toContain('ITU-T SG13 events held in Abuja, Nigeria: A workshop on Standardization of fiber networks towards a better connected Africa');
    expect(roundText).toContain('TSB Focal Point for the Regions');
    const open = await fieldbook(['report', '--round', 'tsag-2021', '--format', 'md'], demo);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('contributions are not accepted');
    const draft = await fieldbook(['report', '--round', 'tsag-2021', '--format', 'md', '--draft'], demo);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stdout).toContain('DRAFT');

    const backwards = await fieldbook(['report', '--sector', 'ITU-T', '--from', '2020-08-31', '--to', '2020-01-01', '--out', join(dir, 'backwards.docx')], demo);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr.trim()).toBe('--to: is before from');
    const unknown = await fieldbook(['report', '--sector', 'ITU-X', '--from', '2020-01-01', '--to', '2020-08-31', '--format', 'md'], demo);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('--sector: unknown Sector "ITU-X"');
  });

  it('refuses a bad configuration, naming the variable', async () => {
    const run = await fieldbook(['migrate'], { DATABASE_URL: 'mysql://localhost/x' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL: must start with sqlite:');
  });
});
