/**
 * Who may change and delete an activity several offices share (docs/decisions/0007-access.md):
 * each office's editors edit it; another office may be added by anyone who edits it, but taken
 * off only by its own editors; deleting or restoring needs someone who writes for every office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe.each(DIALECTS)('activities several offices share [%s]', (dialect) => {
  let server: TestServer;
  let addis: TestUser;
  let cairo: TestUser;
  let focal: TestUser;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    addis = await buildUser(server, { role: 'editor', office: 'addis-ababa' });
    cairo = await buildUser(server, { role: 'editor', office: 'cairo' });
    focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const create = async (token: string) => {
    const res = await server.request('POST', '/api/activities', {
      token,
      body: {
        title: { en: 'Joint forum on digital inclusion' },
        kind: 'forum',
        sectors: ['ITU-T'],
        date: { text: 'May 2021' },
        offices: [{ office: 'addis-ababa', role: 'organised' }, { office: 'cairo', role: 'co-organised' }],
      },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };

  it("lets an editor add another office, but not that office's editor delete it or take the first office off", async () => {
    const made = await create(addis.token);
    expect((await server.request('DELETE', `/api/activities/${made.id}`, { token: cairo.token })).status).toBe(403);
    expect((await server.request('DELETE', `/api/activities/${made.id}`, { token: addis.token })).status).toBe(403);
    const takeOff = await server.request('PATCH', `/api/activities/${made.id}`, {
      token: cairo.token,
      body: { version: made.version, offices: [{ office: 'cairo', role: 'organised' }] },
    });
    expect(takeOff.status).toBe(403);
    const still = await server.request('GET', `/api/activities/${made.id}`, { token: cairo.token });
    expect(still.body.deletedAt).toBeNull();
    expect(still.body.offices.map((o: { office: string }) => o.office)).toEqual(['addis-ababa', 'cairo']);

    // Cairo may edit the shared activity and take itself off; then Addis Ababa alone may delete it.
    const edited = await server.request('PATCH', `/api/activities/${made.id}`, { token: cairo.token, body: { version: made.version, outcome: { en: 'Cairo prepared the second day.' } } });
    expect(edited.status).toBe(200);
    const leave = await server.request('PATCH', `/api/activities/${made.id}`, { token: cairo.token, body: { version: edited.body.version, offices: [{ office: 'addis-ababa', role: 'organised' }] } });
    expect(leave.status).toBe(200);
    expect((await server.request('DELETE', `/api/activities/${made.id}`, { token: addis.token })).status).toBe(200);
  });

  it('lets a focal point delete and restore a shared activity', async () => {
    const made = await create(cairo.token);
    expect((await server.request('DELETE', `/api/activities/${made.id}`, { token: focal.token })).status).toBe(200);
    expect((await server.request('POST', `/api/activities/${made.id}/restore`, { token: cairo.token })).status).toBe(403);
    expect((await server.request('POST', `/api/activities/${made.id}/restore`, { token: focal.token })).status).toBe(200);
  });
});
