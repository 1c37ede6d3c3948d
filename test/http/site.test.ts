/**
 * The public site and its feeds over real HTTP on both databases: every page type in English and
 * Arabic, what the public may and may not see, bad input, caching, and feeds read back.
 */
import nodeHttp from 'node:http';
import { expect, it } from 'vitest';
import { patchActivityBody } from '#src/activities/schemas.ts';
import { createPublishingService } from '#src/publishing/service.ts';
import type { Actor } from '#src/platform/access.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const SYSTEM: Actor = { kind: 'system', label: 'site test' };

const day = (offset: number): string => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};
const compact = (iso: string) => iso.replaceAll('-', '');

/** The VEVENTs of an iCalendar text, lines unfolded, each as property name → values. */
function parseEvents(ics: string): Array<Map<string, string[]>> {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: Array<Map<string, string[]>> = [];
  let current: Map<string, string[]> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      current.set(name, [...(current.get(name) ?? []), line.slice(colon + 1)]);
    }
  }
  return events;
}
const eventByUid = (ics: string, id: string) => parseEvents(ics).find((e) => e.get('UID')?.[0] === `${id}@fieldbook`);

/** Public events ahead of today in every status, and what the public must not see: an internal and a deleted one. */
async function buildEvents(server: TestServer) {
  const upcoming = await buildActivity(server, {
    title: { en: 'Forum on digital inclusion in Africa', fr: 'Forum sur l’inclusion numérique en Afrique' },
    kind: 'forum',
    status: 'confirmed',
    date: { start: day(10), end: day(12) },
    sectors: ['ITU-D', 'ITU-T'],
    bodies: [],
    description: { en: 'Three days on inclusion.' },
  });
  const cancelled = await buildActivity(server, { title: { en: 'Cancelled training on numbering' }, kind: 'training', status: 'cancelled', date: { start: day(20), end: day(20) } });
  const postponed = await buildActivity(server, { title: { en: 'Postponed webinar on spectrum' }, kind: 'webinar', status: 'postponed', date: { start: day(25), end: day(25) } });
  const internal = await buildActivity(server, { title: { en: 'Internal staff retreat' }, visibility: 'internal', status: 'planned', date: { start: day(15), end: day(15) } });
  const deleted = await buildActivity(server, { title: { en: 'Withdrawn coordination call' }, status: 'planned', date: { start: day(16), end: day(16) } });
  await server.database.fieldbook.services.activities.remove(SYSTEM, deleted.id);
  const scripted = await buildActivity(server, { title: { en: '<script>alert(1)</script> Workshop on security' }, status: 'planned', date: { start: day(30), end: day(31) } });
  const vague = await buildActivity(server, { title: { en: 'Regional preparatory meeting for WTSA' }, status: 'planned', date: { text: 'mid November 2020' } });
  return { upcoming, cancelled, postponed, internal, deleted, scripted, vague };
}

