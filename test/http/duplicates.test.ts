/**
 * Duplicate warnings (issue 21): a draft checked against the register finds the same meeting
 * recorded by headquarters, with why; the pair is kept apart with a reason, related, or linked
 * into one activity, and the focal points' view lists a period's pairs with their state.
 */
import { expect, it } from 'vitest';
import { seedDemo } from '#src/app.ts';
import { DEMO_DUPLICATE_TITLE } from '#src/duplicates/seed-demo.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';

/** The SG12 regional group's meeting as TSB records it under headquarters. */
const AT_HEADQUARTERS = {
  title: { en: 'ITU-T SG12 Regional Group for Africa (SG12RG-AFR) meeting' },
  kind: 'regional-group-meeting',
  offices: [{ office: 'geneva', role: 'organised' }],
  date: { text: '4 - 6 March 2020' },
  bodies: ['SG12RG-AFR'],
  description: { en: 'Organised by TSB.' },
};

/** The same meeting as the Addis Ababa office writes it. */
const DRAFT = {
  title: { en: 'Meeting of the African Group of SG12' },
  kind: 'regional-group-meeting',
  offices: [{ office: 'addis-ababa', role: 'supported' }],
  date: { text: '4 - 5 March 2020' },
  place: { city: 'Ndjamena', country: 'TD' },
  sectors: ['ITU-T'],
  bodies: ['SG12RG-AFR'],
};

type Reason = { code: string };
type Candidate = { activity: { id: string; offices: Array<{ office: string }>; bureaux: string[] }; reasons: Reason[] };

