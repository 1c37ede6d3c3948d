import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { buildUser, SEED_AFRICA_WORKSHOP, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The Africa section of the seed report, recorded by hand as an editor of the Addis Ababa office would. */
const SEED_AFRICA = [
  {
    title: { en: 'Workshop on Standardization of fiber networks towards a better connected Africa' },
    kind: 'workshop',
    status: 'held',
    offices: [{ office: 'addis-ababa', role: 'participated' }, { office: 'addis-ababa', role: 'contributed' }],
    date: { text: '3 and 4 February 2020' },
    place: { city: 'Abuja', country: 'NG' },
    sectors: ['ITU-T'],
    bodies: ['SG13'],
  },
  {
    title: { en: 'Regular meeting of the African group of SG13' },
    kind: 'regional-group-meeting',
    status: 'held',
    offices: [{ office: 'addis-ababa', role: 'participated' }],
    date: { text: '5 and 6 February 2020' },
    place: { city: 'Abuja', country: 'NG' },
    sectors: ['ITU-T'],
    bodies: ['SG13RG-AFR'],
  },
  SEED_AFRICA_WORKSHOP,
  {
    title: { en: 'Regular meeting of the African Group of SG12' },
    kind: 'regional-group-meeting',
    status: 'held',
    offices: [{ office: 'addis-ababa', role: 'supported' }],
    date: { text: '4 - 5 March 2020' },
    place: { city: 'Ndjamena', country: 'TD' },
    sectors: ['ITU-T'],
    bodies: ['SG12RG-AFR'],
  },
  {
    title: { en: 'ATU WTSA-20 Preparatory Meeting, back to back with the OTT forum' },
    kind: 'preparatory-meeting',
    status: 'held',
    offices: [{ office: 'addis-ababa', role: 'participated' }, { office: 'addis-ababa', role: 'contributed' }],
    date: { text: '27 to 30 July2020' },
    place: { online: true },
    sectors: ['ITU-T'],
    bodies: ['ATU', 'WTSA-20'],
  },
  {
    title: { en: 'African Preparatory Meeting for WTSA-20' },
    kind: 'preparatory-meeting',
    status: 'confirmed',
    offices: [{ office: 'addis-ababa', role: 'participated' }],
    date: { text: 'the second week of November 2020' },
    sectors: ['ITU-T'],
    bodies: ['ATU', 'WTSA-20'],
  },
  {
    title: { en: 'Consultation of countries on nominations for TSAG and study group positions' },
    kind: 'consultation',
    status: 'held',
    offices: [{ office: 'addis-ababa', role: 'organised' }],
    date: { text: 'January – August 2020' },
    sectors: ['ITU-T'],
    bodies: ['TSAG'],
    visibility: 'internal',
  },
];

describe.each(DIALECTS)('activity register over HTTP [%s]', (dialect) => {
  let server: TestServer;
  let editor: TestUser;
  let otherEditor: TestUser;
  let focal: TestUser;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    editor = await buildUser(server, { role: 'editor', office: 'addis-ababa' });
    otherEditor = await buildUser(server, { role: 'editor', office: 'cairo' });
    focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
    for (const activity of SEED_AFRICA) {
      const res = await server.request('POST', '/api/activities', { token: editor.token, body: activity });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.id);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores an activity and gives it back completed: id, version, date range, audit fields', async () => {
    const res = await server.request('GET', `/api/activities/${ids[2]}`, { token: editor.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids[2],
      version: 1,
      title: { en: 'Workshop on Quality of Service' },
      originalLanguage: 'en',
      kind: 'workshop',
      status: 'held',
      offices: [{ office: 'addis-ababa', role: 'supported' }],
      date: { text: '2 - 3 March 2020', start: '2020-03-02', end: '2020-03-03', precision: 'days' },
      place: { city: 'Ndjamena', country: 'TD', mode: 'in-person', online: false },
      sectors: ['ITU-T'],
      bureaux: ['TSB'],
      bodies: ['SG12RG-AFR'],
      createdBy: editor.email,
      deletedAt: null,
    });
    expect(res.body.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'held', by: editor.email })]);
    const online = await server.request('GET', `/api/activities/${ids[4]}`);
    expect(online.body.date).toEqual({ text: '27 to 30 July2020', start: '2020-07-27', end: '2020-07-30', precision: 'days' });
    expect(online.body.place).toEqual({ mode: 'online', online: true, city: null, country: null });
    expect(online.body.createdBy).toBeUndefined();
  });

  it('finds activities by office, region, body, kind, status and date overlap', async () => {
    const byOffice = await server.request('GET', '/api/activities?office=addis-ababa', { token: editor.token });
    expect(byOffice.body.data).toHaveLength(SEED_AFRICA.length);
    expect((await server.request('GET', '/api/activities?office=cairo')).body.data).toEqual([]);
    expect((await server.request('GET', '/api/activities?region=AFR', { token: editor.token })).body.data).toHaveLength(SEED_AFRICA.length);
    expect((await server.request('GET', '/api/activities?region=ARB')).body.data).toEqual([]);

    const march = await server.request('GET', '/api/activities?from=2020-03-01&to=2020-03-31');
    expect(march.body.data.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[3]]);
    // Overlap: the fuzzy "second week of November" (8–14) meets a query starting on the 10th.
    const november = await server.request('GET', '/api/activities?from=2020-11-10');
    expect(november.body.data.map((a: { id: string }) => a.id)).toEqual([ids[5]]);

    const groups = await server.request('GET', '/api/activities?body=SG12RG-AFR,SG13RG-AFR&kind=regional-group-meeting');
    expect(groups.body.data.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[3]]);
    expect((await server.request('GET', '/api/activities?status=confirmed')).body.data).toHaveLength(1);
    expect((await server.request('GET', '/api/activities?bureau=TSB&sector=ITU-T')).body.data.length).toBe(6);
    expect((await server.request('GET', '/api/activities?sector=ITU-R')).body.data).toEqual([]);
  });

  it('keeps internal activities from anonymous callers, and shows them to staff', async () => {
    const anonymous = await server.request('GET', '/api/activities');
    expect(anonymous.body.data.map((a: { id: string }) => a.id)).not.toContain(ids[6]);
    expect((await server.request('GET', '/api/activities?visibility=internal')).body.data).toEqual([]);
    expect((await server.request('GET', `/api/activities/${ids[6]}`)).status).toBe(404);
    const staff = await server.request('GET', '/api/activities?visibility=internal', { token: otherEditor.token });
    expect(staff.body.data.map((a: { id: string }) => a.id)).toEqual([ids[6]]);
  });

  it('searches title, description, place (also by country name, any language) and linked body names', async () => {
    const search = async (q: string) =>
      (await server.request('GET', `/api/activities?q=${encodeURIComponent(q)}`, { token: editor.token })).body.data.map((a: { id: string }) => a.id);
    expect(await search('quality service')).toEqual([ids[2]]);
    expect(await search('QUALITÉ')).toEqual([]);
    expect(await search('successfully organized')).toEqual([ids[2]]);
    expect(await search('Ndjamena')).toEqual([ids[2], ids[3]]);
    expect(await search('Tchad')).toEqual([ids[2], ids[3]]);
    expect(await search('Nigeria')).toEqual([ids[0], ids[1]]);
    expect(await search('African Telecommunications Union')).toEqual([ids[4], ids[5]]);
    expect(await search('Performance QoS')).toEqual([ids[2], ids[3]]);
    expect(await search('fibre')).toEqual([]);
    expect(await search('fiber netw')).toEqual([ids[0]]);
    // Only the last word is a prefix: earlier words are whole words.
    expect(await search('quality serv')).toEqual([ids[2]]);
    expect(await search('qual service')).toEqual([]);
    expect(await search('"; drop table activity; --')).toEqual([]);
    expect(await search('***')).toEqual([]);
  });

  it('pages with a stable cursor in date order and by last update', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res: { status: number; body: { data: Array<{ id: string }>; next: string | null } } = await server.request('GET', `/api/activities?office=addis-ababa&limit=2${next ? `&cursor=${next}` : ''}`, { token: editor.token });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((a: { id: string }) => a.id));
      next = res.body.next;
    } while (next);
    expect(seen).toEqual([ids[6], ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]]);
    const descending = await server.request('GET', '/api/activities?office=addis-ababa&sort=-date&limit=3', { token: editor.token });
    expect(descending.body.data.map((a: { id: string }) => a.id)).toEqual([ids[5], ids[4], ids[3]]);
    const wrongSort = await server.request('GET', `/api/activities?sort=updated&cursor=${descending.body.next}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.errors[0].path).toBe('query.cursor');
  });

  it('refuses a stale version with 409 and the current state, overwriting nothing', async () => {
    const id = ids[5]!;
    const first = await server.request('PATCH', `/api/activities/${id}`, {
      token: editor.token,
      body: { version: 1, status: 'postponed', statusReason: 'Moved to 2021', date: { text: 'next year 2021' } },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, status: 'postponed', date: { start: '2021-01-01', end: '2021-12-31', precision: 'year' } });

    const stale = await server.request('PATCH', `/api/activities/${id}`, { token: focal.token, body: { version: 1, title: { en: 'Overwritten' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ id, version: 2, status: 'postponed', title: { en: 'African Preparatory Meeting for WTSA-20' } });
    const after = await server.request('GET', `/api/activities/${id}`, { token: editor.token });
    expect(after.body.title.en).toBe('African Preparatory Meeting for WTSA-20');
    expect(after.body.statusHistory.map((c: { to: string; reason: string | null }) => [c.to, c.reason])).toEqual([
      ['confirmed', null],
      ['postponed', 'Moved to 2021'],
    ]);
  });

  it('deletes by marking, restores, and shows it all in the history', async () => {
    const id = ids[1]!;
    const deleted = await server.request('DELETE', `/api/activities/${id}`, { token: editor.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).not.toBeNull();
    expect((await server.request('GET', `/api/activities/${id}`)).status).toBe(404);
    expect((await server.request('GET', '/api/activities?office=addis-ababa')).body.data.map((a: { id: string }) => a.id)).not.toContain(id);
    const onlyDeleted = await server.request('GET', '/api/activities?deleted=only', { token: editor.token });
    expect(onlyDeleted.body.data.map((a: { id: string }) => a.id)).toEqual([id]);

    const restored = await server.request('POST', `/api/activities/${id}/restore`, { token: editor.token });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: 3 });
    expect((await server.request('GET', `/api/activities/${id}`)).status).toBe(200);

    const history = await server.request('GET', `/api/activities/${id}/history`, { token: editor.token });
    expect(history.body.data.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['activity.create', editor.email],
      ['activity.delete', editor.email],
      ['activity.restore', editor.email],
    ]);
    const deletion = history.body.data[1];
    expect(deletion.changes.map((c: { field: string }) => c.field).sort()).toEqual(['deletedAt', 'deletedBy']);
  });

  it('records every change in the history with each field before and after', async () => {
    const id = ids[3]!;
    await server.request('PATCH', `/api/activities/${id}`, { token: focal.token, body: { version: 1, participants: 45, outcome: { en: 'Draft recommendations agreed' } } });
    const history = await server.request('GET', `/api/activities/${id}/history`, { token: editor.token });
    const update = history.body.data.at(-1);
    expect(update).toMatchObject({ action: 'activity.update', actor: focal.email });
    expect(update.changes).toEqual([
      { field: 'outcome', before: {}, after: { en: 'Draft recommendations agreed' } },
      { field: 'participants', before: null, after: 45 },
    ]);
    expect((await server.request('GET', `/api/activities/${id}/history`)).status).toBe(401);
  });

  it('lets an editor write only their own office', async () => {
    const res = await server.request('PATCH', `/api/activities/${ids[0]}`, { token: otherEditor.token, body: { version: 1, status: 'cancelled' } });
    expect(res.status).toBe(403);
    const create = await server.request('POST', '/api/activities', { token: otherEditor.token, body: SEED_AFRICA_WORKSHOP });
    expect(create.status).toBe(403);
    const takeOver = await server.request('PATCH', `/api/activities/${ids[0]}`, {
      token: editor.token,
      body: { version: 1, offices: [{ office: 'cairo', role: 'organised' }] },
    });
    expect(takeOver.status).toBe(403);
    expect((await server.request('DELETE', `/api/activities/${ids[0]}`, { token: otherEditor.token })).status).toBe(403);
  });

  it('refuses bad input with every field and why, storing nothing', async () => {
    const before = (await server.request('GET', '/api/activities?deleted=include&limit=200', { token: editor.token })).body.data.length;
    const bad = await server.request('POST', '/api/activities', {
      token: editor.token,
      body: { kind: 'party', offices: [{ office: 'addis-ababa', role: 'danced' }], date: { text: 'sometime soon' }, participants: 'many' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.kind', 'body.offices.0.role', 'body.participants', 'body.title']);

    const references = await server.request('POST', '/api/activities', {
      token: focal.token,
      body: {
        ...SEED_AFRICA_WORKSHOP,
        offices: [{ office: 'atlantis', role: 'organised' }],
        bodies: ['SG99'],
        sectors: ['ITU-X'],
        date: { text: 'sometime soon' },
        related: [{ activity: '00000000-0000-4000-8000-000000000000', kind: 'back-to-back' }],
      },
    });
    expect(references.status).toBe(400);
    expect(references.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.offices.0.office', code: 'unknown_office', message: 'unknown office "atlantis"', params: { value: 'atlantis' } },
        { path: 'body.bodies.0', code: 'unknown_body', message: 'unknown body "SG99"', params: { value: 'SG99' } },
        expect.objectContaining({ path: 'body.sectors.0', code: 'unknown_sector' }),
        { path: 'body.date.text', code: 'date_unreadable', message: 'cannot read "sometime soon" as a date', params: { value: 'sometime soon' } },
      ]),
    );

    const backwards = await server.request('POST', '/api/activities', { token: editor.token, body: { ...SEED_AFRICA_WORKSHOP, date: { start: '2020-03-05', end: '2020-03-02' } } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('body.date');
    expect(backwards.body.errors[0].message).toMatch(/before/);

    const huge = await server.request('POST', '/api/activities', { token: editor.token, body: { ...SEED_AFRICA_WORKSHOP, description: { en: 'x'.repeat(10 * 1024 * 1024) } } });
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].path).toBe('body.description.en');

    const relatedMissing = await server.request('POST', '/api/activities', {
      token: editor.token,
      body: { ...SEED_AFRICA_WORKSHOP, related: [{ activity: '00000000-0000-4000-8000-000000000000', kind: 'back-to-back' }] },
    });
    expect(relatedMissing.status).toBe(400);
    expect(relatedMissing.body.errors[0].path).toBe('body.related.0.activity');

    const after = (await server.request('GET', '/api/activities?deleted=include&limit=200', { token: editor.token })).body.data.length;
    expect(after).toBe(before);
    expect((await server.request('GET', '/api/activities/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await server.request('GET', '/api/activities/not-an-id')).status).toBe(400);
    expect((await server.request('GET', '/api/activities?from=2020-05-01&to=2020-01-01')).body.errors[0]).toEqual({ path: 'query.to', code: 'before_start', message: 'is before from', params: { value: '2020-01-01' } });
    expect((await server.request('GET', '/api/activities?office=atlantis')).body.errors[0].path).toBe('query.office');
  });

  it('relates activities (back to back) and keeps titles in several languages with the original marked', async () => {
    const res = await server.request('POST', '/api/activities', {
      token: editor.token,
      body: {
        ...SEED_AFRICA_WORKSHOP,
        title: { fr: 'Atelier sur la qualité de service', en: 'Workshop on quality of service' },
        originalLanguage: 'fr',
        related: [{ activity: ids[3], kind: 'back-to-back' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ originalLanguage: 'fr', related: [{ activity: ids[3], kind: 'back-to-back' }] });
    const bad = await server.request('POST', '/api/activities', { token: editor.token, body: { ...SEED_AFRICA_WORKSHOP, originalLanguage: 'ar' } });
    expect(bad.body.errors).toEqual([{ path: 'body.originalLanguage', code: 'original_language_not_in_title', message: 'the title has no text in "ar"', params: { language: 'ar' } }]);
  });
});

describe.each(DIALECTS)('register search in date order [%s]', (dialect) => {
  let server: TestServer;
  let editor: TestUser;
  /** Spectrum activities by date; "b" and "c" share a day, so the order between them is creation order. */
  const byDate: Record<string, string> = {};

  const record = async (key: string, title: string, date: string, extra: Record<string, unknown> = {}) => {
    const res = await server.request('POST', '/api/activities', {
      token: editor.token,
      body: { title: { en: title }, kind: 'workshop', status: 'planned', offices: [{ office: 'cairo', role: 'organised' }], date: { text: date }, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    byDate[key] = res.body.id;
    return res.body as { id: string; version: number };
  };
  const pages = async (path: string, token?: string) => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res: { status: number; body: { data: Array<{ id: string }>; next: string | null } } = await server.request(
        'GET',
        `${path}&limit=2${next ? `&cursor=${next}` : ''}`,
        token ? { token } : {},
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((a) => a.id));
      next = res.body.next;
    } while (next);
    return seen;
  };
  const ids = (...keys: string[]) => keys.map((k) => byDate[k]);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    editor = await buildUser(server, { role: 'editor', office: 'cairo' });
    // Recorded out of date order, so the order found is the dates', not the insertion's.
    await record('d', 'Spectrum management forum', '10 May 2023');
    await record('a', 'Spectrum monitoring training', '3 February 2021');
    await record('b', 'Regional spectrum workshop', '15 June 2022');
    await record('c', 'Spectrum pricing consultation', '15 June 2022');
    await record('e', 'Spectrum planning for IMT', 'Q4 2024');
    await record('internal', 'Spectrum internal review', '1 March 2022', { visibility: 'internal' });
    await record('ewaste', 'E-waste collection in the region', '1 April 2021');
    await record('apart', 'Waste of energy: e learning on data centres', '1 April 2021');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives search results in date order, page after page, without losing or repeating one', async () => {
    expect(await pages('/api/activities?q=spectrum')).toEqual(ids('a', 'b', 'c', 'd', 'e'));
    expect(await pages('/api/activities?q=spectrum&sort=-date')).toEqual(ids('e', 'd', 'c', 'b', 'a'));
    // A prefix still being typed, and staff who also see the internal one.
    expect(await pages('/api/activities?q=spectr', editor.token)).toEqual(ids('a', 'internal', 'b', 'c', 'd', 'e'));
    expect(await pages('/api/activities?q=spectrum&sort=updated')).toHaveLength(5);
  });

  it('follows a change of date or title into the search order and the words found', async () => {
    const current = await server.request('GET', `/api/activities/${byDate.e}`);
    const moved = await server.request('PATCH', `/api/activities/${byDate.e}`, {
      token: editor.token,
      body: { version: current.body.version, date: { text: '1 January 2020' }, title: { en: 'Spectrum refarming seminar' } },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await pages('/api/activities?q=spectrum')).toEqual(ids('e', 'a', 'b', 'c', 'd'));
    expect(await pages('/api/activities?q=spectrum%20refarm')).toEqual(ids('e'));
    expect(await pages('/api/activities?q=spectrum%20planning')).toEqual([]);

    const deleted = await server.request('DELETE', `/api/activities/${byDate.a}`, { token: editor.token });
    expect(deleted.status).toBe(200);
    expect(await pages('/api/activities?q=spectrum')).toEqual(ids('e', 'b', 'c', 'd'));
  });

  it('answers the same list again with every change in it, and never a staff page to the public', async () => {
    const url = '/api/activities?q=pricing';
    const before = await server.request('GET', url);
    expect(before.body.data).toEqual([expect.objectContaining({ id: byDate.c, participants: null })]);
    expect(before.body.data[0].createdBy).toBeUndefined();
    const asStaff = await server.request('GET', url, { token: editor.token });
    expect(asStaff.body.data[0].createdBy).toBe(editor.email);
    expect((await server.request('GET', url)).body.data[0].createdBy).toBeUndefined();

    const changed = await server.request('PATCH', `/api/activities/${byDate.c}`, { token: editor.token, body: { version: before.body.data[0].version, participants: 42 } });
    expect(changed.status).toBe(200);
    expect((await server.request('GET', url)).body.data).toEqual([expect.objectContaining({ id: byDate.c, participants: 42 })]);
    await server.request('DELETE', `/api/activities/${byDate.c}`, { token: editor.token });
    expect((await server.request('GET', url)).body.data).toEqual([]);
  });

  it('reads a hyphenated word as a phrase: "e-waste" is not any text with "e" and "waste"', async () => {
    expect(await pages('/api/activities?q=e-waste')).toEqual(ids('ewaste'));
    expect(await pages('/api/activities?q=E-wast')).toEqual(ids('ewaste'));
    expect(await pages('/api/activities?q=waste')).toEqual(ids('ewaste', 'apart'));
  });
});
