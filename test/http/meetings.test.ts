/**
 * Coordination meetings over real HTTP on both databases: a focal point's series invites everyone
 * taking part with iCalendar invitations a calendar parser accepts (a real SMTP server in the test
 * process receives them); moving or cancelling one occurrence updates or cancels it in the
 * calendars and leaves the rest; the agenda is drafted from the register and carries the open
 * action items; the minutes are approved by the chair and frozen; the office's editors keep their
 * attendance and action items; owners are reminded once.
 */
import ICAL from 'ical.js';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { seedDemo } from '#src/app.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import { startTestSmtp, type ReceivedMail } from '../support/smtp.ts';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
beforeEach(() => smtp.reset());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function calendarOf(mail: ReceivedMail | undefined) {
  if (!mail?.calendar) throw new Error(`no calendar part in "${mail?.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar.content));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), uid: event.getFirstPropertyValue('uid'), sequence: event.getFirstPropertyValue('sequence'), status: event.getFirstPropertyValue('status'), start: String(event.getFirstPropertyValue('dtstart')) };
}

const SERIES = { bureau: 'TSB', kind: 'regular-call', title: 'TSB call with the Regional Office for Africa', offices: ['addis-ababa'], timeZone: 'Europe/Zurich', onlineUrl: 'https://meet.example.org/tsb-afr' };

describeHttp(
  'coordination meetings',
  {
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Fieldbook <noreply@fieldbook.example>', MAIL_POLL_SECONDS: '0.05', PUBLIC_URL: 'https://fieldbook.example' },
    users: {
      focal: { role: 'focal-point', bureau: 'TSB' },
      otherFocal: { role: 'focal-point', bureau: 'BDT' },
      editor: { role: 'editor', office: 'addis-ababa' },
      cairo: { role: 'editor', office: 'cairo' },
      reader: { role: 'reader' },
    },
  },
  (http) => {
    it('invites by iCalendar, and moves or cancels one occurrence in the calendars without touching the other', async () => {
      const { focal, editor, otherFocal } = http.users;
      const refused = await http.server.request('POST', '/api/meetings/series', { token: otherFocal.token, body: { ...SERIES, rule: 'FREQ=WEEKLY;COUNT=2', startsLocal: `${day(7)}T14:00` } });
      expect(refused.status).toBe(403);
      const bad = await http.server.request('POST', '/api/meetings/series', { token: focal.token, body: { ...SERIES, rule: 'EVERY TUESDAY', startsLocal: `${day(7)}T14:00`, timeZone: 'Geneva' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((i: { path: string }) => i.path).sort()).toEqual(['body.rule', 'body.timeZone']);

      const created = await http.server.request('POST', '/api/meetings/series', { token: focal.token, body: { ...SERIES, code: 'tsb-afr', rule: 'FREQ=WEEKLY;COUNT=2', startsLocal: `${day(7)}T14:00` } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'tsb-afr', chairLabel: expect.any(String), offices: [{ code: 'addis-ababa', name: 'Regional Office for Africa' }] });
      const invitations = await smtp.waitFor(4);
      expect(invitations.map((m) => m.to[0]).sort()).toEqual([editor.email, editor.email, focal.email, focal.email].sort());
      const parsed = invitations.map(calendarOf);
      expect(parsed.map((c) => `${String(c.method)} ${String(c.sequence)}`)).toEqual(Array(4).fill('REQUEST 0'));
      expect(new Set(parsed.map((c) => c.uid)).size).toBe(2);

      const list = await http.server.request('GET', '/api/meetings/series/tsb-afr/occurrences', { token: editor.token });
      expect(list.body.data).toHaveLength(2);
      const [first, second] = list.body.data as Array<{ id: string; startAt: string }>;
      // 14:00 in Geneva whatever the season: 12:00 or 13:00 UTC.
      expect(first?.startAt).toMatch(/T1[23]:00:00\.000Z$/);
      const firstUid = parsed.find((c) => c.start === first?.startAt.replace('.000', ''))?.uid;

      const one = await http.server.request('GET', `/api/meetings/occurrences/${first?.id}`, { token: focal.token });
      const later = new Date(Date.parse(first?.startAt ?? '') + 3_600_000).toISOString();
      expect((await http.server.request('POST', `/api/meetings/occurrences/${first?.id}/move`, { token: editor.token, body: { version: one.body.version, startAt: later } })).status).toBe(403);
      const moved = await http.server.request('POST', `/api/meetings/occurrences/${first?.id}/move`, { token: focal.token, body: { version: one.body.version, startAt: later } });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ moved: true, sequence: 1, startAt: later });
      const updates = (await smtp.waitFor(6)).slice(4).map(calendarOf);
      expect(updates.map((c) => `${c.method} ${c.sequence} ${c.uid === firstUid}`)).toEqual(['REQUEST 1 true', 'REQUEST 1 true']);

      const two = await http.server.request('GET', `/api/meetings/occurrences/${second?.id}`, { token: focal.token });
      const cancelled = await http.server.request('POST', `/api/meetings/occurrences/${second?.id}/cancel`, { token: focal.token, body: { version: two.body.version } });
      expect(cancelled.body.state).toBe('cancelled');
      const cancels = (await smtp.waitFor(8)).slice(6).map(calendarOf);
      expect(cancels.map((c) => `${c.method} ${c.status}`)).toEqual(['CANCEL CANCELLED', 'CANCEL CANCELLED']);
      const after = await http.server.request('GET', '/api/meetings/series/tsb-afr/occurrences', { token: editor.token });
      expect(after.body.data.map((o: { state: string; moved: boolean }) => `${o.state} ${o.moved}`)).toEqual(['scheduled true', 'cancelled false']);
    });

    it('changes a series\' recurrence: the meetings to come follow the new rule, the ones it drops are cancelled; a stale or bad change is refused; action items link what exists', async () => {
      const { focal, otherFocal } = http.users;
      const created = await http.server.request('POST', '/api/meetings/series', { token: focal.token, body: { ...SERIES, code: 'tsb-weekly', rule: 'FREQ=WEEKLY;COUNT=3', startsLocal: `${day(2)}T14:00` } });
      const change = (token: string, body: object) => http.server.request('PATCH', '/api/meetings/series/tsb-weekly', { token, body });
      const monthly = { rule: 'FREQ=MONTHLY;BYDAY=1TU', startsLocal: `${day(2)}T15:00`, kind: 'monthly-review', room: 'Popov room' };
      expect((await change(otherFocal.token, { version: created.body.version, ...monthly })).status).toBe(403);
      const bad = await change(focal.token, { version: created.body.version, rule: 'EVERY TUESDAY', timeZone: 'Geneva' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((i: { path: string }) => i.path).sort()).toEqual(['body.rule', 'body.timeZone']);
      const changed = await change(focal.token, { version: created.body.version, ...monthly });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ rule: 'FREQ=MONTHLY;BYDAY=1TU', kind: 'monthly-review', room: 'Popov room', version: created.body.version + 1 });
      expect((await change(focal.token, { version: created.body.version, durationMinutes: 30 })).status).toBe(409);

      const occurrences = (await http.server.request('GET', '/api/meetings/series/tsb-weekly/occurrences', { token: focal.token })).body.data as Array<{ startAt: string; state: string }>;
      expect(occurrences.filter((o) => o.state === 'cancelled')).toHaveLength(3);
      const scheduled = occurrences.filter((o) => o.state === 'scheduled');
      expect(scheduled.length).toBeGreaterThan(3);
      // Each on the first Tuesday of its month, 15:00 in Geneva (13:00 or 14:00 UTC).
      for (const o of scheduled) {
        const start = new Date(o.startAt);
        expect([start.getUTCDay(), start.getUTCDate() <= 7, start.getUTCHours() === 13 || start.getUTCHours() === 14]).toEqual([2, true, true]);
      }

      // An action item links activities of the register and contributions of a round: ones that are not there are refused, by field.
      const activity = await buildActivity(http.server);
      const next = (scheduled[0] as unknown as { id: string }).id;
      const action = (links: object[]) => http.server.request('POST', `/api/meetings/occurrences/${next}/actions`, { token: focal.token, body: { text: 'Report on the workshop', ownerOffice: 'addis-ababa', due: day(40), links } });
      const unknown = await action([{ kind: 'activity', id: activity.id }, { kind: 'activity', id: '01a251a4-cd95-7000-b95d-ef3009426c91' }, { kind: 'contribution', round: 'tsag-2099', office: 'addis-ababa' }]);
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual(['body.links.1.id unknown_activity', 'body.links.2.round unknown_round']);
      const made = await action([{ kind: 'activity', id: activity.id }]);
      expect(made.body.links).toEqual([{ kind: 'activity', id: activity.id }]);
      // The owner's editor changes its links (and its status), nothing else.
      const relinked = await http.server.request('PATCH', `/api/meetings/actions/${made.body.id}`, { token: http.users.editor.token, body: { version: made.body.version, links: [] } });
      expect([relinked.status, relinked.body.links]).toEqual([200, []]);
    });

    it('drafts the agenda from the register and the open action items; minutes are approved by the chair and frozen; owners keep their items', async () => {
      const { focal, editor, cairo, reader } = http.users;
      await buildActivity(http.server);
      await buildActivity(http.server, { title: { en: 'ATU WTSA-20 Preparatory Meeting' }, status: 'planned', date: { text: day(30) }, kind: 'preparatory-meeting' });
      const created = await http.server.request('POST', '/api/meetings/series', { token: focal.token, body: { ...SERIES, code: 'tsb-review', kind: 'monthly-review', rule: 'FREQ=WEEKLY;COUNT=4', startsLocal: `${day(-15)}T14:00` } });
      expect(created.status).toBe(201);
      const occurrences = (await http.server.request('GET', '/api/meetings/series/tsb-review/occurrences', { token: reader.token })).body.data as Array<{ id: string; startAt: string }>;
      expect(occurrences).toHaveLength(4);
      const [, held, , next] = occurrences;

      // The minutes of a past meeting, an action item raised there, attendance.
      let meeting = (await http.server.request('GET', `/api/meetings/occurrences/${held?.id}`, { token: focal.token })).body;
      const minutes = { items: [{ agendaItemId: null, title: 'Preparation of WTSA-20', notes: 'The Interregional meeting for preparation of WTSA-20 was reported.', decisions: ['Offices record every preparatory meeting.'] }] };
      expect((await http.server.request('PUT', `/api/meetings/occurrences/${held?.id}/minutes`, { token: editor.token, body: { version: meeting.version, minutes } })).status).toBe(403);
      meeting = (await http.server.request('PUT', `/api/meetings/occurrences/${held?.id}/minutes`, { token: focal.token, body: { version: meeting.version, minutes } })).body;
      expect(meeting.minutesState).toBe('draft');
      const raised = await http.server.request('POST', `/api/meetings/occurrences/${held?.id}/actions`, { token: focal.token, body: { text: 'Share the African Common Proposals with TSB', ownerOffice: 'addis-ababa', due: day(2) } });
      expect(raised.status).toBe(201);
      expect((await http.server.request('PUT', `/api/meetings/occurrences/${held?.id}/attendance/addis-ababa`, { token: editor.token, body: { state: 'present' } })).status).toBe(200);
      expect((await http.server.request('PUT', `/api/meetings/occurrences/${held?.id}/attendance/addis-ababa`, { token: cairo.token, body: { state: 'absent' } })).status).toBe(403);
      meeting = (await http.server.request('GET', `/api/meetings/occurrences/${held?.id}`, { token: focal.token })).body;
      const approved = await http.server.request('POST', `/api/meetings/occurrences/${held?.id}/minutes/approve`, { token: focal.token, body: { version: meeting.version } });
      expect(approved.body).toMatchObject({ minutesState: 'approved', attendance: [{ office: 'addis-ababa', state: 'present' }] });
      expect(approved.body.minutesHistory.map((h: { state: string }) => h.state)).toEqual(['draft', 'approved']);
      const frozen = await http.server.request('PUT', `/api/meetings/occurrences/${held?.id}/minutes`, { token: focal.token, body: { version: approved.body.version, minutes } });
      expect(frozen.status).toBe(409);
      expect(frozen.body.code).toBe('minutes_frozen');

      const html = await http.server.request('GET', `/api/meetings/occurrences/${held?.id}/minutes.html`, { token: reader.token });
      expect(html.text).toContain('The Interregional meeting for preparation of WTSA-20 was reported.');
      expect(html.text).toContain('Share the African Common Proposals with TSB');
      const docx = await fetch(`${http.server.url}/api/meetings/occurrences/${held?.id}/minutes.docx`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      const pdf = await fetch(`${http.server.url}/api/meetings/occurrences/${held?.id}/minutes.pdf?lang=ar`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

      // The next meeting's agenda: what the office recorded and plans, and the open item.
      const upcoming = (await http.server.request('GET', `/api/meetings/occurrences/${next?.id}`, { token: focal.token })).body;
      const drafted = await http.server.request('POST', `/api/meetings/occurrences/${next?.id}/agenda/draft`, { token: focal.token, body: { version: upcoming.version, chairItems: ['Preparation of TSAG'] } });
      expect(drafted.status).toBe(200);
      const office = drafted.body.agenda.items.find((i: { id: string }) => i.id === 'office:addis-ababa');
      expect(drafted.body.agenda.items[0]).toMatchObject({ id: 'chair:1', title: 'Preparation of TSAG' });
      expect(office.points).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Held: Workshop on Quality of Service/),
          expect.stringMatching(/^Coming: ATU WTSA-20 Preparatory Meeting/),
          `Action item: Share the African Common Proposals with TSB (owner: Regional Office for Africa, due ${day(2)})`,
        ]),
      );
      expect(drafted.body.carried.map((a: { text: string }) => a.text)).toEqual(['Share the African Common Proposals with TSB']);

      // Reminded once, to the owner office's editors.
      const { meetings } = http.server.database.fieldbook.services;
      await meetings.remind();
      await meetings.remind();
      const isReminder = (m: ReceivedMail) => m.subject.startsWith('Action item due');
      for (let waited = 0; !smtp.received.some(isReminder) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.received.filter(isReminder).map((m) => m.to[0])).toEqual([editor.email]);

      // On "My office": the editor sees and closes it, but does not rewrite it; readers read only.
      const mine = await http.server.request('GET', '/api/meetings/actions', { token: editor.token });
      expect(mine.body.data).toMatchObject([{ text: 'Share the African Common Proposals with TSB', status: 'open', canEdit: true, seriesCode: 'tsb-review' }]);
      const item = mine.body.data[0];
      expect((await http.server.request('PATCH', `/api/meetings/actions/${item.id}`, { token: editor.token, body: { version: item.version, text: 'Something else' } })).status).toBe(403);
      expect((await http.server.request('PATCH', `/api/meetings/actions/${item.id}`, { token: reader.token, body: { version: item.version, status: 'done' } })).status).toBe(403);
      expect((await http.server.request('PATCH', `/api/meetings/actions/${item.id}`, { token: cairo.token, body: { version: item.version, status: 'done' } })).status).toBe(403);
      const done = await http.server.request('PATCH', `/api/meetings/actions/${item.id}`, { token: editor.token, body: { version: item.version, status: 'done' } });
      expect(done.body).toMatchObject({ status: 'done', closedAt: expect.any(String) });
      const redrafted = await http.server.request('GET', `/api/meetings/occurrences/${next?.id}`, { token: editor.token });
      expect(redrafted.body.carried).toEqual([]);

      expect((await http.server.request('GET', '/api/meetings/series')).status).toBe(401);
    });

    it('loads the demo: the TSB monthly review with approved minutes of the seed, open action items, the next meeting drafted, the director briefing of July 2020; the office\'s outreach and a nomination', async () => {
      await seedDemo(http.server.database.fieldbook);
      const token = http.users.reader.token;
      const series = await http.server.request('GET', '/api/meetings/series/tsb-monthly-review', { token });
      expect(series.body).toMatchObject({ bureau: 'TSB', kind: 'monthly-review', rule: 'FREQ=MONTHLY;BYDAY=1TU', timeZone: 'Europe/Zurich' });
      const past = (await http.server.request('GET', '/api/meetings/occurrences?when=past', { token })).body.data.filter((o: { minutesState: string }) => o.minutesState === 'approved');
      expect(past).toHaveLength(1);
      const minutes = await http.server.request('GET', `/api/meetings/occurrences/${past[0].id}`, { token });
      const text = JSON.stringify(minutes.body.minutes);
      expect(text).toContain('Interregional meeting for preparation of WTSA-20');
      expect(text).toContain('demonstration of the new ITU MyMeeting tool');
      expect(minutes.body.actionItems.filter((a: { status: string }) => a.status === 'open')).toHaveLength(3);
      const next = await http.server.request('GET', `/api/meetings/occurrences/${series.body.nextOccurrence.id}`, { token });
      expect(next.body.agenda.items.length).toBeGreaterThan(6);
      expect(next.body.carried).toHaveLength(3);

      // And the TSB Director's briefing of that month: the meeting held, its open action items, addressed to the demo account.
      const briefings = await http.server.request('GET', '/api/briefings?bureau=TSB', { token });
      expect(briefings.body.data).toMatchObject([{ period: '2020-07', state: 'draft', director: 'Chaesub Lee', totals: { meetings: 1, openActions: 3 } }]);
      const briefing = await http.server.request('GET', `/api/briefings/${briefings.body.data[0].id}`, { token });
      expect(briefing.body).toMatchObject({ delivery: 'ready', directorAddress: 'tsb-director@example.org' });

      // The Regional Office for Africa's outreach for TSAG's positions at WTSA-20, and a nomination that followed: demo records, said so.
      const outreach = (await http.server.request('GET', '/api/outreach?office=addis-ababa', { token })).body.data;
      expect(outreach.map((o: { country: string; kind: string; body: string; studyPeriod: string }) => `${o.country} ${o.kind} ${o.body} ${o.studyPeriod}`).sort()).toEqual([
        'NG encouraged-to-nominate TSAG 2022-2024',
        'TD encouraged-to-nominate TSAG 2022-2024',
      ]);
      expect(outreach.every((o: { note: string }) => o.note.startsWith('Demo record.'))).toBe(true);
      const consultation = await http.server.request('GET', `/api/activities/${outreach[0].activity}`, { token });
      expect(consultation.body).toMatchObject({ kind: 'consultation', visibility: 'internal', offices: [{ office: 'addis-ababa', role: 'organised' }] });
      const nominations = (await http.server.request('GET', '/api/nominations?office=addis-ababa', { token })).body.data;
      expect(nominations).toEqual([expect.objectContaining({ country: 'NG', state: 'proposed', outreach: outreach.find((o: { country: string }) => o.country === 'NG').id, candidate: expect.stringMatching(/^Demo candidate/) })]);
      const overview = (await http.server.request('GET', '/api/vacancies/overview?period=2022-2024&region=AFR', { token })).body;
      expect(overview.regions[0].countries.find((c: { country: string }) => c.country === 'NG')).toMatchObject({ encouraged: 1, nominations: 1 });
      // Loaded twice, the demo records them once.
      await seedDemo(http.server.database.fieldbook);
      expect((await http.server.request('GET', '/api/outreach?office=addis-ababa', { token })).body.data).toHaveLength(2);
    });
  },
);
