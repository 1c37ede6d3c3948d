/**
 * What anonymous readers may see of a public activity, field by field, in the API and the public
 * site: never the reasons staff typed for status changes, the import provenance, who changed
 * what, or the ids of internal activities it is related to. Staff still see all of it.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity, type TestUser } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

/** Every field the public may be sent for one activity. */
const PUBLIC_FIELDS = [
  'id', 'title', 'originalLanguage', 'kind', 'status', 'visibility', 'offices', 'sectors', 'bureaux', 'bodies', 'plans', 'planLinks', 'date', 'place',
  'description', 'outcome', 'participants', 'links', 'related', 'version', 'createdAt', 'updatedAt', 'deletedAt',
].sort();

/** A public activity related to an internal one and a public one, postponed with a reason by its editor. */
async function buildHistory(server: TestServer, users: { editor: TestUser }) {
  const internalId = (await buildActivity(server, { title: { en: 'Internal planning call' }, visibility: 'internal', kind: 'coordination' })).id;
  const publicSiblingId = (await buildActivity(server, { title: { en: 'Regional group meeting' } })).id;
  const made = await buildActivity(server, {
    title: { en: 'Workshop with a history' },
    status: 'planned',
    related: [
      { activity: internalId, kind: 'back-to-back' },
      { activity: publicSiblingId, kind: 'back-to-back' },
    ],
  });
  const changed = await server.request('PATCH', `/api/activities/${made.id}`, {
    token: users.editor.token,
    body: { version: made.version, status: 'postponed', statusReason: 'Host ministry withdrew its budget; do not tell partners yet' },
  });
  expect(changed.status).toBe(200);
  return { publicId: made.id, internalId, publicSiblingId };
}

// The tests only read what the set-up wrote.
describeHttp('what the public see of an activity', { database: 'shared', users: { editor: { role: 'editor', office: 'addis-ababa' } }, data: buildHistory }, (http) => {
  it('sends anonymous readers only the public fields, with public related activities and no status reasons', async () => {
    const res = await http.server.request('GET', `/api/activities/${http.data.publicId}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).filter((k) => k !== 'statusHistory').sort()).toEqual(PUBLIC_FIELDS);
    expect(res.body.related).toEqual([{ activity: http.data.publicSiblingId, kind: 'back-to-back' }]);
    expect(res.body.statusHistory.map((c: Record<string, unknown>) => Object.keys(c).sort())).toEqual([
      ['at', 'from', 'to'],
      ['at', 'from', 'to'],
    ]);
    expect(res.text).not.toContain(http.data.internalId);
    expect(res.text).not.toContain('budget');
  });

  it('keeps the same fields out of the public list, the JSON feed and the event page', async () => {
    const list = await http.server.request('GET', '/api/activities?q=history');
    const listed = list.body.data.find((a: { id: string }) => a.id === http.data.publicId);
    expect(Object.keys(listed).sort()).toEqual(PUBLIC_FIELDS);
    expect(list.text).not.toContain(http.data.internalId);

    const feed = await http.server.request('GET', '/en/events.json?from=2020-01-01&to=2020-12-31');
    const fed = feed.body.data.find((a: { id: string }) => a.id === http.data.publicId);
    expect(Object.keys(fed).sort()).toEqual(PUBLIC_FIELDS);
    expect(feed.text).not.toContain(http.data.internalId);

    const page = await http.server.request('GET', `/en/events/${http.data.publicId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('budget');
    expect(page.text).not.toContain(http.data.internalId);
    expect(page.text).toContain('Regional group meeting');
  });

  it('shows staff every field: provenance, status reasons, who, and every related activity', async () => {
    const res = await http.server.request('GET', `/api/activities/${http.data.publicId}`, { token: http.users.editor.token });
    expect(res.body).toHaveProperty('provenance');
    expect(res.body).toHaveProperty('createdBy');
    expect(res.body.related.map((r: { activity: string }) => r.activity).sort()).toEqual([http.data.internalId, http.data.publicSiblingId].sort());
    expect(res.body.statusHistory.at(-1)).toMatchObject({ to: 'postponed', reason: 'Host ministry withdrew its budget; do not tell partners yet', by: http.users.editor.email });
  });
});
