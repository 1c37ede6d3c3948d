/**
 * The offices' annual plans over HTTP on both databases (decision 26): a plan contribution written
 * by the office's editors at its version (409 when stale, 400 naming every entry at fault, history),
 * who may write it, the public office page grouped by Sector and output in English and Arabic,
 * the annual plan as Word and PDF, and the reports' annex "Activities by plan output".
 */
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import { seedDemo } from '#src/app.ts';
import { describeHttp } from '../support/describe-http.ts';
import { docxParts, partText } from '../support/docx-parts.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const PATH = '/api/offices/moscow/plan-contributions/2020/ITU-T';
const T21 = 'T-2020:output:T.2-1';
const CIS3 = 'WTDC-17:initiative:CIS3';
const GAP_TEXT = 'We support the regional groups of Study Groups 3 and 20 and help organize their meetings.';
const CIS3_TEXT = 'We look for pilot projects on smart sustainable cities with the U4SSC secretariat.';

const moscow = (title: string, overrides: Record<string, unknown> = {}) => ({
  title: { en: title },
  offices: [{ office: 'moscow', role: 'organised' }],
  place: { city: 'Minsk', country: 'BY' },
  bodies: [],
  description: { en: title },
  ...overrides,
});

async function buildPlanYear(server: TestServer) {
  return {
    regionalGroup: await buildActivity(server, moscow('Regional group meeting in Minsk', { status: 'planned', date: { text: '4 - 5 March 2020' }, plans: [T21] })),
    forum: await buildActivity(server, moscow('Forum on smart sustainable cities', { status: 'held', date: { text: '3 - 5 March 2020' }, plans: [CIS3] })),
    internal: await buildActivity(server, moscow('Internal planning call on fellowships', { status: 'confirmed', visibility: 'internal', date: { text: '10 June 2020' }, plans: [T21] })),
    unlinked: await buildActivity(server, moscow('Webinar with no plan link', { status: 'planned', date: { text: '15 September 2020' } })),
  };
}

const entries = [
  { item: T21, text: { en: GAP_TEXT, ru: 'Мы поддерживаем региональные группы 3-й и 20-й исследовательских комиссий.' } },
  { item: CIS3, text: { en: CIS3_TEXT } },
];

