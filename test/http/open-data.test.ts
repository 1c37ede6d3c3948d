/**
 * Open data over real HTTP on both databases: the IATI activity file of the public register read
 * with a strict XML parser (elements, their order, codes, languages), filtered like the events
 * list, conditional, streamed; hostile text kept as text; and the year in numbers (chart and
 * table) and the open-data page, in English and Arabic.
 */
import { expect, it } from 'vitest';
import type { Actor } from '#src/platform/access.ts';
import { createOpenDataService } from '#src/opendata/service.ts';
import { createPublishingService } from '#src/publishing/service.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import { expectValidIatiActivity } from '../support/iati.ts';
import type { TestServer } from '../support/server.ts';
import { allElements, childNamed, childrenNamed, narrativesOf, parseXml, type XmlElement } from '../support/xml-tree.ts';

const SYSTEM: Actor = { kind: 'system', label: 'open data test' };
const HOSTILE_TITLE = 'Workshop <script>alert(1)</script> ]]> <b>bold</b> & "quotes" \u0001end';

async function buildRegister(server: TestServer) {
  const held = await buildActivity(server, {
    title: { en: 'Workshop on Quality of Service', fr: 'Atelier sur la qualité de service' },
    description: { en: 'Two days on quality of service.', fr: 'Deux jours sur la qualité de service.' },
    offices: [{ office: 'addis-ababa', role: 'organised' }],
    date: { text: '2 - 3 March 2020' },
    place: { city: 'Ndjamena', country: 'TD' },
    sectors: ['ITU-T'],
    bodies: ['SG12RG-AFR', 'ATU'],
    plans: ['T-2020:output:T.2-1', 'WTDC-17:initiative:CIS3'],
  });
  const online = await buildActivity(server, {
    title: { en: 'Webinar on spectrum for Arab States and Africa' },
    description: { en: 'Spectrum for mobile broadband, online.' },
    kind: 'webinar',
    status: 'cancelled',
    offices: [
      { office: 'cairo', role: 'organised' },
      { office: 'dakar', role: 'co-organised' },
    ],
    date: { text: 'March 2020' },
    place: { mode: 'online', city: null, country: null },
    sectors: ['ITU-R'],
    bodies: [],
  });
  const hostile = await buildActivity(server, { title: { en: HOSTILE_TITLE }, place: { city: 'Abuja ]]> <b>city</b>', country: 'NG' }, date: { text: '10 May 2020' } });
  const internal = await buildActivity(server, { title: { en: 'Internal staff retreat' }, visibility: 'internal', date: { text: '5 April 2020' } });
  const deleted = await buildActivity(server, { title: { en: 'Withdrawn coordination call' }, date: { text: '6 April 2020' } });
  await server.database.fieldbook.services.activities.remove(SYSTEM, deleted.id);
  const undated = await buildActivity(server, { title: { en: 'Training to be scheduled' }, status: 'planned', date: { text: 'TBD' } });
  return { held: held.id, online: online.id, hostile: hostile.id, internal: internal.id, deleted: deleted.id, undated: undated.id };
}

const activitiesOf = (root: XmlElement) => childrenNamed(root, 'iati-activity');
const identifierOf = (activity: XmlElement) => childNamed(activity, 'iati-identifier').text.replace('XM-DAC-41303-', '');
const byId = (root: XmlElement, id: string) => activitiesOf(root).find((a) => identifierOf(a) === id)!;