// These tests only read the events and the registry, so they share one register.
describeHttp('public site', { database: 'shared', data: buildEvents }, (http) => {
  const get = (path: string, headers: Record<string, string> = {}) => http.server.request('GET', path, { headers });

  it('serves every page type in English and in Arabic, right to left', async () => {
    const year = day(10).slice(0, 4);
    for (const path of ['/', '/regions/AFR', `/offices/addis-ababa?year=${year}`, '/events', `/events?view=month&month=${day(10).slice(0, 7)}`, `/events/${http.data.upcoming.id}`]) {
      const en = await get(`/en${path}`);
      expect(en.status, `/en${path}`).toBe(200);
      expect(en.headers.get('content-type')).toMatch(/^text\/html/);
      expect(en.text).toContain('<html lang="en" dir="ltr">');
      expect(en.text).toContain('hreflang="ar"');
      const ar = await get(`/ar${path}`);
      expect(ar.status, `/ar${path}`).toBe(200);
      expect(ar.text).toContain('<html lang="ar" dir="rtl">');
      expect(ar.text).toContain('الأحداث');
    }
    const home = await get('/en/');
    expect(home.text).toContain('<svg class="map"');
    expect(home.text).toContain('href="/en/offices/addis-ababa"');
    expect(home.text).toContain('Forum on digital inclusion in Africa');
    const office = await get(`/en/offices/addis-ababa?year=${year}`);
    expect(office.text).toContain('Regional Office for Africa');
    expect(office.text).toContain(`Annual plan ${year}`);
    expect(office.text).toContain('Forum on digital inclusion in Africa');
    const french = await get(`/fr/events/${http.data.upcoming.id}`);
    expect(french.text).toContain('Forum sur l’inclusion numérique en Afrique');
    expect(french.text).toContain('Confirmé');
  });

  it('names each page once in its title and serves an icon', async () => {
    const titleOf = (text: string) => /<title>([^<]*)<\/title>/.exec(text)?.[1];
    expect(titleOf((await get('/en/')).text)).toBe('ITU regional presence');
    expect(titleOf((await get(`/en/events/${http.data.upcoming.id}`)).text)).toBe('Forum on digital inclusion in Africa · ITU regional presence');
    expect((await get('/en/')).text).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const legacy = await fetch(`${http.server.url}/favicon.ico`, { redirect: 'manual' });
    expect(legacy.status).toBe(301);
    expect(legacy.headers.get('location')).toBe('/favicon.svg');
  });

  it("lists an office's year once: its plan holds the year's activities, past activities are those before it", async () => {
    const office = await get('/en/offices/addis-ababa?year=2020');
    expect(office.text.match(/Regional preparatory meeting for WTSA/g)).toHaveLength(1);
    expect(office.text).toContain('href="/en/offices/addis-ababa/calendar.ics?from=2020-01-01&amp;to=2020-12-31"');
    // Looking at the following year, 2020's meeting is among the past ones.
    const next = await get('/en/offices/addis-ababa?year=2021');
    expect(next.text.match(/Regional preparatory meeting for WTSA/g)).toHaveLength(1);
  });

  it('finds public events by their words from a search box on every page, past ones included, never internal ones', async () => {
    expect((await get('/en/regions/AFR')).text).toContain('<form class="search" role="search" method="get" action="/en/events">');
    const found = await get('/en/events?q=preparatory');
    expect(found.status).toBe(200);
    expect(found.text).toContain('Events matching “preparatory”');
    expect(found.text).toContain('Regional preparatory meeting for WTSA');
    expect(found.text).not.toContain('Forum on digital inclusion in Africa');
    expect((await get('/en/events?q=retreat')).text).not.toContain('Internal staff retreat');
    const ics = (await get('/en/events.ics?q=preparatory&from=2020-01-01&to=2020-12-31')).text;
    expect(eventByUid(ics, http.data.vague.id)).toBeDefined();
    expect(eventByUid(ics, http.data.upcoming.id)).toBeUndefined();
  });

  it('sends / to the language the browser asks for', async () => {
    const response = await fetch(`${http.server.url}/`, { redirect: 'manual', headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/fr/');
  });

  it('never shows internal or deleted activities, on pages or in feeds', async () => {
    const paths = ['/en/', '/en/events', '/en/regions/AFR', `/en/offices/addis-ababa?year=${day(15).slice(0, 4)}`, '/en/events.ics', '/en/events.atom', '/en/events.json', '/calendar.ics'];
    for (const path of paths) {
      const { text, status } = await get(path);
      expect(status, path).toBe(200);
      expect(text, path).not.toContain('Internal staff retreat');
      expect(text, path).not.toContain('Withdrawn coordination call');
    }
    expect((await get(`/en/events/${http.data.internal.id}`)).status).toBe(404);
    expect((await get(`/en/events/${http.data.deleted.id}`)).status).toBe(404);
  });

  it('answers an unknown office or event with a 404 page in the chosen language', async () => {
    const office = await get('/fr/offices/atlantis');
    expect(office.status).toBe(404);
    expect(office.headers.get('content-type')).toMatch(/^text\/html/);
    expect(office.text).toContain('<html lang="fr" dir="ltr">');
    expect(office.text).toContain('Page introuvable');
    expect(office.headers.get('etag')).toBeNull();
    const event = await get('/ar/events/00000000-0000-4000-8000-000000000000');
    expect(event.status).toBe(404);
    expect(event.text).toContain('dir="rtl"');
    expect(event.text).toContain('الصفحة غير موجودة');
    expect((await get('/es/events/not-an-id')).text).toContain('Página no encontrada');
    expect((await get('/zh/no/such/page')).status).toBe(404);
    // The API keeps its own problem+json 404.
    const api = await get('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('explains nonsense filters on the page instead of failing', async () => {
    const response = await get('/en/events?region=MARS&kind=party&from=yesterday&office=addis-ababa&view=sideways');
    expect(response.status).toBe(400);
    expect(response.text).toContain('Region: “MARS” is not a valid value and was left out.');
    expect(response.text).toContain('Kind: “party” is not a valid value');
    expect(response.text).toContain('From: “yesterday” is not a valid value');
    // What was valid is kept in the form.
    expect(response.text).toContain('<option value="addis-ababa" selected>');
    const year = await get('/en/offices/addis-ababa?year=last');
    expect(year.status).toBe(400);
    expect(year.text).toContain('Year: “last” is not a valid value');
    const cursor = await get('/en/events?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.text).toContain('This address cannot be answered');
  });

  it('shows a title containing <script> as text', async () => {
    for (const path of ['/en/events', `/en/events/${http.data.scripted.id}`]) {
      const { text } = await get(path);
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Workshop on security');
      expect(text).not.toContain('<script>alert(1)');
    }
  });

  it('never serves one visitor links made from another visitor\'s Host header', async () => {
    // fetch() will not send another Host; node:http will.
    const poisoned = await new Promise<string>((resolve, reject) => {
      const url = new URL('/en/regions/ASP', http.server.url);
      nodeHttp
        .get({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example' } }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(poisoned).toContain('webcal://evil.example/en/regions/ASP/calendar.ics');
    const page = await get('/en/regions/ASP');
    expect(page.text).not.toContain('evil.example');
  });

  it('bounds feeds by a date window, overridable with from/to up to a limit; a vague date is one entry on its first day, with its words', async () => {
    expect(eventByUid((await get('/en/events.ics')).text, http.data.vague.id)).toBeUndefined();
    const in2020 = eventByUid((await get('/en/events.ics?from=2020-01-01&to=2020-12-31')).text, http.data.vague.id)!;
    expect(in2020.get('SUMMARY')).toEqual(['Regional preparatory meeting for WTSA (mid November 2020)']);
    expect(in2020.get('DTSTART')).toEqual([compact(http.data.vague.date.start)]);
    // "mid November 2020" is not eleven days blocked in a subscriber's calendar: one day, and the words.
    expect(in2020.get('DTEND')).toEqual([compact(new Date(Date.parse(`${http.data.vague.date.start}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))]);
    expect(in2020.get('DESCRIPTION')?.[0]).toMatch(/^The date is known only as: mid November 2020/);
    const tooLong = await get('/en/events.ics?from=2000-01-01&to=2020-01-01');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'feed_window_too_long', errors: [{ path: 'query.to' }] });
    const badFilter = await get('/en/events.ics?office=atlantis');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].path).toBe('query.office');
    const backwards = await get('/en/events.ics?from=2020-12-31&to=2020-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toMatchObject([{ path: 'query.to', code: 'before_start', params: { from: '2020-12-31', to: '2020-01-01' } }]);
    const backwardsPage = await get('/fr/events?from=2020-12-31&to=2020-01-01');
    expect(backwardsPage.text).toContain('précède la date de début');
  });

  it('offers per-region and per-office feeds beside their pages, as subscriptions', async () => {
    const region = await get('/en/regions/AFR');
    expect(region.text).toContain(`href="webcal://${new URL(http.server.url).host}/en/regions/AFR/calendar.ics"`);
    expect((await get('/en/regions/AFR/calendar.ics')).text).toContain(`UID:${http.data.upcoming.id}@fieldbook`);
    expect((await get('/en/regions/EUR/calendar.ics')).text).not.toContain(`UID:${http.data.upcoming.id}@fieldbook`);
    expect((await get('/en/offices/addis-ababa/calendar.ics')).text).toContain(`UID:${http.data.upcoming.id}@fieldbook`);
    expect((await get('/en/offices/geneva-europe/calendar.ics')).status).toBe(404);
    const single = await get(`/en/events/${http.data.upcoming.id}/calendar.ics`);
    expect(single.headers.get('content-disposition')).toMatch(/attachment/);
    expect(parseEvents(single.text)).toHaveLength(1);
  });
});

// Each of these changes an event or adds some to the lists the others read, so each starts on its own register.
describeHttp('public site, as the register changes', { data: buildEvents }, (http) => {
  const get = (path: string, headers: Record<string, string> = {}) => http.server.request('GET', path, { headers });

  it('shows postponed and cancelled events with their status in words', async () => {
    const { text } = await get('/en/events');
    expect(text).toMatch(/Cancelled training on numbering<\/a> <span class="status status-cancelled">Cancelled<\/span>/);
    expect(text).toMatch(/Postponed webinar on spectrum<\/a> <span class="status status-postponed">Postponed<\/span>/);
    const ar = await get('/ar/events');
    expect(ar.text).toContain('ملغى');

    const { activities } = http.server.database.fieldbook.services;
    const planned = await buildActivity(http.server, { title: { en: 'Study group meeting in Cairo' }, status: 'planned', date: { start: day(60), end: day(61) } });
    await activities.update(SYSTEM, planned.id, patchActivityBody.parse({ version: planned.version, status: 'postponed', statusReason: 'The host asked to move it to next year' }));
    const page = await get(`/en/events/${planned.id}`);
    expect(page.text).toContain('<span class="status status-postponed">Postponed</span>');
    // The reason staff typed stays internal (it may be sensitive); the page says what and when.
    expect(page.text).toMatch(/<h2 id="history-heading">Status history<\/h2><ul><li>.*: Planned<\/li><li>.*: Postponed<\/li><\/ul>/);
    expect(page.text).not.toContain('The host asked');
  });

  it('answers 304 to a client with the current page, and 200 once the register changes', async () => {
    const first = await get('/en/events');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^".+"$/);
    expect(lastModified).toBeTruthy();
    expect((await get('/en/events', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/en/events', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/en/offices/addis-ababa', { 'if-none-match': etag })).status).toBe(304);

    await buildActivity(http.server, { title: { en: 'Newly announced forum' }, status: 'planned', date: { start: day(40), end: day(40) } });
    const after = await get('/en/events', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.text).toContain('Newly announced forum');
    const css = await get('/site.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('/site.css', { 'if-none-match': css.headers.get('etag')! })).status).toBe(304);
  });

  it('pages through a long list with a shareable "more events" link', async () => {
    const many = [];
    for (let i = 0; i < 52; i++) {
      many.push(await buildActivity(http.server, { title: { en: `Weekly clinic ${i}` }, kind: 'training', status: 'planned', offices: [{ office: 'cairo', role: 'organised' }], date: { start: day(50 + i), end: day(50 + i) } }));
    }
    const first = await get('/en/events?office=cairo');
    expect(first.text.match(/Weekly clinic \d+/g)).toHaveLength(50);
    const next = /<a href="([^"]+)" rel="next">More events<\/a>/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/en\/events\?office=cairo&cursor=/);
    const second = await get(next!);
    expect(second.text.match(/Weekly clinic \d+/g)).toEqual(['Weekly clinic 50', 'Weekly clinic 51']);
    expect(second.text).not.toContain('rel="next">More events');
    const json = await get('/en/events.json?office=cairo');
    expect(json.body.data).toHaveLength(50);
    expect((await get(`/en/events.json?office=cairo&cursor=${encodeURIComponent(json.body.next)}`)).body.data).toHaveLength(2);
  });

  it('publishes iCalendar with all-day spans, stable UIDs, SEQUENCE from the version, cancellations and categories', async () => {
    const response = await get('/en/events.ics');
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const event = eventByUid(response.text, http.data.upcoming.id)!;
    expect(event).toBeDefined();
    expect(event.get('DTSTART')).toEqual([compact(day(10))]);
    expect(event.get('DTEND')).toEqual([compact(day(13))]);
    expect(event.get('SEQUENCE')).toEqual([String(http.data.upcoming.version)]);
    expect(event.get('LAST-MODIFIED')).toHaveLength(1);
    expect(event.get('SUMMARY')).toEqual(['Forum on digital inclusion in Africa']);
    expect(event.get('CATEGORIES')?.join(',').split(',')).toEqual(expect.arrayContaining(['Forum', 'ITU-D', 'ITU-T']));
    expect(response.text).toMatch(/DTSTART;VALUE=DATE:/);
    expect(eventByUid(response.text, http.data.cancelled.id)?.get('STATUS')).toEqual(['CANCELLED']);

    const { activities } = http.server.database.fieldbook.services;
    const changed = await activities.update(SYSTEM, http.data.upcoming.id, patchActivityBody.parse({ version: http.data.upcoming.version, title: { en: 'Forum on digital inclusion in Africa (new dates)' }, date: { start: day(11), end: day(12) } }));
    const again = eventByUid((await get('/en/events.ics')).text, http.data.upcoming.id)!;
    expect(again.get('SEQUENCE')).toEqual([String(changed.version)]);
    expect(Number(again.get('SEQUENCE')![0])).toBeGreaterThan(http.data.upcoming.version);
    expect(again.get('DTSTART')).toEqual([compact(day(11))]);
    expect((await get('/calendar.ics')).text).toContain(`UID:${http.data.upcoming.id}@fieldbook`);
  });

  it('keeps a feed to its limit: everything ahead first, then the most recent past', async () => {
    const { registry, activities } = http.server.database.fieldbook.services;
    const dakar = (title: string, offset: number) =>
      buildActivity(http.server, { title: { en: title }, status: 'planned', offices: [{ office: 'dakar', role: 'organised' }], date: { start: day(offset), end: day(offset) } });
    const longAgo = await dakar('Dakar long ago', -200);
    const lastMonth = await dakar('Dakar last month', -30);
    const soon = await dakar('Dakar soon', 5);
    const later = await dakar('Dakar later', 90);
    const window = { from: day(-365), to: day(365) };
    const ids = async (max: number) => {
      const feed = await createPublishingService(registry, activities, 'test', { feedMaxEvents: max }).feedEvents(
        { region: [], office: ['dakar'], sector: [], kind: [], body: [], status: [] },
        window,
        day(0),
      );
      return { ids: feed.events.map((a) => a.id), truncated: feed.truncated };
    };
    expect(await ids(4)).toEqual({ ids: [longAgo.id, lastMonth.id, soon.id, later.id], truncated: false });
    expect(await ids(3)).toEqual({ ids: [lastMonth.id, soon.id, later.id], truncated: true });
    expect(await ids(1)).toEqual({ ids: [soon.id], truncated: true });
  });

  it('publishes an Atom feed of changes and JSON of the same filtered lists', async () => {
    await http.server.database.fieldbook.services.activities.update(SYSTEM, http.data.postponed.id, patchActivityBody.parse({ version: http.data.postponed.version, participants: 40 }));
    const atom = await get('/en/events.atom');
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    // The latest change comes first.
    expect(/<entry>\s*<title[^>]*>(?:<!\[CDATA\[)?([^<\]]+)/.exec(atom.text)?.[1]).toBe('Postponed webinar on spectrum');
    expect(atom.text).toContain(`urn:uuid:${http.data.postponed.id}`);
    const json = await get('/en/events.json?status=cancelled');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.body.data.map((a: { id: string }) => a.id)).toEqual([http.data.cancelled.id]);
    expect(json.body.data[0]).not.toHaveProperty('createdBy');
    const bad = await get('/en/events.json?status=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.status');
  });
});
