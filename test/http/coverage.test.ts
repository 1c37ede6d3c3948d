/**
 * The coverage of a Sector's plan over HTTP on both databases: counts by office and region with
 * the gaps and the totals (each activity once in a total), internal activities counted for staff
 * only, the CSV and XLSX files, the heatmap, the public summary page, and a 400 naming each bad
 * parameter.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeEach, expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import { registerFilter } from '#src/coverage/model.ts';

interface Figures {
  planned: number;
  held: number;
  gap: boolean;
}
interface Table {
  level: 'output' | 'initiative';
  plans: string[];
  region: string | null;
  columns: Array<{ kind: string; code: string }>;
  rows: Array<{ label: string; cells: Figures[]; total: Figures }>;
  totals: Figures[];
  total: Figures;
}

const fig = (planned: number, held: number) => ({ planned, held, gap: planned === 0 && held === 0 });

/** The figures of a row (or the totals, row null) in a column. */
function at(table: Table, row: string | null, column: string): Figures {
  const index = table.columns.findIndex((c) => c.code === column);
  if (index < 0) throw new Error(`no column ${column}`);
  if (row === null) return table.totals[index]!;
  const found = table.rows.find((r) => r.label === row);
  if (!found) throw new Error(`no row ${row}`);
  return found.cells[index]!;
}

