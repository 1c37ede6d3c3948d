/**
 * A spreadsheet brought into the register from the workspace: its headings read in the user's
 * words, the columns chosen, every row previewed (nothing written), then applied; an export of
 * the register coming back as updates of its activities, a stale one as per-row conflicts.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function send(server: TestServer, path: string, body: Buffer | string, token: string, type = 'text/csv') {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });
  return { status: res.status, body: JSON.parse(await res.text()) };
}

async function download(server: TestServer, path: string, token?: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const csvRows = (bytes: Buffer): string[][] => parse(bytes, { bom: true });
const csvText = (rows: string[][]): string => rows.map((cells) => cells.map((c) => (/[",\r\n;]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n');
const total = async (server: TestServer, token: string) => (await server.request('GET', '/api/activities?deleted=include&limit=200', { token })).body.data.length as number;

const FRENCH = csvText([
  ['Titre', 'Langue', 'Type', 'Bureaux', 'Date', 'Ville', 'Pays', 'Remarques', 'Lieu'],
  ['Atelier régional sur la QoS', 'fr', 'workshop', 'addis-ababa:organised', 'mars 2027', 'Dakar', 'SN', 'à confirmer', 'Hôtel Radisson'],
  ['Forum du Caire', 'fr', 'forum', 'cairo:organised', 'avril 2027', 'Le Caire', 'EG', '', ''],
  ['Webinaire', 'fr', 'webinar', 'addis-ababa:organised', 'jamais', '', '', '', ''],
]);

describeHttp('spreadsheets previewed and applied from the workspace', { users: { editor: { role: 'editor', office: 'addis-ababa' }, admin: { role: 'admin' } } }, (http) => {
  it('guesses French headings, previews each row with its reasons by column, writes nothing, and applies the choice the user made', async () => {
    const { editor } = http.users;
    const preview = await send(http.server, '/api/activities/import/preview', FRENCH, editor.token);
    expect(preview.status).toBe(200);
    // "Lieu" (place) is also a word for the city: the first heading keeps the column, the second is the user's to decide.
    expect(preview.body.columns).toEqual(['title', 'original_language', 'kind', 'offices', 'date_text', 'place_city', 'place_country', null, null]);
    expect(preview.body.header[0]).toBe('Titre');
    expect(preview.body.firstRow[0]).toBe('Atelier régional sur la QoS');
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 2 });
    expect(preview.body.rows).toEqual([
      { row: 2, action: 'create', title: 'Atelier régional sur la QoS' },
      { row: 3, action: 'refused', errors: [expect.objectContaining({ column: 'offices', code: 'not_your_office' })] },
      { row: 4, action: 'refused', errors: [expect.objectContaining({ column: 'date_text', code: 'date_unreadable', params: { value: 'jamais' } })] },
    ]);
    expect(await total(http.server, editor.token)).toBe(0);

    // The user takes "Lieu" as the city instead of "Ville": a choice of columns is sent with the file.
    const columns = 'title,original_language,kind,offices,date_text,,place_country,,place_city';
    const chosen = await send(http.server, `/api/activities/import/preview?columns=${columns}`, FRENCH, editor.token);
    expect(chosen.body.columns[8]).toBe('place_city');
    // Choosing a column twice, or leaving out a required one, is said before any row is read.
    const twice = await send(http.server, '/api/activities/import/preview?columns=title,original_language,kind,offices,date_text,place_city,place_country,,place_city', FRENCH, editor.token);
    expect(twice.body.problems).toEqual([{ code: 'column_twice', column: 'place_city', message: expect.stringMatching(/"Ville" and "Lieu"/) }]);
    expect(twice.body.rows).toEqual([]);
    const unknown = await send(http.server, '/api/activities/import/preview?columns=title,nonsense', FRENCH, editor.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toMatch(/^query\.columns/);

    // All or nothing: refused rows stop the whole file; the valid rows go when asked.
    const refused = await send(http.server, `/api/activities/import?columns=${columns}`, FRENCH, editor.token);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ stored: 0, refused: 2 });
    expect(await total(http.server, editor.token)).toBe(0);
    const applied = await send(http.server, `/api/activities/import?columns=${columns}&mode=valid-rows`, FRENCH, editor.token);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ stored: 1, created: 1, updated: 0, refused: 2, ignoredColumns: ['Ville', 'Remarques'] });
    const stored = (await http.server.request('GET', `/api/activities/${applied.body.rows[0].id}`, { token: editor.token })).body;
    expect(stored).toMatchObject({ title: { fr: 'Atelier régional sur la QoS' }, place: { city: 'Hôtel Radisson', country: 'SN' }, date: { start: '2027-03-01', end: '2027-03-31' } });
  });

  it('gives the template in the asked language, whose headings and example row import as one new activity', async () => {
    const { editor } = http.users;
    const csv = await download(http.server, '/api/activities/import/template?lang=fr');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/activities-template-fr\.csv/);
    const [header, example, ...more] = csvRows(csv.bytes);
    expect(header!.slice(0, 5)).toEqual(['Titre', 'Langue', 'Type', 'Statut', 'Visibilité']);
    expect(example!.slice(0, 3)).toEqual(['Atelier régional sur la qualité de service', 'fr', 'workshop']);
    expect(more).toEqual([]);
    const preview = await send(http.server, '/api/activities/import/preview', csv.bytes, editor.token);
    expect(preview.body).toMatchObject({ problems: [], counts: { create: 1, update: 0, unchanged: 0, refused: 0 } });

    const xlsx = await download(http.server, '/api/activities/import/template?lang=ru&format=xlsx');
    expect(xlsx.type).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Название');
    const applied = await send(http.server, '/api/activities/import', xlsx.bytes, editor.token, XLSX);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ created: 1 });
    expect((await http.server.request('GET', `/api/activities/${applied.body.rows[0].id}`)).body.title).toEqual({ ru: 'Региональный семинар по качеству обслуживания' });
  });

  it('re-imports an export as updates of the same activities: only the edited rows change, translations and link titles kept', async () => {
    const { editor } = http.users;
    const kept = await buildActivity(http.server, { title: { en: 'Forum on digital inclusion' }, date: { text: 'May 2021' } });
    const edited = await buildActivity(http.server, {
      title: { fr: 'Atelier sur la QoS', en: 'Workshop on QoS' },
      originalLanguage: 'fr',
      links: [{ url: 'https://example.org/programme', title: 'Programme' }],
      date: { text: 'June 2021' },
    });
    // A workbook exported as it is comes back as no change at all.
    const workbook = (await download(http.server, '/api/activities?format=xlsx&sort=date', editor.token)).bytes;
    expect((await send(http.server, '/api/activities/import/preview', workbook, editor.token, XLSX)).body.counts).toEqual({ create: 0, update: 0, unchanged: 2, refused: 0 });
    const exported = csvRows((await download(http.server, '/api/activities?format=csv&sort=date', editor.token)).bytes);
    const [header, ...rows] = exported;
    const at = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[at('id')] === edited.id)!;
    row[at('title')] = 'Atelier régional sur la QoS';
    row[at('status')] = 'cancelled';
    const file = csvText([header!, ...rows]);

    const preview = await send(http.server, '/api/activities/import/preview', file, editor.token);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 0, update: 1, unchanged: 1, refused: 0 });
    expect(preview.body.rows).toEqual([
      { row: 2, action: 'unchanged', id: kept.id, title: 'Forum on digital inclusion' },
      { row: 3, action: 'update', id: edited.id, title: 'Atelier régional sur la QoS', changed: ['title', 'status'] },
    ]);
    expect((await http.server.request('GET', `/api/activities/${edited.id}`, { token: editor.token })).body.version).toBe(1);

    const applied = await send(http.server, '/api/activities/import', file, editor.token);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ stored: 1, created: 0, updated: 1, refused: 0, summary: 'Stored 1 activity (0 added, 1 updated).' });
    expect(applied.body.rows).toEqual([
      { row: 2, status: 'unchanged', id: kept.id },
      { row: 3, status: 'taken', action: 'update', id: edited.id, changed: ['title', 'status'] },
    ]);
    const after = (await http.server.request('GET', `/api/activities/${edited.id}`, { token: editor.token })).body;
    expect(after).toMatchObject({
      version: 2,
      status: 'cancelled',
      title: { fr: 'Atelier régional sur la QoS', en: 'Workshop on QoS' },
      links: [{ url: 'https://example.org/programme', title: 'Programme' }],
      statusHistory: [expect.objectContaining({ to: 'held' }), expect.objectContaining({ from: 'held', to: 'cancelled', by: editor.email })],
    });
    expect((await http.server.request('GET', `/api/activities/${kept.id}`, { token: editor.token })).body.version).toBe(1);
    const history = (await http.server.request('GET', `/api/activities/${edited.id}/history`, { token: editor.token })).body.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['activity.create', 'activity.update']);
    expect(await total(http.server, editor.token)).toBe(2);
  });

  it('answers a stale export with a conflict on its row, overwriting nothing, and tells the rows of an all-or-nothing file apart', async () => {
    const { editor } = http.users;
    const activity = await buildActivity(http.server, { title: { en: 'Training on spectrum' }, date: { text: 'July 2021' } });
    const [header, ...rows] = csvRows((await download(http.server, '/api/activities?format=csv', editor.token)).bytes);
    // Someone else changes the activity after the export.
    const patched = await http.server.request('PATCH', `/api/activities/${activity.id}`, { token: editor.token, body: { version: 1, participants: 40 } });
    expect(patched.status).toBe(200);
    rows[0]![header!.indexOf('title')] = 'Training on spectrum management';
    const file = csvText([header!, ...rows, ['', 'A new one', 'en', 'training', 'planned', 'public', 'addis-ababa:organised', '', '', 'August 2021']]);

    const preview = await send(http.server, '/api/activities/import/preview', file, editor.token);
    expect(preview.body.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 1 });
    expect(preview.body.rows[0]).toEqual({
      row: 2,
      action: 'refused',
      id: activity.id,
      errors: [{ column: 'version', code: 'version_conflict', message: expect.stringMatching(/version 1 in the file, 2 now/), params: { version: 1, current: 2 } }],
    });
    const refused = await send(http.server, '/api/activities/import', file, editor.token);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ stored: 0, refused: 1, rows: [{ row: 2, status: 'refused', id: activity.id }, { row: 3, status: 'valid', action: 'create' }] });
    const now = (await http.server.request('GET', `/api/activities/${activity.id}`, { token: editor.token })).body;
    expect(now).toMatchObject({ version: 2, title: { en: 'Training on spectrum' }, participants: 40 });
    expect(await total(http.server, editor.token)).toBe(1);
  });

  it('reads the plan columns of an export back: edited links change, computed goals stay computed, unknown and ambiguous labels are named by row, column and value', async () => {
    const { editor } = http.users;
    // An output (whose objective serves goal 2) and a target of goal 3, which has no column of its own.
    const linked = await buildActivity(http.server, { title: { en: 'Workshop on bridging the standardization gap' }, date: { text: 'March 2021' }, plans: ['T-2020:output:T.2-1', 'SP-2020:target:3.1'] });
    const [header, ...rows] = csvRows((await download(http.server, '/api/activities?format=csv', editor.token)).bytes);
    const at = (name: string) => header!.indexOf(name);
    expect(rows[0]![at('outputs')]).toBe('T-2020:T.2-1');
    expect(rows[0]![at('goals')]).toBe('SP-2020:2; SP-2020:3');
    // The export as it is changes nothing: its computed goals are not read as links of their own.
    expect((await send(http.server, '/api/activities/import/preview', csvText([header!, ...rows]), editor.token)).body.counts).toEqual({ create: 0, update: 0, unchanged: 1, refused: 0 });

    rows[0]![at('outputs')] = 'T-2020:T.1-1';
    rows[0]![at('initiatives')] = 'WTDC-17:CIS3';
    rows[0]![at('goals')] = 'SP-2020:2; SP-2020:3; SP-2020:5';
    const newRow = (title: string, plans: { outputs?: string; initiatives?: string; goals?: string }) => {
      const cells = header!.map(() => '');
      Object.assign(cells, { [at('title')]: title, [at('original_language')]: 'en', [at('kind')]: 'workshop', [at('offices')]: 'addis-ababa:organised', [at('date_text')]: 'May 2025' });
      for (const [column, value] of Object.entries(plans)) cells[at(column)] = value;
      return cells;
    };
    const file = csvText([
      header!,
      rows[0]!,
      newRow('Forum on standards', { outputs: 'T.9-9', initiatives: 'CIS3', goals: '2' }),
      // A bare label only one plan has is enough; goals computed above the output are not stored as links.
      newRow('Training on standards', { outputs: 'T-2024:T.2-1', goals: 'SP-2024:1; SP-2024:2' }),
    ]);
    const preview = await send(http.server, '/api/activities/import/preview', file, editor.token);
    expect(preview.body.counts).toEqual({ create: 1, update: 1, unchanged: 0, refused: 1 });
    expect(preview.body.rows[0]).toEqual({ row: 2, action: 'update', id: linked.id, title: 'Workshop on bridging the standardization gap', changed: ['outputs', 'initiatives', 'goals'] });
    expect(preview.body.rows[1]).toEqual({
      row: 3,
      action: 'refused',
      errors: [
        { column: 'outputs', code: 'unknown_plan_item', message: expect.stringMatching(/no output "T\.9-9" in the plans/), params: { value: 'T.9-9' } },
        { column: 'goals', code: 'plan_label_ambiguous', message: expect.stringMatching(/"2" is a goal of several plans \(SP-2020, SP-2024\)/), params: { value: '2', plans: 'SP-2020, SP-2024', example: 'SP-2024:2' } },
      ],
    });

    const applied = await send(http.server, '/api/activities/import?mode=valid-rows', file, editor.token);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ stored: 2, created: 1, updated: 1, refused: 1 });
    const after = (await http.server.request('GET', `/api/activities/${linked.id}`, { token: editor.token })).body;
    // The target (no column) is kept; goal 2 was computed in the export and goal 3 still is: only goal 5 is linked itself.
    expect(after.plans).toEqual(['SP-2020:target:3.1', 'T-2020:output:T.1-1', 'WTDC-17:initiative:CIS3', 'SP-2020:goal:5']);
    const created = (await http.server.request('GET', `/api/activities/${applied.body.rows[2].id}`, { token: editor.token })).body;
    expect(created.plans).toEqual(['T-2024:output:T.2-1']);
    // And the filters find them by what the file linked.
    const byInitiative = await http.server.request('GET', '/api/activities?initiative=CIS3', { token: editor.token });
    expect(byInitiative.body.data.map((a: { id: string }) => a.id)).toEqual([linked.id]);
  });

  it('documents the preview and the template in the OpenAPI document', async () => {
    const doc = (await http.server.request('GET', '/api/openapi.json')).body;
    const preview = doc.paths['/api/activities/import/preview'].post;
    expect(Object.keys(preview.requestBody.content).sort()).toEqual([XLSX, 'text/csv'].sort());
    expect(preview.parameters.map((p: { name: string }) => p.name)).toEqual(['columns']);
    expect(Object.keys(preview.responses['200'].content['application/json'].schema.properties)).toEqual(['header', 'firstRow', 'columns', 'problems', 'counts', 'rows']);
    const template = doc.paths['/api/activities/import/template'].get;
    expect(template.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['format', 'lang']);
  });
});
