/**
 * Caches kept by office: a write to one office's activity leaves another office's cached pages,
 * feeds and lists as they were (same ETag, answered from the cache), while every page, feed and
 * list that shows the written activity answers with the write at once.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';

const day = (offset: number): string => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

describeHttp('caches kept by office', { users: { editor: { role: 'editor', office: 'cairo' } } }, (http) => {
  const get = (path: string, headers: Record<string, string> = {}) => http.server.request('GET', path, { headers });
  const titles = async (path: string) => ((await get(path)).body.data as Array<{ title: { en: string } }>).map((a) => a.title.en);

  it("keeps office B's pages and lists through a write to office A's activity, and shows the write everywhere A's activity is shown", async () => {
    const date = { start: day(3), end: day(3) };
    const year = date.start.slice(0, 4);
    const a = await buildActivity(http.server, { title: { en: 'Cairo forum on spectrum' }, offices: [{ office: 'cairo', role: 'organised' }], date, status: 'planned' });
    await buildActivity(http.server, { title: { en: 'Addis workshop on tariffs' }, offices: [{ office: 'addis-ababa', role: 'organised' }], date, status: 'planned' });
    const officeB = { page: `/en/offices/addis-ababa?year=${year}`, feed: '/en/offices/addis-ababa/calendar.ics', list: '/api/activities?office=addis-ababa' };
    const officeA = { page: `/en/offices/cairo?year=${year}`, feed: '/en/offices/cairo/calendar.ics', list: '/api/activities?office=cairo' };

    const bPage = await get(officeB.page);
    const bFeed = await get(officeB.feed);
    expect(bPage.text).toContain('Addis workshop on tariffs');
    expect(await titles(officeB.list)).toEqual(['Addis workshop on tariffs']);
    for (const path of [officeA.page, officeA.feed, '/en/events', '/en/events.ics', '/en/events.atom']) expect((await get(path)).text).toContain('Cairo forum on spectrum');
    expect(await titles('/api/activities?q=spectrum')).toEqual(['Cairo forum on spectrum']);
    expect(await titles(officeA.list)).toEqual(['Cairo forum on spectrum']);

    // Behind the app's back, so that only a page answered from the cache still shows the old title.
    await sql`update activity set title = ${JSON.stringify({ en: 'Changed behind the cache' })} where title like '%Addis workshop%'`.execute(http.server.database.fieldbook.database.db);

    const patched = await http.server.request('PATCH', `/api/activities/${a.id}`, { token: http.users.editor.token, body: { version: a.version, title: { en: 'Cairo forum on numbering' } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    // Office B: the same validators (a browser's copy stays good), and the kept page, feed and list.
    expect((await get(officeB.page, { 'if-none-match': bPage.headers.get('etag')! })).status).toBe(304);
    expect((await get(officeB.feed, { 'if-none-match': bFeed.headers.get('etag')! })).status).toBe(304);
    expect((await get(officeB.page)).text).toContain('Addis workshop on tariffs');
    expect(await titles(officeB.list)).toEqual(['Addis workshop on tariffs']);

    // Everything that shows A's activity shows the write at once.
    for (const path of [officeA.page, officeA.feed, '/en/events', '/en/events.ics', '/en/events.atom', `/en/events/${a.id}`]) {
      const answer = await get(path);
      expect(answer.text, path).toContain('Cairo forum on numbering');
      expect(answer.text, path).not.toContain('Cairo forum on spectrum');
    }
    expect(await titles(officeA.list)).toEqual(['Cairo forum on numbering']);
    expect(await titles('/api/activities?q=numbering')).toEqual(['Cairo forum on numbering']);
    expect(await titles('/api/activities?q=spectrum')).toEqual([]);
    expect(await titles('/api/activities?office=cairo&office=addis-ababa')).toEqual(expect.arrayContaining(['Cairo forum on numbering']));
  });

  it("refreshes office B's list when an activity B's activity is related to stops being public", async () => {
    const a = await buildActivity(http.server, { title: { en: 'Cairo preparatory meeting' }, offices: [{ office: 'cairo', role: 'organised' }] });
    await buildActivity(http.server, { title: { en: 'Addis regional forum' }, offices: [{ office: 'addis-ababa', role: 'organised' }], related: [{ activity: a.id, kind: 'back-to-back' }] });
    const related = async () => ((await get('/api/activities?office=addis-ababa')).body.data as Array<{ related: unknown[] }>)[0]!.related;
    expect(await related()).toEqual([{ activity: a.id, kind: 'back-to-back' }]);

    const patched = await http.server.request('PATCH', `/api/activities/${a.id}`, { token: http.users.editor.token, body: { version: a.version, visibility: 'internal' } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(await related()).toEqual([]);
  });
});
