/**
 * The mail of coordination meetings, in each recipient's language (locales/<lang>/meetings.json):
 * an occurrence's invitation (iCalendar METHOD:REQUEST), its update when moved (the same UID, a
 * higher SEQUENCE) and its cancellation (METHOD:CANCEL), which calendars apply; and the reminders
 * of an action item before its due day and once it is overdue. Each has a key that names it once
 * (the outbox skips a key it holds). Pure: the caller writes them.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarPart, OutgoingMail } from '#src/mail/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { DISPLAY_LOCALES, formatDay } from '#src/platform/intl.ts';
import { translator } from '#src/platform/messages.ts';
import type { ActionItem, ActionReminder, Occurrence, Series } from './model.ts';

export interface MeetingRecipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** The UID of an occurrence in every invitation, update and cancellation, for as long as it exists. */
export const occurrenceUid = (occurrence: Pick<Occurrence, 'id'>): string => `meeting-${occurrence.id}@fieldbook`;

export const occurrenceLink = (baseUrl: string, occurrence: Pick<Occurrence, 'id'>): string => `${baseUrl.replace(/\/+$/, '')}/app/meetings/occurrences/${encodeURIComponent(occurrence.id)}`;

/** The start in the recipient's language and the series' zone, with the zone named: "1 September 2020, 14:00 (Europe/Zurich)". */
export function formatStart(iso: string, timeZone: string, language: Language): string {
  const text = new Intl.DateTimeFormat(DISPLAY_LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/**
 * The iCalendar of one occurrence for one attendee: times in UTC (every calendar shows them in its
 * own zone), the occurrence's UID, SEQUENCE, the chair as organiser (or Fieldbook's address),
 * STATUS:CANCELLED with METHOD:CANCEL for a cancellation.
 */
export function occurrenceCalendar(input: {
  series: Series;
  occurrence: Occurrence;
  recipient: MeetingRecipient;
  organizer: { name: string; email: string };
  summary: string;
  description: string;
  url: string;
}): CalendarPart {
  const { series, occurrence } = input;
  const cancelled = occurrence.state === 'cancelled';
  const calendar = ical({ prodId: { company: 'ITU', product: 'Fieldbook', language: input.recipient.language.toUpperCase() }, method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: occurrenceUid(occurrence),
    sequence: occurrence.sequence,
    start: new Date(occurrence.startAt),
    end: new Date(occurrence.endAt),
    stamp: new Date(occurrence.updatedAt),
    summary: input.summary,
    description: input.description,
    location: [series.room, series.onlineUrl].filter(Boolean).join(' · ') || null,
    url: input.url,
    organizer: input.organizer,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    attendees: [{ email: input.recipient.email, name: input.recipient.name, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: true }],
  });
  return { method: cancelled ? 'CANCEL' : 'REQUEST', content: calendar.toString() };
}

export type InvitationKind = 'invited' | 'moved' | 'cancelled';

/** Once per recipient and state of the occurrence: its SEQUENCE names the state. */
export const invitationKey = (occurrence: Pick<Occurrence, 'id' | 'sequence' | 'state'>, recipient: string): string =>
  `meeting:${occurrence.id}:${occurrence.state === 'cancelled' ? 'cancel' : 'request'}-s${occurrence.sequence}:${recipient}`;

export function invitationMail(kind: InvitationKind, series: Series, occurrence: Occurrence, recipient: MeetingRecipient, organizer: { name: string; email: string }, baseUrl: string): OutgoingMail {
  const { t } = translator(recipient.language);
  const params = { title: series.title, start: formatStart(occurrence.startAt, series.timeZone, recipient.language), chair: series.chairLabel, link: occurrenceLink(baseUrl, occurrence), where: [series.room, series.onlineUrl].filter(Boolean).join(' · ') || '—' };
  const subject = t(`meetings.mail.${kind}.subject`, params);
  const text = `${t(`meetings.mail.${kind}.body`, params)}\n\n${t('meetings.mail.link', params)}\n`;
  return {
    to: recipient.email,
    toName: recipient.name,
    language: recipient.language,
    subject,
    text,
    key: invitationKey(occurrence, recipient.id),
    calendar: occurrenceCalendar({ series, occurrence, recipient, organizer, summary: series.title, description: text, url: params.link }),
  };
}

export const actionReminderKey = (item: Pick<ActionItem, 'id' | 'due'>, reminder: ActionReminder, recipient: string): string =>
  `meeting-action:${item.id}:${reminder.kind === 'overdue' ? 'overdue' : `due-in-${reminder.days}`}:${item.due}:${recipient}`;

export function actionReminderMail(item: ActionItem, series: Pick<Series, 'title'>, reminder: ActionReminder, recipient: MeetingRecipient, baseUrl: string): OutgoingMail {
  const { t } = translator(recipient.language);
  const params = { text: item.text, title: series.title, due: formatDay(item.due, recipient.language), days: reminder.kind === 'due-soon' ? reminder.days : 0, link: `${baseUrl.replace(/\/+$/, '')}/app/` };
  const area = reminder.kind === 'overdue' ? 'meetings.mail.overdue' : 'meetings.mail.dueSoon';
  return {
    to: recipient.email,
    toName: recipient.name,
    language: recipient.language,
    subject: t(`${area}.subject`, params),
    text: `${t(`${area}.body`, params)}\n\n${t('meetings.mail.link', params)}\n`,
    key: actionReminderKey(item, reminder, recipient.id),
  };
}
