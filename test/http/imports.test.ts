import { readFileSync } from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { expect, it } from 'vitest';
import { IMPORT_LIMIT_BYTES } from '#src/importer/routes.ts';
import { describeHttp } from '../support/describe-http.ts';
import { reportToDocx } from '../support/report-docx.ts';
import type { TestServer } from '../support/server.ts';
import { noise } from '../support/upload-files.ts';

const SEED_NAME = 'tsag-2020-regional-offices-contribution.txt';
const SEED = readFileSync(`data/demo/${SEED_NAME}`);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function upload(server: TestServer, token: string, bytes: Uint8Array, name: string, fields: Record<string, string> = {}, type = 'text/plain') {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([bytes], { type }), name);
  // A guard against a hang, not a speed target: the answer must come at all.
  const res = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(90_000) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body: text ? JSON.parse(text) : null };
}

/** A Word file of minutes: a heading, paragraphs and nothing a report of the regional offices has. */
const MINUTES = ['Minutes of the staff picnic', 'Lunch was served at noon under the trees.', 'The committee thanked the volunteers.', 'Games continued until the rain started.'];
async function minutesDocx(): Promise<Buffer> {
  const [heading, ...paragraphs] = MINUTES;
  const children = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: heading! }), ...paragraphs.map((text) => new Paragraph({ text }))];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const countRows = async (server: TestServer, table: 'activity' | 'import_batch') =>
  Number((await server.database.fieldbook.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

// Batches are found again and proposals compared with earlier ones, so each test starts on its
// own register and uploads the earlier batches it relies on.
describeHttp('importing reports over HTTP', {
  users: { focal: { role: 'focal-point', bureau: 'TSB' }, editor: { role: 'editor', office: 'bangkok' } },
}, (http) => {
  it('proposes the seed report\'s activities by region and office, stores them as drafts, and finds the batch again', async () => {
    const first = await upload(http.server, http.users.focal.token, SEED, SEED_NAME);
    expect(first.status).toBe(201);
    expect(first.body.period).toMatchObject({ start: '2020-01-01', end: '2020-08-31' });
    const offices = new Set(first.body.proposals.map((p: { office: string }) => p.office));
    expect([...offices].sort()).toEqual(['addis-ababa', 'bangkok', 'brasilia', 'cairo', 'europe', 'moscow']);
    expect(first.body.proposals.every((p: { state: string }) => p.state === 'proposed')).toBe(true);
    // Drafts do not count until accepted.
    expect((await http.server.request('GET', '/api/activities', { token: http.users.focal.token })).body.data).toEqual([]);

    const again = await upload(http.server, http.users.focal.token, SEED, SEED_NAME);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, existing: true });
    const batches = await http.server.request('GET', '/api/imports', { token: http.users.focal.token });
    expect(batches.body.data).toHaveLength(1);
  });

  it('reads the same from the Word version of the report, and proposes nothing twice', async () => {
    expect((await upload(http.server, http.users.focal.token, SEED, SEED_NAME)).status).toBe(201);
    const docx = await reportToDocx(SEED.toString('utf8'));
    const res = await upload(http.server, http.users.focal.token, docx, 'seed.docx', {}, DOCX_TYPE);
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('docx');
    // Every item was already proposed by the text batch above.
    expect(res.body.proposals).toEqual([]);
    expect(res.body.duplicates).toBeGreaterThan(10);
  });

  it('accepts proposals into the register with their provenance, back-to-back links kept', async () => {
    const uploaded = await upload(http.server, http.users.focal.token, SEED, SEED_NAME);
    expect(uploaded.status).toBe(201);
    const batch = uploaded.body;
    const outcome = await http.server.request('POST', `/api/imports/${batch.id}/accept-all`, { token: http.users.focal.token });
    expect(outcome.status).toBe(200);
    const details = await http.server.request('GET', `/api/imports/${batch.id}`, { token: http.users.focal.token });
    const accepted = details.body.proposals.filter((p: { state: string }) => p.state === 'accepted');
    expect(accepted.length).toBe(outcome.body.accepted.length);
    expect(accepted.length + outcome.body.refused.length).toBe(details.body.proposals.length);

    const africa = await http.server.request('GET', '/api/activities?office=addis-ababa&limit=200', { token: http.users.focal.token });
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

    // All or nothing per proposal: each accepted one has its activity, each refused one none.
    expect(await countRows(http.server, 'activity')).toBe(accepted.length);
    for (const proposal of accepted) {
      const activity = await http.server.request('GET', `/api/activities/${proposal.activityId}`, { token: http.users.focal.token });
      expect(activity.body.provenance).toMatchObject({ batch: batch.id, text: proposal.provenance.text });
    }
    for (const refused of outcome.body.refused) {
      const proposal = details.body.proposals.find((p: { position: number }) => p.position === refused.position);
      expect(proposal).toMatchObject({ state: 'proposed', activityId: null });
      expect(refused.problem).toBe(`proposals.${refused.position}: has no date: edit the proposal to give one`);
      expect(refused).toMatchObject({
        code: 'proposal_incomplete',
        issues: [{ path: `proposals.${refused.position}`, code: 'needs_date', message: 'has no date: edit the proposal to give one' }],
      });
    }
  });

  it('lets a proposal be edited, rejected and reopened', async () => {
    // The seed's undated items read the same in its 2019 version, which finds them proposed already.
    expect((await upload(http.server, http.users.focal.token, SEED, SEED_NAME)).status).toBe(201);
    const text = SEED.toString('utf8').replaceAll('2020', '2019');
    const res = await upload(http.server, http.users.focal.token, Buffer.from(text), 'other.txt');
    expect(res.status).toBe(201);
    const target = res.body.proposals[0];
    const edited = await http.server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, {
      token: http.users.focal.token,
      body: { version: target.version, title: 'Edited title', date: { text: 'mid November 2019' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Edited title', date: { precision: 'part-of-month', start: '2019-11-11' }, version: target.version + 1 });
    const stale = await http.server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, { token: http.users.focal.token, body: { version: target.version, title: 'x' } });
    expect(stale.status).toBe(409);
    const badDate = await http.server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, { token: http.users.focal.token, body: { version: target.version + 1, date: { text: 'whenever' } } });
    expect(badDate.body.errors[0].path).toBe('body.date.text');
    // A numeric date whose numbers could both be the month, read month first when asked.
    const monthFirst = await http.server.request('PATCH', `/api/imports/${res.body.id}/proposals/${target.position}`, {
      token: http.users.focal.token,
      body: { version: target.version + 1, date: { text: '05/06/2019', order: 'mdy' } },
    });
    expect(monthFirst.body).toMatchObject({ date: { text: '05/06/2019', start: '2019-05-06', precision: 'day' }, version: target.version + 2 });

    const rejected = await http.server.request('POST', `/api/imports/${res.body.id}/proposals/${target.position}/reject`, { token: http.users.focal.token });
    expect(rejected.body.state).toBe('rejected');
    const reopened = await http.server.request('POST', `/api/imports/${res.body.id}/proposals/${target.position}/reopen`, { token: http.users.focal.token });
    expect(reopened.body.state).toBe('proposed');
    const all = await http.server.request('POST', `/api/imports/${res.body.id}/reject-all`, { token: http.users.focal.token });
    expect(all.body.data.length).toBe(res.body.proposals.length);
    expect(res.body.duplicates).toBeGreaterThan(0);
  });

  it('keeps an editor to their own office', async () => {
    const own = await upload(http.server, http.users.editor.token, Buffer.from(SEED.toString('utf8').replaceAll('2020', '2021')), 'bangkok.txt');
    expect(own.status).toBe(201);
    expect(own.body.office).toBe('bangkok');
    expect(own.body.proposals.length).toBeGreaterThan(0);
    expect(new Set(own.body.proposals.map((p: { office: string }) => p.office))).toEqual(new Set(['bangkok']));
    const other = await upload(http.server, http.users.editor.token, SEED, SEED_NAME, { office: 'cairo' });
    expect(other.status).toBe(403);
  });

  it('rejects all or nothing: an editor refused for another office\'s proposals leaves even their own open', async () => {
    const { server } = http;
    const { focal, editor } = http.users;
    const batch = await upload(server, focal.token, Buffer.from(SEED.toString('utf8').replaceAll('2020', '2018')), 'tsag-2018.txt');
    expect(batch.status).toBe(201);
    const offices = new Set(batch.body.proposals.map((p: { office: string }) => p.office));
    expect(offices.has('bangkok') && offices.size > 1).toBe(true);
    const refused = await server.request('POST', `/api/imports/${batch.body.id}/reject-all`, { token: editor.token });
    expect(refused.status).toBe(403);
    const after = await server.request('GET', `/api/imports/${batch.body.id}`, { token: focal.token });
    expect(after.body.proposals.filter((p: { state: string }) => p.state !== 'proposed')).toEqual([]);
    const all = await server.request('POST', `/api/imports/${batch.body.id}/reject-all`, { token: focal.token });
    expect(all.body.data.map((p: { state: string }) => p.state)).toEqual(batch.body.proposals.map(() => 'rejected'));
  });

  it('refuses what is not a report with a clear error, storing nothing', async () => {
    const before = (await http.server.request('GET', '/api/imports', { token: http.users.focal.token })).body.data.length;
    const empty = await upload(http.server, http.users.focal.token, new Uint8Array(), 'empty.txt');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toEqual({ path: 'file', code: 'document_empty', message: '"empty.txt" is empty', params: { name: 'empty.txt' } });
    const binary = await upload(http.server, http.users.focal.token, Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'photo.jpg');
    expect(binary.status).toBe(400);
    expect(binary.body.errors[0].message).toContain('neither a Word document (.docx) nor text');
    const fakeZip = await upload(http.server, http.users.focal.token, Buffer.from('PK\x03\x04 this is not really a zip'), 'fake.docx', {}, DOCX_TYPE);
    expect(fakeZip.status).toBe(400);
    const noFile = await http.server.request('POST', '/api/imports', { token: http.users.focal.token, body: { file: 'x' } });
    expect(noFile.status).toBe(400);
    const nothingPlaced = await upload(http.server, http.users.focal.token, Buffer.from('Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.'), 'lorem.txt');
    expect(nothingPlaced.status).toBe(201);
    expect(nothingPlaced.body.proposals).toEqual([]);
    expect(nothingPlaced.body.unplaced.length).toBeGreaterThan(0);
    const after = (await http.server.request('GET', '/api/imports', { token: http.users.focal.token })).body.data.length;
    expect(after).toBe(before + 1);
  });
  it('accepts a proposal and writes its register entry in one transaction: a proposal changed meanwhile leaves no activity', async () => {
    const text = SEED.toString('utf8').replaceAll('2020', '2018');
    const res = await upload(http.server, http.users.focal.token, Buffer.from(text), 'tsag-2018.txt');
    const [first, second] = res.body.proposals.filter((p: { date: unknown }) => p.date !== null);
    const path = (p: { position: number }) => `/api/imports/${res.body.id}/proposals/${p.position}`;
    await http.server.request('POST', `${path(first)}/reject`, { token: http.users.focal.token });
    await http.server.request('POST', `${path(first)}/reopen`, { token: http.users.focal.token });
    const activitiesBefore = await countRows(http.server, 'activity');

    // Reviewed at version 1, rejected and reopened since: the activity is written, then undone with the refused update.
    const stale = await http.server.request('POST', `${path(first)}/accept?version=${first.version}`, { token: http.users.focal.token });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', detail: `The proposal changed since version ${first.version}; reload it.` });
    expect(await countRows(http.server, 'activity')).toBe(activitiesBefore);
    expect((await http.server.request('GET', `/api/imports/${res.body.id}`, { token: http.users.focal.token })).body.proposals[first.position]).toMatchObject({ state: 'proposed', activityId: null, version: first.version + 2 });

    const current = await http.server.request('POST', `${path(first)}/accept?version=${first.version + 2}`, { token: http.users.focal.token });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ state: 'accepted', version: first.version + 3 });
    expect(await countRows(http.server, 'activity')).toBe(activitiesBefore + 1);
    expect((await http.server.request('GET', `/api/activities/${current.body.activityId}`, { token: http.users.focal.token })).status).toBe(200);

    // Accepted and rejected at the same moment: whichever wins, the register agrees with the proposal.
    const [accepting, rejecting] = await Promise.all([
      http.server.request('POST', `${path(second)}/accept`, { token: http.users.focal.token }),
      http.server.request('POST', `${path(second)}/reject`, { token: http.users.focal.token }),
    ]);
    const final = (await http.server.request('GET', `/api/imports/${res.body.id}`, { token: http.users.focal.token })).body.proposals[second.position];
    if (final.state === 'accepted') {
      expect(accepting.status).toBe(200);
      expect(rejecting.status).toBe(409);
      expect(await countRows(http.server, 'activity')).toBe(activitiesBefore + 2);
    } else {
      expect(final).toMatchObject({ state: 'rejected', activityId: null });
      expect(rejecting.status).toBe(200);
      expect(accepting.status).toBe(409);
      expect(await countRows(http.server, 'activity')).toBe(activitiesBefore + 1);
    }
  });

  it('reads a Word file with no recognisable sections as nothing placed, every paragraph listed with its position', async () => {
    const batchesBefore = await countRows(http.server, 'import_batch');
    const res = await upload(http.server, http.users.focal.token, await minutesDocx(), 'minutes.docx', {}, DOCX_TYPE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'docx', proposals: [], summary: [], counts: { proposed: 0, unplaced: MINUTES.length - 1 } });
    expect(res.body.sections).toEqual([expect.objectContaining({ heading: MINUTES[0], region: null, office: null, line: 1 })]);
    expect(res.body.unplaced).toEqual(MINUTES.slice(1).map((text, i) => ({ text, section: MINUTES[0], line: i + 2 })));
    // Stored whole: the batch reads back the same.
    const stored = await http.server.request('GET', `/api/imports/${res.body.id}`, { token: http.users.focal.token });
    expect(stored.body.unplaced).toEqual(res.body.unplaced);
    expect(await countRows(http.server, 'import_batch')).toBe(batchesBefore + 1);
  });

  it('answers a text of 200,000 short unplaced lines with the first thousand listed and all of them counted, stored and read back the same', { timeout: 120_000 }, async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i + 1} of nothing in particular`).join('\n');
    const res = await upload(http.server, http.users.focal.token, Buffer.from(text), 'short-lines.txt');
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ proposed: 0, unplaced: 200_000 });
    expect(res.body.unplaced).toHaveLength(1_000);
    expect(res.body.unplaced.at(-1)).toEqual({ text: 'line 1000 of nothing in particular', section: null, line: 1_000 });
    // The answer is the size of what is listed, not of the text (7 MB).
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
    const stored = await http.server.request('GET', `/api/imports/${res.body.id}`, { token: http.users.focal.token });
    expect(stored.body.counts.unplaced).toBe(200_000);
    expect(stored.body.unplaced).toEqual(res.body.unplaced);
    const listed = (await http.server.request('GET', '/api/imports', { token: http.users.focal.token })).body.data.find((b: { id: string }) => b.id === res.body.id);
    expect(listed.counts.unplaced).toBe(200_000);
  });

  // Two 20 MB uploads: room for a loaded machine; the answer itself comes in seconds.
  it('answers 20 MB of noise with nothing placed, and refuses a byte more with 413 naming the limit', { timeout: 180_000 }, async () => {
    const batchesBefore = await countRows(http.server, 'import_batch');
    const atLimit = await upload(http.server, http.users.focal.token, noise(IMPORT_LIMIT_BYTES), 'noise.txt');
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.proposals).toEqual([]);
    expect(atLimit.body.counts.unplaced).toBeGreaterThan(0);
    expect(await countRows(http.server, 'import_batch')).toBe(batchesBefore + 1);

    const over = await upload(http.server, http.users.focal.token, noise(IMPORT_LIMIT_BYTES + 1), 'noise-plus-one.txt');
    expect(over.status).toBe(413);
    expect(over.type).toBe('application/problem+json; charset=utf-8');
    expect(over.body).toMatchObject({ status: 413, code: 'document_too_large', detail: expect.stringContaining('larger than the 20 MB an import may be') });
    expect(await countRows(http.server, 'import_batch')).toBe(batchesBefore + 1);
  });
});