describeHttp(
  'duplicate warnings',
  { users: { addis: { role: 'editor', office: 'addis-ababa' }, cairo: { role: 'editor', office: 'cairo' }, focal: { role: 'focal-point', bureau: 'TSB' }, reader: { role: 'reader' } } },
  (http) => {
    const check = (token: string, body: object) => http.server.request('POST', '/api/activities/duplicates', { token, body });
    const pairs = (token: string, from = '2020-03-01', to = '2020-03-31') => http.server.request('GET', `/api/duplicates?from=${from}&to=${to}`, { token });

    it("warns an office's editor of the same meeting recorded at headquarters, and says why", async () => {
      const hq = await buildActivity(http.server, AT_HEADQUARTERS);
      const res = await check(http.users.addis.token, DRAFT);
      expect(res.status).toBe(200);
      expect(res.body.comparable).toBe(true);
      const [first] = res.body.candidates as Candidate[];
      expect(first!.activity.id).toBe(hq.id);
      expect(first!.activity.bureaux).toEqual(['TSB']);
      expect(first!.reasons.map((r) => r.code)).toEqual(['overlapping_dates', 'same_body', 'same_country', 'similar_title']);

      // Elsewhere, about something else, a month later, or too vague to compare: nothing.
      const other = await check(http.users.addis.token, { ...DRAFT, title: { en: 'Forum on spectrum management' }, bodies: [], place: { city: 'Cairo', country: 'EG' } });
      expect(other.body.candidates).toEqual([]);
      expect((await check(http.users.addis.token, { ...DRAFT, date: { text: '20 April 2020' } })).body.candidates).toEqual([]);
      expect(await check(http.users.addis.token, { ...DRAFT, date: { text: 'Q1 2020' } }).then((r) => r.body)).toEqual({ comparable: false, candidates: [] });

      // Editing the headquarters entry itself: it is not its own duplicate.
      expect((await check(http.users.focal.token, { ...AT_HEADQUARTERS, id: hq.id })).body.candidates).toEqual([]);
    });

    it('follows the register as it changes: an entry retitled, moved, deleted or restored', async () => {
      const activities = http.server.database.fieldbook.services.activities;
      const system = { kind: 'system', label: 'duplicates test' } as const;
      const hq = await buildActivity(http.server, AT_HEADQUARTERS);
      const found = async () => ((await check(http.users.addis.token, DRAFT)).body.candidates as Candidate[]).map((c) => c.activity.id);
      expect(await found()).toEqual([hq.id]);

      // Another meeting now: another body, another title, elsewhere.
      const retitled = await activities.update(system, hq.id, { version: hq.version, title: { en: 'Forum on spectrum management' }, bodies: [], place: { mode: 'in-person', city: 'Cairo', country: 'EG' } });
      expect(await found()).toEqual([]);
      // Its first title and body back, but a month later.
      const moved = await activities.update(system, hq.id, { version: retitled.version, title: AT_HEADQUARTERS.title, bodies: AT_HEADQUARTERS.bodies, place: null, date: { text: '6 - 8 April 2020' } });
      expect(await found()).toEqual([]);
      const back = await activities.update(system, hq.id, { version: moved.version, date: AT_HEADQUARTERS.date });
      expect(await found()).toEqual([hq.id]);
      // An edit the comparison does not read changes nothing.
      await activities.update(system, hq.id, { version: back.version, status: 'held' });
      expect(await found()).toEqual([hq.id]);

      await activities.remove(system, hq.id);
      expect(await found()).toEqual([]);
      await activities.restore(system, hq.id);
      expect(await found()).toEqual([hq.id]);
    });

    it('finds entries of any length whose days reach the draft, and none that end before', async () => {
      const dated = async (text: string) => (await buildActivity(http.server, { ...AT_HEADQUARTERS, date: { text }, place: { mode: 'in-person', city: 'Ndjamena', country: 'TD' } })).id;
      const reaching = [await dated('5 March 2020'), await dated('24 - 27 February 2020'), await dated('March 2020'), await dated('February - March 2020'), await dated('10 - 12 March 2020')];
      const before = [await dated('10 - 20 February 2020'), await dated('January 2020')];
      const found = ((await check(http.users.addis.token, DRAFT)).body.candidates as Candidate[]).map((c) => c.activity.id);
      expect(found.sort()).toEqual(reaching.sort());
    });

    it('refuses an unreadable draft by field, and anonymous callers', async () => {
      const bad = await check(http.users.addis.token, { ...DRAFT, offices: [{ office: 'atlantis', role: 'organised' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ path: 'body.offices.0.office', code: 'unknown_office' });
      expect((await http.server.request('POST', '/api/activities/duplicates', { body: DRAFT })).status).toBe(401);
    });

    it('keeps the pair apart with the reason saved anyway, and does not raise it again', async () => {
      const hq = await buildActivity(http.server, AT_HEADQUARTERS);
      const created = await http.server.request('POST', '/api/activities', { token: http.users.addis.token, body: DRAFT });
      expect(created.status).toBe(201);
      const open = await pairs(http.users.focal.token);
      expect(open.status).toBe(200);
      expect(open.body.pairs).toHaveLength(1);
      expect(open.body.pairs[0]).toMatchObject({ state: 'open', decision: null });
      expect(open.body.pairs[0].ids.slice().sort()).toEqual([hq.id, created.body.id].sort());

      const decide = (token: string, body: object) => http.server.request('POST', '/api/duplicates/decisions', { token, body });
      const noReason = await decide(http.users.addis.token, { activities: [created.body.id, hq.id], state: 'kept_apart' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0]).toMatchObject({ path: 'body.reason', code: 'required' });
      // Neither activity is Cairo's: its editor may not decide.
      expect((await decide(http.users.cairo.token, { activities: [created.body.id, hq.id], state: 'kept_apart', reason: 'x' })).status).toBe(403);
      const kept = await decide(http.users.addis.token, { activities: [created.body.id, hq.id], state: 'kept_apart', reason: 'Our side meeting, not the group itself' });
      expect(kept.status).toBe(200);
      expect(kept.body).toMatchObject({ state: 'kept_apart', reason: 'Our side meeting, not the group itself', version: 1 });

      expect((await check(http.users.addis.token, { ...DRAFT, id: created.body.id })).body.candidates).toEqual([]);
      const listed = await pairs(http.users.focal.token);
      expect(listed.body.pairs[0]).toMatchObject({ state: 'kept_apart', decision: { reason: 'Our side meeting, not the group itself', decidedBy: http.users.addis.email } });
      // Reopening needs the decision's version.
      expect((await decide(http.users.focal.token, { activities: [hq.id, created.body.id], state: 'open', version: 7 })).status).toBe(409);
      expect((await decide(http.users.focal.token, { activities: [hq.id, created.body.id], state: 'open', version: 1 })).body.state).toBe('open');
      expect((await check(http.users.addis.token, { ...DRAFT, id: created.body.id })).body.candidates).toHaveLength(1);
    });

    it('relates the two by adding the relation to the activity the editor writes', async () => {
      const hq = await buildActivity(http.server, AT_HEADQUARTERS);
      const mine = await buildActivity(http.server, DRAFT);
      const res = await http.server.request('POST', '/api/duplicates/decisions', { token: http.users.addis.token, body: { activities: [hq.id, mine.id], state: 'related', relation: 'part-of' } });
      expect(res.status).toBe(200);
      const after = await http.server.request('GET', `/api/activities/${mine.id}`, { token: http.users.addis.token });
      expect(after.body.related).toEqual([{ activity: hq.id, kind: 'part-of' }]);
      const listed = await pairs(http.users.focal.token);
      expect(listed.body.pairs.map((p: { state: string }) => p.state)).toEqual(['related']);
    });

    it('links the pair into one activity with both offices (focal points), the other deleted and listed as linked', async () => {
      const hq = await buildActivity(http.server, AT_HEADQUARTERS);
      const mine = await buildActivity(http.server, DRAFT);
      // An editor of one office cannot delete headquarters' entry.
      expect((await http.server.request('POST', '/api/duplicates/links', { token: http.users.addis.token, body: { keep: mine.id, merge: hq.id } })).status).toBe(403);
      const linked = await http.server.request('POST', '/api/duplicates/links', { token: http.users.focal.token, body: { keep: hq.id, merge: mine.id } });
      expect(linked.status).toBe(200);
      expect(linked.body.state).toBe('linked');
      const kept = await http.server.request('GET', `/api/activities/${hq.id}`, { token: http.users.focal.token });
      expect(kept.body.offices).toEqual([{ office: 'geneva', role: 'organised' }, { office: 'addis-ababa', role: 'supported' }]);
      expect((await http.server.request('GET', `/api/activities/${mine.id}`, { token: http.users.focal.token })).body.deletedAt).not.toBeNull();
      const listed = await pairs(http.users.focal.token);
      expect(listed.body.pairs).toHaveLength(1);
      expect(listed.body.pairs[0].state).toBe('linked');
      expect(listed.body.pairs[0].activities.filter((a: unknown) => a === null)).toHaveLength(1);
    });

    it('shows the coordination view to focal points only, and checks its period', async () => {
      expect((await pairs(http.users.reader.token)).status).toBe(403);
      expect((await pairs(http.users.addis.token)).status).toBe(403);
      expect((await pairs(http.users.focal.token, '2020-03-31', '2020-03-01')).status).toBe(400);
      expect((await pairs(http.users.focal.token, '2020-01-01', '2021-06-01')).status).toBe(400);
    });

    it("shows the demo's office and headquarters pair waiting for a decision", async () => {
      await seedDemo(http.server.database.fieldbook);
      const listed = await pairs(http.users.focal.token, '2020-01-01', '2020-12-31');
      expect(listed.status).toBe(200);
      const atHq = listed.body.pairs.filter((p: { activities: Array<{ title: { en?: string } } | null> }) => p.activities.some((a) => a?.title.en === DEMO_DUPLICATE_TITLE));
      expect(atHq).toHaveLength(1);
      expect(atHq[0].state).toBe('open');
      const offices = atHq[0].activities.flatMap((a: { offices: Array<{ office: string }> }) => a.offices.map((o) => o.office));
      expect(offices).toEqual(expect.arrayContaining(['geneva', 'addis-ababa']));
    });
  },
);