describeHttp('open data', { database: 'shared', data: buildRegister }, (http) => {
  it('streams an IATI 2.03 file of every public dated activity, each as the standard orders it', async () => {
    const res = await http.server.request('GET', '/open-data/iati.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    // Streamed as written: no length known in advance.
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const root = parseXml(res.text);
    expect(root.name).toBe('iati-activities');
    expect(root.attributes.version).toBe('2.03');
    const ids = activitiesOf(root).map(identifierOf);
    expect(ids.sort()).toEqual([http.data.held, http.data.online, http.data.hostile].sort());
    for (const activity of activitiesOf(root)) expectValidIatiActivity(activity);
  });

  it('says what each activity is in the standard’s codes and languages', async () => {
    const root = parseXml((await http.server.request('GET', '/open-data/iati.xml')).text);
    const held = byId(root, http.data.held);
    expect(narrativesOf(childNamed(held, 'title'))).toEqual({ en: 'Workshop on Quality of Service', fr: 'Atelier sur la qualité de service' });
    expect(narrativesOf(childNamed(held, 'description'))).toEqual({ en: 'Two days on quality of service.', fr: 'Deux jours sur la qualité de service.' });
    expect(childNamed(held, 'activity-status').attributes.code).toBe('4');
    expect(childrenNamed(held, 'activity-date').map((d) => `${d.attributes.type} ${d.attributes['iso-date']}`)).toEqual(['2 2020-03-02', '4 2020-03-03']);
    expect(childrenNamed(held, 'participating-org').map((o) => `${o.attributes.role} ${o.attributes.ref ?? narrativesOf(o).en}`)).toEqual([
      '2 XM-DAC-41303',
      '4 Regional Office for Africa',
      '4 African Telecommunications Union',
    ]);
    expect(childNamed(held, 'recipient-country').attributes.code).toBe('TD');
    const location = childNamed(held, 'location');
    expect(childNamed(childNamed(location, 'point'), 'pos').text).toBe('12.13 15.06');
    expect(childrenNamed(held, 'sector').map((s) => `${s.attributes.vocabulary} ${s.attributes.code}`)).toEqual(['1 22040', '99 ITU-T']);
    // The study group's regional group, then the plan output and the regional initiative it serves.
    expect(childrenNamed(held, 'tag').map((t) => t.attributes.code)).toEqual(['SG12RG-AFR', 'T-2020:output:T.2-1', 'WTDC-17:initiative:CIS3']);
    expect(narrativesOf(childrenNamed(held, 'tag')[1]!).en).toMatch(/^T\.2-1 \S/);
    expect(childNamed(held, 'document-link').attributes.url).toBe(`${http.server.url}/en/events/${http.data.held}`);

    const online = byId(root, http.data.online);
    expect(childNamed(online, 'activity-status').attributes.code).toBe('5');
    expect(childrenNamed(online, 'activity-date').map((d) => `${d.attributes.type} ${d.attributes['iso-date']} ${narrativesOf(d).en}`)).toEqual([
      '1 2020-03-01 March 2020',
      '3 2020-03-31 March 2020',
    ]);
    expect(childrenNamed(online, 'recipient-country')).toHaveLength(0);
    expect(childrenNamed(online, 'recipient-region').map((r) => `${r.attributes.code} ${r.attributes.percentage}`)).toEqual(['AFR 50', 'ARB 50']);
    expect(childrenNamed(online, 'location')).toHaveLength(0);
    expect(narrativesOf(childNamed(online, 'description'))).toEqual({ en: 'Spectrum for mobile broadband, online.' });
  });

  it('never lets out an internal, deleted or undated activity', async () => {
    const res = await http.server.request('GET', '/open-data/iati.xml');
    for (const id of [http.data.internal, http.data.deleted, http.data.undated]) expect(res.text).not.toContain(id);
    expect(res.text).not.toContain('Internal staff retreat');
  });

  it('keeps hostile text as text: no element injected, the file well-formed', async () => {
    const root = parseXml((await http.server.request('GET', '/open-data/iati.xml')).text);
    const hostile = byId(root, http.data.hostile);
    expect(narrativesOf(childNamed(hostile, 'title')).en).toBe(HOSTILE_TITLE.replace('\u0001', ''));
    expect(allElements(root).some((e) => ['script', 'b'].includes(e.name))).toBe(false);
  });

  it('is filtered like the events list; unknown values are named, and a filter matching nothing is a 404', async () => {
    const africa = parseXml((await http.server.request('GET', '/open-data/iati.xml?office=cairo')).text);
    expect(activitiesOf(africa).map(identifierOf)).toEqual([http.data.online]);
    const words = parseXml((await http.server.request('GET', '/open-data/iati.xml?q=atelier&from=2020-01-01&to=2020-12-31')).text);
    expect(activitiesOf(words).map(identifierOf)).toEqual([http.data.held]);

    const unknown = await http.server.request('GET', '/open-data/iati.xml?region=XYZ&sector=ITU-Q');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.region', 'query.sector']);

    const none = await http.server.request('GET', '/open-data/iati.xml?from=1990-01-01&to=1990-12-31');
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('no_matching_activities');
  });

  it('answers 304 to a reader that has the current file', async () => {
    const first = await http.server.request('GET', '/open-data/iati.xml');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await http.server.request('GET', '/open-data/iati.xml', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('writes a file of many pages with every activity once, in the list’s order', async () => {
    const { fieldbook } = http.server.database;
    const publishing = createPublishingService(fieldbook.services.registry, fieldbook.services.activities, 'test');
    const openData = createOpenDataService(publishing, fieldbook.services.activities, { pageSize: 1 });
    const chunks: string[] = [];
    const file = await openData.iati({ region: [], office: [], sector: [], kind: [], body: [], status: [] }, 'https://example.org');
    for await (const chunk of file!) chunks.push(chunk);
    // The head with the first page, a chunk per further page, the tail.
    expect(chunks).toHaveLength(3 + 1);
    const ids = activitiesOf(parseXml(chunks.join(''))).map(identifierOf);
    expect(ids).toEqual([http.data.online, http.data.held, http.data.hostile]);
  });

  it('is linked from the events list with its filter, and from the open-data page', async () => {
    const events = await http.server.request('GET', '/en/events?region=AFR');
    expect(events.text).toContain('href="/open-data/iati.xml?region=AFR"');
    const page = await http.server.request('GET', '/fr/open-data');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Données ouvertes</h1>');
    expect(page.text).toContain('href="/open-data/iati.xml"');
    expect(page.text).toContain('href="/fr/open-data"');
  });
});

describeHttp('the year in numbers', { database: 'shared', users: { reader: { role: 'reader' } }, data: buildRegister }, (http) => {
  it('draws the year’s public activities per month and region, with the same figures in a table', async () => {
    const res = await http.server.request('GET', '/en/years/2020');
    expect(res.status).toBe(200);
    const svg = res.text.match(/<svg class="chart"[\s\S]*?<\/svg>/)![0];
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="year-chart-title">Public activities per month and region, 2020</title>');
    // March: the held workshop (Africa) and the webinar (Arab States and Africa, counted in each); May: the hostile one (Africa).
    expect(svg).toContain('<title>Africa, March 2020: 2</title>');
    expect(svg).toContain('<title>Arab States, March 2020: 1</title>');
    expect(svg).toContain('<title>Africa, May 2020: 1</title>');
    // Internal and deleted activities (April) are not counted.
    expect(svg).not.toContain('April 2020:');
    const table = res.text.match(/<table class="chart-table">[\s\S]*?<\/table>/)![0];
    const march = table.match(/<tr><th scope="row"><a href="[^"]*month=2020-03">March 2020<\/a><\/th>(.*?)<\/tr>/)![1]!;
    expect([...march.matchAll(/<td>(\d+)<\/td>/g)].map((m) => m[1])).toEqual(['2', '0', '1', '0', '0', '0', '3']);
    expect(table).toContain('<tfoot>');
  });

  it('reads right to left in Arabic, and refuses a year that is not one', async () => {
    const ar = await http.server.request('GET', '/ar/years/2020');
    expect(ar.status).toBe(200);
    expect(ar.text).toContain('dir="rtl"');
    // The months run from the right: January's label right of December's.
    const labels = [...ar.text.matchAll(/<text x="([\d.]+)" y="\d+" text-anchor="middle">/g)].map((m) => Number(m[1]));
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBeGreaterThan(labels[11]!);
    expect((await http.server.request('GET', '/en/years/20x0')).status).toBe(404);
  });

  it('counts internal activities for staff only, in the API and in the workspace’s image', async () => {
    const april = (body: { counts: Array<{ month: number; region: string; count: number }> }) => body.counts.filter((c) => c.month === 4);
    const anonymous = await http.server.request('GET', '/api/statistics/activities-per-month?year=2020');
    expect(anonymous.status).toBe(200);
    expect(april(anonymous.body)).toEqual([]);
    const staff = await http.server.request('GET', '/api/statistics/activities-per-month?year=2020', { token: http.users.reader.token });
    // The internal retreat of 5 April (the deleted call of 6 April stays out).
    expect(april(staff.body)).toEqual([{ month: 4, region: 'AFR', count: 1 }]);

    const svg = await http.server.request('GET', '/api/statistics/activities-per-month.svg?year=2020&lang=fr', { token: http.users.reader.token });
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const root = parseXml(svg.text);
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(childNamed(root, 'title').text).toBe('Activités par mois et par région, 2020');
    expect(allElements(root).some((e) => e.name === 'style')).toBe(true);
    const texts = allElements(root).filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('Afrique');
    expect(allElements(root).filter((e) => e.name === 'title').map((e) => e.text)).toContain('Afrique, avril 2020 : 1');
    // Anonymous callers get the public counts, titled as such.
    const publicSvg = parseXml((await http.server.request('GET', '/api/statistics/activities-per-month.svg?year=2020&lang=en')).text);
    expect(childNamed(publicSvg, 'title').text).toBe('Public activities per month and region, 2020');
  });
});
