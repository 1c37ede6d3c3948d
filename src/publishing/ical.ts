/**
 * iCalendar feeds (RFC 5545, written here line by line): every event as an all-day span with an exclusive DTEND, a UID
 * that never changes, SEQUENCE from the activity's version and LAST-MODIFIED from its last change
 * (so subscribed calendars pick up edits), STATUS:CANCELLED for cancelled ones, CATEGORIES from
 * kind and Sectors. A date known only to a week, month or longer period ("March 2020", "Q3 2020")
 * becomes one all-day entry on its first day with its words in the summary and the description,
 * not an all-day event blocking the whole period (decision 5).
 */
import { isDayPrecise } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity, type Status } from '#src/activities/model.ts';
import { exclusiveEnd } from './model.ts';
import { fragmentOf, type PageContext } from './pages/context.ts';
import { placeText, titleText } from './pages/parts.ts';

const STATUS: Record<Status, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  held: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
};

/** The UID of an event in every feed and download, for as long as the activity exists. */
export const eventUid = (activity: Pick<Activity, 'id'>): string => `${activity.id}@fieldbook`;

// eslint-disable-next-line no-control-regex
const NOT_ICAL_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text as iCalendar may carry it (RFC 5545 forbids controls but tab): line breaks as \n, which the writer escapes. */
const icalText = (text: string): string => text.replace(/\r\n?/g, '\n').replace(NOT_ICAL_TEXT, '');

/** A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
const escapeText = (text: string): string => text.replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** 2021-01-02T03:04:05.678Z → 20210102T030405Z */
const utcStamp = (iso: string): string => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dateValue = (day: string): string => day.replaceAll('-', '');

/** A content line folded at 75 octets (RFC 5545 3.1), never inside a character; lines end in CRLF. */
function fold(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return `${line}\r\n`;
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return `${out}\r\n`;
}

/**
 * The feed's text. Written directly rather than through a calendar library: building an object
 * per event and serialising it took about a millisecond an event, so a region's half-year feed
 * (~1,000 events at 100k activities) held the server for a second. Each event's lines are kept
 * by version in the context's fragments, for the next feed that has it.
 */
export function calendarFeed(ctx: PageContext, name: string, events: readonly Activity[]): string {
  const calendarName = escapeText(icalText(name));
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//ITU//Fieldbook//${ctx.language.toUpperCase()}`,
    `NAME:${calendarName}`,
    `X-WR-CALNAME:${calendarName}`,
    // Subscribed calendars are told to look again every six hours.
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
  ];
  const parts = [lines.map(fold).join('')];
  for (const activity of events) parts.push(fragmentOf(ctx, 'vevent', activity, () => eventLines(ctx, activity)));
  parts.push('END:VCALENDAR');
  return parts.join('');
}

/** One VEVENT, folded, as a feed carries it. */
function eventLines(ctx: PageContext, activity: Activity): string {
  const title = titleText(ctx, activity);
  const words = activity.date.text.trim();
  const status = activity.status === 'postponed' ? `${ctx.t('site.status.postponed')}: ` : '';
  const precise = isDayPrecise(activity.date);
  const summary = `${status}${title}${!precise && words ? ` (${words})` : ''}`;
  const url = `${ctx.origin}/${ctx.language}/events/${activity.id}`;
  const description = textIn(activity.description, ctx.language, activity.originalLanguage)?.text;
  const vague = precise ? null : ctx.t('site.feeds.dateKnownAs', { date: words || activity.date.start });
  const location = icalText(placeText(ctx, activity.place) ?? '');
  const categories = [ctx.t(`site.kind.${activity.kind}`), ...activity.sectors].map((c) => escapeText(icalText(c)));
  const event = [
    'BEGIN:VEVENT',
    `UID:${eventUid(activity)}`,
    `SEQUENCE:${activity.version}`,
    `DTSTAMP:${utcStamp(activity.updatedAt)}`,
    `DTSTART;VALUE=DATE:${dateValue(activity.date.start)}`,
    `DTEND;VALUE=DATE:${dateValue(exclusiveEnd(precise ? activity.date.end : activity.date.start))}`,
    'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
    'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
    `SUMMARY:${escapeText(icalText(summary))}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(icalText([vague, description, url].filter(Boolean).join('\n\n')))}`,
    `CATEGORIES:${categories.join(',')}`,
    `URL;VALUE=URI:${url}`,
    `STATUS:${STATUS[activity.status]}`,
    `CREATED:${utcStamp(activity.createdAt)}`,
    `LAST-MODIFIED:${utcStamp(activity.updatedAt)}`,
    'END:VEVENT',
  ];
  return event.map(fold).join('');
}
