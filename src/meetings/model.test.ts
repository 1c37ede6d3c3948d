import { describe, expect, it } from 'vitest';
import { translator } from '#src/platform/messages.ts';
import {
  actionReminder,
  carriedActions,
  draftAgenda,
  expandRecurrence,
  minutesIssues,
  nextMinutesState,
  previousHeld,
  reconcile,
  recurrenceIssues,
  utcToZoned,
  zonedToUtc,
  type ActionItem,
  type Occurrence,
} from './model.ts';

const MONTHLY = { rule: 'FREQ=MONTHLY;BYDAY=1TU', startsLocal: '2020-07-07T14:00', timeZone: 'Europe/Zurich', durationMinutes: 90, exceptions: [] };

describe('time zones', () => {
  it('places a Geneva wall-clock time in UTC in summer and in winter', () => {
    expect(zonedToUtc('2020-07-07T14:00', 'Europe/Zurich')).toBe('2020-07-07T12:00:00.000Z');
    expect(zonedToUtc('2020-12-01T14:00', 'Europe/Zurich')).toBe('2020-12-01T13:00:00.000Z');
    expect(zonedToUtc('2020-12-01T14:00', 'Asia/Bangkok')).toBe('2020-12-01T07:00:00.000Z');
    expect(utcToZoned('2020-12-01T13:00:00.000Z', 'Europe/Zurich')).toBe('2020-12-01T14:00');
  });

  it('reads a time the clocks skip as the one after it, and a time they pass twice as the first', () => {
    expect(zonedToUtc('2021-03-28T02:30', 'Europe/Zurich')).toBe('2021-03-28T01:30:00.000Z');
    expect(zonedToUtc('2021-10-31T02:30', 'Europe/Zurich')).toBe('2021-10-31T00:30:00.000Z');
  });
});

describe('recurrence', () => {
  it('makes the first Tuesday of each month at 14:00 Geneva time, across summer time', () => {
    const planned = expandRecurrence(MONTHLY, new Date('2020-07-01T00:00:00Z'), new Date('2020-12-31T00:00:00Z'));
    expect(planned.map((p) => p.startAt)).toEqual([
      '2020-07-07T12:00:00.000Z',
      '2020-08-04T12:00:00.000Z',
      '2020-09-01T12:00:00.000Z',
      '2020-10-06T12:00:00.000Z',
      '2020-11-03T13:00:00.000Z',
      '2020-12-01T13:00:00.000Z',
    ]);
    expect(planned.map((p) => utcToZoned(p.startAt, 'Europe/Zurich').slice(11))).toEqual(Array(6).fill('14:00'));
    expect(planned[0]?.endAt).toBe('2020-07-07T13:30:00.000Z');
  });

  it('skips the exception days', () => {
    const planned = expandRecurrence({ ...MONTHLY, exceptions: ['2020-08-04'] }, new Date('2020-07-01T00:00:00Z'), new Date('2020-10-01T00:00:00Z'));
    expect(planned.map((p) => p.startAt.slice(0, 10))).toEqual(['2020-07-07', '2020-09-01']);
  });

  it('refuses what is not a rule or not a zone, by field', () => {
    expect(recurrenceIssues({ rule: 'EVERY TUESDAY', timeZone: 'Mars/Olympus', startsLocal: '7 July' }).map((i) => i.path).sort()).toEqual(['body.rule', 'body.startsLocal', 'body.timeZone']);
    expect(recurrenceIssues({ rule: 'FREQ=HOURLY' })).toHaveLength(1);
    expect(recurrenceIssues(MONTHLY)).toEqual([]);
  });

  it('on a changed rule cancels only what is to come, not moved and not prepared, and adds what is new', () => {
    const now = new Date('2020-09-15T00:00:00Z');
    const existing = [
      { id: 'past', recurrenceStart: '2020-09-01T12:00:00.000Z', startAt: '2020-09-01T12:00:00.000Z', state: 'scheduled' as const, kept: false },
      { id: 'plain', recurrenceStart: '2020-10-06T12:00:00.000Z', startAt: '2020-10-06T12:00:00.000Z', state: 'scheduled' as const, kept: false },
      { id: 'moved', recurrenceStart: '2020-11-03T13:00:00.000Z', startAt: '2020-11-04T13:00:00.000Z', state: 'scheduled' as const, kept: true },
    ];
    const thursdays = expandRecurrence({ ...MONTHLY, rule: 'FREQ=MONTHLY;BYDAY=1TH' }, new Date('2020-07-01T00:00:00Z'), new Date('2020-12-01T00:00:00Z'));
    const { create, cancel } = reconcile(existing, thursdays, now);
    expect(cancel).toEqual(['plain']);
    expect(create.map((p) => p.startAt.slice(0, 10))).toEqual(['2020-10-01', '2020-11-05']);
  });
});

const occurrence = (over: Partial<Occurrence> = {}): Occurrence => ({
  id: 'o1',
  seriesId: 's',
  recurrenceStart: '2020-07-07T12:00:00.000Z',
  startAt: '2020-07-07T12:00:00.000Z',
  endAt: '2020-07-07T13:30:00.000Z',
  state: 'scheduled',
  sequence: 0,
  agenda: null,
  agendaDraftedAt: null,
  minutes: null,
  minutesState: 'none',
  minutesApprovedAt: null,
  minutesApprovedBy: null,
  version: 1,
  updatedAt: '2020-07-01T00:00:00.000Z',
  updatedBy: 'x',
  ...over,
});

