/** GET /api/offices/{code}/due: what an office owes the register before the current reporting period's report. */
import { expect, it } from 'vitest';
import type { Actor } from '#src/platform/access.ts';
import { createReportBody } from '#src/reports/schemas.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const SYSTEM: Actor = { kind: 'system', label: 'due test' };

/** Three reporting periods, and activities of addis-ababa (and one of cairo) in every state that matters, by title. */
async function buildPeriodsAndActivities(server: TestServer): Promise<Record<string, string>> {
  const { reports, activities } = server.database.fieldbook.services;
  for (const [sector, from, to] of [
    ['ITU-T', '2026-01-01', '2026-08-31'],
    ['ITU-D', '2026-03-01', '2026-12-31'],
    ['ITU-R', '2025-01-01', '2025-12-31'],
  ] as const) {
    await reports.create(SYSTEM, createReportBody.parse({ sector, from, to, header: { title: `${sector} report` } }));
  }
  const ids: Record<string, string> = {};
  const add = async (key: string, overrides: Record<string, unknown>) => {
    ids[key] = (await buildActivity(server, { title: { en: key }, description: undefined, ...overrides })).id;
  };
  await add('planned past', { status: 'planned', date: { text: '10 March 2026' } });
  await add('held bare', { status: 'held', date: { text: '2 April 2026' } });
  await add('held described', { status: 'held', date: { text: '3 April 2026' }, description: { fr: 'Atelier tenu à Addis-Abeba.' } });
  await add('planned ahead', { status: 'planned', date: { text: 'June 2026' } });
  await add('confirmed past, ITU-D', { status: 'confirmed', date: { text: '20 March 2026' }, sectors: ['ITU-D'] });
  await add('cancelled', { status: 'cancelled', date: { text: 'February 2026' } });
  await add('another office', { status: 'planned', date: { text: 'February 2026' }, offices: [{ office: 'cairo', role: 'organised' }] });
  await add('ITU-R, no open period', { status: 'planned', date: { text: 'February 2026' }, sectors: ['ITU-R'] });
  await add('deleted', { status: 'planned', date: { text: '5 February 2026' } });
  await activities.remove(SYSTEM, ids.deleted!);
  return ids;
}

describeHttp('what an office owes before the report', {
  // The tests only read these periods and activities, so they share one database.
  database: 'shared',
  users: { editor: { role: 'editor', office: 'addis-ababa' }, reader: { role: 'reader' } },
  data: buildPeriodsAndActivities,
}, (http) => {
  const due = (query: string, token: string | null = http.users.editor.token, office = 'addis-ababa') =>
    http.server.request('GET', `/api/offices/${office}/due${query}`, token ? { token } : {});

  it('lists the past activities still planned or confirmed and the held ones with no description, in date order, with why', async () => {
    const res = await due('?on=2026-05-10');
    expect(res.status).toBe(200);
    expect(res.body.on).toBe('2026-05-10');
    expect(res.body.periods).toEqual([
      { report: expect.any(String), sector: 'ITU-D', advisoryGroup: 'TDAG', from: '2026-03-01', to: '2026-12-31', title: 'ITU-D report' },
      { report: expect.any(String), sector: 'ITU-T', advisoryGroup: 'TSAG', from: '2026-01-01', to: '2026-08-31', title: 'ITU-T report' },
    ]);
    expect(res.body.data.map((a: { id: string; reasons: string[] }) => [a.id, a.reasons])).toEqual([
      [http.data['planned past'], ['status_not_updated']],
      [http.data['confirmed past, ITU-D'], ['status_not_updated']],
      [http.data['held bare'], ['no_description']],
    ]);
    expect(res.body.data[0]).toEqual({
      id: http.data['planned past'],
      title: { en: 'planned past' },
      originalLanguage: 'en',
      status: 'planned',
      date: { text: '10 March 2026', start: '2026-03-10', end: '2026-03-10', precision: 'day' },
      sectors: ['ITU-T'],
      reasons: ['status_not_updated'],
    });
  });

  it('follows the period: once one is over only the other counts, and with none open nothing is due', async () => {
    const later = await due('?on=2026-10-01');
    expect(later.body.periods.map((p: { sector: string }) => p.sector)).toEqual(['ITU-D']);
    expect(later.body.data.map((a: { id: string }) => a.id)).toEqual([http.data['confirmed past, ITU-D']]);

    const none = await due('?on=2027-02-01');
    expect(none.body).toEqual({ on: '2027-02-01', periods: [], data: [] });

    // Before any period: the one ending soonest after the day, where nothing is past yet.
    const before = await due('?on=2024-06-01');
    expect(before.body.periods.map((p: { sector: string }) => p.sector)).toEqual(['ITU-R']);
    expect(before.body.data).toEqual([]);
  });

  it('is for signed-in users, about an office that exists, on a day written yyyy-mm-dd', async () => {
    expect((await due('', null)).status).toBe(401);
    expect((await due('?on=2026-05-10', http.users.reader.token)).body.data).toHaveLength(3);
    expect((await due('?on=2026-05-10', http.users.editor.token, 'cairo')).body.data.map((a: { id: string }) => a.id)).toEqual([http.data['another office']]);
    const unknown = await due('', http.users.editor.token, 'atlantis');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('office_not_found');
    const badDay = await due('?on=soon');
    expect(badDay.status).toBe(400);
    expect(badDay.body.errors).toEqual([{ path: 'query.on', code: 'not_a_date', message: expect.any(String), params: { value: 'soon' } }]);
    expect((await due('')).status).toBe(200);
  });
});
