/**
 * Who may change and delete an activity several offices share (docs/decisions/0007-access.md):
 * each office's editors edit it; another office may be added by anyone who edits it, but taken
 * off only by its own editors; deleting or restoring needs someone who writes for every office.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';

describeHttp('activities several offices share', {
  users: { addis: { role: 'editor', office: 'addis-ababa' }, cairo: { role: 'editor', office: 'cairo' }, focal: { role: 'focal-point', bureau: 'TSB' } },
}, (http) => {
  const create = async (token: string) => {
    const res = await http.server.request('POST', '/api/activities', {
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
    const made = await create(http.users.addis.token);
    expect((await http.server.request('DELETE', `/api/activities/${made.id}`, { token: http.users.cairo.token })).status).toBe(403);
    expect((await http.server.request('DELETE', `/api/activities/${made.id}`, { token: http.users.addis.token })).status).toBe(403);
    const takeOff = await http.server.request('PATCH', `/api/activities/${made.id}`, {
      token: http.users.cairo.token,
      body: { version: made.version, offices: [{ office: 'cairo', role: 'organised' }] },
    });
    expect(takeOff.status).toBe(403);
    const still = await http.server.request('GET', `/api/activities/${made.id}`, { token: http.users.cairo.token });
    expect(still.body.deletedAt).toBeNull();
    expect(still.body.offices.map((o: { office: string }) => o.office)).toEqual(['addis-ababa', 'cairo']);

    // Cairo may edit the shared activity and take itself off; then Addis Ababa alone may delete it.
    const edited = await http.server.request('PATCH', `/api/activities/${made.id}`, { token: http.users.cairo.token, body: { version: made.version, outcome: { en: 'Cairo prepared the second day.' } } });
    expect(edited.status).toBe(200);
    const leave = await http.server.request('PATCH', `/api/activities/${made.id}`, { token: http.users.cairo.token, body: { version: edited.body.version, offices: [{ office: 'addis-ababa', role: 'organised' }] } });
    expect(leave.status).toBe(200);
    expect((await http.server.request('DELETE', `/api/activities/${made.id}`, { token: http.users.addis.token })).status).toBe(200);
  });

  it('lets a focal point delete and restore a shared activity', async () => {
    const made = await create(http.users.cairo.token);
    expect((await http.server.request('DELETE', `/api/activities/${made.id}`, { token: http.users.focal.token })).status).toBe(200);
    expect((await http.server.request('POST', `/api/activities/${made.id}/restore`, { token: http.users.cairo.token })).status).toBe(403);
    expect((await http.server.request('POST', `/api/activities/${made.id}/restore`, { token: http.users.focal.token })).status).toBe(200);
  });
});