describeHttp(
  'annual plans over HTTP',
  {
    users: {
      editor: { role: 'editor', office: 'moscow' },
      otherEditor: { role: 'editor', office: 'addis-ababa' },
      tsb: { role: 'focal-point', bureau: 'TSB' },
      bdt: { role: 'focal-point', bureau: 'BDT' },
      reader: { role: 'reader' },
    },
    data: buildPlanYear,
  },
  (http) => {
    it('lets the office write its contribution at its version, lists the planned activities under each item, keeps history and answers 409 to a stale write', async () => {
      const empty = await http.server.request('GET', `${PATH}?lang=en`, { token: http.users.editor.token });
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ office: 'moscow', sector: 'ITU-T', year: 2020, version: 0, entries: [] });
      const choices = empty.body.choices.map((c: { id: string }) => c.id);
      expect(choices).toEqual(expect.arrayContaining([T21, CIS3, 'T-2020:output:T.1-1']));
      expect(choices).not.toContain('WTDC-17:initiative:AFR1');

      const saved = await http.server.request('PUT', `${PATH}?lang=ru`, { token: http.users.editor.token, body: { version: 0, entries } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.version).toBe(1);
      expect(saved.body.entries[0].item).toMatchObject({ id: T21, label: 'T.2-1', title: expect.stringContaining('Преодоление разрыва') });
      // Planned and confirmed ones only, the internal one included for staff; the held forum is not "planned".
      expect(saved.body.entries[0].planned.map((a: { title: string }) => a.title).sort()).toEqual(['Internal planning call on fellowships', 'Regional group meeting in Minsk']);
      expect(saved.body.entries[1].planned).toEqual([]);

      const stale = await http.server.request('PUT', PATH, { token: http.users.tsb.token, body: { version: 0, entries: [] } });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ version: 1, entries: [expect.objectContaining({ text: entries[0]!.text }), expect.objectContaining({ text: entries[1]!.text })] });

      const second = await http.server.request('PUT', PATH, { token: http.users.tsb.token, body: { version: 1, entries: [entries[1]] } });
      expect(second.status).toBe(200);
      expect(second.body.version).toBe(2);

      const history = await http.server.request('GET', `${PATH}/history`, { token: http.users.reader.token });
      expect(history.status).toBe(200);
      expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(['office_plan_contribution.create', 'office_plan_contribution.update']);
      expect(history.body.data[1].changes.map((c: { field: string }) => c.field)).toContain('entries');

      const year = await http.server.request('GET', '/api/offices/moscow/plan-contributions/2020', { token: http.users.reader.token });
      expect(year.body.data).toHaveLength(1);
      expect(year.body.data[0]).toMatchObject({ sector: 'ITU-T', version: 2 });
    });

    it('documents the contributions, the annual plan document and the annex in the OpenAPI document', async () => {
      const spec = await http.server.request('GET', '/api/openapi.json');
      for (const path of ['/api/offices/{code}/plan-contributions/{year}', '/api/offices/{code}/plan-contributions/{year}/{sector}', '/api/offices/{code}/plan-contributions/{year}/{sector}/history', '/api/offices/{code}/annual-plan/{year}.{format}']) {
        expect(Object.keys(spec.body.paths), path).toContain(path);
      }
      expect(Object.keys(spec.body.paths['/api/offices/{code}/plan-contributions/{year}/{sector}'])).toEqual(expect.arrayContaining(['get', 'put']));
      const annex = (route: string) => spec.body.paths[route].get.parameters.find((p: { name: string }) => p.name === 'annex');
      expect(annex('/api/reports/{id}.{format}')).toBeDefined();
      expect(annex('/api/rounds/{code}/report.{format}')).toBeDefined();
    });

    it('refuses a contribution naming every entry at fault', async () => {
      const bad = await http.server.request('PUT', PATH, {
        token: http.users.editor.token,
        body: {
          version: 0,
          entries: [
            { item: 'T-2020:output:T.9-9', text: { en: 'No such output' } },
            { item: 'SP-2020:goal:1', text: { en: 'A goal, not an output' } },
            { item: 'WTDC-17:initiative:AFR1', text: { en: 'Another region' } },
            { item: T21, text: { en: 'First' } },
            { item: T21, text: { en: 'Twice' } },
          ],
        },
      });
      expect(bad.status).toBe(400);
      const byPath = Object.fromEntries(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
      expect(byPath).toEqual({
        'body.entries.0.item': 'unknown_plan_item',
        'body.entries.1.item': 'not_allowed',
        'body.entries.2.item': 'not_allowed',
        'body.entries.4.item': 'given_twice',
      });

      const shape = await http.server.request('PUT', PATH, { token: http.users.editor.token, body: { version: -1, entries: [{ item: 'not an id', text: {} }] } });
      expect(shape.status).toBe(400);
      expect(shape.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.entries.0.item', 'body.entries.0.text', 'body.version']);

      const sector = await http.server.request('GET', '/api/offices/moscow/plan-contributions/2020/ITU-X', { token: http.users.editor.token });
      expect(sector.status).toBe(400);
      expect(sector.body.errors[0]).toMatchObject({ path: 'path.sector', code: 'unknown_sector' });
      expect((await http.server.request('GET', '/api/offices/atlantis/plan-contributions/2020/ITU-T')).status).toBe(404);
      // Nothing was stored.
      expect((await http.server.request('GET', PATH)).body.version).toBe(0);
    });

    it("lets the office's editors, the Sector's focal points and admins write; others read", async () => {
      const write = (token?: string) => http.server.request('PUT', PATH, { ...(token ? { token } : {}), body: { version: 0, entries } });
      expect((await write()).status).toBe(401);
      expect((await write(http.users.reader.token)).status).toBe(403);
      expect((await write(http.users.otherEditor.token)).status).toBe(403);
      expect((await write(http.users.bdt.token)).status).toBe(403);
      expect((await write(http.users.editor.token)).status).toBe(200);
      const bdtOwn = await http.server.request('PUT', '/api/offices/moscow/plan-contributions/2020/ITU-D', { token: http.users.bdt.token, body: { version: 0, entries: [entries[1]] } });
      expect(bdtOwn.status).toBe(200);

      const publicRead = await http.server.request('GET', PATH);
      expect(publicRead.status).toBe(200);
      expect(publicRead.body.updatedBy).toBeNull();
      expect(publicRead.body.entries[0].planned.map((a: { title: string }) => a.title)).toEqual(['Regional group meeting in Minsk']);
      expect((await http.server.request('GET', `${PATH}/history`)).status).toBe(401);
    });

    it('shows the public office page grouped by Sector and output with the office text, in English and Arabic, the month view still there', async () => {
      await http.server.request('PUT', PATH, { token: http.users.editor.token, body: { version: 0, entries } });
      const en = await http.server.request('GET', '/en/offices/moscow?year=2020');
      expect(en.status).toBe(200);
      const page = en.text;
      const byOutput = page.slice(page.indexOf('id="by-output"'), page.indexOf('id="by-month"'));
      expect(byOutput).toContain('Telecommunication Standardization Sector');
      expect(byOutput).toContain('T.2-1</span> Bridging the standardization gap');
      expect(byOutput).toContain(GAP_TEXT);
      expect(byOutput).toContain(CIS3_TEXT);
      // The activities under their items, in the office's order; the internal one never.
      const [gap, cis3, unlinked] = [byOutput.indexOf('T.2-1</span>'), byOutput.indexOf('CIS3</span>'), byOutput.indexOf('Activities not linked to a plan output')];
      expect(gap).toBeLessThan(byOutput.indexOf('Regional group meeting in Minsk'));
      expect(byOutput.indexOf('Regional group meeting in Minsk')).toBeLessThan(cis3);
      expect(cis3).toBeLessThan(byOutput.indexOf('Forum on smart sustainable cities'));
      expect(unlinked).toBeLessThan(byOutput.indexOf('Webinar with no plan link'));
      expect(page).not.toContain('Internal planning call');
      expect(page).toContain('/api/offices/moscow/annual-plan/2020.docx?lang=en');
      expect(page.indexOf('id="by-month"')).toBeLessThan(page.indexOf('March 2020</h3>'));

      const ar = await http.server.request('GET', '/ar/offices/moscow?year=2020');
      expect(ar.status).toBe(200);
      expect(ar.text).toContain('dir="rtl"');
      expect(ar.text).toContain('حسب نواتج الخطة');
      expect(ar.text).toContain('سد الفجوة التقييسية');
      // The office wrote in English and Russian: the English shows, marked as such.
      expect(ar.text).toContain(`<span lang="en" dir="ltr">${GAP_TEXT}</span>`);
      expect(ar.text).toContain('/api/offices/moscow/annual-plan/2020.pdf?lang=ar');

      // A changed text shows at once (the page's validators move with the contribution).
      const etag = en.headers.get('etag');
      await http.server.request('PUT', PATH, { token: http.users.editor.token, body: { version: 1, entries: [{ item: T21, text: { en: 'A newer text.' } }] } });
      const again = await http.server.request('GET', '/en/offices/moscow?year=2020', { headers: { 'if-none-match': etag ?? '' } });
      expect(again.status).toBe(200);
      expect(again.text).toContain('A newer text.');
    });

    it('gives the annual plan as a Word document grouped by output, and as a PDF', async () => {
      await http.server.request('PUT', PATH, { token: http.users.editor.token, body: { version: 0, entries } });
      const res = await fetch(`${http.server.url}/api/offices/moscow/annual-plan/2020.docx?lang=en`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('annual-plan-moscow-2020.docx');
      const docx = Buffer.from(await res.arrayBuffer());
      const body = partText(docxParts(docx).get('word/document.xml') ?? '');
      const at = (text: string) => {
        const i = body.indexOf(text);
        expect(i, text).toBeGreaterThanOrEqual(0);
        return i;
      };
      expect(at('ANNUAL PLAN 2020')).toBeLessThan(at('ITU-T – ITU Telecommunication Standardization Sector'));
      expect(at('T.2-1 Bridging the standardization gap')).toBeLessThan(at(GAP_TEXT));
      expect(at(GAP_TEXT)).toBeLessThan(at('Regional group meeting in Minsk'));
      expect(at('Regional group meeting in Minsk')).toBeLessThan(at('CIS3 Development and regulation'));
      expect(at('CIS3 Development and regulation')).toBeLessThan(at('Forum on smart sustainable cities'));
      expect(at('Activities not linked to a plan output')).toBeLessThan(at('Webinar with no plan link'));
      expect(body).not.toContain('Internal planning call');
      // A table per output: the activities are rows of a Word table with their header.
      expect(docxParts(docx).get('word/document.xml')).toMatch(/<w:tblHeader\/>/);

      const { value: ru } = await mammoth.extractRawText({ buffer: Buffer.from(await (await fetch(`${http.server.url}/api/offices/moscow/annual-plan/2020.docx?lang=ru`)).arrayBuffer()) });
      expect(ru).toContain('Мы поддерживаем региональные группы');
      expect(ru).toContain('ГОДОВОЙ ПЛАН НА 2020 ГОД');

      const pdf = await fetch(`${http.server.url}/api/offices/moscow/annual-plan/2020.pdf?lang=ar`);
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

      // Signed in, the office's internal activity is in the plan too.
      const staff = await http.server.request('GET', '/api/offices/moscow/annual-plan/2020.md?lang=en', { token: http.users.reader.token });
      expect(staff.text).toContain('Internal planning call on fellowships');
    });

    it('adds the annex "Activities by plan output" to the quick printout in every format, only when asked', async () => {
      const created = await http.server.request('POST', '/api/reports', { token: http.users.tsb.token, body: { sector: 'ITU-T', from: '2020-01-01', to: '2020-12-31', selection: 'all', visibility: 'public', outlookMonths: 0 } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      const token = http.users.reader.token;

      const md = (await http.server.request('GET', `/api/reports/${id}.md?annex=plan-outputs`, { token })).text;
      const annex = md.slice(md.indexOf('Annex: Activities by plan output'));
      expect(md.indexOf('Annex: Activities by plan output')).toBeGreaterThan(0);
      expect(annex).toContain('| Office | Activity | Date | Status |');
      expect(annex).toMatch(/T\.2-1 Bridging the standardization gap[\s\S]*\| Regional Office for the CIS Region \| Regional group meeting in Minsk \| 4\s–\s5 March 2020 \| Planned \|/);
      expect(annex).toMatch(/CIS3 Development and regulation[\s\S]*Forum on smart sustainable cities \| 3\s–\s5 March 2020 \| Held/);
      expect(annex).toContain('linked to no plan output: 1');
      expect(annex).not.toContain('Internal planning call');

      const html = (await http.server.request('GET', `/api/reports/${id}.html?annex=plan-outputs&lang=fr`, { token })).text;
      expect(html).toContain('Annexe : Activités par produit du plan');
      expect(html).toMatch(/<table class="annex">\s*<caption dir="auto">T\.2-1 Réduction de l&#39;écart en matière de normalisation/);

      const docx = await fetch(`${http.server.url}/api/reports/${id}.docx?annex=plan-outputs`, { headers: { authorization: `Bearer ${token}` } });
      const { value: word } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
      expect(word).toContain('Annex: Activities by plan output');
      expect(word).toContain('Regional group meeting in Minsk');

      const pdf = await fetch(`${http.server.url}/api/reports/${id}.pdf?annex=plan-outputs`, { headers: { authorization: `Bearer ${token}` } });
      expect(pdf.status).toBe(200);

      const without = (await http.server.request('GET', `/api/reports/${id}.md`, { token })).text;
      expect(without).not.toContain('Annex: Activities by plan output');
      const wrong = await http.server.request('GET', `/api/reports/${id}.md?annex=everything`, { token });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].path).toBe('query.annex');
    });
  },
);

describeHttp('the demo annual plan', { users: { reader: { role: 'reader' } } }, (http) => {
  it("shows Moscow's 2020 plan by output and adds the annex to the compiled TSAG 2020 round", async () => {
    await seedDemo(http.server.database.fieldbook);
    const page = (await http.server.request('GET', '/en/offices/moscow?year=2020')).text;
    const byOutput = page.slice(page.indexOf('id="by-output"'), page.indexOf('id="by-month"'));
    expect(byOutput).toMatch(/T\.2-1<\/span> Bridging the standardization gap[\s\S]*SG3RG-EECAT and SG20RG-EECAT[\s\S]*Meetings of the ITU-T SG3RG-EECAT/);
    expect(byOutput).toMatch(/CIS3<\/span> Development and regulation[\s\S]*U4SSC secretariat[\s\S]*closely working with the TSB/);
    expect(byOutput).toMatch(/T\.4-3<\/span> Outreach and promotion[\s\S]*AI for Good[\s\S]*ITU Forum/);
    expect(byOutput).not.toContain('Activities not linked to a plan output');

    const round = await http.server.request('GET', '/api/rounds/tsag-2020/report.md?annex=plan-outputs', { token: http.users.reader.token });
    expect(round.status).toBe(200);
    const annex = round.text.slice(round.text.indexOf('Annex: Activities by plan output'));
    expect(round.text.indexOf('Annex: Activities by plan output')).toBeGreaterThan(0);
    expect(annex).toMatch(/T\.2-1 Bridging the standardization gap[\s\S]*\| Regional Office for the CIS Region \| Meetings of the ITU-T SG3RG-EECAT/);
    expect(annex).toMatch(/T\.1-1 [\s\S]*WTSA/);
    const plain = await http.server.request('GET', '/api/rounds/tsag-2020/report.md', { token: http.users.reader.token });
    expect(plain.text).not.toContain('Annex: Activities by plan output');
  });
});

describeHttp('the annual plan by output of a year shown a month at a time', { database: 'shared', data: buildPlanYear, env: { SITE_PLAN_PAGE_EVENTS: '2' } }, (http) => {
  it('says that only the shown month is listed under each output, while the document lists the whole year', async () => {
    const system = { kind: 'system', label: 'test' } as const;
    await http.server.database.fieldbook.services.annualPlans.save(system, 'moscow', 'ITU-T', 2020, { version: 0, entries });
    const page = (await http.server.request('GET', '/en/offices/moscow?year=2020&month=3')).text;
    const byOutput = page.slice(page.indexOf('id="by-output"'), page.indexOf('id="by-month"'));
    expect(byOutput).toContain('only the activities of the month shown below are listed');
    expect(byOutput).toContain('Regional group meeting in Minsk');
    expect(byOutput).not.toContain('Webinar with no plan link');
    const md = (await http.server.request('GET', '/api/offices/moscow/annual-plan/2020.md')).text;
    expect(md).toContain('Webinar with no plan link');
    expect(md).toContain('Regional group meeting in Minsk');
  });
});
