import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import { DEMO_REPORT } from '#src/app.ts';
import type { Actor } from '#src/platform/access.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity, buildUser } from '../support/factories.ts';
import { htmlText } from '../support/html-text.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SYSTEM: Actor = { kind: 'system', label: 'reports test' };

/** The importer's hand-written reading of the seed report: what the register holds once it is accepted. */
interface ExpectedActivity {
  region: string;
  office: string;
  status: string;
  date: { start: string; end: string } | null;
  titleIncludes: string;
}
interface ExpectedSection {
  region: string | null;
  office: string | null;
  city: string | null;
  head: { honorific: string; name: string } | null;
}
const EXPECTED = JSON.parse(readFileSync('test/fixtures/importer/seed-expected.json', 'utf8')) as { activities: ExpectedActivity[]; sections: ExpectedSection[] };
const REGION_SECTIONS = EXPECTED.sections.filter((s): s is ExpectedSection & { region: string; office: string; head: NonNullable<ExpectedSection['head']> } => s.region !== null);

/** Not in the seed: activities that test what a report leaves out (internal ones, another Sector's). */
const buildExtra = (server: TestServer, title: string, date: string, overrides: Record<string, unknown>) =>
  buildActivity(server, {
    title: { en: title },
    kind: 'coordination',
    offices: [{ office: 'cairo', role: 'participated' }],
    date: { text: date },
    place: null,
    bodies: [],
    description: { en: `${title}.` },
    ...overrides,
  });

const SEED_PERIOD = { sector: 'ITU-T', from: '2020-01-01', to: '2020-08-31' };

