/**
 * Activities planned without a date (decision 9) over real HTTP on both databases: created from
 * "TBD" in any language, listed after the dated ones and filtered, shown on the public pages and
 * the office plan as "date to be decided", left out of calendar feeds; and day-first numeric dates
 * with the order the client asks for.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const day = (offset: number): string => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

async function register(server: TestServer) {
  const soon = await buildActivity(server, { title: { en: 'Forum on broadband mapping' }, description: { en: 'Forum on broadband mapping.' }, status: 'confirmed', date: { start: day(10), end: day(11) } });
  const later = await buildActivity(server, { title: { en: 'Workshop on spectrum pricing' }, status: 'planned', date: { start: day(40), end: day(40) } });
  const tbd = await buildActivity(server, { title: { en: 'Training on numbering plans' }, description: { en: 'Training on numbering plans.' }, status: 'planned', date: { text: 'TBD' } });
  const afd = await buildActivity(server, { title: { fr: 'Atelier sur la cybersécurité' }, originalLanguage: 'fr', status: 'planned', date: { text: 'date à déterminer' } });
  return { soon, later, tbd, afd };
}

describeHttp('activities planned without a date', { users: { editor: { role: 'editor' }, focal: { role: 'focal-point', bureau: 'TSB' } }, data: register }, (http) => {
  const get = (path: string) => http.server.request('GET', path, { token: http.users.editor.token });

  it('creates one from "to be decided" in any language, keeping the words', async () => {
    for (const text of ['To be decided', 'por determinar', 'дата уточняется', '待定']) {
      const res = await http.server.request('POST', '/api/activities', {
        token: http.users.editor.token,
        body: { title: { en: `Webinar ${text}` }, kind: 'webinar', status: 'planned', offices: [{ office: 'addis-ababa', role: 'organised' }], date: { text } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.date).toEqual({ text, start: '9999-12-31', end: '9999-12-31', precision: 'undated' });
    }
  });

  it('lists undated activities after the dated ones, and filters them in, out or alone', async () => {
    const { soon, later, tbd, afd } = http.data;
    const all = await get('/api/activities?sort=date');
    expect(all.status).toBe(200);
    const ids = all.body.data.map((a: { id: string }) => a.id);
    expect(ids.indexOf(tbd.id)).toBeGreaterThan(ids.indexOf(later.id));
    expect(ids.indexOf(afd.id)).toBeGreaterThan(ids.indexOf(soon.id));
    expect(ids.slice(-2).sort()).toEqual([tbd.id, afd.id].sort());

    const only = await get('/api/activities?undated=only');
    expect(only.body.data.map((a: { id: string }) => a.id).sort()).toEqual([tbd.id, afd.id].sort());
    const none = await get('/api/activities?undated=exclude');
    expect(none.body.data.map((a: { id: string }) => a.id)).not.toContain(tbd.id);
    expect(none.body.data.map((a: { id: string }) => a.id)).toContain(soon.id);
    // A window of dates holds dated activities only.
    const window = await get(`/api/activities?from=${day(0)}&to=${day(400)}`);
    expect(window.body.data.map((a: { id: string }) => a.id)).not.toContain(tbd.id);
    expect((await get('/api/activities?undated=sometimes')).status).toBe(400);
  });

  it('shows them on the public pages and the office plan as "date to be decided", out of calendar feeds', async () => {
    const { soon, tbd, afd } = http.data;
    const event = await http.server.request('GET', `/en/events/${tbd.id}`);
    expect(event.status).toBe(200);
    expect(event.text).toContain('Date to be decided');
    expect(event.text).toContain('(as written: TBD)');
    expect(event.text).not.toContain('9999');
    const fr = await http.server.request('GET', `/fr/events/${afd.id}`);
    expect(fr.text).toContain('Date à déterminer');

    const events = await http.server.request('GET', '/en/events');
    expect(events.text).toContain('Training on numbering plans');
    expect(events.text.indexOf('Training on numbering plans')).toBeGreaterThan(events.text.indexOf('Forum on broadband mapping'));

    const plan = await http.server.request('GET', `/en/offices/addis-ababa?year=${day(10).slice(0, 4)}`);
    expect(plan.status).toBe(200);
    const undecided = plan.text.indexOf('<h3>Date to be decided</h3>');
    expect(undecided).toBeGreaterThan(-1);
    expect(plan.text.indexOf('Training on numbering plans')).toBeGreaterThan(undecided);

    const ics = await http.server.request('GET', '/en/events.ics');
    expect(ics.status).toBe(200);
    expect(ics.text).toContain(`${soon.id}@fieldbook`);
    expect(ics.text).not.toContain(`${tbd.id}@fieldbook`);
    expect(ics.text).not.toContain('9999');
  });

  it('reads a day-first numeric date, month first when asked, and refuses an impossible one naming the field', async () => {
    const post = (date: Record<string, string>) =>
      http.server.request('POST', '/api/activities', {
        token: http.users.editor.token,
        body: { title: { en: 'Meeting' }, kind: 'forum', status: 'planned', offices: [{ office: 'addis-ababa', role: 'organised' }], date },
      });
    expect((await post({ text: '05/06/2020' })).body.date).toEqual({ text: '05/06/2020', start: '2020-06-05', end: '2020-06-05', precision: 'day' });
    expect((await post({ text: '05/06/2020', order: 'mdy' })).body.date).toMatchObject({ start: '2020-05-06' });
    expect((await post({ text: '20.05.2020 - 22.05.2020' })).body.date).toMatchObject({ start: '2020-05-20', end: '2020-05-22', precision: 'days' });
    expect((await post({ text: 'du 12 au 14 juin 2021' })).body.date).toMatchObject({ start: '2021-06-12', end: '2021-06-14', precision: 'days' });
    const bad = await post({ text: '05/06/2020', order: 'ymd' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('date.order');
  });

  it("lists them in a report's outlook, after the dated ones, and not in a report without one", async () => {
    const report = async (outlookMonths: number) => {
      const created = await http.server.request('POST', '/api/reports', {
        token: http.users.focal.token,
        body: { sector: 'ITU-T', from: day(-30), to: day(5), visibility: 'all', outlookMonths },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (await http.server.request('GET', `/api/reports/${created.body.id}.md`, { token: http.users.focal.token })).text;
    };
    const md = await report(3);
    const after = md.indexOf('Furthermore, after this period:');
    expect(after).toBeGreaterThan(-1);
    expect(md.indexOf('Forum on broadband mapping')).toBeGreaterThan(after);
    expect(md.indexOf('Training on numbering plans')).toBeGreaterThan(md.indexOf('Forum on broadband mapping'));
    expect(md).not.toContain('9999');
    expect(await report(0)).not.toContain('Training on numbering plans');
  });

  it('documents the reading order and the undated filter in OpenAPI', async () => {
    const spec = JSON.stringify((await http.server.request('GET', '/api/openapi.json')).body);
    expect(spec).toContain('How to read a numeric date whose numbers could both be the month');
    expect(spec).toContain('Activities planned without a date (precision `undated`)');
    expect(spec).toContain('"undated"');
  });
});
