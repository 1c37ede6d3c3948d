/**
 * The registry kept in the workspace (issue 20, decision 23): focal points and admins change an
 * office, record its heads as dated assignments with titles, open an office and rename a study
 * group for a study period; every change is in the history with who and when; a stale version
 * gets 409 with the record as it is; the public site and the API show the change at once.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';

const REGIONAL_DIRECTOR = { en: 'Regional Director', fr: 'Directeur régional' };

describeHttp(
  'the registry kept in the workspace',
  {
    users: {
      focal: { role: 'focal-point', bureau: 'TSB' },
      admin: { role: 'admin' },
      editor: { role: 'editor', office: 'cairo' },
      reader: { role: 'reader' },
    },
  },
  (http) => {
    const as = (user: keyof typeof http.users) => http.users[user].token;

    it('records a new head with dates and title; the old one ends the day before; the public page and the API show the new head at once', async () => {
      // The site's page is read first, so the registry snapshot is cached when the edit comes.
      const before = await http.server.request('GET', '/en/offices/cairo');
      expect(before.text).toContain('Adel Darwish');

      const record = await http.server.request('GET', '/api/offices/cairo/record', { token: as('reader') });
      expect(record.status).toBe(200);
      expect(record.body).toMatchObject({ version: 1, editedAt: null });
      const [darwish] = record.body.headRecords;
      expect(darwish).toMatchObject({ person: { name: 'Adel Darwish' }, from: null, to: null, current: true });

      const ended = await http.server.request('PATCH', `/api/offices/cairo/heads/${darwish.id}`, { token: as('focal'), body: { version: darwish.version, to: '2025-06-30' } });
      expect(ended.status).toBe(200);
      const added = await http.server.request('POST', '/api/offices/cairo/heads', {
        token: as('focal'),
        body: { person: { honorific: 'Ms', name: 'Test Successor' }, title: REGIONAL_DIRECTOR, from: '2025-07-01', to: null, source: 'Test: an appointment notice', confirmed: false },
      });
      expect(added.status).toBe(201);
      expect(added.body.head).toMatchObject({ person: { honorific: 'Ms', name: 'Test Successor' }, title: 'Regional Director', from: '2025-07-01', confirmed: false });
      expect(added.body.headRecords.map((h: { person: { name: string }; current: boolean; to: string | null }) => [h.person.name, h.current, h.to])).toEqual([
        ['Adel Darwish', false, '2025-06-30'],
        ['Test Successor', true, null],
      ]);

      // A day while Darwish led the office still names him: a later head never rewrites the past.
      const past = await http.server.request('GET', '/api/offices/cairo?on=2020-05-01&lang=fr');
      expect(past.body.head).toMatchObject({ person: { name: 'Adel Darwish' } });
      const today = await http.server.request('GET', '/api/offices/cairo?lang=fr');
      expect(today.body.head).toMatchObject({ person: { name: 'Test Successor' }, title: 'Directeur régional' });
      const page = await http.server.request('GET', '/en/offices/cairo');
      expect(page.text).toContain('Test Successor');
      expect(page.text).not.toContain('Adel Darwish');

      const history = await http.server.request('GET', '/api/offices/cairo/history', { token: as('reader') });
      expect(history.body.data.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
        ['office.head.update', http.users.focal.email],
        ['office.head.add', http.users.focal.email],
      ]);
      expect(history.body.data[0].changes).toEqual([{ field: 'to', before: null, after: '2025-06-30' }]);
    });

    it('moves an office and sets what it covers; a stale version gets 409 with the office as it is; bad codes are named', async () => {
      const record = await http.server.request('GET', '/api/offices/jakarta/record', { token: as('admin') });
      const moved = await http.server.request('PATCH', '/api/offices/jakarta', {
        token: as('admin'),
        body: { version: record.body.version, city: { en: 'Jakarta (new premises)' }, countriesCovered: ['ID', 'TL'], coverageConfirmed: true },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ version: record.body.version + 1, city: 'Jakarta (new premises)', countriesCovered: ['ID', 'TL'], editedBy: http.users.admin.email });
      expect(moved.body.editedAt).not.toBeNull();

      const stale = await http.server.request('PATCH', '/api/offices/jakarta', { token: as('focal'), body: { version: record.body.version, note: 'an older form' } });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { version: record.body.version + 1, city: 'Jakarta (new premises)' } });

      const wrong = await http.server.request('PATCH', '/api/offices/jakarta', { token: as('admin'), body: { version: moved.body.version, countriesCovered: ['ID', 'XX'], parent: 'dakar' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'body.countriesCovered.1', code: 'unknown_country' }),
          expect.objectContaining({ path: 'body.parent', code: 'invalid' }),
        ]),
      );
    });

    it('opens an office: it is in the list, the register accepts it at once, and the code is not taken twice', async () => {
      const office = {
        code: 'panama',
        kind: 'regional',
        region: 'AMS',
        parent: null,
        name: { en: 'ITU Office in Panama' },
        city: { en: 'Panama City', es: 'Ciudad de Panamá' },
        country: 'PA',
        coordinates: { lat: 8.98, lon: -79.52 },
        countriesCovered: null,
        coverageConfirmed: false,
        openedOn: null,
        closedOn: null,
        confirmed: false,
        note: 'Host agreement signed 2025-12-23; kind and opening unconfirmed',
      };
      const created = await http.server.request('POST', '/api/offices', { token: as('focal'), body: office });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'panama', version: 1, editedBy: http.users.focal.email });
      const list = await http.server.request('GET', '/api/offices?region=AMS');
      expect(list.body.data.map((o: { code: string }) => o.code)).toContain('panama');
      // The register knows the office as soon as it is opened (the registry snapshot is rebuilt).
      const activity = await http.server.request('POST', '/api/activities', {
        token: as('admin'),
        body: { title: { en: 'Opening of the Panama office' }, kind: 'other', offices: [{ office: 'panama', role: 'organised' }], date: { text: 'December 2025' } },
      });
      expect(activity.status).toBe(201);
      const again = await http.server.request('POST', '/api/offices', { token: as('admin'), body: office });
      expect(again.status).toBe(400);
      expect(again.body.errors).toEqual([expect.objectContaining({ path: 'body.code', code: 'code_taken' })]);
    });

    it("gives a study group its title for a new study period, keeping the others'", async () => {
      const record = await http.server.request('GET', '/api/bodies/SG17/record', { token: as('focal') });
      const periods = record.body.termNames.map((t: { studyPeriod: string }) => t.studyPeriod);
      const renamed = await http.server.request('PATCH', '/api/bodies/SG17', {
        token: as('focal'),
        body: { version: record.body.version, terms: [{ studyPeriod: '2029-2032', name: { en: 'Security (test title)' }, confirmed: false }] },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.termNames.map((t: { studyPeriod: string }) => t.studyPeriod)).toEqual([...periods, '2029-2032']);
      const read = await http.server.request('GET', '/api/bodies/SG17');
      expect(read.body.terms.at(-1)).toMatchObject({ studyPeriod: '2029-2032', name: 'Security (test title)', confirmed: false });
      const history = await http.server.request('GET', '/api/bodies/SG17/history', { token: as('reader') });
      expect(history.body.data).toEqual([expect.objectContaining({ action: 'body.update', changes: [expect.objectContaining({ field: 'terms' })] })]);
    });

    it('lets only admins and focal points change the registry', async () => {
      const record = await http.server.request('GET', '/api/offices/cairo/record', { token: as('editor') });
      const edit = { version: record.body.version, note: 'an editor tries' };
      expect((await http.server.request('PATCH', '/api/offices/cairo', { token: as('editor'), body: edit })).status).toBe(403);
      expect((await http.server.request('PATCH', '/api/offices/cairo', { token: as('reader'), body: edit })).status).toBe(403);
      expect((await http.server.request('PATCH', '/api/offices/cairo', { body: edit })).status).toBe(401);
      expect((await http.server.request('GET', '/api/offices/cairo/history')).status).toBe(401);
    });
  },
);
