/**
 * Reviewing an import: the list's true counts, the passages the importer could not place
 * (made a proposal or dismissed), and accept-all as one transaction per batch.
 */
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Tab, TextRun } from 'docx';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import type { TestServer } from '../support/server.ts';
import { buildActivity } from '../support/factories.ts';

const SEED_NAME = 'tsag-2020-regional-offices-contribution.txt';
const SEED = readFileSync(`data/demo/${SEED_NAME}`);

async function upload(server: TestServer, token: string, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([bytes], { type: name.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/plain' }), name);
  const res = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * Notes under a numbered heading that names no office or region: read as a report's section, so
 * its passages are not placed (a report's introduction reads the same way).
 */
const NOTES = [
  '1\tNotes from the field, 2020',
  'A workshop on Quality of Service was held in Harare, Zimbabwe, on 3 - 4 March 2020, with the ITU-T SG12 regional group for Africa.',
  'The coffee machine on the third floor was repaired in the spring.',
  'Thanks go to everyone who made the year what it was.',
].join('\n\n');

/** A report typed in Word as in a text file: numbering typed ("4<TAB>", "1.<TAB>"), no Word heading or list styles. */
const TYPED = [
  '4\tAfrica – Regional Office for Africa',
  'The Regional Office for Africa is based in Addis Ababa.',
  '1.\tITU-T SG13 events held in Abuja, Nigeria: a workshop on fibre networks, 3 and 4 February 2020.',
  '2.\tA workshop on Quality of Service was held in Harare, Zimbabwe, 2 - 3 March 2020.',
].join('\n');
const typedDocx = (text: string) =>
  Packer.toBuffer(
    new Document({
      sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ children: line.split('\t').flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part])) })] })) }],
    }),
  );

