/**
 * Hostile text in, well-formed and escaped out: titles, places, descriptions and outcomes built to
 * break feeds and pages are read back through every page, feed and export (the Atom feed through
 * a strict XML parser); a NUL character in any field is refused by field on both databases; a
 * path that is not valid percent-encoding answers like every other error.
 */
import { SaxesParser } from 'saxes';
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const HOSTILE_TITLE = 'Workshop <script>alert(1)</script> ]]> <b>bold</b> & "quotes" \u0001end';
const HOSTILE_CITY = 'Abuja ]]> x ]]><b>city</b>';
const HOSTILE_DESCRIPTION = '<![CDATA[ ]]><img src=x onerror=alert(1)> --> <!--';

/** Parses XML strictly (as a feed reader does): the element names met and the text of each title. */
function readXml(text: string): { elements: string[]; titles: string[] } {
  const parser = new SaxesParser({ xmlns: false });
  const elements: string[] = [];
  const titles: string[] = [];
  let inTitle = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    elements.push(tag.name);
    inTitle = tag.name === 'title';
    if (inTitle) titles.push('');
  });
  parser.on('text', (t) => {
    if (inTitle) titles[titles.length - 1] += t;
  });
  parser.on('closetag', () => {
    inTitle = false;
  });
  parser.write(text).close();
  return { elements, titles };
}

/** One activity whose every text is built to break a feed or a page. */
async function buildHostile(server: TestServer) {
  const made = await buildActivity(server, {
    title: { en: HOSTILE_TITLE },
    place: { city: HOSTILE_CITY, country: 'NG' },
    description: { en: HOSTILE_DESCRIPTION },
    outcome: { en: '</summary></entry><entry><title>Injected</title>' },
    date: { text: `${new Date().getUTCFullYear()}-12-30` },
  });
  return { id: made.id };
}

describeHttp('hostile text', { users: { editor: { role: 'editor', office: 'addis-ababa' }, admin: { role: 'admin' } }, data: buildHostile }, (http) => {
  it('keeps the Atom feed well-formed XML with the title as plain text and no injected element', async () => {
    const atom = await http.server.request('GET', '/en/events.atom');
    expect(atom.status).toBe(200);
    const { elements, titles } = readXml(atom.text);
    expect(elements).not.toContain('script');
    expect(elements).not.toContain('b');
    expect(elements).not.toContain('img');
    expect(elements.filter((e) => e === 'entry')).toHaveLength(1);
    expect(titles).toContain(HOSTILE_TITLE.replace('\u0001', ''));
    expect(atom.text).not.toContain('CDATA[ ]]><img');
  });

  it('escapes the same text on every page and in the calendar and JSON feeds', async () => {
    const year = new Date().getUTCFullYear();
    for (const path of [`/en/events/${http.data.id}`, '/en/events', `/en/offices/addis-ababa?year=${year}`, '/en/regions/AFR', '/en/']) {
      const page = await http.server.request('GET', path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).not.toContain('<script>alert');
      expect(page.text, path).not.toContain('<b>city</b>');
      expect(page.text, path).not.toContain('<img src=x');
    }
    const event = await http.server.request('GET', `/en/events/${http.data.id}`);
    expect(event.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const ics = await http.server.request('GET', '/en/events.ics');
    expect(ics.status).toBe(200);
    expect(ics.text).toMatch(/SUMMARY:Workshop <script>alert\(1\)<\/script> ]]> <b>bold<\/b> & "quotes"/);
    // Every content line of the calendar is one property: nothing the title held started a new one.
    expect(ics.text.split('\r\n').filter((line) => line.startsWith('BEGIN:VEVENT'))).toHaveLength(1);

    const json = await http.server.request('GET', `/en/events.json?from=${year}-01-01&to=${year}-12-31`);
    expect(json.body.data[0].title.en).toBe(HOSTILE_TITLE);
  });

  it.each([
    ['sign-in email', 'POST', '/api/session', { email: 'ed\u0000@example.org', password: 'whatever whatever' }, 'body.email'],
    ['token name', 'POST', '/api/tokens', { name: 'script\u0000' }, 'body.name'],
    ['place', 'POST', '/api/activities', { title: { en: 'A workshop' }, kind: 'workshop', offices: [{ office: 'addis-ababa', role: 'organised' }], sectors: ['ITU-T'], date: { text: 'March 2020' }, place: { city: 'Ab\u0000uja', country: 'NG' } }, 'body.place.city'],
  ] as const)('refuses a NUL character in the %s by field, storing nothing', async (_what, method, path, body, field) => {
    const res = await http.server.request(method, path, { token: http.users.editor.token, body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: field, code: 'contains_nul' })]);
  });

  it('refuses a NUL character in a display name, a status reason and a query, by field', async () => {
    const user = await http.server.request('POST', '/api/users', { token: http.users.admin.token, body: { email: 'new@example.org', role: 'reader', password: 'long enough password', displayName: 'New\u0000' } });
    expect(user.status).toBe(400);
    expect(user.body.errors).toEqual([expect.objectContaining({ path: 'body.displayName', code: 'contains_nul' })]);
    expect((await http.server.request('GET', '/api/users', { token: http.users.admin.token })).text).not.toContain('new@example.org');

    const current = await http.server.request('GET', `/api/activities/${http.data.id}`, { token: http.users.editor.token });
    const patch = await http.server.request('PATCH', `/api/activities/${http.data.id}`, { token: http.users.editor.token, body: { version: current.body.version, status: 'postponed', statusReason: 'why\u0000' } });
    expect(patch.status).toBe(400);
    expect(patch.body.errors).toEqual([expect.objectContaining({ path: 'body.statusReason', code: 'contains_nul' })]);
    expect((await http.server.request('GET', `/api/activities/${http.data.id}`, { token: http.users.editor.token })).body.status).toBe(current.body.status);

    const search = await http.server.request('GET', '/api/activities?q=work%00shop');
    expect(search.status).toBe(400);
    expect(search.body.errors).toEqual([expect.objectContaining({ path: 'query.q', code: 'contains_nul' })]);
  });

  it('answers a multipart body cut short with 400, and a bad token on the API documents with 401, never 500', async () => {
    const boundary = 'cut123';
    const cut = await fetch(`${http.server.url}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${http.users.editor.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="report.txt"\r\ncontent-type: text/plain\r\n\r\nPK\u0003\u0004 half a fi`,
    });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('file_unreadable');

    const docs = await http.server.request('GET', '/api/docs/json', { token: 'not-a-token' });
    expect(docs.status).toBe(401);
    expect(docs.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers a path that is not valid percent-encoding as problem+json with the security headers', async () => {
    const res = await http.server.request('GET', '/api/activities/%ff');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: expect.any(String), detail: expect.any(String) });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
