/**
 * Vacancies and nominations (issue 21): the reference positions are loaded; a focal point makes a
 * position vacant; an office's editor records its outreach to a country (which is also an
 * activity of kind consultation in the register) and the nomination that followed; the overview
 * shows it by region and country. Nothing of it is public; editors record only their office's.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';

describeHttp(
  'vacancies and nominations',
  {
    users: {
      focal: { role: 'focal-point', bureau: 'TSB' },
      editor: { role: 'editor', office: 'addis-ababa' },
      cairoEditor: { role: 'editor', office: 'cairo' },
      reader: { role: 'reader' },
    },
  },
  (http) => {
    const as = (user: keyof typeof http.users) => http.users[user].token;

    it('loads the positions public sources confirm, and marks the others unconfirmed', async () => {
      const earlier = await http.server.request('GET', '/api/positions?period=2017-2020', { token: as('reader') });
      expect(earlier.body.data).toEqual([
        expect.objectContaining({ body: 'TSAG', role: 'chair', status: 'filled', holder: { name: 'Bruce Gracie', country: 'CA' }, confirmed: true }),
      ]);
      const now = await http.server.request('GET', '/api/positions?period=2025-2028', { token: as('reader') });
      expect(now.body.data.length).toBeGreaterThan(5);
      expect(now.body.data.every((p: { confirmed: boolean; status: string }) => !p.confirmed && p.status === 'unknown')).toBe(true);
      // Natural order: SG2 before SG12.
      const bodies = now.body.data.map((p: { body: string }) => p.body);
      expect(bodies.indexOf('SG2')).toBeLessThan(bodies.indexOf('SG12'));
    });

    it('follows a vacancy from outreach to nomination, and shows it by region and country', async () => {
      const chair = (await http.server.request('GET', '/api/positions?period=2025-2028&body=SG12', { token: as('reader') })).body.data[0];
      const vacant = await http.server.request('PATCH', `/api/positions/${encodeURIComponent(chair.id)}`, { token: as('focal'), body: { version: chair.version, status: 'vacant' } });
      expect(vacant.status).toBe(200);
      expect(vacant.body).toMatchObject({ status: 'vacant', holder: null, version: chair.version + 1 });
      const stale = await http.server.request('PATCH', `/api/positions/${encodeURIComponent(chair.id)}`, { token: as('focal'), body: { version: chair.version, status: 'filled', holder: { name: 'X', country: 'FR' } } });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ status: 'vacant' });

      const outreach = await http.server.request('POST', '/api/outreach?lang=fr', {
        token: as('editor'),
        body: { office: 'addis-ababa', country: 'KE', kind: 'encouraged-to-nominate', body: 'SG12', studyPeriod: '2025-2028', position: chair.id, on: '2024-06-03', note: 'Call with the ministry' },
      });
      expect(outreach.status).toBe(201);
      // The outreach is an activity of the register: kind consultation, internal, the office's, in the country.
      const activity = await http.server.request('GET', `/api/activities/${outreach.body.activity}`, { token: as('reader') });
      expect(activity.body).toMatchObject({ kind: 'consultation', visibility: 'internal', status: 'held', offices: [{ office: 'addis-ababa', role: 'organised' }], place: expect.objectContaining({ country: 'KE' }) });
      expect(activity.body.bodies).toContain('SG12');
      expect(activity.body.title.fr).toMatch(/^Kenya encouragé à présenter des candidatures/);
      const publicRead = await http.server.request('GET', `/api/activities/${outreach.body.activity}`);
      expect(publicRead.status).toBe(404);
      const listed = await http.server.request('GET', '/api/activities?office=addis-ababa&kind=consultation', { token: as('reader') });
      expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(outreach.body.activity);

      const nomination = await http.server.request('POST', '/api/nominations', {
        token: as('editor'),
        body: { office: 'addis-ababa', country: 'KE', position: chair.id, candidate: 'A. Candidate', outreach: outreach.body.id, on: '2024-07-01' },
      });
      expect(nomination.status).toBe(201);
      expect(nomination.body).toMatchObject({ state: 'proposed', version: 1 });
      const appointed = await http.server.request('PATCH', `/api/nominations/${nomination.body.id}`, { token: as('editor'), body: { version: 1, state: 'appointed' } });
      expect(appointed.body).toMatchObject({ state: 'appointed', version: 2 });

      const overview = await http.server.request('GET', '/api/vacancies/overview?period=2025-2028&lang=en', { token: as('reader') });
      expect(overview.status).toBe(200);
      expect(overview.body.vacant).toEqual([expect.objectContaining({ id: chair.id, nominations: 1 })]);
      expect(overview.body.positions).toMatchObject({ vacant: 1 });
      expect(overview.body.regions).toEqual([
        { region: 'AFR', countries: [{ country: 'KE', countryName: 'Kenya', consulted: 0, encouraged: 1, nominations: 1, appointed: 1, holding: 0 }] },
      ]);
      const arab = await http.server.request('GET', '/api/vacancies/overview?period=2025-2028&region=ARB', { token: as('reader') });
      expect(arab.body.regions).toEqual([]);

      const history = await http.server.request('GET', `/api/positions/${encodeURIComponent(chair.id)}/history`, { token: as('reader') });
      expect(history.body.data).toEqual([expect.objectContaining({ action: 'position.update', actor: http.users.focal.email, changes: [{ field: 'status', before: 'unknown', after: 'vacant' }] })]);
    });

    it("keeps coordination away from the public and an editor to their own office's outreach and nominations", async () => {
      expect((await http.server.request('GET', '/api/positions')).status).toBe(401);
      expect((await http.server.request('GET', '/api/vacancies/overview')).status).toBe(401);
      const chair = (await http.server.request('GET', '/api/positions?period=2025-2028&body=SG3', { token: as('reader') })).body.data[0];
      const outreach = { office: 'addis-ababa', country: 'NG', kind: 'consulted', body: 'SG3', studyPeriod: '2025-2028', on: '2024-05-02' };
      expect((await http.server.request('POST', '/api/outreach', { token: as('cairoEditor'), body: outreach })).status).toBe(403);
      expect((await http.server.request('POST', '/api/outreach', { token: as('reader'), body: outreach })).status).toBe(403);
      expect((await http.server.request('PATCH', `/api/positions/${encodeURIComponent(chair.id)}`, { token: as('editor'), body: { version: chair.version, status: 'vacant' } })).status).toBe(403);
      const mine = await http.server.request('POST', '/api/nominations', { token: as('editor'), body: { office: 'addis-ababa', country: 'NG', position: chair.id, candidate: 'B. Candidate', on: '2024-05-20' } });
      expect(mine.status).toBe(201);
      expect((await http.server.request('PATCH', `/api/nominations/${mine.body.id}`, { token: as('cairoEditor'), body: { version: 1, state: 'withdrawn' } })).status).toBe(403);
      const unknown = await http.server.request('POST', '/api/nominations', { token: as('editor'), body: { office: 'addis-ababa', country: 'QQ', position: 'nothing', candidate: 'C', on: '2024-05-20' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((i: { code: string }) => i.code).sort()).toEqual(['unknown_country', 'unknown_position']);
    });

    it('is described in the OpenAPI document, with the registry edits', async () => {
      const doc = (await http.server.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { summary?: string }>> };
      for (const [path, method] of [
        ['/api/positions/{id}', 'patch'],
        ['/api/outreach', 'post'],
        ['/api/nominations/{id}', 'patch'],
        ['/api/vacancies/overview', 'get'],
        ['/api/offices/{code}/heads/{id}', 'patch'],
        ['/api/bodies/{code}', 'patch'],
      ] as const) {
        expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
      }
    });
  },
);
