/**
 * The reporting cycle over HTTP: a focal point opens a round, an office drafts its contribution
 * from the register, submits, is asked for changes on an item, resubmits and is accepted; the
 * accepted text stays as it was when the register changes later. Every refusal has its code.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const ROUND = { sector: 'ITU-T', meeting: 'TSAG, 28 Sep – 2 Oct 2020', from: '2020-01-01', to: '2020-08-31', due: '2020-09-15', offices: ['addis-ababa', 'cairo'] };
const CONTRIBUTION = '/api/rounds/tsag-2020/contributions/addis-ababa';

describeHttp(
  'reporting rounds',
  {
    users: {
      focal: { role: 'focal-point', bureau: 'TSB' },
      otherFocal: { role: 'focal-point', bureau: 'BDT' },
      editor: { role: 'editor', office: 'addis-ababa' },
      cairoEditor: { role: 'editor', office: 'cairo' },
      reader: { role: 'reader' },
      admin: { role: 'admin' },
    },
    data: async (server: TestServer) => ({
      // 2 – 3 March 2020, addis-ababa, ITU-T: in the period.
      workshop: await buildActivity(server),
      // Another office's activity: never the addis-ababa contribution's business.
      cairo: await buildActivity(server, { title: { en: 'Cairo forum' }, description: { en: 'A forum was held in Cairo.' }, offices: [{ office: 'cairo', role: 'organised' }] }),
    }),
  },
  (http) => {
    const as = (user: keyof typeof http.users) => http.users[user].token;
    const open = () => http.server.request('POST', '/api/rounds', { token: as('focal'), body: ROUND });

    it('runs the cycle: draft from the register, submit, changes asked on an item, resubmit, accept; the accepted text is frozen', async () => {
      const opened = await open();
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ code: 'tsag-2020', state: 'open', advisoryGroup: 'TSAG', counts: { asked: 2, notStarted: 2 } });
      expect(opened.body.offices.map((o: { code: string }) => o.code)).toEqual(['addis-ababa', 'cairo']);
      // The cover is the round's report definition, edited through the reports API.
      const cover = await http.server.request('PATCH', `/api/reports/${opened.body.reportId}`, { token: as('focal'), body: { version: 1, header: { documentNumber: 'TD 120' } } });
      expect(cover.status).toBe(200);

      const before = await http.server.request('GET', CONTRIBUTION, { token: as('editor') });
      expect(before.body).toMatchObject({ state: 'not_started', content: null, late: true });
      expect(before.body.omissions.map((a: { id: string }) => a.id)).toEqual([http.data.workshop.id]);

      const started = await http.server.request('POST', `${CONTRIBUTION}/start`, { token: as('editor') });
      expect(started.status).toBe(200);
      expect(started.body.state).toBe('draft');
      const [lead, list] = started.body.content.blocks;
      expect(lead.text).toMatch(/^During the January – August 2020 timeframe, the Regional Office for Africa participated/);
      expect(list.items).toEqual([{ id: 'item-1', text: 'A workshop was successfully organized on "Quality of Service", 2 - 3 March 2020.', activities: [expect.objectContaining({ id: http.data.workshop.id })] }]);
      expect(started.body.omissions).toEqual([]);

      const edited = { ...started.body.content, blocks: [lead, { ...list, items: [{ ...list.items[0], text: 'ROA supported a workshop on Quality of Service in Ndjamena, Chad, 2 - 3 March 2020.' }] }] };
      const saved = await http.server.request('PUT', `${CONTRIBUTION}/content`, { token: as('editor'), body: { version: started.body.version, content: edited } });
      expect(saved.status).toBe(200);
      const submitted = await http.server.request('POST', `${CONTRIBUTION}/submit`, { token: as('editor'), body: { version: saved.body.version } });
      expect(submitted.body).toMatchObject({ state: 'submitted', late: false });

      // Submitted: the office's text waits for the review.
      const editLate = await http.server.request('PUT', `${CONTRIBUTION}/content`, { token: as('editor'), body: { version: submitted.body.version, content: edited } });
      expect(editLate.status).toBe(409);
      expect(editLate.body).toMatchObject({ code: 'contribution_state', current: { state: 'submitted', version: submitted.body.version } });

      const comment = await http.server.request('POST', `${CONTRIBUTION}/comments`, { token: as('focal'), body: { itemId: 'item-1', text: 'Name the organiser, please.' } });
      expect(comment.status).toBe(201);
      const asked = await http.server.request('POST', `${CONTRIBUTION}/request-changes`, { token: as('focal'), body: { version: submitted.body.version, comment: 'See the comment on item 1.' } });
      expect(asked.body.state).toBe('changes_requested');
      expect(asked.body.comments).toEqual([expect.objectContaining({ itemId: 'item-1', text: 'Name the organiser, please.', resolvedAt: null })]);
      const mine = await http.server.request('GET', '/api/me/contributions', { token: as('editor') });
      expect(mine.body.data).toEqual([expect.objectContaining({ office: 'addis-ababa', state: 'changes_requested', latestComments: [expect.objectContaining({ text: 'Name the organiser, please.' })] })]);

      const answer = { ...edited, blocks: [lead, { ...list, items: [{ ...list.items[0], text: 'ROA supported a workshop organized by ITU-T SG12 on Quality of Service, 2 - 3 March 2020.' }] }] };
      const redrafted = await http.server.request('PUT', `${CONTRIBUTION}/content`, { token: as('editor'), body: { version: asked.body.version, content: answer } });
      expect(redrafted.body.state).toBe('draft');
      const resolved = await http.server.request('POST', `${CONTRIBUTION}/comments/${comment.body.id}/resolve`, { token: as('editor') });
      expect(resolved.body.resolvedAt).not.toBeNull();
      const resubmitted = await http.server.request('POST', `${CONTRIBUTION}/submit`, { token: as('editor'), body: { version: redrafted.body.version } });
      const accepted = await http.server.request('POST', `${CONTRIBUTION}/accept`, { token: as('focal'), body: { version: resubmitted.body.version } });
      expect(accepted.body.state).toBe('accepted');
      expect(accepted.body.accepted).toMatchObject({ version: accepted.body.version, content: answer });
      expect(accepted.body.history.map((t: { from: string; to: string }) => `${t.from}→${t.to}`)).toEqual([
        'not_started→draft',
        'draft→submitted',
        'submitted→changes_requested',
        'changes_requested→draft',
        'draft→submitted',
        'submitted→accepted',
      ]);
      expect(accepted.body.history[2].comment).toBe('See the comment on item 1.');

      // The register changes afterwards: the item is flagged, the accepted text is not touched.
      const moved = await http.server.request('PATCH', `/api/activities/${http.data.workshop.id}`, { token: as('admin'), body: { version: 1, status: 'postponed' } });
      expect(moved.status).toBe(200);
      const after = await http.server.request('GET', CONTRIBUTION, { token: as('reader') });
      expect(after.body.changed).toEqual([expect.objectContaining({ itemId: 'item-1', activityId: http.data.workshop.id, fields: ['status'], before: expect.objectContaining({ status: 'held' }), now: expect.objectContaining({ status: 'postponed' }) })]);
      expect(after.body.accepted).toEqual(accepted.body.accepted);
      expect(after.body.version).toBe(accepted.body.version);

      // The report prints the accepted snapshot; with cairo not accepted, only as a marked draft.
      const incomplete = await http.server.request('GET', '/api/rounds/tsag-2020/report.md', { token: as('reader') });
      expect(incomplete.status).toBe(409);
      expect(incomplete.body).toMatchObject({ code: 'round_incomplete', detail: expect.stringContaining('cairo') });
      const draft = await http.server.request('GET', '/api/rounds/tsag-2020/report.md?draft=true', { token: as('reader') });
      expect(draft.status).toBe(200);
      expect(draft.text).toContain('DRAFT');
      expect(draft.text).toContain('ROA supported a workshop organized by ITU-T SG12 on Quality of Service');
      const preview = await http.server.request('POST', `${CONTRIBUTION}/preview`, { token: as('editor'), body: { content: answer } });
      expect(preview.headers.get('content-type')).toMatch(/^text\/html/);
      expect(preview.text).toMatch(/<ol[^>]*>\s*<li>.*ROA supported a workshop organized by ITU-T SG12/s);

      const board = await http.server.request('GET', '/api/rounds/tsag-2020/board', { token: as('reader') });
      expect(board.body.round.counts).toEqual({ asked: 2, notStarted: 1, draft: 0, submitted: 0, changesRequested: 0, accepted: 1, late: 1 });
      expect(board.body.contributions).toEqual([
        expect.objectContaining({ office: 'addis-ababa', officeName: 'Regional Office for Africa', state: 'accepted', items: 1, linkedActivities: 1, omissions: 0, late: false, lastChange: expect.objectContaining({ state: 'accepted' }) }),
        expect.objectContaining({ office: 'cairo', state: 'not_started', items: 0, omissions: 1, late: true, lastChange: null }),
      ]);
    });

    it('refuses, naming why: empty submit, accepting a draft, a stale version, a closed round', async () => {
      await open();
      const started = await http.server.request('POST', `${CONTRIBUTION}/start`, { token: as('editor') });
      const emptied = await http.server.request('PUT', `${CONTRIBUTION}/content`, { token: as('editor'), body: { version: started.body.version, content: { language: 'en', blocks: [] } } });
      const empty = await http.server.request('POST', `${CONTRIBUTION}/submit`, { token: as('editor'), body: { version: emptied.body.version } });
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('contribution_empty');

      const acceptDraft = await http.server.request('POST', `${CONTRIBUTION}/accept`, { token: as('focal'), body: { version: emptied.body.version } });
      expect(acceptDraft.status).toBe(409);
      expect(acceptDraft.body).toMatchObject({ code: 'contribution_state', current: { state: 'draft' } });
      expect(acceptDraft.body.detail).toMatch(/draft/);

      // What the office wrote is kept; a save from an older version is refused with the current text.
      const stale = await http.server.request('PUT', `${CONTRIBUTION}/content`, { token: as('editor'), body: { version: started.body.version, content: started.body.content } });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { version: emptied.body.version, content: { blocks: [] } } });

      const twice = await http.server.request('PUT', `${CONTRIBUTION}/content`, {
        token: as('editor'),
        body: { version: emptied.body.version, content: { language: 'en', blocks: [{ id: 'a', kind: 'paragraph', text: 'x', activities: [] }, { id: 'a', kind: 'list', items: [] }] } },
      });
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([expect.objectContaining({ code: 'given_twice', params: { value: 'a' } })]);

      const unknownItem = await http.server.request('POST', `${CONTRIBUTION}/comments`, { token: as('focal'), body: { itemId: 'no-such-item', text: 'Where?' } });
      expect(unknownItem.status).toBe(400);
      expect(unknownItem.body.errors).toEqual([expect.objectContaining({ path: 'body.itemId', code: 'unknown_item' })]);
      // An office that has started stays asked; one that has not can be taken off.
      const started1 = await http.server.request('GET', '/api/rounds/tsag-2020', { token: as('focal') });
      const takeOff = await http.server.request('PATCH', '/api/rounds/tsag-2020', { token: as('focal'), body: { version: started1.body.version, offices: ['cairo'] } });
      expect(takeOff.status).toBe(400);
      expect(takeOff.body.errors).toEqual([expect.objectContaining({ code: 'office_has_contribution', params: { value: 'addis-ababa' } })]);
      const narrowed = await http.server.request('PATCH', '/api/rounds/tsag-2020', { token: as('focal'), body: { version: started1.body.version, offices: ['addis-ababa'] } });
      expect(narrowed.body.offices.map((o: { code: string }) => o.code)).toEqual(['addis-ababa']);

      const round = await http.server.request('GET', '/api/rounds/tsag-2020', { token: as('focal') });
      const closed = await http.server.request('POST', '/api/rounds/tsag-2020/close', { token: as('focal'), body: { version: round.body.version } });
      expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
      const inClosed = await http.server.request('PUT', `${CONTRIBUTION}/content`, { token: as('editor'), body: { version: emptied.body.version, content: started.body.content } });
      expect(inClosed.status).toBe(409);
      expect(inClosed.body.code).toBe('round_closed');
      const staleRound = await http.server.request('PATCH', '/api/rounds/tsag-2020', { token: as('focal'), body: { version: round.body.version, meeting: 'TSAG' } });
      expect(staleRound.status).toBe(409);
    });

    it('lets only the office write its contribution, only the bureau review it, and nobody unsigned see a round', async () => {
      await open();
      expect((await http.server.request('GET', '/api/rounds')).status).toBe(401);
      expect((await http.server.request('GET', CONTRIBUTION)).status).toBe(401);
      expect((await http.server.request('POST', `${CONTRIBUTION}/start`, { token: as('cairoEditor') })).status).toBe(403);
      expect((await http.server.request('POST', `${CONTRIBUTION}/start`, { token: as('focal') })).status).toBe(403);
      const started = await http.server.request('POST', `${CONTRIBUTION}/start`, { token: as('editor') });
      const submitted = await http.server.request('POST', `${CONTRIBUTION}/submit`, { token: as('editor'), body: { version: started.body.version } });
      expect((await http.server.request('POST', `${CONTRIBUTION}/accept`, { token: as('otherFocal'), body: { version: submitted.body.version } })).status).toBe(403);
      expect((await http.server.request('POST', `${CONTRIBUTION}/accept`, { token: as('editor'), body: { version: submitted.body.version } })).status).toBe(403);
      expect((await http.server.request('POST', '/api/rounds', { token: as('otherFocal'), body: { ...ROUND, code: 'bdt-try' } })).status).toBe(403);
      expect((await http.server.request('GET', '/api/rounds/tsag-2020/contributions/dakar', { token: as('reader') })).status).toBe(404);
      expect((await http.server.request('POST', `${CONTRIBUTION}/accept`, { token: as('admin'), body: { version: submitted.body.version } })).body.state).toBe('accepted');
    });

    it('copies a round: same offices and reviewers, cover copied, dates a year on, the next code', async () => {
      const first = await open();
      await http.server.request('PATCH', `/api/reports/${first.body.reportId}`, { token: as('focal'), body: { version: 1, header: { keywords: 'regional presence', documentNumber: 'TD 120' } } });
      const copy = await http.server.request('POST', '/api/rounds', { token: as('focal'), body: { copyFrom: 'tsag-2020' } });
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({ code: 'tsag-2021', from: '2021-01-01', to: '2021-08-31', due: '2021-09-15', meeting: ROUND.meeting, counts: { asked: 2 } });
      expect(copy.body.reviewers).toEqual(first.body.reviewers);
      const cover = await http.server.request('GET', `/api/reports/${copy.body.reportId}`, { token: as('reader') });
      expect(cover.body.header).toMatchObject({ keywords: 'regional presence', documentNumber: null });
      const taken = await http.server.request('POST', '/api/rounds', { token: as('focal'), body: { ...ROUND, code: 'tsag-2020' } });
      expect(taken.status).toBe(400);
      expect(taken.body.errors).toEqual([expect.objectContaining({ path: 'body.code', code: 'code_taken' })]);
      const list = await http.server.request('GET', '/api/rounds', { token: as('reader') });
      expect(list.body.data.map((r: { code: string }) => r.code)).toEqual(['tsag-2021', 'tsag-2020']);
    });

    it('gives a code to one of the rounds opened with it at the same moment, and tells the others it is taken', async () => {
      const body = { ...ROUND, code: 'tsag-race' };
      const answers = await Promise.all([1, 2, 3].map(() => http.server.request('POST', '/api/rounds', { token: as('focal'), body })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
      for (const refused of answers.filter((a) => a.status === 400)) expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'body.code', code: 'code_taken' })]);
    });

    it('offers the office its activities with no date yet that were recorded during the period, never leaving them out', async () => {
      const year = new Date().toISOString().slice(0, 4);
      const undated = await buildActivity(http.server, { title: { en: 'Project document on smart cities' }, description: { en: 'A project document on smart cities, with no date yet.' }, date: { text: 'to be decided' }, status: 'planned' });
      expect(undated.date.precision).toBe('undated');
      const current = await http.server.request('POST', '/api/rounds', {
        token: as('focal'),
        body: { ...ROUND, code: `tsag-${year}`, from: `${year}-01-01`, to: `${year}-12-31`, due: `${year}-12-31` },
      });
      expect(current.status).toBe(201);
      const contribution = await http.server.request('GET', `/api/rounds/tsag-${year}/contributions/addis-ababa`, { token: as('editor') });
      expect(contribution.body.offered.map((a: { id: string }) => a.id)).toEqual([undated.id]);
      // Not in the period of 2020: it was recorded now.
      await open();
      const earlier = await http.server.request('GET', CONTRIBUTION, { token: as('editor') });
      expect(earlier.body.offered).toEqual([]);
    });
  },
);