describe('minutes', () => {
  const after = new Date('2020-07-08T00:00:00Z');
  it('are a draft when saved, approved after the meeting, and frozen then', () => {
    expect(nextMinutesState(occurrence(), 'save', after)).toBe('draft');
    expect(nextMinutesState(occurrence({ minutesState: 'draft', minutes: { items: [] } }), 'approve', after)).toBe('approved');
    expect(() => nextMinutesState(occurrence({ minutesState: 'approved', minutes: { items: [] } }), 'save', after)).toThrow(/frozen/);
    expect(() => nextMinutesState(occurrence({ minutesState: 'draft', minutes: { items: [] } }), 'approve', new Date('2020-07-01T00:00:00Z'))).toThrow(/begun/);
    expect(() => nextMinutesState(occurrence(), 'approve', after)).toThrow(/no minutes/);
    expect(() => nextMinutesState(occurrence({ state: 'cancelled' }), 'save', after)).toThrow(/cancelled/);
  });

  it('name only items of the agenda', () => {
    const agenda = { items: [{ id: 'chair:1', kind: 'chair' as const, office: null, title: 'WTSA-20', points: [] }] };
    expect(minutesIssues({ items: [{ agendaItemId: 'chair:1', title: 'WTSA-20', notes: '', decisions: [] }] }, agenda)).toEqual([]);
    expect(minutesIssues({ items: [{ agendaItemId: 'chair:9', title: 'x', notes: '', decisions: [] }] }, agenda)[0]?.path).toBe('body.minutes.items.0.agendaItemId');
  });
});

const action = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: 'a1',
  seriesId: 's',
  occurrenceId: 'o1',
  agendaItem: null,
  text: 'Share the African Common Proposals',
  ownerOffice: 'addis-ababa',
  ownerUserId: null,
  ownerLabel: 'Regional Office for Africa',
  due: '2020-11-06',
  status: 'open',
  links: [],
  version: 1,
  createdAt: '2020-07-07T00:00:00.000Z',
  updatedAt: '2020-07-07T00:00:00.000Z',
  updatedBy: 'x',
  closedAt: null,
  ...over,
});

describe('action items', () => {
  it('are reminded days before their due day and once overdue, while open', () => {
    expect(actionReminder(action(), '2020-11-01', 3)).toBeNull();
    expect(actionReminder(action(), '2020-11-04', 3)).toEqual({ kind: 'due-soon', days: 2 });
    expect(actionReminder(action(), '2020-11-07', 3)).toEqual({ kind: 'overdue' });
    expect(actionReminder(action({ status: 'done' }), '2020-11-07', 3)).toBeNull();
  });

  it('are carried to later occurrences until closed', () => {
    const starts = new Map([
      ['o1', '2020-07-07T12:00:00.000Z'],
      ['o2', '2020-08-04T12:00:00.000Z'],
    ]);
    const items = [action(), action({ id: 'a2', status: 'done' }), action({ id: 'a3', occurrenceId: 'o2' })];
    expect(carriedActions(items, { id: 'o2', startAt: '2020-08-04T12:00:00.000Z' }, (id) => starts.get(id)).map((a) => a.id)).toEqual(['a1']);
    expect(previousHeld([occurrence(), occurrence({ id: 'o0', startAt: '2020-06-02T12:00:00.000Z', state: 'cancelled' })], '2020-08-04T12:00:00.000Z')?.id).toBe('o1');
  });
});

describe('the drafted agenda', () => {
  it("puts the chair's items first, then per office what it recorded, plans, owes and has open, then nobody's actions", () => {
    const { t } = translator('en');
    const agenda = draftAgenda({
      records: [
        {
          office: { code: 'addis-ababa', name: 'Regional Office for Africa' },
          recorded: [
            { id: '1', title: 'SG12 RG-AFR workshop', when: '2–3 March 2020', status: 'held', isNew: true },
            { id: '2', title: 'ATU APM', when: 'November 2020', status: 'planned', isNew: true },
          ],
          upcoming: [{ id: '2', title: 'ATU APM', when: 'November 2020' }],
          contributions: [{ round: 'tsag-2021', state: 'submitted', due: '2021-09-10' }],
        },
        { office: { code: 'moscow', name: 'Regional Office for CIS' }, recorded: [], upcoming: [], contributions: [] },
      ],
      openActions: [action(), action({ id: 'a9', ownerOffice: null, ownerUserId: 'u', ownerLabel: 'TSB Focal Point' })],
      chairItems: ['Preparation of WTSA-20'],
      words: { t },
      statusLabel: (s) => t(`rounds.state.${s}`),
    });
    expect(agenda.items.map((i) => i.id)).toEqual(['chair:1', 'office:addis-ababa', 'office:moscow', 'actions']);
    expect(agenda.items[1]?.points).toEqual([
      'Held: SG12 RG-AFR workshop (2–3 March 2020)',
      'New: ATU APM (November 2020)',
      'Coming: ATU APM (November 2020)',
      'Contribution to tsag-2021: Submitted (due 2021-09-10)',
      'Action item: Share the African Common Proposals (owner: Regional Office for Africa, due 2020-11-06)',
    ]);
    expect(agenda.items[2]?.points).toEqual(['Nothing recorded since the previous meeting.']);
    expect(agenda.items[3]?.points[0]).toContain('TSB Focal Point');
  });
});

describe('a new series', () => {
  it('has its past meetings made too, so their minutes can be recorded; a changed one does not', () => {
    const planned = expandRecurrence(MONTHLY, new Date('2020-07-01T00:00:00Z'), new Date('2020-10-01T00:00:00Z'));
    const now = new Date('2020-08-15T00:00:00Z');
    expect(reconcile([], planned, now, true).create).toHaveLength(3);
    expect(reconcile([], planned, now).create.map((p) => p.startAt.slice(0, 10))).toEqual(['2020-09-01']);
  });
});
