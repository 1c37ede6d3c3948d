import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { HEADER } from '#src/activities/files/table-format.ts';
import type { Dialect } from '#src/platform/database.ts';
import { isAppError } from '#src/platform/errors.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ARABIC = 'ورشة عمل حول جودة الخدمة';
const CHINESE = '区域标准化论坛';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

async function download(server: TestServer, path: string, options: { token?: string; accept?: string } = {}): Promise<Download> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.accept) headers.accept = options.accept;
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(server: TestServer, bytes: Buffer | string, options: { token?: string; type?: string; query?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': options.type ?? 'text/csv' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${server.url}/api/activities/import${options.query ?? ''}`, { method: 'POST', headers, body: bytes });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const readCsvFile = (bytes: Buffer): Array<Record<string, string>> => parse(bytes, { bom: true, columns: true });

async function readXlsxFile(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

const csvOf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const count = async (target: TestServer, token: string) =>
  (await target.request('GET', '/api/activities?deleted=include&limit=200', { token })).body.data.length as number;

const HAND_MADE_HEADER = 'title,original_language,kind,offices,date_text,place_city,place_country';

type Ids = Record<'arabic' | 'chinese' | 'formula' | 'internal' | 'cairo', string>;

/** Activities in Arabic and Chinese, one with formula-like texts, one internal, one of another office. */
async function buildFixtures(server: TestServer): Promise<Ids> {
  const ids = {} as Ids;
  ids.arabic = (
    await buildActivity(server, {
      title: { ar: ARABIC },
      originalLanguage: 'ar',
      description: { ar: 'نظمت ورشة عمل بنجاح' },
      offices: [{ office: 'addis-ababa', role: 'organised' }],
      place: { city: 'القاهرة', country: 'EG' },
    })
  ).id;
  ids.chinese = (
    await buildActivity(server, {
      title: { zh: CHINESE },
      originalLanguage: 'zh',
      kind: 'forum',
      status: 'planned',
      description: undefined,
      offices: [{ office: 'addis-ababa', role: 'participated' }, { office: 'cairo', role: 'supported' }],
      bodies: ['SG12RG-AFR', 'ATU'],
      date: { text: 'mid November 2020' },
      place: { online: true },
      participants: 120,
      links: [{ url: 'https://www.itu.int/en/ITU-T/forum' }, { url: 'https://example.org/programme' }],
    })
  ).id;
  ids.formula = (await buildActivity(server, { title: { en: FORMULA }, description: { en: '+SUM(1,2) and @cmd' }, date: { text: 'Q3 2020' } })).id;
  ids.internal = (await buildActivity(server, { title: { en: 'Internal consultation' }, kind: 'consultation', visibility: 'internal', date: { text: 'January 2020' } })).id;
  ids.cairo = (await buildActivity(server, { title: { en: 'Cairo coordination' }, kind: 'coordination', offices: [{ office: 'cairo', role: 'organised' }] })).id;
  return ids;
}

/** What both blocks below start from: the fixtures, and staff to export and import them. */
const FIXTURES_REGISTER = {
  users: { editor: { role: 'editor', office: 'addis-ababa' }, reader: { role: 'reader' }, focal: { role: 'focal-point', bureau: 'TSB' } },
  data: buildFixtures,
} as const;

// These tests store nothing (exports, dry runs, refused files), so they share one register.
describeHttp('activities as CSV and XLSX files: exports and refused imports', { ...FIXTURES_REGISTER, database: 'shared' }, (http) => {
  it('exports the filtered list as CSV: UTF-8 with BOM, the documented columns, Arabic and Chinese intact, formulas neutralised', async () => {
    const res = await download(http.server, '/api/activities?office=addis-ababa&format=csv', { token: http.users.editor.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="activities-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = readCsvFile(res.bytes);
    expect(Object.keys(rows[0]!)).toEqual([...HEADER]);
    expect(rows.map((r) => r.id).sort()).toEqual([http.data.arabic, http.data.chinese, http.data.formula, http.data.internal].sort());
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(http.data.arabic)).toMatchObject({ title: ARABIC, original_language: 'ar', description: 'نظمت ورشة عمل بنجاح', place_city: 'القاهرة', place_country: 'EG' });
    expect(byId.get(http.data.chinese)).toMatchObject({
      title: CHINESE,
      kind: 'forum',
      status: 'planned',
      offices: 'addis-ababa:participated; cairo:supported',
      bodies: 'SG12RG-AFR; ATU',
      sectors: 'ITU-T',
      date_text: 'mid November 2020',
      place_mode: 'online',
      place_city: '',
      participants: '120',
      links: 'https://www.itu.int/en/ITU-T/forum https://example.org/programme',
      version: '1',
    });
    expect(byId.get(http.data.formula)).toMatchObject({ title: `'${FORMULA}`, description: "'+SUM(1,2) and @cmd" });
    expect(byId.get(http.data.internal)?.visibility).toBe('internal');

    const narrower = readCsvFile((await download(http.server, '/api/activities?office=addis-ababa&kind=forum&format=csv', { token: http.users.editor.token })).bytes);
    expect(narrower.map((r) => r.id)).toEqual([http.data.chinese]);
  });

  it('exports XLSX when Accept asks for it, with the same rows and columns', async () => {
    const res = await download(http.server, '/api/activities?office=addis-ababa&sort=-date', { token: http.users.editor.token, accept: XLSX });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(/filename="activities-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(res.headers.get('vary')).toMatch(/accept/i);
    const [header, ...rows] = await readXlsxFile(res.bytes);
    expect(header).toEqual([...HEADER]);
    expect(rows).toHaveLength(4);
    const column = (name: string) => HEADER.indexOf(name);
    expect(rows[0]![column('id')]).toBe(http.data.chinese);
    expect(rows[0]![column('title')]).toBe(CHINESE);
    expect(rows[0]![column('participants')]).toBe('120');
    const formula = rows.find((r) => r[column('id')] === http.data.formula)!;
    expect(formula[column('title')]).toBe(`'${FORMULA}`);
    expect(rows.find((r) => r[column('id')] === http.data.arabic)![column('title')]).toBe(ARABIC);

    // JSON stays the default, also for browsers' Accept headers.
    const json = await http.server.request('GET', '/api/activities?office=addis-ababa', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(Array.isArray(json.body.data)).toBe(true);
  });

  it('keeps internal activities out of an anonymous export, and refuses an export beyond the cap', async () => {
    const anonymous = readCsvFile((await download(http.server, '/api/activities?format=csv')).bytes);
    const seen = anonymous.map((r) => r.id);
    expect(seen).toContain(http.data.arabic);
    expect(seen).not.toContain(http.data.internal);
    const asked = await download(http.server, '/api/activities?format=csv&visibility=internal');
    expect(asked.status).toBe(200);
    expect(asked.bytes.toString('utf8').replace(/^\uFEFF/, '').trim()).toBe(HEADER.join(','));

    const { activities } = http.server.database.fieldbook.services;
    const query = { sort: 'date' as const, limit: 50, deleted: 'exclude' as const };
    await expect(activities.listAll({ kind: 'anonymous' }, query, (a) => a.id, 2)).rejects.toSatisfy(
      (e) => isAppError(e) && e.code === 'export_too_large' && e.extra.issues?.[0]?.path === 'query',
    );
    expect(await activities.listAll({ kind: 'anonymous' }, query, (a) => a.id, 4)).toHaveLength(4);
    const bad = await http.server.request('GET', '/api/activities?format=pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.format');
  });

  it('gives the same export through the service (exportFile) as the list route sends, in both formats', async () => {
    const { activities } = http.server.database.fieldbook.services;
    const query = { office: ['addis-ababa'], sort: 'date' as const, deleted: 'exclude' as const };
    const csv = await activities.exportFile({ kind: 'anonymous' }, query, 'csv');
    const sent = await download(http.server, '/api/activities?office=addis-ababa&format=csv');
    expect(csv.contentType).toBe(sent.headers.get('content-type'));
    expect(sent.headers.get('content-disposition')).toBe(`attachment; filename="${csv.fileName}"`);
    expect(csv.body.equals(sent.bytes)).toBe(true);
    expect(readCsvFile(csv.body).map((r) => r.id)).not.toContain(http.data.internal);

    const xlsx = await activities.exportFile({ kind: 'anonymous' }, query, 'xlsx');
    const sentXlsx = await download(http.server, '/api/activities?office=addis-ababa&format=xlsx');
    expect(xlsx.contentType).toBe(XLSX);
    expect(xlsx.fileName).toMatch(/^activities-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await readXlsxFile(xlsx.body);
    expect(header).toEqual([...HEADER]);
    expect(rows.map((r) => r[HEADER.indexOf('id')]).sort()).toEqual([http.data.arabic, http.data.chinese, http.data.formula].sort());
    expect(await readXlsxFile(xlsx.body)).toEqual(await readXlsxFile(sentXlsx.bytes));
  });

  it('stores nothing on a dry run, and answers a file it cannot read with 400 naming the problem', async () => {
    const before = await count(http.server, http.users.focal.token);
    const dry = await upload(http.server, csvOf([HAND_MADE_HEADER, 'Dry,en,webinar,addis-ababa:organised,August 2021,,']), { token: http.users.focal.token, query: '?dryRun=true&mode=valid-rows' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, stored: 0, rows: [{ row: 2, status: 'valid' }] });
    expect(dry.body.summary).toMatch(/^Dry run, nothing stored/);

    const problem = async (bytes: Buffer | string, type?: string) => {
      const res = await upload(http.server, bytes, { token: http.users.focal.token, ...(type ? { type } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return res.body as { code: string; errors: Array<{ path: string; message: string }> };
    };
    const garbage = await problem(Buffer.from([0x00, 0xff, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x80]));
    expect(garbage.code).toBe('import_file_unreadable');
    expect(garbage.errors[0]).toEqual({ path: 'body', code: 'file_unreadable', message: expect.stringMatching(/not UTF-8/) });
    expect((await problem(Buffer.from('not a zip at all'), XLSX)).errors[0]!.message).toMatch(/not an XLSX workbook/);
    expect((await problem('')).errors[0]!.message).toMatch(/empty/);
    expect((await problem('title,kind\r\nA,workshop\r\n')).errors[0]!.message).toMatch(/column original_language, .*column offices, .*as the date/);
    expect((await problem(`${HAND_MADE_HEADER}\r\n`)).errors[0]!.message).toMatch(/no activities/);
    expect((await problem(JSON.stringify({ title: 'x' }), 'application/json')).errors[0]!.path).toBe('body');
    expect((await upload(http.server, 'x', { token: http.users.focal.token, type: 'application/pdf' })).status).toBe(415);
    expect((await upload(http.server, csvOf([HAND_MADE_HEADER]), { token: http.users.focal.token, query: '?mode=some' })).status).toBe(400);
    expect(await count(http.server, http.users.focal.token)).toBe(before);
  });

  it('documents both in the OpenAPI document', async () => {
    const doc = (await http.server.request('GET', '/api/openapi.json')).body;
    const importing = doc.paths['/api/activities/import'].post;
    expect(Object.keys(importing.requestBody.content).sort()).toEqual([XLSX, 'text/csv'].sort());
    expect(importing.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['columns', 'dryRun', 'mode']);
    expect(Object.keys(importing.responses)).toEqual(expect.arrayContaining(['200', '201']));
    const listing = doc.paths['/api/activities'].get;
    expect(listing.parameters.map((p: { name: string }) => p.name)).toContain('format');
    expect(Object.keys(listing.responses['200'].content)).toEqual(expect.arrayContaining(['application/json', 'text/csv', XLSX]));
  });
});

// Each of these stores activities the exports would list, so each starts on its own register.
describeHttp('activities as CSV and XLSX files: imports', FIXTURES_REGISTER, (http) => {
  it('refuses a file with a bad row whole (all-or-nothing), or takes the others when asked (valid-rows)', async () => {
    const file = csvOf([
      HAND_MADE_HEADER,
      'Atelier régional sur la QoS,fr,workshop,addis-ababa:organised,4 - 5 May 2021,Dakar,SN',
      'Bad row,en,party,atlantis:organised,sometime soon,,',
      '"Forum, with a comma",en,forum,addis-ababa:co-organised,June 2021,,',
    ]);
    const before = await count(http.server, http.users.focal.token);
    const refused = await upload(http.server, file, { token: http.users.focal.token });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ mode: 'all-or-nothing', dryRun: false, stored: 0, refused: 1 });
    expect(refused.body.summary).toMatch(/^Nothing stored: 1 row refused .* mode=valid-rows to store the other 2 rows\.$/);
    expect(refused.body.rows).toEqual([
      { row: 2, status: 'valid', action: 'create' },
      { row: 3, status: 'refused', errors: [{ column: 'kind', code: 'not_allowed', message: expect.stringMatching(/workshop/), params: expect.objectContaining({ allowed: expect.stringContaining('workshop') }) }] },
      { row: 4, status: 'valid', action: 'create' },
    ]);
    expect(await count(http.server, http.users.focal.token)).toBe(before);

    // Once the row's shape is right, the registry checks speak by column too.
    const registryRefused = await upload(http.server, csvOf([HAND_MADE_HEADER, 'Bad row,en,forum,atlantis:organised,sometime soon,,']), { token: http.users.focal.token });
    expect(registryRefused.body.rows[0].errors).toEqual([
      { column: 'offices', code: 'unknown_office', message: 'unknown office "atlantis"', params: { value: 'atlantis' } },
      { column: 'date_text', code: 'date_unreadable', message: 'cannot read "sometime soon" as a date', params: { value: 'sometime soon' } },
    ]);

    const taken = await upload(http.server, file, { token: http.users.focal.token, query: '?mode=valid-rows' });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ mode: 'valid-rows', stored: 2, refused: 1, summary: 'Stored 2 activities; refused 1 row (see errors).' });
    expect(taken.body.rows.map((r: { status: string }) => r.status)).toEqual(['taken', 'refused', 'taken']);
    expect(await count(http.server, http.users.focal.token)).toBe(before + 2);
    const stored = (await http.server.request('GET', `/api/activities/${taken.body.rows[0].id}`)).body;
    expect(stored).toMatchObject({
      title: { fr: 'Atelier régional sur la QoS' },
      kind: 'workshop',
      status: 'planned',
      visibility: 'public',
      date: { start: '2021-05-04', end: '2021-05-05' },
      place: { city: 'Dakar', country: 'SN', mode: 'in-person' },
    });
    expect((await http.server.request('GET', `/api/activities/${taken.body.rows[2].id}`)).body.title).toEqual({ en: 'Forum, with a comma' });
  });

  it('lets an editor import only their own office, and nobody else who may not write', async () => {
    const file = csvOf([
      HAND_MADE_HEADER,
      'Addis training,en,training,addis-ababa:organised,July 2021,,',
      'Cairo training,en,training,cairo:organised,July 2021,,',
    ]);
    const res = await upload(http.server, file, { token: http.users.editor.token, query: '?mode=valid-rows' });
    expect(res.status).toBe(201);
    expect(res.body.rows[0]).toMatchObject({ row: 2, status: 'taken' });
    expect(res.body.rows[1]).toEqual({
      row: 3,
      status: 'refused',
      errors: [{ column: 'offices', code: 'not_your_office', message: 'forbidden: you may import only activities of your office (addis-ababa)', params: { office: 'addis-ababa' } }],
    });
    expect((await upload(http.server, file, { token: http.users.reader.token })).status).toBe(403);
    expect((await upload(http.server, file)).status).toBe(401);
  });
});

interface Exported {
  ids: Ids;
  csv: Buffer;
  xlsx: Buffer;
  /** The Chinese activity as the source register gives it. */
  original: Record<string, any>;
}

/** The fixtures as a source register exports them; the source is closed once they are read. */
async function exportFromAnotherRegister(dialect: Dialect): Promise<Exported> {
  const source = await startTestServer(dialect);
  try {
    const ids = await buildFixtures(source);
    const editor = await buildUser(source, { role: 'editor', office: 'addis-ababa' });
    return {
      ids,
      csv: (await download(source, '/api/activities?office=addis-ababa&format=csv', { token: editor.token })).bytes,
      xlsx: (await download(source, '/api/activities?office=addis-ababa&format=xlsx', { token: editor.token })).bytes,
      original: (await source.request('GET', `/api/activities/${ids.chinese}`, { token: editor.token })).body,
    };
  } finally {
    await source.close();
  }
}

describeHttp('an export imported into another register', { users: { admin: { role: 'admin' } } }, (http) => {
  // Before the tested register starts (each test's hook): one fresh PostgreSQL schema migrates at a time.
  let exported: Exported;
  beforeAll(async () => {
    exported = await exportFromAnotherRegister(http.dialect);
  });

  it('imports an export into another register: the activities appear, as they were, once', async () => {
    const { server: other, users: { admin: otherAdmin } } = http;
    const { ids, csv, xlsx, original } = exported;
    const dry = await upload(other, xlsx, { token: otherAdmin.token, type: XLSX, query: '?dryRun=true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ mode: 'all-or-nothing', dryRun: true, stored: 0, refused: 0, ignoredColumns: [] });
    expect(dry.body.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([[2, 'valid'], [3, 'valid'], [4, 'valid'], [5, 'valid']]);
    expect(await count(other, otherAdmin.token)).toBe(0);

    const res = await upload(other, csv, { token: otherAdmin.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ stored: 4, refused: 0, summary: 'Stored 4 activities.' });
    expect(res.body.rows.map((r: { id: string }) => r.id).sort()).toEqual([ids.arabic, ids.chinese, ids.formula, ids.internal].sort());

    const copy = (await other.request('GET', `/api/activities/${ids.chinese}`, { token: otherAdmin.token })).body;
    for (const field of ['title', 'originalLanguage', 'kind', 'status', 'visibility', 'offices', 'sectors', 'bodies', 'date', 'place', 'participants']) {
      expect(copy[field], field).toEqual(original[field]);
    }
    expect(copy.links.map((l: { url: string }) => l.url)).toEqual(original.links.map((l: { url: string }) => l.url));
    expect(copy.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'planned', by: otherAdmin.email })]);
    const formula = (await other.request('GET', `/api/activities/${ids.formula}`, { token: otherAdmin.token })).body;
    expect(formula.title).toEqual({ en: FORMULA });
    expect(formula.description).toEqual({ en: '+SUM(1,2) and @cmd' });
    expect((await other.request('GET', `/api/activities/${ids.arabic}`, { token: otherAdmin.token })).body.title).toEqual({ ar: ARABIC });
    expect((await other.request('GET', `/api/activities/${ids.internal}`)).status).toBe(404);
    const history = await other.request('GET', `/api/activities/${ids.arabic}/history`, { token: otherAdmin.token });
    expect(history.body.data.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['activity.create', otherAdmin.email]]);

    // The same file again finds every activity as it says: nothing is written, nothing refused.
    const again = await upload(other, csv, { token: otherAdmin.token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: 0, refused: 0, summary: 'Nothing stored: all 4 rows are as in the register.' });
    expect(again.body.rows.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await count(other, otherAdmin.token)).toBe(4);
  });
});
