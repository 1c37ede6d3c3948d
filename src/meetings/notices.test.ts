import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Occurrence, Series } from './model.ts';
import { actionReminderMail, invitationMail, occurrenceUid } from './notices.ts';

const series: Series = {
  id: 's1',
  code: 'tsb-monthly-review',
  bureau: 'TSB',
  kind: 'monthly-review',
  title: 'Monthly review meeting',
  chairId: null,
  chairLabel: 'TSB Director',
  offices: ['addis-ababa'],
  rule: 'FREQ=MONTHLY;BYDAY=1TU',
  startsLocal: '2030-01-01T14:00',
  timeZone: 'Europe/Zurich',
  durationMinutes: 60,
  exceptions: [],
  room: null,
  onlineUrl: 'https://meet.example.org/tsb',
  version: 1,
  createdAt: '2029-12-01T00:00:00.000Z',
  updatedAt: '2029-12-01T00:00:00.000Z',
  updatedBy: 'x',
};

const occurrence: Occurrence = {
  id: '0190a6e4-0000-7000-8000-000000000001',
  seriesId: 's1',
  recurrenceStart: '2030-01-01T13:00:00.000Z',
  startAt: '2030-01-01T13:00:00.000Z',
  endAt: '2030-01-01T14:00:00.000Z',
  state: 'scheduled',
  sequence: 0,
  agenda: null,
  agendaDraftedAt: null,
  minutes: null,
  minutesState: 'none',
  minutesApprovedAt: null,
  minutesApprovedBy: null,
  version: 1,
  updatedAt: '2029-12-01T00:00:00.000Z',
  updatedBy: 'x',
};

const recipient = { id: 'u1', email: 'editor@example.org', name: 'An Editor', language: 'fr' as const };
const organizer = { name: 'TSB Director', email: 'noreply@fieldbook.example' };

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event };
}

describe('invitations', () => {
  it('are an iCalendar REQUEST with the UID of the occurrence, its times in UTC, in the recipient language', () => {
    const mail = invitationMail('invited', series, occurrence, recipient, organizer, 'https://fieldbook.example');
    expect(mail.calendar?.method).toBe('REQUEST');
    const { calendar, event } = parse(mail.calendar?.content ?? '');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(occurrenceUid(occurrence));
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('dtstart')?.toString()).toBe('2030-01-01T13:00:00Z');
    expect(String(event.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:editor@example.org');
    expect(mail.subject).toBe('Invitation : Monthly review meeting, 1 janvier 2030 à 14:00 (Europe/Zurich)');
    expect(mail.text).toContain('https://fieldbook.example/app/meetings/occurrences/0190a6e4-0000-7000-8000-000000000001');
  });

  it('update a moved occurrence under the same UID with a higher SEQUENCE, and cancel it with METHOD:CANCEL', () => {
    const moved = { ...occurrence, startAt: '2030-01-02T13:00:00.000Z', endAt: '2030-01-02T14:00:00.000Z', sequence: 1 };
    const update = invitationMail('moved', series, moved, recipient, organizer, 'https://fieldbook.example');
    const first = invitationMail('invited', series, occurrence, recipient, organizer, 'https://fieldbook.example');
    const { event } = parse(update.calendar?.content ?? '');
    expect(event.getFirstPropertyValue('uid')).toBe(occurrenceUid(occurrence));
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    expect(update.key).not.toBe(first.key);

    const cancelled = invitationMail('cancelled', series, { ...moved, state: 'cancelled', sequence: 2 }, recipient, organizer, 'https://fieldbook.example');
    const parsed = parse(cancelled.calendar?.content ?? '');
    expect(parsed.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(parsed.event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.event.getFirstPropertyValue('uid')).toBe(occurrenceUid(occurrence));
  });
});

describe('action reminders', () => {
  it('say what is due when, keyed once per due day and kind', () => {
    const item = {
      id: 'a1',
      seriesId: 's1',
      occurrenceId: occurrence.id,
      agendaItem: null,
      text: 'Confirm the workshop dates',
      ownerOffice: 'cairo',
      ownerUserId: null,
      ownerLabel: 'Regional Office for Arab States',
      due: '2030-01-10',
      status: 'open' as const,
      links: [],
      version: 1,
      createdAt: '',
      updatedAt: '',
      updatedBy: '',
      closedAt: null,
    };
    const soon = actionReminderMail(item, series, { kind: 'due-soon', days: 2 }, { ...recipient, language: 'en' }, 'https://fieldbook.example');
    expect(soon.subject).toBe('Action item due on 10 January 2030: Confirm the workshop dates');
    const late = actionReminderMail(item, series, { kind: 'overdue' }, { ...recipient, language: 'en' }, 'https://fieldbook.example');
    expect(late.key).toBe('meeting-action:a1:overdue:2030-01-10:u1');
    expect(late.text).toContain('stays on the agenda of the next meeting');
  });
});
