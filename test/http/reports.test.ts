import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivityBody } from '#src/activities/schemas.ts';
import type { Actor } from '#src/platform/access.ts';
import { htmlText } from '#src/reports/test-fixtures.ts';
import { DIALECTS } from '../support/dialects.ts';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SYSTEM: Actor = { kind: 'system', label: 'reports test' };
const REGION_OF: Record<string, string> = { 'addis-ababa': 'AFR', dakar: 'AFR', brasilia: 'AMS', cairo: 'ARB', bangkok: 'ASP', moscow: 'CIS', europe: 'EUR' };
const HEADS: Record<string, string> = {
  AFR: 'The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.',
  AMS: 'The Regional Office for the Americas is based in Brasilia and is led by Mr Bruno Ramos.',
  ARB: 'The Regional Office for the Arab States is based in Cairo and is led by Mr Adel Darwish.',
  ASP: 'The Regional Office for Asia and the Pacific is based in Bangkok and is led by Mrs Atsuko Okuda.',
  CIS: 'The Regional Office for the CIS Region is based in Moscow and is led by Mrs Natalia Mochu.',
  EUR: 'The ITU Office for Europe is based at the ITU Headquarters in Geneva and is led by Mr Jaroslaw Ponder.',
};

/**
 * The seed report's items, recorded through the register as its offices would record them, each
 * with the item as written for its description. (The importer's expected-extraction fixture
 * replaces this list once the importer reads the seed.)
 */
