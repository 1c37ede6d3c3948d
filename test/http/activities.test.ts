import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { SEED_AFRICA_WORKSHOP, type TestUser } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

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

/** The ids of every page of a list, two at a time. */
async function pages(server: TestServer, path: string, token?: string): Promise<string[]> {
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
}

/** Records SEED_AFRICA over HTTP as the Addis Ababa editor; its ids in the same order. */
async function recordSeedAfrica(server: TestServer, users: { editor: TestUser }): Promise<{ ids: string[] }> {
  const ids: string[] = [];
  for (const activity of SEED_AFRICA) {
    const res = await server.request('POST', '/api/activities', { token: users.editor.token, body: activity });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  return { ids };
}

/** What both blocks below start from: SEED_AFRICA recorded by the Addis Ababa editor, and staff of elsewhere. */
const SEED_AFRICA_REGISTER = {
  users: {
    editor: { role: 'editor', office: 'addis-ababa' },
    otherEditor: { role: 'editor', office: 'cairo' },
    focal: { role: 'focal-point', bureau: 'TSB' },
  },
  data: recordSeedAfrica,
} as const;

// These tests leave the register as they find it (they read, or write what must be refused), so they share one.
describeHttp('activity register over HTTP: reading', { ...SEED_AFRICA_REGISTER, database: 'shared' }, (http) => {
  it('stores an activity and gives it back completed: id, version, date range, audit fields', async () => {
    const res = await http.server.request('GET', `/api/activities/${http.data.ids[2]}`, { token: http.users.editor.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: http.data.ids[2],
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
      createdBy: http.users.editor.email,
      deletedAt: null,
    });
    expect(res.body.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'held', by: http.users.editor.email })]);
    const online = await http.server.request('GET', `/api/activities/${http.data.ids[4]}`);
    expect(online.body.date).toEqual({ text: '27 to 30 July2020', start: '2020-07-27', end: '2020-07-30', precision: 'days' });
    expect(online.body.place).toEqual({ mode: 'online', online: true, city: null, country: null });
    expect(online.body.createdBy).toBeUndefined();
  });

  it('finds activities by office, region, body, kind, status and date overlap', async () => {
    const byOffice = await http.server.request('GET', '/api/activities?office=addis-ababa', { token: http.users.editor.token });
    expect(byOffice.body.data).toHaveLength(SEED_AFRICA.length);
    expect((await http.server.request('GET', '/api/activities?office=cairo')).body.data).toEqual([]);
    expect((await http.server.request('GET', '/api/activities?region=AFR', { token: http.users.editor.token })).body.data).toHaveLength(SEED_AFRICA.length);
    expect((await http.server.request('GET', '/api/activities?region=ARB')).body.data).toEqual([]);

    const march = await http.server.request('GET', '/api/activities?from=2020-03-01&to=2020-03-31');
    expect(march.body.data.map((a: { id: string }) => a.id)).toEqual([http.data.ids[2], http.data.ids[3]]);
    // Overlap: the fuzzy "second week of November" (8–14) meets a query starting on the 10th.
    const november = await http.server.request('GET', '/api/activities?from=2020-11-10');
    expect(november.body.data.map((a: { id: string }) => a.id)).toEqual([http.data.ids[5]]);

    const groups = await http.server.request('GET', '/api/activities?body=SG12RG-AFR,SG13RG-AFR&kind=regional-group-meeting');
    expect(groups.body.data.map((a: { id: string }) => a.id)).toEqual([http.data.ids[1], http.data.ids[3]]);
    expect((await http.server.request('GET', '/api/activities?status=confirmed')).body.data).toHaveLength(1);
    expect((await http.server.request('GET', '/api/activities?bureau=TSB&sector=ITU-T')).body.data.length).toBe(6);
    expect((await http.server.request('GET', '/api/activities?sector=ITU-R')).body.data).toEqual([]);
  });

  it('keeps internal activities from anonymous callers, and shows them to staff', async () => {
    const anonymous = await http.server.request('GET', '/api/activities');
    expect(anonymous.body.data.map((a: { id: string }) => a.id)).not.toContain(http.data.ids[6]);
    expect((await http.server.request('GET', '/api/activities?visibility=internal')).body.data).toEqual([]);
    expect((await http.server.request('GET', `/api/activities/${http.data.ids[6]}`)).status).toBe(404);
    const staff = await http.server.request('GET', '/api/activities?visibility=internal', { token: http.users.otherEditor.token });
    expect(staff.body.data.map((a: { id: string }) => a.id)).toEqual([http.data.ids[6]]);
  });

  it('searches title, description, place (also by country name, any language) and linked body names', async () => {
    const search = async (q: string) =>
      (await http.server.request('GET', `/api/activities?q=${encodeURIComponent(q)}`, { token: http.users.editor.token })).body.data.map((a: { id: string }) => a.id);
    expect(await search('quality service')).toEqual([http.data.ids[2]]);
    // Accents fold away, and the one word being typed is a prefix of stems: "qualité" reaches "quality".
    expect(await search('QUALITÉ')).toEqual([http.data.ids[2]]);
    expect(await search('successfully organized')).toEqual([http.data.ids[2]]);
    expect(await search('Ndjamena')).toEqual([http.data.ids[2], http.data.ids[3]]);
    expect(await search('Tchad')).toEqual([http.data.ids[2], http.data.ids[3]]);
    expect(await search('Nigeria')).toEqual([http.data.ids[0], http.data.ids[1]]);
    expect(await search('African Telecommunications Union')).toEqual([http.data.ids[4], http.data.ids[5]]);
    expect(await search('Performance QoS')).toEqual([http.data.ids[2], http.data.ids[3]]);
    // Words are found in their other forms and spellings, on both databases alike.
    expect(await search('fibre')).toEqual([http.data.ids[0]]);
    expect(await search('fibres networks')).toEqual([http.data.ids[0]]);
    expect(await search('fiber netw')).toEqual([http.data.ids[0]]);
    expect(await search('workshops')).toEqual(await search('workshop'));
    expect(await search('workshops')).toContain(http.data.ids[2]);
    expect(await search('successfully organised')).toEqual([http.data.ids[2]]);
    // Only the last word is a prefix: earlier words are whole words.
    expect(await search('quality serv')).toEqual([http.data.ids[2]]);
    expect(await search('qual service')).toEqual([]);
    expect(await search('"; drop table activity; --')).toEqual([]);
    expect(await search('***')).toEqual([]);
  });

  it('pages with a stable cursor in date order and by last update', async () => {
    const seen = await pages(http.server, '/api/activities?office=addis-ababa', http.users.editor.token);
    expect(seen).toEqual([http.data.ids[6], http.data.ids[0], http.data.ids[1], http.data.ids[2], http.data.ids[3], http.data.ids[4], http.data.ids[5]]);
    const descending = await http.server.request('GET', '/api/activities?office=addis-ababa&sort=-date&limit=3', { token: http.users.editor.token });
    expect(descending.body.data.map((a: { id: string }) => a.id)).toEqual([http.data.ids[5], http.data.ids[4], http.data.ids[3]]);
    const wrongSort = await http.server.request('GET', `/api/activities?sort=updated&cursor=${descending.body.next}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.errors[0].path).toBe('query.cursor');
  });

  it('lets an editor write only their own office', async () => {
    const res = await http.server.request('PATCH', `/api/activities/${http.data.ids[0]}`, { token: http.users.otherEditor.token, body: { version: 1, status: 'cancelled' } });
    expect(res.status).toBe(403);
    const create = await http.server.request('POST', '/api/activities', { token: http.users.otherEditor.token, body: SEED_AFRICA_WORKSHOP });
    expect(create.status).toBe(403);
    const takeOver = await http.server.request('PATCH', `/api/activities/${http.data.ids[0]}`, {
      token: http.users.editor.token,
      body: { version: 1, offices: [{ office: 'cairo', role: 'organised' }] },
    });
    expect(takeOver.status).toBe(403);
    expect((await http.server.request('DELETE', `/api/activities/${http.data.ids[0]}`, { token: http.users.otherEditor.token })).status).toBe(403);
  });

  it('refuses bad input with every field and why, storing nothing', async () => {
    const before = (await http.server.request('GET', '/api/activities?deleted=include&limit=200', { token: http.users.editor.token })).body.data.length;
    const bad = await http.server.request('POST', '/api/activities', {
      token: http.users.editor.token,
      body: { kind: 'party', offices: [{ office: 'addis-ababa', role: 'danced' }], date: { text: 'sometime soon' }, participants: 'many' },
    });
    expect(bad.status).toBe(400);
    // The unreadable date is named with the shape's faults, not in a second round once those are fixed.
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.date.text', 'body.kind', 'body.offices.0.role', 'body.participants', 'body.title']);

    const references = await http.server.request('POST', '/api/activities', {
      token: http.users.focal.token,
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

    const backwards = await http.server.request('POST', '/api/activities', { token: http.users.editor.token, body: { ...SEED_AFRICA_WORKSHOP, date: { start: '2020-03-05', end: '2020-03-02' } } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('body.date');
    expect(backwards.body.errors[0].message).toMatch(/before/);

    const huge = await http.server.request('POST', '/api/activities', { token: http.users.editor.token, body: { ...SEED_AFRICA_WORKSHOP, description: { en: 'x'.repeat(10 * 1024 * 1024) } } });
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].path).toBe('body.description.en');

    const relatedMissing = await http.server.request('POST', '/api/activities', {
      token: http.users.editor.token,
      body: { ...SEED_AFRICA_WORKSHOP, related: [{ activity: '00000000-0000-4000-8000-000000000000', kind: 'back-to-back' }] },
    });
    expect(relatedMissing.status).toBe(400);
    expect(relatedMissing.body.errors[0].path).toBe('body.related.0.activity');

    const after = (await http.server.request('GET', '/api/activities?deleted=include&limit=200', { token: http.users.editor.token })).body.data.length;
    expect(after).toBe(before);
    expect((await http.server.request('GET', '/api/activities/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await http.server.request('GET', '/api/activities/not-an-id')).status).toBe(400);
    expect((await http.server.request('GET', '/api/activities?from=2020-05-01&to=2020-01-01')).body.errors[0]).toEqual({ path: 'query.to', code: 'before_start', message: 'is before from', params: { value: '2020-01-01' } });
    expect((await http.server.request('GET', '/api/activities?office=atlantis')).body.errors[0].path).toBe('query.office');
  });
});

// Each of these changes what the others read, so each starts on its own register.
describeHttp('activity register over HTTP: changing', SEED_AFRICA_REGISTER, (http) => {
  it('refuses a stale version with 409 and the current state, overwriting nothing', async () => {
    const id = http.data.ids[5]!;
    const first = await http.server.request('PATCH', `/api/activities/${id}`, {
      token: http.users.editor.token,
      body: { version: 1, status: 'postponed', statusReason: 'Moved to 2021', date: { text: 'next year 2021' } },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, status: 'postponed', date: { start: '2021-01-01', end: '2021-12-31', precision: 'year' } });

    const stale = await http.server.request('PATCH', `/api/activities/${id}`, { token: http.users.focal.token, body: { version: 1, title: { en: 'Overwritten' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ id, version: 2, status: 'postponed', title: { en: 'African Preparatory Meeting for WTSA-20' } });
    const after = await http.server.request('GET', `/api/activities/${id}`, { token: http.users.editor.token });
    expect(after.body.title.en).toBe('African Preparatory Meeting for WTSA-20');
    expect(after.body.statusHistory.map((c: { to: string; reason: string | null }) => [c.to, c.reason])).toEqual([
      ['confirmed', null],
      ['postponed', 'Moved to 2021'],
    ]);
  });

  it('deletes by marking, restores, and shows it all in the history', async () => {
    const id = http.data.ids[1]!;
    const deleted = await http.server.request('DELETE', `/api/activities/${id}`, { token: http.users.editor.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).not.toBeNull();
    expect((await http.server.request('GET', `/api/activities/${id}`)).status).toBe(404);
    expect((await http.server.request('GET', '/api/activities?office=addis-ababa')).body.data.map((a: { id: string }) => a.id)).not.toContain(id);
    const onlyDeleted = await http.server.request('GET', '/api/activities?deleted=only', { token: http.users.editor.token });
    expect(onlyDeleted.body.data.map((a: { id: string }) => a.id)).toEqual([id]);

    const restored = await http.server.request('POST', `/api/activities/${id}/restore`, { token: http.users.editor.token });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: 3 });
    expect((await http.server.request('GET', `/api/activities/${id}`)).status).toBe(200);

    const history = await http.server.request('GET', `/api/activities/${id}/history`, { token: http.users.editor.token });
    expect(history.body.data.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['activity.create', http.users.editor.email],
      ['activity.delete', http.users.editor.email],
      ['activity.restore', http.users.editor.email],
    ]);
    const deletion = history.body.data[1];
    expect(deletion.changes.map((c: { field: string }) => c.field).sort()).toEqual(['deletedAt', 'deletedBy']);
  });

  it('records every change in the history with each field before and after', async () => {
    const id = http.data.ids[3]!;
    await http.server.request('PATCH', `/api/activities/${id}`, { token: http.users.focal.token, body: { version: 1, participants: 45, outcome: { en: 'Draft recommendations agreed' } } });
    const history = await http.server.request('GET', `/api/activities/${id}/history`, { token: http.users.editor.token });
    const update = history.body.data.at(-1);
    expect(update).toMatchObject({ action: 'activity.update', actor: http.users.focal.email });
    expect(update.changes).toEqual([
      { field: 'outcome', before: {}, after: { en: 'Draft recommendations agreed' } },
      { field: 'participants', before: null, after: 45 },
    ]);
    expect((await http.server.request('GET', `/api/activities/${id}/history`)).status).toBe(401);
  });

  it('relates activities (back to back) and keeps titles in several languages with the original marked', async () => {
    const res = await http.server.request('POST', '/api/activities', {
      token: http.users.editor.token,
      body: {
        ...SEED_AFRICA_WORKSHOP,
        title: { fr: 'Atelier sur la qualité de service', en: 'Workshop on quality of service' },
        originalLanguage: 'fr',
        related: [{ activity: http.data.ids[3], kind: 'back-to-back' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ originalLanguage: 'fr', related: [{ activity: http.data.ids[3], kind: 'back-to-back' }] });
    const bad = await http.server.request('POST', '/api/activities', { token: http.users.editor.token, body: { ...SEED_AFRICA_WORKSHOP, originalLanguage: 'ar' } });
    expect(bad.body.errors).toEqual([{ path: 'body.originalLanguage', code: 'original_language_not_in_title', message: 'the title has no text in "ar"', params: { language: 'ar' } }]);
  });
});

/**
 * Spectrum activities of Cairo by date, recorded over HTTP out of date order, so the order found is
 * the dates', not the insertion's; "b" and "c" share a day, so the order between them is creation order.
 */
async function recordSpectrum(server: TestServer, users: { editor: TestUser }): Promise<Record<string, string>> {
  const byDate: Record<string, string> = {};
  const record = async (key: string, title: string, date: string, extra: Record<string, unknown> = {}) => {
    const res = await server.request('POST', '/api/activities', {
      token: users.editor.token,
      body: { title: { en: title }, kind: 'workshop', status: 'planned', offices: [{ office: 'cairo', role: 'organised' }], date: { text: date }, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    byDate[key] = res.body.id;
  };
  await record('d', 'Spectrum management forum', '10 May 2023');
  await record('a', 'Spectrum monitoring training', '3 February 2021');
  await record('b', 'Regional spectrum workshop', '15 June 2022');
  await record('c', 'Spectrum pricing consultation', '15 June 2022');
  await record('e', 'Spectrum planning for IMT', 'Q4 2024');
  await record('internal', 'Spectrum internal review', '1 March 2022', { visibility: 'internal' });
  await record('ewaste', 'E-waste collection in the region', '1 April 2021');
  await record('apart', 'Waste of energy: e learning on data centres', '1 April 2021');
  return byDate;
}

/** What both blocks below start from: the spectrum activities, recorded by the Cairo editor. */
const SPECTRUM_REGISTER = { users: { editor: { role: 'editor', office: 'cairo' } }, data: recordSpectrum } as const;

// These tests only find the activities.
describeHttp('register search in date order: reading', { ...SPECTRUM_REGISTER, database: 'shared' }, (http) => {
  const ids = (...keys: string[]) => keys.map((k) => http.data[k]);

  it('gives search results in date order, page after page, without losing or repeating one', async () => {
    expect(await pages(http.server, '/api/activities?q=spectrum')).toEqual(ids('a', 'b', 'c', 'd', 'e'));
    expect(await pages(http.server, '/api/activities?q=spectrum&sort=-date')).toEqual(ids('e', 'd', 'c', 'b', 'a'));
    // A prefix still being typed, and staff who also see the internal one.
    expect(await pages(http.server, '/api/activities?q=spectr', http.users.editor.token)).toEqual(ids('a', 'internal', 'b', 'c', 'd', 'e'));
    expect(await pages(http.server, '/api/activities?q=spectrum&sort=updated')).toHaveLength(5);
  });

  it('reads a hyphenated word as a phrase: "e-waste" is not any text with "e" and "waste"', async () => {
    expect(await pages(http.server, '/api/activities?q=e-waste')).toEqual(ids('ewaste'));
    expect(await pages(http.server, '/api/activities?q=E-wast')).toEqual(ids('ewaste'));
    expect(await pages(http.server, '/api/activities?q=waste')).toEqual(ids('ewaste', 'apart'));
  });
});

// These tests move, rename and delete activities the others find, so each starts on its own register.
describeHttp('register search in date order: changing', SPECTRUM_REGISTER, (http) => {
  const ids = (...keys: string[]) => keys.map((k) => http.data[k]);

  it('follows a change of date or title into the search order and the words found', async () => {
    const current = await http.server.request('GET', `/api/activities/${http.data.e}`);
    const moved = await http.server.request('PATCH', `/api/activities/${http.data.e}`, {
      token: http.users.editor.token,
      body: { version: current.body.version, date: { text: '1 January 2020' }, title: { en: 'Spectrum refarming seminar' } },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await pages(http.server, '/api/activities?q=spectrum')).toEqual(ids('e', 'a', 'b', 'c', 'd'));
    expect(await pages(http.server, '/api/activities?q=spectrum%20refarm')).toEqual(ids('e'));
    expect(await pages(http.server, '/api/activities?q=spectrum%20planning')).toEqual([]);

    const deleted = await http.server.request('DELETE', `/api/activities/${http.data.a}`, { token: http.users.editor.token });
    expect(deleted.status).toBe(200);
    expect(await pages(http.server, '/api/activities?q=spectrum')).toEqual(ids('e', 'b', 'c', 'd'));
  });

  it('answers the same list again with every change in it, and never a staff page to the public', async () => {
    const url = '/api/activities?q=pricing';
    const before = await http.server.request('GET', url);
    expect(before.body.data).toEqual([expect.objectContaining({ id: http.data.c, participants: null })]);
    expect(before.body.data[0].createdBy).toBeUndefined();
    const asStaff = await http.server.request('GET', url, { token: http.users.editor.token });
    expect(asStaff.body.data[0].createdBy).toBe(http.users.editor.email);
    expect((await http.server.request('GET', url)).body.data[0].createdBy).toBeUndefined();

    const changed = await http.server.request('PATCH', `/api/activities/${http.data.c}`, { token: http.users.editor.token, body: { version: before.body.data[0].version, participants: 42 } });
    expect(changed.status).toBe(200);
    expect((await http.server.request('GET', url)).body.data).toEqual([expect.objectContaining({ id: http.data.c, participants: 42 })]);
    await http.server.request('DELETE', `/api/activities/${http.data.c}`, { token: http.users.editor.token });
    expect((await http.server.request('GET', url)).body.data).toEqual([]);
  });
});