const db = (server: TestServer) => server.database.fieldbook.database.db;
const activities = async (server: TestServer) =>
  Number((await db(server).selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeHttp('reviewing an import', { users: { focal: { role: 'focal-point', bureau: 'TSB' }, editor: { role: 'editor', office: 'bangkok' } } }, (http) => {
  it('lists each batch with the true numbers waiting, accepted and rejected', async () => {
    const { body: batch } = await upload(http.server, http.users.focal.token, SEED, SEED_NAME);
    const total = batch.proposals.length;
    expect(batch.emptyReason).toBeNull();
    expect(total).toBeGreaterThan(10);
    const listed = async () => (await http.server.request('GET', '/api/imports', { token: http.users.focal.token })).body.data[0];
    expect((await listed()).counts).toMatchObject({ proposed: total, accepted: 0, rejected: 0 });
    expect((await listed()).done).toBe(false);

    const dated = batch.proposals.filter((p: { date: unknown }) => p.date !== null);
    const token = http.users.focal.token;
    expect((await http.server.request('POST', `/api/imports/${batch.id}/proposals/${dated[0].position}/accept`, { token })).status).toBe(200);
    expect((await http.server.request('POST', `/api/imports/${batch.id}/proposals/${dated[1].position}/reject`, { token })).status).toBe(200);
    expect((await listed()).counts).toMatchObject({ proposed: total - 2, accepted: 1, rejected: 1 });
    // An editor's home page reads the same list.
    expect((await http.server.request('GET', '/api/imports', { token: http.users.editor.token })).body.data[0].counts.proposed).toBe(total - 2);
  });

  it('lists the passages it could not place; one becomes a proposal read for its date and place, the others are dismissed, and then the batch is done', async () => {
    const token = http.users.focal.token;
    const { status, body: batch } = await upload(http.server, token, Buffer.from(NOTES), 'notes.txt');
    expect(status).toBe(201);
    expect(batch.proposals).toEqual([]);
    expect(batch.emptyReason).toBe('no_sections');
    expect(batch.unplaced.length).toBe(batch.counts.unplaced);
    expect(batch.decisions).toEqual([]);
    expect(batch.counts.unplacedOpen).toBe(batch.counts.unplaced);
    expect(batch.done).toBe(false);

    const passages = batch.unplaced.map((p: { text: string }, position: number) => ({ ...p, position }));
    const workshop = passages.find((p: { text: string }) => p.text.includes('Harare'));
    const needsOffice = await http.server.request('POST', `/api/imports/${batch.id}/passages/${workshop.position}/propose`, { token, body: { version: 0 } });
    expect(needsOffice.status).toBe(400);
    expect(needsOffice.body.errors[0].path).toBe('body.office');
    const made = await http.server.request('POST', `/api/imports/${batch.id}/passages/${workshop.position}/propose`, { token, body: { version: 0, office: 'harare' } });
    expect(made.status).toBe(200);
    expect(made.body.passage).toMatchObject({ state: 'proposed', proposal: made.body.proposal.position, version: 1 });
    expect(made.body.proposal).toMatchObject({
      office: 'harare',
      state: 'proposed',
      date: { start: '2020-03-03', end: '2020-03-04' },
      place: { city: 'Harare', country: 'ZW' },
      provenance: { text: workshop.text },
    });
    expect(made.body.proposal.bodies.length).toBeGreaterThan(0);
    const twice = await http.server.request('POST', `/api/imports/${batch.id}/passages/${workshop.position}/propose`, { token, body: { version: 0, office: 'harare' } });
    expect(twice.status).toBe(409);

    const others = passages.filter((p: { position: number }) => p.position !== workshop.position);
    for (const passage of others) {
      const dismissed = await http.server.request('POST', `/api/imports/${batch.id}/passages/${passage.position}/dismiss`, { token, body: { version: 0 } });
      expect(dismissed.body).toMatchObject({ state: 'dismissed', version: 1 });
    }
    const restored = await http.server.request('POST', `/api/imports/${batch.id}/passages/${others[0].position}/restore`, { token, body: { version: 1 } });
    expect(restored.body).toMatchObject({ state: 'open', version: 2 });
    let listed = (await http.server.request('GET', '/api/imports', { token })).body.data[0];
    expect(listed.counts).toMatchObject({ proposed: 1, unplacedOpen: 1 });
    expect(listed.done).toBe(false);
    await http.server.request('POST', `/api/imports/${batch.id}/passages/${others[0].position}/dismiss`, { token, body: { version: 2 } });

    const accepted = await http.server.request('POST', `/api/imports/${batch.id}/proposals/${made.body.proposal.position}/accept`, { token });
    expect(accepted.body.state).toBe('accepted');
    listed = (await http.server.request('GET', '/api/imports', { token })).body.data[0];
    expect(listed.counts).toMatchObject({ proposed: 0, accepted: 1, unplacedOpen: 0 });
    const details = (await http.server.request('GET', `/api/imports/${batch.id}`, { token })).body;
    expect(details.decisions).toHaveLength(passages.length);
    expect(details.decisions.find((d: { position: number }) => d.position === workshop.position)).toMatchObject({ state: 'proposed', proposal: made.body.proposal.position });
    expect(listed.done).toBe(true);

    const audited = await db(http.server).selectFrom('audit_event').select('action').where('action', 'like', 'import.passage.%').execute();
    const count = (action: string) => audited.filter((a) => a.action === action).length;
    expect([count('import.passage.propose'), count('import.passage.dismiss'), count('import.passage.restore')]).toEqual([1, others.length + 1, 1]);
  });

  it('reads a Word file with typed numbering and tabs like its text; the text after it gives nothing new and says why', async () => {
    const token = http.users.focal.token;
    const word = await upload(http.server, token, await typedDocx(TYPED), 'typed.docx');
    expect(word.status).toBe(201);
    expect(word.body.format).toBe('docx');
    expect(word.body.proposals.map((p: { place: { country: string } }) => p.place.country)).toEqual(['NG', 'ZW']);
    const text = await upload(http.server, token, Buffer.from(TYPED), 'typed.txt');
    expect(text.body).toMatchObject({ proposals: [], duplicates: 2, emptyReason: 'already_proposed' });
  });

  it('shows an item already in the register as such, never skipped: linked, merged or imported anyway, and accept-all leaves it to the reviewer', async () => {
    const token = http.users.focal.token;
    const first = await upload(http.server, token, await typedDocx(TYPED), 'typed.docx');
    expect((await http.server.request('POST', `/api/imports/${first.body.id}/accept-all`, { token })).body.accepted).toHaveLength(2);
    const [abuja, harare] = (await http.server.request('GET', `/api/imports/${first.body.id}`, { token })).body.proposals;

    // The same report as text, and a later report that words the Harare workshop its own way.
    const again = await upload(http.server, token, Buffer.from(TYPED), 'typed.txt');
    expect(again.body.emptyReason).toBeNull();
    expect(again.body.proposals.map((p: { match: unknown }) => p.match)).toEqual([
      { activity: abuja.activityId, title: abuja.title, why: 'same_text' },
      { activity: harare.activityId, title: harare.title, why: 'same_text' },
    ]);
    const reworded = TYPED.replace('2.\tA workshop on Quality of Service was held in Harare, Zimbabwe, 2 - 3 March 2020.', '2.\tThe workshop on Quality of Service in Harare, Zimbabwe, 2 - 3 March 2020, with the SG12 regional group for Africa.');
    const later = await upload(http.server, token, Buffer.from(reworded), 'later.txt');
    expect(later.body.proposals.find((p: { provenance: { text: string } }) => p.provenance.text.includes('SG12'))?.match).toMatchObject({ activity: harare.activityId, why: 'same_days_and_words' });

    const bulk = await http.server.request('POST', `/api/imports/${again.body.id}/accept-all`, { token });
    expect(bulk.body.accepted).toEqual([]);
    expect(bulk.body.refused.map((r: { code: string }) => r.code)).toEqual(['already_in_register', 'already_in_register']);
    const [p0, p1] = again.body.proposals;
    const linked = await http.server.request('POST', `/api/imports/${again.body.id}/proposals/${p0.position}/link`, { token, body: { version: p0.version } });
    expect(linked.body).toMatchObject({ state: 'accepted', activityId: abuja.activityId });
    const merged = await http.server.request('POST', `/api/imports/${later.body.id}/proposals/${later.body.proposals[1].position}/merge`, { token, body: { version: later.body.proposals[1].version } });
    expect(merged.body).toMatchObject({ state: 'accepted', activityId: harare.activityId });
    expect((await http.server.request('GET', `/api/activities/${harare.activityId}`, { token })).body.bodies).toContain('SG12RG-AFR');
    // Imported anyway: a second activity, because the reviewer said so.
    expect((await http.server.request('POST', `/api/imports/${again.body.id}/proposals/${p1.position}/accept`, { token })).body.state).toBe('accepted');
    expect(await activities(http.server)).toBe(3);
  });

  it("shows an item headquarters recorded already, with why; accept-all leaves it open, and linking it adds the office to headquarters' entry", async () => {
    const token = http.users.focal.token;
    const hq = await buildActivity(http.server, {
      title: { en: 'Workshop on Quality of Service' },
      kind: 'workshop',
      offices: [{ office: 'geneva', role: 'organised' }],
      date: { text: '2 - 3 March 2020' },
      place: { city: 'Harare', country: 'ZW' },
      sectors: ['ITU-T'],
    });
    const { body: batch } = await upload(http.server, token, Buffer.from(TYPED), 'typed.txt');
    const [abuja, harare] = batch.proposals;
    const found = await http.server.request('GET', `/api/imports/${batch.id}/duplicates`, { token: http.users.editor.token });
    expect(found.status).toBe(200);
    const of = (position: number) => found.body.data.find((d: { position: number }) => d.position === position);
    expect(of(abuja.position)).toEqual({ position: abuja.position, comparable: true, candidates: [] });
    expect(of(harare.position).candidates.map((c: { activity: { id: string } }) => c.activity.id)).toEqual([hq.id]);
    expect(of(harare.position).candidates[0].reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['overlapping_dates', 'same_country', 'similar_title']));

    const bulk = await http.server.request('POST', `/api/imports/${batch.id}/accept-all`, { token });
    expect(bulk.body.accepted.map((p: { position: number }) => p.position)).toEqual([abuja.position]);
    expect(bulk.body.refused).toMatchObject([{ position: harare.position, code: 'possible_duplicate', issues: [{ code: 'possible_duplicate', params: { value: hq.id } }] }]);

    const link = (as: string, version: number) => http.server.request('POST', `/api/imports/${batch.id}/proposals/${harare.position}/link`, { token: as, body: { version, activity: hq.id } });
    expect((await link(http.users.editor.token, harare.version)).status).toBe(403);
    expect((await link(token, harare.version + 1)).status).toBe(409);
    const linked = await link(token, harare.version);
    expect(linked.body).toMatchObject({ state: 'accepted', activityId: hq.id });
    const joined = (await http.server.request('GET', `/api/activities/${hq.id}`, { token })).body;
    expect(joined.offices.map((o: { office: string }) => o.office)).toEqual(['geneva', 'addis-ababa']);
    expect(await activities(http.server)).toBe(2);
    expect((await http.server.request('GET', `/api/imports/${batch.id}/duplicates`, { token })).body.data).toEqual([]);
  });

  it('dismisses every passage still open at once, and the seed report, all accepted, is then done', async () => {
    const token = http.users.focal.token;
    const { body: batch } = await upload(http.server, token, SEED, SEED_NAME);
    expect(batch.counts.unplaced).toBeGreaterThan(5);
    await http.server.request('POST', `/api/imports/${batch.id}/passages/0/dismiss`, { token, body: { version: 0 } });
    const all = await http.server.request('POST', `/api/imports/${batch.id}/passages/dismiss-open`, { token });
    expect(all.body.data).toHaveLength(batch.counts.unplaced - 1);
    for (const p of batch.proposals) {
      await http.server.request('POST', `/api/imports/${batch.id}/proposals/${p.position}/reject`, { token });
    }
    const listed = (await http.server.request('GET', '/api/imports', { token })).body.data[0];
    expect(listed.counts).toMatchObject({ proposed: 0, unplacedOpen: 0 });
    expect(listed.done).toBe(true);
  });

  it('an editor decides passages only for their own office', async () => {
    const { body: batch } = await upload(http.server, http.users.focal.token, Buffer.from(NOTES), 'notes.txt');
    const other = await http.server.request('POST', `/api/imports/${batch.id}/passages/0/propose`, { token: http.users.editor.token, body: { version: 0, office: 'harare' } });
    expect(other.status).toBe(403);
    const own = await http.server.request('POST', `/api/imports/${batch.id}/passages/0/propose`, { token: http.users.editor.token, body: { version: 0 } });
    expect(own.status).toBe(200);
    expect(own.body.proposal.office).toBe('bangkok');
  });

  it('accepts all in one transaction: a failure half-way leaves every proposal open and no activity written', async () => {
    const token = http.users.focal.token;
    const { body: batch } = await upload(http.server, token, SEED, SEED_NAME);
    const dated = batch.proposals.filter((p: { date: unknown }) => p.date !== null);
    const poisoned = dated[3];
    await http.server.request('PATCH', `/api/imports/${batch.id}/proposals/${poisoned.position}`, { token, body: { version: poisoned.version, title: 'POISON workshop' } });
    // The database refuses to mark that one accepted, after three others were.
    if (http.dialect === 'sqlite') {
      await sql`create trigger poison before update on import_proposal when new.proposal like '%POISON%' and new.state = 'accepted' begin select raise(abort, 'injected failure'); end`.execute(db(http.server));
    } else {
      await sql`create function poison() returns trigger language plpgsql as $$ begin if new.proposal like '%POISON%' and new.state = 'accepted' then raise exception 'injected failure'; end if; return new; end $$`.execute(db(http.server));
      await sql`create trigger poison before update on import_proposal for each row execute function poison()`.execute(db(http.server));
    }
    const outcome = await http.server.request('POST', `/api/imports/${batch.id}/accept-all`, { token });
    expect(outcome.status).toBe(500);
    expect(await activities(http.server)).toBe(0);
    const after = await http.server.request('GET', `/api/imports/${batch.id}`, { token });
    expect(after.body.proposals.every((p: { state: string; activityId: unknown }) => p.state === 'proposed' && p.activityId === null)).toBe(true);
    expect(after.body.counts.accepted).toBe(0);
  });
});