const JA = { text: 'January – August 2020' };
const item = (office: string, kind: string, date: Record<string, string>, title: string, description: string, extra: Record<string, unknown> = {}) => ({
  title: { en: title },
  originalLanguage: 'en',
  kind,
  status: 'held',
  visibility: 'public',
  offices: [{ office, role: 'participated' }],
  sectors: ['ITU-T'],
  date,
  description: { en: description },
  ...extra,
});
const SEED_ITEMS = [
  item('addis-ababa', 'workshop', { text: '3 and 4 February 2020' }, 'Workshop on fiber networks and meeting of the African group of SG13', 'ITU-T SG13 events held in Abuja, Nigeria: A workshop on Standardization of fiber networks towards a better connected Africa, 3 and 4 February 2020, followed by a regular meeting of the African group to SG13 on 5 and 6 February.', { place: { city: 'Abuja', country: 'NG' } }),
  item('addis-ababa', 'workshop', { text: '2 - 3 March 2020' }, 'Workshop on Quality of Service and meeting of SG12 RG-AFR', 'The Regional Office supported the ITU-T SG12 RG-AFR activities held in Ndjamena, Chad. A workshop was successfully organized on “Quality of Service”, 2 - 3 March 2020, and the regular meeting of the African Group of SG12 was hosted back to back the 4 - 5 March 2020.', { place: { city: 'Ndjamena', country: 'TD' } }),
  item('addis-ababa', 'preparatory-meeting', { text: '27 to 30 July2020' }, 'ATU WTSA-20 Preparatory Meeting', 'The Regional Office for Africa (ROA) participated in and contributed to Africa Telecommunication Union (ATU) WTSA-20 Preparatory Meeting back to back with OTT forum from 27 to 30 July2020, which was organized online the 3 and 4 July 2020. The African Preparatory Meeting (APM) continued the work of attaining the African Common Proposals for WTSA-20. The Regional Office worked on ensuring good participation from the African Administrations and another meeting is confirmed in the second week of November 2020.', { place: { online: true } }),
  item('addis-ababa', 'consultation', JA, 'Nominations for TSAG and study group positions', 'ROA consulted countries and encouraged them to propose nominations for relevant and vacant positions in TSAG and Study Groups.'),
  item('addis-ababa', 'coordination', JA, 'Consultative meetings with the TSB Director', 'Internally, the ROA participated to the regular consultative meetings with the TSB Director and also to the Interregional meeting for preparation of WTSA-20 and welcomed the demonstration of the new ITU MyMeeting tool implemented by TSB.'),
  item('brasilia', 'project', JA, 'Conformity and Interoperability Training Program', 'The Americas region, under the Thematic Priority on Network and Digital Infrastructure (TNS), identified the development of a Conformity and Interoperability Training Program (CITP) the best way to have more effective and efficient capacity C&I building in the region. Therefore, the AMS region has jointly worked with TNS in Headquarters since 2019 to design and develop the CITP.'),
  item('brasilia', 'consultation', JA, 'CITP results presented to study groups', 'Along the progress, the results have been presented to BDT ITU-D SG2/Q4 and the Counsellors of relevant Study Groups in BR and TSB (ITU-T SG11) have been consulted for guidance and feedback.'),
  item('brasilia', 'preparatory-meeting', JA, 'Preparation towards WTSA-20 through CITEL', 'The Americas Regional Office, in coordination with TSB, has accompanied the regional preparation towards WTSA-20, supporting the preparatory process through CITEL meetings.'),
  item('cairo', 'other', JA, 'Concept note for the Inter-regional Digital Week', 'Developed a concept note for Inter-regional Digital Week for Arab and Africa Regions (the event was postponed to next year 2021)'),
  item('cairo', 'project', JA, 'Project document on IoT and Smart Cities', 'Developed the Project document on Promoting Innovation in IoT and Smart Cities in Arab region (the project is to validate ITU-T Smart and Sustainable City (SCC) Maturity Model including SCC KPIs and pending commitment from potential partners)'),
  item('cairo', 'promotion', JA, 'Promotion of TSB events', 'Promoted TSB events in the ARB region.'),
  item('cairo', 'coordination', JA, 'Monthly review meetings', 'Participation in monthly review meetings with the TSB Director.'),
  item('cairo', 'workshop', { text: 'October 2020' }, 'Regional workshop on Security of Financial Services', 'The ARO office is collaborating with TSB to organize a regional workshop on “Security of Financial Services” in October 2020.', { status: 'planned' }),
  item('cairo', 'other', { text: 'mid November 2020' }, 'Emerging technologies week', 'TSB contribution to the upcoming emerging technologies week planned for mid November 2020.', { status: 'planned' }),
  item('bangkok', 'webinar', { text: '20 May 2020' }, 'PASC Web Meeting Session', 'Attended the Pacific Area Standards Congress (PASC) Web Meeting Session with ISO, IEC and ITU-T on 20 May 2020 where the Director TSB had a presentation.', { place: { online: true } }),
  item('bangkok', 'presentation', { text: '27 May 2020' }, 'Training session of Standards Australia', 'Presented on behalf of TSB at the training session organized by Standards Australia on 27 May 2020. IEC and ISO also delivered presentations at the same training program.'),
  item('bangkok', 'workshop', { text: '23-24 June 2020' }, 'Workshop on Smart Cities Ecosystem', 'Facilitated TSB presentations in addition to delivering a presentation on Smart Cities related issues at the workshop on Smart Cities Ecosystem organized by Brunei from 23-24 June 2020.', { place: { country: 'BN' } }),
  item('bangkok', 'preparatory-meeting', JA, 'APT preparatory meetings for WTSA', 'Participated in all the regional preparatory meetings regarding WTSA organized by APT.'),
  item('bangkok', 'consultation', JA, 'Follow-up with member countries', 'Followed up with all member countries in the ASP region on communication related to WTSA and other TSB issues.'),
  item('bangkok', 'promotion', JA, 'Promotion of TSB events', 'Promoted TSB events in the ASP region.'),
  item('bangkok', 'consultation', JA, 'SMART Cable Systems', 'Communicated with Indonesia on resolution related to ITU/WMO/UNESCO-IOC Joint Task Force (JTF) on SMART Cable Systems.'),
  item('bangkok', 'coordination', { text: '4 September 2020' }, 'Meeting on SMART Cable Systems', 'Attended a meeting organized on 4 September 2020 on this topic.'),
  item('bangkok', 'coordination', JA, 'Monthly review meetings', 'Participation in monthly review meetings with Director TSB.'),
  item('moscow', 'regional-group-meeting', { text: '4-5 March 2020' }, 'Meetings of SG3RG-EECAT and SG20RG-EECAT', 'Meetings of the ITU-T SG3RG-EECAT and ITU-T SG20RG-EECAT, 4-5 March 2020, Minsk (Belarus).', { place: { city: 'Minsk', country: 'BY' } }),
  item('moscow', 'forum', { text: '3-5 March 2020' }, 'ITU Forum on smart sustainable cities', 'ITU Forum "Smart sustainable cities: from concept to implementation" 3-5 March 2020, Minsk (Belarus).', { place: { city: 'Minsk', country: 'BY' } }),
  item('moscow', 'project', JA, 'International Research, Development and Testing Centre', 'Project "International Research, Development and Testing Centre for new equipment, technologies, and services" (jointly with Rostelecom, ITU-T Sector Member).'),
  item('moscow', 'project', JA, 'U4SSC case studies and pilot projects', 'The ITU Regional Office for the CIS Region is closely working with the TSB and U4SSC secretariat to explore potential opportunities for case studies and pilot projects in the region and to contribute to the implementation of the Regional Initiative CIS3.'),
  item('moscow', 'promotion', JA, 'AI for Good and Smart Incubator programmes', 'The ITU Regional Office for the CIS Region is facilitating engagement of countries in the ITU-T AI for Good and Smart Incubator programmes.'),
  item('europe', 'preparatory-meeting', JA, 'CEPT preparatory meetings for WTSA', 'Participated in all the regional preparatory meetings regarding WTSA organized by CEPT and facilitated inputs of ITU to these meetings.'),
  item('europe', 'consultation', JA, 'Follow-up with member countries', 'Followed up with member countries on communication related to WTSA and other TSB issues.'),
  item('europe', 'promotion', JA, 'Promotion of TSB events', 'Promoted TSB events in the EUR region.'),
  item('europe', 'coordination', JA, 'Monthly review meeting', 'Participation in monthly review meeting with the TSB Director and Management of TSB.'),
];