/** A document as bytes, with its headers. */
async function download(server: TestServer, path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Region code → its section's own paragraphs, and its lists each with the paragraph that leads
 * into it (the office's period sentence, or "Furthermore, after this period:"), read from the HTML.
 */
function regionsOf(html: string): Map<string, { paragraphs: string[]; lists: Array<{ lead: string; items: string[] }>; items: string[] }> {
  const sections = DomUtils.findAll((e) => e.name === 'section' && e.attribs['data-region'] !== undefined, parseDocument(html).children);
  return new Map(
    sections.map((s) => {
      const paragraphs: string[] = [];
      const lists: Array<{ lead: string; items: string[] }> = [];
      for (const child of s.children) {
        if (!DomUtils.isTag(child)) continue;
        if (child.name === 'p') paragraphs.push(DomUtils.textContent(child));
        if (child.name === 'ol') {
          const items = DomUtils.findAll((e) => e.name === 'li', child.children).map((li) => htmlText(`<body>${DomUtils.getOuterHTML(li)}</body>`));
          lists.push({ lead: paragraphs.at(-1) ?? '', items });
        }
      }
      return [s.attribs['data-region']!, { paragraphs, lists, items: lists.flatMap((l) => l.items) }];
    }),
  );
}

interface SeedRegister {
  /** Proposal position (= index in the expected reading) → the register entry it became. */
  seeded: Map<number, Activity>;
  /** Office code → its English name, as a report writes it. */
  officeNames: Map<string, string>;
}

/** The register as the seed report puts it there (imported, every proposal accepted), and two activities a report leaves out. */
async function buildSeedRegister(server: TestServer): Promise<SeedRegister> {
  const { activities, imports } = server.database.fieldbook.services;
  const batch = await imports.importDocument(SYSTEM, { name: basename(DEMO_REPORT), bytes: readFileSync(DEMO_REPORT) });
  const outcome = await imports.acceptAll(SYSTEM, batch.batch.id);
  const seeded = new Map<number, Activity>();
  for (const proposal of outcome.accepted) seeded.set(proposal.position, (await activities.get(SYSTEM, proposal.activityId!)).activity);
  await buildExtra(server, 'An internal coordination note', 'January – August 2020', { visibility: 'internal' });
  await buildExtra(server, 'A development workshop', '5 May 2020', { kind: 'workshop', sectors: ['ITU-D'] });
  const officeNames = new Map<string, string>((await server.request('GET', '/api/offices')).body.data.map((o: { code: string; names: { en: string } }) => [o.code, o.names.en]));
  return { seeded, officeNames };
}

describeHttp('reports to the advisory groups over HTTP', {
  // Importing the seed report takes seconds: the tests share its register and only read it;
  // each makes the report definitions it reads or changes.
  database: 'shared',
  users: { focal: { role: 'focal-point', bureau: 'TSB' }, radio: { role: 'focal-point', bureau: 'BR' }, reader: { role: 'reader' }, editor: { role: 'editor', office: 'addis-ababa' } },
  data: buildSeedRegister,
}, (http) => {
  /** A definition of the seed report's period, as a focal point saves it. */
  const createSeedReport = async (): Promise<string> => {
    const created = await http.server.request('POST', '/api/reports', {
      token: http.users.focal.token,
      body: { ...SEED_PERIOD, header: { documentNumber: 'TD 120 Rev.1', placeAndDate: 'Virtual, 21-25 September 2020' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };

  it('saves a definition with generated defaults, its narrative counted from the registry', async () => {
    const seedReport = await createSeedReport();
    const res = await http.server.request('GET', `/api/reports/${seedReport}`, { token: http.users.reader.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sector: 'ITU-T',
      advisoryGroup: 'TSAG',
      from: '2020-01-01',
      to: '2020-08-31',
      selection: 'all',
      visibility: 'public',
      outlookMonths: 3,
      language: 'en',
      version: 1,
      header: { documentNumber: 'TD 120 Rev.1', title: null, purpose: 'information', contacts: [] },
      links: { docx: `/api/reports/${seedReport}.docx`, pdf: `/api/reports/${seedReport}.pdf` },
      createdBy: http.users.focal.email,
    });
    expect(res.body.narrative.map((n: { key: string; edited: boolean }) => [n.key, n.edited])).toEqual([
      ['introduction', false],
      ['mandate', false],
      ['coordination', false],
    ]);
    expect(res.body.narrative[0].markdown).toContain('an overall of thirteen field offices, which include five regional offices');
    const list = await http.server.request('GET', '/api/reports', { token: http.users.reader.token });
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(seedReport);
  });

  it('writes every activity of the imported seed under the right region and office, in the seed\'s region order, naming the right head', async () => {
    const seedReport = await createSeedReport();
    const html = await http.server.request('GET', `/api/reports/${seedReport}.html`, { token: http.users.reader.token });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const regions = regionsOf(html.text);
    expect([...regions.keys()]).toEqual(REGION_SECTIONS.map((s) => s.region));
    expect(REGION_SECTIONS.map((s) => s.region)).toEqual(['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR']);

    for (const section of REGION_SECTIONS) {
      const basedIn = regions.get(section.region)!.paragraphs[0]!;
      expect(basedIn).toContain(`The ${http.data.officeNames.get(section.office)} is based`);
      expect(basedIn).toContain(`in ${section.city}`);
      expect(basedIn).toMatch(new RegExp(`led by ${section.head.honorific} ${section.head.name}\\.$`));
    }

    // Item by item against the importer's expected reading: the period's items under their office's
    // period sentence, the three months after it under "Furthermore", nothing else.
    const outlookEnd = '2020-11-30';
    const listed = new Set<string>();
    EXPECTED.activities.forEach((expected, position) => {
      const activity = http.data.seeded.get(position);
      if (expected.date === null) {
        expect(activity, `item ${position} has no date, so it is left for review`).toBeUndefined();
        return;
      }
      expect(activity, `item ${position}`).toBeDefined();
      expect(new Set(activity!.offices.map((o) => o.office))).toEqual(new Set([expected.office]));
      const text = activity!.description.en!;
      // Titles are short (issue 17): the gist is in the title or, whole, in the description the report prints.
      expect(`${activity!.title.en} ${text}`.toLowerCase()).toContain(expected.titleIncludes.toLowerCase());
      const where = [...regions].flatMap(([region, r]) => r.lists.filter((l) => l.items.includes(text)).map((l) => ({ region, lead: l.lead })));
      if (expected.date.start > outlookEnd || expected.date.end < SEED_PERIOD.from) {
        expect(where, text).toEqual([]);
        return;
      }
      listed.add(text);
      const inPeriod = expected.date.start <= SEED_PERIOD.to;
      expect(where, text).toEqual([
        {
          region: expected.region,
          lead: inPeriod
            ? `During the January – August 2020 timeframe, the ${http.data.officeNames.get(expected.office)} participated and contributed to the following activities of ITU-T/TSB:`
            : 'Furthermore, after this period:',
        },
      ]);
    });
    // 32 of the seed's 34 items fall in the period or the three months after (one has no date, one is in 2021).
    expect([...http.data.seeded.values()].filter((a) => a.date.end >= SEED_PERIOD.from && a.date.start <= outlookEnd)).toHaveLength(32);
    expect([...regions.values()].flatMap((r) => r.items).sort()).toEqual([...listed].sort());

    // Each list in date order: dated events first (by end, then start), then the work that ran through the period.
    const byText = new Map([...http.data.seeded.values()].map((a) => [a.description.en!, a]));
    for (const { lists } of regions.values()) {
      for (const { items } of lists) {
        const keys = items.map((t) => `${byText.get(t)!.date.end} ${byText.get(t)!.date.start}`);
        expect(keys).toEqual([...keys].sort());
      }
    }
    expect(regions.get('ARB')!.paragraphs).toContain('Furthermore, after this period:');
    expect(html.text).not.toContain('An internal coordination note.');
    expect(html.text).not.toContain('A development workshop.');
  });

  it('gives a Word file whose text, read back with mammoth, matches the HTML version\'s text', async () => {
    const seedReport = await createSeedReport();
    const docx = await download(http.server, `/api/reports/${seedReport}.docx`, http.users.reader.token);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="TSAG-TD-120-Rev.1-2020-01-01-2020-08-31.docx"');
    const html = await http.server.request('GET', `/api/reports/${seedReport}.html`, { token: http.users.reader.token });
    const raw = (await mammoth.extractRawText({ buffer: docx.bytes })).value.replace(/\s+/g, ' ').trim();
    expect(raw).toBe(htmlText(html.text));
    const { value } = await mammoth.convertToHtml({ buffer: docx.bytes });
    expect(value).toContain('<h1><strong>4\tAfrica – Regional Office for Africa</strong></h1>');
    expect((value.match(/<ol>/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('prints the HTML to PDF with Chromium, and Markdown for the rest', async () => {
    const seedReport = await createSeedReport();
    const pdf = await download(http.server, `/api/reports/${seedReport}.pdf`, http.users.reader.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
    const md = await http.server.request('GET', `/api/reports/${seedReport}.md`, { token: http.users.reader.token });
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('## 4 Africa – Regional Office for Africa\n\nThe Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.');
    expect(md.text).toContain('| **Source:** | Director, TSB |');
  });

  it('refuses a PDF with a clear problem naming CHROMIUM_PATH when there is no browser there, and still gives the other formats', async () => {
    const missing = '/nonexistent/chromium';
    const elsewhere = await startTestServer(http.dialect, { CHROMIUM_PATH: missing });
    try {
      const created = await elsewhere.request('POST', '/api/reports', { token: (await buildUser(elsewhere, { role: 'focal-point' })).token, body: SEED_PERIOD });
      const token = (await buildUser(elsewhere, { role: 'reader' })).token;
      const pdf = await elsewhere.request('GET', `/api/reports/${created.body.id}.pdf`, { token });
      expect(pdf.status).toBe(503);
      expect(pdf.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(pdf.body).toMatchObject({ status: 503, title: 'Service Unavailable', code: 'pdf_unavailable' });
      expect(pdf.body.detail).toContain(`there is no executable Chromium at "${missing}"`);
      expect(pdf.body.detail).toContain('set CHROMIUM_PATH to its executable');
      expect((await elsewhere.request('GET', `/api/reports/${created.body.id}.html`, { token })).status).toBe(200);
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps narrative edits when the report is run again, refuses a stale version, and audits each change', async () => {
    const seedReport = await createSeedReport();
    const current = (await http.server.request('GET', `/api/reports/${seedReport}`, { token: http.users.focal.token })).body;
    const narrative = current.narrative.map((n: { key: string }) => ({ key: n.key, title: null, markdown: null }));
    narrative[2].markdown = 'The **TSB** coordination, as edited.\n\n<script>alert("x")</script>';
    const edited = await http.server.request('PATCH', `/api/reports/${seedReport}`, { token: http.users.focal.token, body: { version: current.version, narrative, header: { title: 'Contribution of the regional offices' } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: current.version + 1, header: { title: 'Contribution of the regional offices', documentNumber: 'TD 120 Rev.1' } });
    expect(edited.body.narrative[2]).toMatchObject({ key: 'coordination', edited: true });

    const stale = await http.server.request('PATCH', `/api/reports/${seedReport}`, { token: http.users.focal.token, body: { version: current.version, header: { title: 'Overwritten' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: current.version + 1, header: { title: 'Contribution of the regional offices' } });

    for (const lang of ['en', 'fr']) {
      const html = (await http.server.request('GET', `/api/reports/${seedReport}.html?lang=${lang}`, { token: http.users.reader.token })).text;
      expect(html).toContain('The <strong>TSB</strong> coordination, as edited.');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).not.toContain('<script');
      expect(html).toContain('Contribution of the regional offices');
    }
    // Markdown and Word keep the tag as text too.
    const md = (await http.server.request('GET', `/api/reports/${seedReport}.md`, { token: http.users.reader.token })).text;
    expect(md).toContain('The **TSB** coordination, as edited.');
    expect(md).toContain('\\<script\\>alert("x")\\</script\\>');
    expect(md).not.toMatch(/(^|[^\\])<script/);
    const docx = await download(http.server, `/api/reports/${seedReport}.docx`, http.users.reader.token);
    expect((await mammoth.extractRawText({ buffer: docx.bytes })).value).toContain('<script>alert("x")</script>');
    expect((await mammoth.convertToHtml({ buffer: docx.bytes })).value).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    const reset = await http.server.request('PATCH', `/api/reports/${seedReport}`, { token: http.users.focal.token, body: { version: current.version + 1, header: { title: null } } });
    expect(reset.body.header.title).toBeNull();
    expect(reset.body.narrative[2].edited).toBe(true);
    // Each accepted change is in the audit trail; the refused stale one is not.
    const history = await http.server.database.fieldbook.database.db.selectFrom('audit_event').select(['action']).where('entity_id', '=', seedReport).orderBy('at').execute();
    expect(history.map((h) => h.action)).toEqual(['report.create', 'report.update', 'report.update']);
  });

  it('writes the generated parts in any of the six languages', async () => {
    const seedReport = await createSeedReport();
    const expected: Record<string, string> = {
      fr: "Afrique – Bureau régional pour l'Afrique",
      es: 'África – Oficina Regional para África',
      ru: 'Африка – Региональное отделение для Африки',
      ar: 'أفريقيا – المكتب الإقليمي لأفريقيا',
      zh: '非洲 – 非洲区域代表处',
    };
    for (const [lang, heading] of Object.entries(expected)) {
      const md = await http.server.request('GET', `/api/reports/${seedReport}.md?lang=${lang}`, { token: http.users.reader.token });
      expect(md.status).toBe(200);
      expect(md.text).toContain(`## 4 ${heading}`);
      // The register's texts stay as written.
      expect(md.text).toContain('ROA consulted countries');
    }
    const fr = await http.server.request('GET', `/api/reports/${seedReport}.md?lang=fr`, { token: http.users.reader.token });
    expect(fr.text).toContain('Au cours de la période janvier – août 2020');
    const ar = await http.server.request('GET', `/api/reports/${seedReport}.html?lang=ar`, { token: http.users.reader.token });
    expect(ar.text).toContain('<html lang="ar" dir="rtl">');
    expect((await http.server.request('GET', `/api/reports/${seedReport}.md?lang=de`, { token: http.users.reader.token })).status).toBe(400);
  });

  it('includes internal activities only when the definition says so', async () => {
    const created = await http.server.request('POST', '/api/reports', { token: http.users.focal.token, body: { ...SEED_PERIOD, visibility: 'all', selection: 'held', outlookMonths: 0 } });
    const html = (await http.server.request('GET', `/api/reports/${created.body.id}.html`, { token: http.users.reader.token })).text;
    expect(html).toContain('An internal coordination note.');
    expect(html).not.toContain('Security of Financial Services');
  });

  it('answers bad input with clear errors, and an empty period with a valid report that says so', async () => {
    const seedReport = await createSeedReport();
    const post = (body: unknown) => http.server.request('POST', '/api/reports', { token: http.users.focal.token, body });
    const backwards = await post({ ...SEED_PERIOD, from: '2020-08-31', to: '2020-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ path: 'body.to', code: 'before_start', message: 'is before from', params: { value: '2020-01-01' } }]);
    const unknown = await post({ ...SEED_PERIOD, sector: 'ITU-X' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'body.sector', code: 'unknown_sector', message: 'unknown Sector "ITU-X"', params: { value: 'ITU-X' } }]);
    const wrongGroup = await post({ ...SEED_PERIOD, advisoryGroup: 'TDAG' });
    expect(wrongGroup.body.errors).toEqual([{ path: 'body.advisoryGroup', code: 'not_an_advisory_group', message: '"TDAG" is not an advisory group of ITU-T', params: { value: 'TDAG', sector: 'ITU-T' } }]);
    const notADate = await post({ ...SEED_PERIOD, to: '2020-02-30' });
    expect(notADate.status).toBe(400);
    const ownSection = await post({ ...SEED_PERIOD, narrative: [{ key: 'annex' }] });
    expect(ownSection.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.narrative.0.title', 'body.narrative.0.markdown']);

    const empty = await http.server.request('POST', '/api/reports', { token: http.users.radio.token, body: { sector: 'ITU-R', from: '1990-01-01', to: '1990-12-31' } });
    expect(empty.status).toBe(201);
    expect(empty.body.advisoryGroup).toBe('RAG');
    const html = (await http.server.request('GET', `/api/reports/${empty.body.id}.html`, { token: http.users.reader.token })).text;
    expect([...regionsOf(html).values()].map((r) => r.paragraphs.at(-1))).toEqual(Array(6).fill('No activities were reported for this period.'));
    const docx = await download(http.server, `/api/reports/${empty.body.id}.docx`, http.users.reader.token);
    expect((await mammoth.extractRawText({ buffer: docx.bytes })).value).toContain('No activities were reported for this period.');

    const patchBackwards = await http.server.request('PATCH', `/api/reports/${empty.body.id}`, { token: http.users.radio.token, body: { version: 1, to: '1989-12-31' } });
    expect(patchBackwards.status).toBe(400);
    expect(patchBackwards.body.errors[0].path).toBe('body.to');

    expect((await http.server.request('GET', '/api/reports/00000000-0000-4000-8000-000000000000.docx', { token: http.users.reader.token })).status).toBe(404);
    expect((await http.server.request('GET', `/api/reports/${seedReport}.exe`, { token: http.users.reader.token })).status).toBe(400);
    expect((await http.server.request('GET', '/api/reports/not-an-id', { token: http.users.reader.token })).status).toBe(400);
  });

  it("lets focal points write their own bureau's Sector's definitions and admins any, signed-in users read them", async () => {
    const seedReport = await createSeedReport();
    const { server } = http;
    const { focal, radio, editor, reader } = http.users;
    expect((await server.request('POST', '/api/reports', { token: editor.token, body: SEED_PERIOD })).status).toBe(403);
    // A TSB focal point may not write (or rewrite) an ITU-R report; BR's focal point may.
    const itur = await server.request('POST', '/api/reports', { token: radio.token, body: { ...SEED_PERIOD, sector: 'ITU-R' } });
    expect(itur.status).toBe(201);
    expect((await server.request('POST', '/api/reports', { token: focal.token, body: { ...SEED_PERIOD, sector: 'ITU-R' } })).status).toBe(403);
    const rewrite = await server.request('PATCH', `/api/reports/${itur.body.id}`, { token: focal.token, body: { version: itur.body.version, header: { title: 'Rewritten by TSB' } } });
    expect(rewrite.status).toBe(403);
    expect((await server.request('GET', `/api/reports/${itur.body.id}`, { token: focal.token })).body.header.title).not.toBe('Rewritten by TSB');
    expect((await server.request('POST', '/api/reports', { token: radio.token, body: SEED_PERIOD })).status).toBe(403);
    expect((await server.request('POST', '/api/reports', { token: reader.token, body: SEED_PERIOD })).status).toBe(403);
    expect((await server.request('GET', `/api/reports/${seedReport}.html`)).status).toBe(401);
    expect((await server.request('GET', `/api/reports/${seedReport}`)).status).toBe(401);
  });
});
