/**
 * The register's change marker over HTTP on both databases: every write of activities moves it,
 * also several writes within one millisecond (the clock is held still here), and what the public
 * site and the list send follows the last write, never a page kept from before it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';

const SEED_NAME = 'tsag-2020-regional-offices-contribution.txt';
const SEED = readFileSync(`data/demo/${SEED_NAME}`);

const day = (offset: number): string => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

// Each test reads the register's change marker and lists as its own writes leave them, so each starts on its own.
describeHttp('the register change marker', {
  users: { editor: { role: 'editor', office: 'cairo' }, focal: { role: 'focal-point', bureau: 'TSB' } },
}, (http) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const get = (path: string, headers: Record<string, string> = {}) => http.server.request('GET', path, { headers });
  const titles = async (path: string) => ((await get(path)).body.data as Array<{ title: { en: string } }>).map((a) => a.title.en);

  it('moves with every write within one millisecond, and the public pages and the list show the last one', async () => {
    // Only Date is held still: timers and I/O run as usual. Every write below happens at this instant.
    vi.useFakeTimers({ toFake: ['Date'] });
    const etags = new Set<string>();
    /** The public events page's ETag after a write: it must be one never seen before. */
    const expectNewEtag = async (after: string) => {
      const etag = (await get('/en/events')).headers.get('etag')!;
      expect(etags.has(etag), `ETag unchanged after ${after}`).toBe(false);
      etags.add(etag);
    };
    await expectNewEtag('the start');

    const created = await http.server.request('POST', '/api/activities', {
      token: http.users.editor.token,
      body: { title: { en: 'Forum on numbering plans' }, kind: 'forum', status: 'planned', offices: [{ office: 'cairo', role: 'organised' }], date: { start: day(10), end: day(11) } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: string = created.body.id;
    await expectNewEtag('a create');
    const page = `/en/events/${id}`;
    const list = '/api/activities?office=cairo&status=planned';
    const before = await get(page);
    expect(before.status).toBe(200);
    expect(before.text).toContain('Forum on numbering plans');
    expect(await titles(list)).toEqual(['Forum on numbering plans']);

    const patched = await http.server.request('PATCH', `/api/activities/${id}`, { token: http.users.editor.token, body: { version: created.body.version, title: { en: 'Forum on numbering and naming' } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    // The same millisecond: the time of the change says nothing new.
    expect(patched.body.updatedAt).toBe(created.body.updatedAt);
    await expectNewEtag('an edit in the same millisecond');
    const after = await get(page, { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.text).toContain('Forum on numbering and naming');
    expect(await titles(list)).toEqual(['Forum on numbering and naming']);

    expect((await http.server.request('DELETE', `/api/activities/${id}`, { token: http.users.editor.token })).status).toBe(200);
    await expectNewEtag('a delete');
    expect(await titles(list)).toEqual([]);
    expect((await get(page)).status).toBe(404);

    expect((await http.server.request('POST', `/api/activities/${id}/restore`, { token: http.users.editor.token })).status).toBe(200);
    await expectNewEtag('a restore');
    expect(await titles(list)).toEqual(['Forum on numbering and naming']);
    expect((await get(page)).text).toContain('Forum on numbering and naming');

    const csv = `title,original_language,kind,status,offices,date_text\r\nImported seminar on tariffs,en,workshop,planned,cairo:organised,${day(20)}\r\n`;
    const imported = await fetch(`${http.server.url}/api/activities/import`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${http.users.editor.token}` }, body: csv });
    expect(imported.status, await imported.clone().text()).toBe(201);
    await expectNewEtag('a CSV import');
    expect(await titles(list)).toEqual(['Forum on numbering and naming', 'Imported seminar on tariffs']);

    const form = new FormData();
    form.append('file', new Blob([SEED], { type: 'text/plain' }), SEED_NAME);
    const batch = await fetch(`${http.server.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${http.users.focal.token}` }, body: form });
    expect(batch.status).toBe(201);
    const { id: batchId, proposals } = (await batch.json()) as { id: string; proposals: Array<{ position: number; date: unknown }> };
    const proposal = proposals.find((p) => p.date !== null)!;
    const etagBefore = (await get('/en/events')).headers.get('etag');
    const accepted = await http.server.request('POST', `/api/imports/${batchId}/proposals/${proposal.position}/accept`, { token: http.users.focal.token });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(etagBefore).toBe([...etags].at(-1));
    await expectNewEtag('accepting an imported proposal');
  });

  it('gives every write its own number, in the order they commit, with writers at the same time', async () => {
    const { activities } = http.server.database.fieldbook.services;
    const start = (await activities.freshness()).changeSeq;
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => buildActivity(http.server, { title: { en: `Concurrent workshop ${i}` } })));
    const edits = await Promise.all(
      made.map((a, i) => activities.update({ kind: 'system', label: 'freshness test' }, a.id, { version: a.version, participants: i + 1 })),
    );
    expect(edits).toHaveLength(8);
    expect((await activities.freshness()).changeSeq).toBe(start + 16);
    const rows = await http.server.database.fieldbook.database.db
      .selectFrom('activity')
      .select('change_seq')
      .where('id', 'in', made.map((a) => a.id))
      .execute();
    // The edits took the last eight numbers, one each.
    expect(rows.map((r) => Number(r.change_seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 8 }, (_, i) => start + 9 + i));
  });
});