const SEED_PERIOD = { sector: 'ITU-T', from: '2020-01-01', to: '2020-08-31' };

/** A document as bytes, with its headers. */
async function download(server: TestServer, path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Region code → its section's own paragraphs and its list items, read from the HTML rendering. */
function regionsOf(html: string): Map<string, { paragraphs: string[]; items: string[] }> {
  const sections = DomUtils.findAll((e) => e.name === 'section' && e.attribs['data-region'] !== undefined, parseDocument(html).children);
  return new Map(
    sections.map((s) => [
      s.attribs['data-region']!,
      {
        paragraphs: s.children.filter((c) => 'name' in c && c.name === 'p').map((p) => DomUtils.textContent(p)),
        items: DomUtils.findAll((e) => e.name === 'li', s.children).map((li) => htmlText(`<body>${DomUtils.getOuterHTML(li)}</body>`)),
      },
    ]),
  );
}

describe.each(DIALECTS)('reports to the advisory groups over HTTP [%s]', (dialect) => {
  let server: TestServer;
  let focal: TestUser;
  let reader: TestUser;
  let editor: TestUser;
  let seedReport: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
    reader = await buildUser(server, { role: 'reader' });
    editor = await buildUser(server, { role: 'editor', office: 'addis-ababa' });
    const { activities } = server.database.fieldbook.services;
    for (const seedItem of SEED_ITEMS) await activities.create(SYSTEM, createActivityBody.parse(seedItem));
    // Not in the seed: an internal item, another Sector's, and one of an area office.
    await activities.create(SYSTEM, createActivityBody.parse(item('cairo', 'coordination', JA, 'Internal note', 'An internal coordination note.', { visibility: 'internal' })));
    await activities.create(SYSTEM, createActivityBody.parse(item('cairo', 'workshop', { text: '5 May 2020' }, 'ITU-D workshop', 'A development workshop.', { sectors: ['ITU-D'] })));
    const created = await server.request('POST', '/api/reports', {
      token: focal.token,
      body: { ...SEED_PERIOD, header: { documentNumber: 'TD 120 Rev.1', placeAndDate: 'Virtual, 21-25 September 2020' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    seedReport = created.body.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('saves a definition with generated defaults, its narrative counted from the registry', async () => {
    const res = await server.request('GET', `/api/reports/${seedReport}`, { token: reader.token });
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
      createdBy: focal.email,
    });
    expect(res.body.narrative.map((n: { key: string; edited: boolean }) => [n.key, n.edited])).toEqual([
      ['introduction', false],
      ['mandate', false],
      ['coordination', false],
    ]);
    expect(res.body.narrative[0].markdown).toContain('an overall of thirteen field offices, which include five regional offices');
    const list = await server.request('GET', '/api/reports', { token: reader.token });
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(seedReport);
  });

  it('writes every activity of the seed under the right region, in the seed\'s region order, naming the right office head', async () => {
    const html = await server.request('GET', `/api/reports/${seedReport}.html`, { token: reader.token });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const regions = regionsOf(html.text);
    expect([...regions.keys()]).toEqual(['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR']);
    for (const seedItem of SEED_ITEMS) {
      const region = REGION_OF[seedItem.offices[0]!.office]!;
      const where = [...regions].filter(([, r]) => r.items.includes(seedItem.description.en)).map(([code]) => code);
      expect(where, seedItem.description.en).toEqual([region]);
    }
    expect([...regions.values()].flatMap((r) => r.items)).toHaveLength(SEED_ITEMS.length);
    for (const [region, sentence] of Object.entries(HEADS)) expect(regions.get(region)!.paragraphs[0]).toBe(sentence);
    expect(regions.get('AFR')!.paragraphs[1]).toBe(
      'During the January – August 2020 timeframe, the Regional Office for Africa participated and contributed to the following activities of ITU-T/TSB:',
    );
    // Dated events first, then the work that ran through the period; what is after August follows.
    expect(regions.get('AFR')!.items.map((t) => t.slice(0, 30))).toEqual([
      'ITU-T SG13 events held in Abuj',
      'The Regional Office supported ',
      'The Regional Office for Africa',
      'ROA consulted countries and en',
      'Internally, the ROA participat',
    ]);
    expect(regions.get('ARB')!.paragraphs).toContain('Furthermore, after this period:');
    expect(html.text).not.toContain('An internal coordination note.');
    expect(html.text).not.toContain('A development workshop.');
  });

  it('gives a Word file whose text, read back with mammoth, matches the HTML version\'s text', async () => {
    const docx = await download(server, `/api/reports/${seedReport}.docx`, reader.token);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="TSAG-TD-120-Rev.1-2020-01-01-2020-08-31.docx"');
    const html = await server.request('GET', `/api/reports/${seedReport}.html`, { token: reader.token });
    const raw = (await mammoth.extractRawText({ buffer: docx.bytes })).value.replace(/\s+/g, ' ').trim();
    expect(raw).toBe(htmlText(html.text));
    const { value } = await mammoth.convertToHtml({ buffer: docx.bytes });
    expect(value).toContain('<h1><strong>4\tAfrica – Regional Office for Africa</strong></h1>');
    expect((value.match(/<ol>/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('prints the HTML to PDF with Chromium, and Markdown for the rest', async () => {
    const pdf = await download(server, `/api/reports/${seedReport}.pdf`, reader.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
    const md = await server.request('GET', `/api/reports/${seedReport}.md`, { token: reader.token });
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('## 4 Africa – Regional Office for Africa\n\nThe Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.');
    expect(md.text).toContain('| **Source:** | Director, TSB |');
  });

  it('keeps narrative edits when the report is run again, and refuses a stale version', async () => {
    const current = (await server.request('GET', `/api/reports/${seedReport}`, { token: focal.token })).body;
    const narrative = current.narrative.map((n: { key: string }) => ({ key: n.key, title: null, markdown: null }));
    narrative[2].markdown = 'The **TSB** coordination, as edited.\n\n<script>alert("x")</script>';
    const edited = await server.request('PATCH', `/api/reports/${seedReport}`, { token: focal.token, body: { version: current.version, narrative, header: { title: 'Contribution of the regional offices' } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: current.version + 1, header: { title: 'Contribution of the regional offices', documentNumber: 'TD 120 Rev.1' } });
    expect(edited.body.narrative[2]).toMatchObject({ key: 'coordination', edited: true });

    const stale = await server.request('PATCH', `/api/reports/${seedReport}`, { token: focal.token, body: { version: current.version, header: { title: 'Overwritten' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: current.version + 1, header: { title: 'Contribution of the regional offices' } });

    for (const lang of ['en', 'fr']) {
      const html = (await server.request('GET', `/api/reports/${seedReport}.html?lang=${lang}`, { token: reader.token })).text;
      expect(html).toContain('The <strong>TSB</strong> coordination, as edited.');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).not.toContain('<script');
      expect(html).toContain('Contribution of the regional offices');
    }
    const reset = await server.request('PATCH', `/api/reports/${seedReport}`, { token: focal.token, body: { version: current.version + 1, header: { title: null } } });
    expect(reset.body.header.title).toBeNull();
    expect(reset.body.narrative[2].edited).toBe(true);
  });

  it('writes the generated parts in any of the six languages', async () => {
    const expected: Record<string, string> = {
      fr: "Afrique – Bureau régional pour l'Afrique",
      es: 'África – Oficina Regional para África',
      ru: 'Африка – Региональное отделение для Африки',
      ar: 'أفريقيا – المكتب الإقليمي لأفريقيا',
      zh: '非洲 – 非洲区域代表处',
    };
    for (const [lang, heading] of Object.entries(expected)) {
      const md = await server.request('GET', `/api/reports/${seedReport}.md?lang=${lang}`, { token: reader.token });
      expect(md.status).toBe(200);
      expect(md.text).toContain(`## 4 ${heading}`);
      // The register's texts stay as written.
      expect(md.text).toContain('ROA consulted countries');
    }
    const fr = await server.request('GET', `/api/reports/${seedReport}.md?lang=fr`, { token: reader.token });
    expect(fr.text).toContain('Au cours de la période janvier – août 2020');
    const ar = await server.request('GET', `/api/reports/${seedReport}.html?lang=ar`, { token: reader.token });
    expect(ar.text).toContain('<html lang="ar" dir="rtl">');
    expect((await server.request('GET', `/api/reports/${seedReport}.md?lang=de`, { token: reader.token })).status).toBe(400);
  });

  it('includes internal activities only when the definition says so', async () => {
    const created = await server.request('POST', '/api/reports', { token: focal.token, body: { ...SEED_PERIOD, visibility: 'all', selection: 'held', outlookMonths: 0 } });
    const html = (await server.request('GET', `/api/reports/${created.body.id}.html`, { token: reader.token })).text;
    expect(html).toContain('An internal coordination note.');
    expect(html).not.toContain('Security of Financial Services');
  });

  it('answers bad input with clear errors, and an empty period with a valid report that says so', async () => {
    const post = (body: unknown) => server.request('POST', '/api/reports', { token: focal.token, body });
    const backwards = await post({ ...SEED_PERIOD, from: '2020-08-31', to: '2020-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ path: 'body.to', message: 'is before from' }]);
    const unknown = await post({ ...SEED_PERIOD, sector: 'ITU-X' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'body.sector', message: 'unknown Sector "ITU-X"' }]);
    const wrongGroup = await post({ ...SEED_PERIOD, advisoryGroup: 'TDAG' });
    expect(wrongGroup.body.errors).toEqual([{ path: 'body.advisoryGroup', message: '"TDAG" is not an advisory group of ITU-T' }]);
    const notADate = await post({ ...SEED_PERIOD, to: '2020-02-30' });
    expect(notADate.status).toBe(400);
    const ownSection = await post({ ...SEED_PERIOD, narrative: [{ key: 'annex' }] });
    expect(ownSection.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.narrative.0.title', 'body.narrative.0.markdown']);

    const empty = await post({ sector: 'ITU-R', from: '1990-01-01', to: '1990-12-31' });
    expect(empty.status).toBe(201);
    expect(empty.body.advisoryGroup).toBe('RAG');
    const html = (await server.request('GET', `/api/reports/${empty.body.id}.html`, { token: reader.token })).text;
    expect([...regionsOf(html).values()].map((r) => r.paragraphs.at(-1))).toEqual(Array(6).fill('No activities were reported for this period.'));
    const docx = await download(server, `/api/reports/${empty.body.id}.docx`, reader.token);
    expect((await mammoth.extractRawText({ buffer: docx.bytes })).value).toContain('No activities were reported for this period.');

    const patchBackwards = await server.request('PATCH', `/api/reports/${empty.body.id}`, { token: focal.token, body: { version: 1, to: '1989-12-31' } });
    expect(patchBackwards.status).toBe(400);
    expect(patchBackwards.body.errors[0].path).toBe('body.to');

    expect((await server.request('GET', '/api/reports/00000000-0000-4000-8000-000000000000.docx', { token: reader.token })).status).toBe(404);
    expect((await server.request('GET', `/api/reports/${seedReport}.exe`, { token: reader.token })).status).toBe(400);
    expect((await server.request('GET', '/api/reports/not-an-id', { token: reader.token })).status).toBe(400);
  });

  it('lets focal points and admins write definitions, signed-in users read them', async () => {
    expect((await server.request('POST', '/api/reports', { token: editor.token, body: SEED_PERIOD })).status).toBe(403);
    expect((await server.request('POST', '/api/reports', { token: reader.token, body: SEED_PERIOD })).status).toBe(403);
    expect((await server.request('GET', `/api/reports/${seedReport}.html`)).status).toBe(401);
    expect((await server.request('GET', `/api/reports/${seedReport}`)).status).toBe(401);
    const history = await server.database.fieldbook.database.db.selectFrom('audit_event').select(['action', 'actor_label']).where('entity_id', '=', seedReport).orderBy('at').execute();
    expect(history.map((h) => h.action)).toEqual(['report.create', 'report.update', 'report.update']);
  });
});
