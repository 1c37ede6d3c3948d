import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { buildUser, type TestUser } from '../support/factories.ts';
import { reportToDocx } from '../support/report-docx.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SEED_NAME = 'tsag-2020-regional-offices-contribution.txt';
const SEED = readFileSync(`data/demo/${SEED_NAME}`);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function upload(server: TestServer, token: string, bytes: Uint8Array, name: string, fields: Record<string, string> = {}, type = 'text/plain') {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([bytes], { type }), name);
  const res = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe.each(DIALECTS)('importing reports over HTTP [%s]', (dialect) => {
  let server: TestServer;
  let focal: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
    editor = await buildUser(server, { role: 'editor', office: 'bangkok' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('proposes the seed report\'s activities by region and office, stores them as drafts, and finds the batch again', async () => {
    const first = await upload(server, focal.token, SEED, SEED_NAME);
    expect(first.status).toBe(201);
    expect(first.body.period).toMatchObject({ start: '2020-01-01', end: '2020-08-31' });
    const offices = new Set(first.body.proposals.map((p: { office: string }) => p.office));
    expect([...offices].sort()).toEqual(['addis-ababa', 'bangkok', 'brasilia', 'cairo', 'europe', 'moscow']);
    expect(first.body.proposals.every((p: { state: string }) => p.state === 'proposed')).toBe(true);
    // Drafts do not count until accepted.
    expect((await server.request('GET', '/api/activities', { token: focal.token })).body.data).toEqual([]);

    const again = await upload(server, focal.token, SEED, SEED_NAME);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, existing: true });
    const batches = await server.request('GET', '/api/imports', { token: focal.token });
    expect(batches.body.data).toHaveLength(1);
  });

  it('reads the same from the Word version of the report, and proposes nothing twice', async () => {
    const docx = await reportToDocx(SEED.toString('utf8'));
    const res = await upload(server, focal.token, docx, 'seed.docx', {}, DOCX_TYPE);
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('docx');
    // Every item was already proposed by the text batch.
    expect(res.body.proposals).toEqual([]);
    expect(res.body.duplicates).toBeGreaterThan(10);
  });

  it('accepts proposals into the register with their provenance, back-to-back links kept', async () => {
    const batch = (await server.request('GET', '/api/imports', { token: focal.token })).body.data.find((b: { format: string }) => b.format === 'text');
    const outcome = await server.request('POST', `/api/imports/${batch.id}/accept-all`, { token: focal.token });
    expect(outcome.status).toBe(200);
    const details = await server.request('GET', `/api/imports/${batch.id}`, { token: focal.token });
    const accepted = details.body.proposals.filter((p: { state: string }) => p.state === 'accepted');
    expect(accepted.length).toBe(outcome.body.accepted.length);
    expect(accepted.length + outcome.body.refused.length).toBe(details.body.proposals.length);

    const africa = await server.request('GET', '/api/activities?office=addis-ababa&limit=200', { token: focal.token });
    expect(africa.body.data.length).toBeGreaterThanOrEqual(5);
    const workshop = africa.body.data.find((a: { date: { start: string } }) => a.date.start === '2020-03-02');
    expect(workshop).toMatchObject({
      place: { city: 'Ndjamena', country: 'TD' },
      provenance: { source: 'import', document: SEED_NAME, batch: batch.id },
      bodies: expect.arrayContaining(['SG12RG-AFR']),
    });
    expect(workshop.provenance.text).toContain('Quality of Service');
    const linked = africa.body.data.filter((a: { related: unknown[] }) => a.related.length > 0);
    expect(linked.length).toBeGreaterThan(0);
  });

  it('lets a proposal be edited, rejected and reopened', async () => {
    const text = SEED.toString('utf8').replaceAll('2020', '2019');
    const res = await upload(server, focal.token, Buffer.from(text), 'other.txt');
    expect(res.status).toBe(201);
    const target = res.body.proposals[0];
    const edited = await server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, {
      token: focal.token,
      body: { version: target.version, title: 'Edited title', date: { text: 'mid November 2019' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Edited title', date: { precision: 'part-of-month', start: '2019-11-11' }, version: target.version + 1 });
    const stale = await server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, { token: focal.token, body: { version: target.version, title: 'x' } });
    expect(stale.status).toBe(409);
    const badDate = await server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, { token: focal.token, body: { version: target.version + 1, date: { text: 'whenever' } } });
    expect(badDate.body.errors[0].path).toBe('body.date.text');

    const rejected = await server.request('POST', `/api/imports/${res.body.id}/proposals/${target.position}/reject`, { token: focal.token });
    expect(rejected.body.state).toBe('rejected');
    const reopened = await server.request('POST', `/api/imports/${res.body.id}/proposals/${target.position}/reopen`, { token: focal.token });
    expect(reopened.body.state).toBe('proposed');
    const all = await server.request('POST', `/api/imports/${res.body.id}/reject-all`, { token: focal.token });
    expect(all.body.data.length).toBe(res.body.proposals.length);
    expect(res.body.duplicates).toBeGreaterThan(0);
  });

  it('keeps an editor to their own office', async () => {
    const own = await upload(server, editor.token, Buffer.from(SEED.toString('utf8').replaceAll('2020', '2021')), 'bangkok.txt');
    expect(own.status).toBe(201);
    expect(own.body.office).toBe('bangkok');
    // Dated items are new; undated ones were proposed by the earlier batch already.
    expect(own.body.proposals.length).toBeGreaterThan(0);
    expect(new Set(own.body.proposals.map((p: { office: string }) => p.office))).toEqual(new Set(['bangkok']));
    const other = await upload(server, editor.token, SEED, SEED_NAME, { office: 'cairo' });
    expect(other.status).toBe(403);
  });

  it('refuses what is not a report with a clear error, storing nothing', async () => {
    const before = (await server.request('GET', '/api/imports', { token: focal.token })).body.data.length;
    const empty = await upload(server, focal.token, new Uint8Array(), 'empty.txt');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toEqual({ path: 'file', message: '"empty.txt" is empty' });
    const binary = await upload(server, focal.token, Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'photo.jpg');
    expect(binary.status).toBe(400);
    expect(binary.body.errors[0].message).toContain('neither a Word document (.docx) nor text');
    const fakeZip = await upload(server, focal.token, Buffer.from('PK\x03\x04 this is not really a zip'), 'fake.docx', {}, DOCX_TYPE);
    expect(fakeZip.status).toBe(400);
    const noFile = await server.request('POST', '/api/imports', { token: focal.token, body: { file: 'x' } });
    expect(noFile.status).toBe(400);
    const nothingPlaced = await upload(server, focal.token, Buffer.from('Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.'), 'lorem.txt');
    expect(nothingPlaced.status).toBe(201);
    expect(nothingPlaced.body.proposals).toEqual([]);
    expect(nothingPlaced.body.unplaced.length).toBeGreaterThan(0);
    const after = (await server.request('GET', '/api/imports', { token: focal.token })).body.data.length;
    expect(after).toBe(before + 1);
  });
});