async function download(url: string, path: string, token?: string) {
  const res = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

describeHttp(
  'the coverage of the plans over HTTP',
  { users: { reader: { role: 'reader' }, tsb: { role: 'focal-point', bureau: 'TSB' } } },
  (http) => {
    beforeEach(async () => {
      const s = http.server;
      // Held in Addis Ababa, March 2020.
      await buildActivity(s, { plans: ['T-2020:output:T.2-1'] });
      // Planned by two offices of Africa: once in the region's cell and in the totals.
      await buildActivity(s, {
        title: { en: 'Regional group meeting' },
        status: 'planned',
        offices: [
          { office: 'addis-ababa', role: 'organised' },
          { office: 'dakar', role: 'co-organised' },
        ],
        date: { text: 'June 2020' },
        plans: ['T-2020:output:T.2-1'],
      });
      // Internal, confirmed, Moscow: staff see it, the public does not.
      await buildActivity(s, { title: { en: 'Internal planning call' }, status: 'confirmed', visibility: 'internal', offices: [{ office: 'moscow', role: 'organised' }], date: { text: 'October 2020' }, plans: ['T-2020:output:T.2-1'] });
      // Not counted in 2020: another year, and a cancelled one.
      await buildActivity(s, { title: { en: 'WTSA preparation 2021' }, offices: [{ office: 'cairo', role: 'organised' }], date: { text: 'May 2021' }, plans: ['T-2020:output:T.1-1'] });
      await buildActivity(s, { title: { en: 'Cancelled forum' }, status: 'cancelled', offices: [{ office: 'cairo', role: 'organised' }], date: { text: 'May 2020' }, plans: ['T-2020:output:T.1-1'] });
      // A regional initiative of the CIS, held in Moscow.
      await buildActivity(s, { title: { en: 'CIS3 smart cities forum' }, offices: [{ office: 'moscow', role: 'organised' }], date: { text: 'September 2020' }, plans: ['WTDC-17:initiative:CIS3'] });
    });

    it('counts planned and held activities by office and region, with the gaps and the totals (staff: internal ones too)', async () => {
      const res = await http.server.request('GET', '/api/coverage?sector=ITU-T&year=2020&lang=en', { token: http.users.reader.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sector: 'ITU-T', year: 2020, plan: { code: 'T-2020' }, internalCounted: true });
      const outputs = res.body.outputs as Table;
      expect(outputs.rows.map((r) => r.label)).toEqual(['T.1-1', 'T.1-2', 'T.1-3', 'T.2-1', 'T.3-1', 'T.4-1', 'T.4-2', 'T.4-3', 'T.4-4']);
      // Columns: each region followed by its offices open in the year (New Delhi opened in 2023).
      const codes = outputs.columns.map((c) => c.code);
      expect(codes.slice(0, 5)).toEqual(['AFR', 'addis-ababa', 'dakar', 'harare', 'yaounde']);
      expect(codes).not.toContain('new-delhi');

      expect(at(outputs, 'T.2-1', 'addis-ababa')).toEqual(fig(1, 1));
      expect(at(outputs, 'T.2-1', 'dakar')).toEqual(fig(1, 0));
      expect(at(outputs, 'T.2-1', 'AFR')).toEqual(fig(1, 1));
      expect(at(outputs, 'T.2-1', 'moscow')).toEqual(fig(1, 0));
      expect(at(outputs, 'T.2-1', 'harare')).toEqual(fig(0, 0));
      expect(outputs.rows.find((r) => r.label === 'T.2-1')!.total).toEqual(fig(2, 1));
      // The other year's and the cancelled activity leave T.1-1 a gap everywhere.
      expect(outputs.rows.find((r) => r.label === 'T.1-1')!.cells.every((c) => c.gap)).toBe(true);
      expect(at(outputs, null, 'AFR')).toEqual(fig(1, 1));
      expect(at(outputs, null, 'cairo')).toEqual(fig(0, 0));
      expect(outputs.total).toEqual(fig(2, 1));

      // Each figure's link asks the register for the activities it counts.
      for (const [bucket, row, column, expected] of [
        ['planned', 'T.2-1', { kind: 'office', code: 'addis-ababa' }, 1],
        ['held', 'T.2-1', { kind: 'region', code: 'AFR' }, 1],
        ['planned', null, null, 2],
      ] as const) {
        const filter = registerFilter(res.body.outputs, 2020, bucket, row, column);
        const listed = await http.server.request('GET', `/api/activities?${new URLSearchParams(filter).toString()}`, { token: http.users.reader.token });
        expect(listed.status).toBe(200);
        expect(listed.body.data, JSON.stringify(filter)).toHaveLength(expected);
      }

      const cis = (res.body.initiatives as Table[]).find((t) => t.region === 'CIS')!;
      expect(cis.columns.map((c) => c.code)).toEqual(['moscow']);
      expect(at(cis, 'CIS3', 'moscow')).toEqual(fig(0, 1));
      expect(at(cis, 'CIS1', 'moscow')).toEqual(fig(0, 0));
      expect(cis.total).toEqual(fig(0, 1));
    });

    it('follows an activity moved to another year (the links carry its dates)', async () => {
      const moved = await buildActivity(http.server, { title: { en: 'Moved workshop' }, offices: [{ office: 'harare', role: 'organised' }], plans: ['T-2020:output:T.3-1'] });
      const before = await http.server.request('GET', '/api/coverage?sector=ITU-T&year=2020', { token: http.users.reader.token });
      expect(at(before.body.outputs, 'T.3-1', 'harare')).toEqual(fig(0, 1));
      const patched = await http.server.request('PATCH', `/api/activities/${moved.id}`, { token: http.users.tsb.token, body: { version: moved.version, date: { text: '2 - 3 March 2021' } } });
      expect(patched.status).toBe(200);
      const after2020 = await http.server.request('GET', '/api/coverage?sector=ITU-T&year=2020', { token: http.users.reader.token });
      expect(at(after2020.body.outputs, 'T.3-1', 'harare')).toEqual(fig(0, 0));
      const after2021 = await http.server.request('GET', '/api/coverage?sector=ITU-T&year=2021', { token: http.users.reader.token });
      expect(at(after2021.body.outputs, 'T.3-1', 'harare')).toEqual(fig(0, 1));
    });

    it('follows what an edit changes of a linked activity: its status, offices, visibility, deletion (the links carry them)', async () => {
      const activities = http.server.database.fieldbook.services.activities;
      const system = { kind: 'system', label: 'coverage test' } as const;
      const cell = async (column: string, token?: string) =>
        at((await http.server.request('GET', '/api/coverage?sector=ITU-T&year=2020', token ? { token } : {})).body.outputs, 'T.4-1', column);
      const made = await buildActivity(http.server, { title: { en: 'Forum on digital inclusion' }, status: 'planned', offices: [{ office: 'harare', role: 'organised' }], plans: ['T-2020:output:T.4-1'] });
      expect(await cell('harare', http.users.reader.token)).toEqual(fig(1, 0));
      const held = await activities.update(system, made.id, { version: made.version, status: 'held' });
      expect(await cell('harare', http.users.reader.token)).toEqual(fig(0, 1));
      const moved = await activities.update(system, made.id, { version: held.version, offices: [{ office: 'cairo', role: 'organised' }] });
      expect(await cell('harare', http.users.reader.token)).toEqual(fig(0, 0));
      expect(await cell('ARB', http.users.reader.token)).toEqual(fig(0, 1));
      expect(await cell('ARB')).toEqual(fig(0, 1));
      await activities.update(system, made.id, { version: moved.version, visibility: 'internal' });
      expect(await cell('ARB')).toEqual(fig(0, 0));
      expect(await cell('ARB', http.users.reader.token)).toEqual(fig(0, 1));
      await activities.remove(system, made.id);
      expect(await cell('ARB', http.users.reader.token)).toEqual(fig(0, 0));
      await activities.restore(system, made.id);
      expect(await cell('cairo', http.users.reader.token)).toEqual(fig(0, 1));
    });

    it('counts public activities only for everyone else', async () => {
      const res = await http.server.request('GET', '/api/coverage?sector=ITU-T&year=2020');
      expect(res.status).toBe(200);
      expect(res.body.internalCounted).toBe(false);
      expect(at(res.body.outputs, 'T.2-1', 'moscow')).toEqual(fig(0, 0));
      expect(at(res.body.outputs, 'T.2-1', 'CIS')).toEqual(fig(0, 0));
      expect(res.body.outputs.total).toEqual(fig(1, 1));
    });

    it('has no outputs for a Sector without a plan covering the year (ITU-R in 2025), and the initiatives still', async () => {
      const res = await http.server.request('GET', '/api/coverage?sector=ITU-R&year=2025');
      expect(res.status).toBe(200);
      expect(res.body.plan).toBeNull();
      expect(res.body.outputs.rows).toEqual([]);
      expect(res.body.initiatives.length).toBeGreaterThan(0);
    });

    it('names every bad parameter in a 400', async () => {
      const res = await http.server.request('GET', '/api/coverage?sector=ITU-X&year=twenty&format=pdf');
      expect(res.status).toBe(400);
      const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
      expect(paths).toEqual(['query.format', 'query.sector', 'query.year']);
      const svg = await http.server.request('GET', '/api/coverage/heatmap.svg?year=2020');
      expect(svg.status).toBe(400);
      expect(svg.body.errors).toEqual([expect.objectContaining({ path: 'query.sector' })]);
    });

    it('downloads the view as CSV (texts kept from running as formulas) and as XLSX', async () => {
      const item = await http.server.request('GET', '/api/plans/items/T-2020:output:T.3-1');
      const renamed = await http.server.request('PATCH', '/api/plans/items/T-2020:output:T.3-1', { token: http.users.tsb.token, body: { version: item.body.version, title: { en: '=HYPERLINK("http://example.org")' } } });
      expect(renamed.status).toBe(200);

      const csv = await download(http.server.url, '/api/coverage?sector=ITU-T&year=2020&format=csv&lang=en', http.users.reader.token);
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      expect(csv.disposition).toContain('coverage-ITU-T-2020.csv');
      const rows: Array<Record<string, string>> = parse(csv.bytes, { bom: true, columns: true });
      const addis = rows.find((r) => r.label === 'T.2-1' && r.column === 'addis-ababa')!;
      expect(addis).toMatchObject({ table: 'T-2020', level: 'output', column_kind: 'office', column_name: 'Addis Ababa', planned: '1', held: '1', gap: 'no' });
      expect(rows.find((r) => r.label === 'T.2-1' && r.column_kind === 'total')).toMatchObject({ planned: '2', held: '1' });
      const renamedRow = rows.find((r) => r.label === 'T.3-1' && r.column === 'AFR')!;
      expect(renamedRow).toMatchObject({ gap: 'yes', title: `'=HYPERLINK("http://example.org")` });
      expect(rows.find((r) => r.table === 'CIS' && r.label === 'CIS3' && r.column === 'moscow')).toMatchObject({ level: 'initiative', held: '1' });

      const xlsx = await download(http.server.url, '/api/coverage?sector=ITU-T&year=2020&format=xlsx&lang=en', http.users.reader.token);
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => sheet.push((row.values as unknown[]).slice(1)));
      expect(sheet[0]).toEqual(['table', 'level', 'label', 'title', 'column_kind', 'column', 'column_name', 'planned', 'held', 'gap']);
      expect(sheet).toContainEqual(['T-2020', 'output', 'T.2-1', expect.any(String), 'office', 'dakar', 'Dakar', 1, 0, 'no']);
      expect(sheet.length).toBe(rows.length + 1);
    });

    it('draws the heatmap as an SVG image with its title, the figures and the gaps hatched', async () => {
      const res = await http.server.request('GET', '/api/coverage/heatmap.svg?sector=ITU-T&year=2020&lang=fr', { token: http.users.reader.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(res.text).toContain('<title id="coverage-heatmap-title">Couverture du ');
      expect(res.text).toContain('>T.2-1</text>');
      expect(res.text).toContain('url(#coverage-heatmap-gap)');
      expect(res.text).toContain('T.2-1, Addis-Abeba : 1 prévues, 1 tenues');
      // Two offices in Geneva: named by their names, the others by their cities.
      expect(res.text).toContain('>Siège de l&#39;UIT</text>');
    });

    it('publishes a summary of public activities by region in six languages, linked from the year page', async () => {
      const page = await http.server.request('GET', '/en/plans/ITU-T/2020/coverage');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<h1>Coverage of ');
      expect(page.text).toContain('<svg');
      expect(page.text).not.toContain('<script');
      // Africa: the public held one and the planned one; the CIS's internal call is not counted.
      expect(page.text).toMatch(/T\.2-1 <span class="coverage-title">[^<]*<\/span><\/th><td>1 planned, 1 held<\/td>(<td class="coverage-gap">gap<\/td>){5}<td>1 planned, 1 held<\/td>/);
      expect(page.text).not.toContain('Internal planning call');
      const arabic = await http.server.request('GET', '/ar/plans/ITU-T/2020/coverage');
      expect(arabic.status).toBe(200);
      expect(arabic.text).toContain('<html lang="ar" dir="rtl">');
      expect(arabic.text).toContain('فجوة');
      expect((await http.server.request('GET', '/en/plans/ITU-X/2020/coverage')).status).toBe(404);
      const year = await http.server.request('GET', '/en/years/2020');
      expect(year.text).toContain('href="/en/plans/ITU-T/2020/coverage"');
    });
  },
);
