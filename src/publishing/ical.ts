/**
 * iCalendar feeds (ical-generator): every event as an all-day span with an exclusive DTEND, a UID
 * that never changes, SEQUENCE from the activity's version and LAST-MODIFIED from its last change
 * (so subscribed calendars pick up edits), STATUS:CANCELLED for cancelled ones, CATEGORIES from
 * kind and Sectors. A date known only to a week, month or longer period ("March 2020", "Q3 2020")
 * becomes one all-day entry on its first day with its words in the summary and the description,
 * not an all-day event blocking the whole period (decision 5).
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { isDayPrecise } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity, type Status } from '#src/activities/model.ts';
import { exclusiveEnd } from './model.ts';
import type { PageContext } from './pages/context.ts';
import { placeText, titleText } from './pages/parts.ts';

const STATUS: Record<Status, ICalEventStatus> = {
  planned: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/** The UID of an event in every feed and download, for as long as the activity exists. */
export const eventUid = (activity: Pick<Activity, 'id'>): string => `${activity.id}@fieldbook`;

// eslint-disable-next-line no-control-regex
const NOT_ICAL_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text as iCalendar may carry it (RFC 5545 forbids controls but tab): line breaks as \n, which the writer escapes. */
const icalText = (text: string): string => text.replace(/\r\n?/g, '\n').replace(NOT_ICAL_TEXT, '');

export function calendarFeed(ctx: PageContext, name: string, events: readonly Activity[]): string {
  const calendar = ical({
    name: icalText(name),
    prodId: { company: 'ITU', product: 'Fieldbook', language: ctx.language.toUpperCase() },
    // Subscribed calendars are told to look again every six hours.
    ttl: 6 * 3600,
  });
  for (const activity of events) {
    const title = titleText(ctx, activity);
    const words = activity.date.text.trim();
    const status = activity.status === 'postponed' ? `${ctx.t('site.status.postponed')}: ` : '';
    const precise = isDayPrecise(activity.date);
    const summary = `${status}${title}${!precise && words ? ` (${words})` : ''}`;
    const url = `${ctx.origin}/${ctx.language}/events/${activity.id}`;
    const description = textIn(activity.description, ctx.language, activity.originalLanguage)?.text;
    const vague = precise ? null : ctx.t('site.feeds.dateKnownAs', { date: words || activity.date.start });
    calendar.createEvent({
      id: eventUid(activity),
      allDay: true,
      start: new Date(`${activity.date.start}T00:00:00Z`),
      end: new Date(`${exclusiveEnd(precise ? activity.date.end : activity.date.start)}T00:00:00Z`),
      summary: icalText(summary),
      description: icalText([vague, description, url].filter(Boolean).join('\n\n')),
      location: icalText(placeText(ctx, activity.place) ?? '') || null,
      url,
      sequence: activity.version,
      stamp: new Date(activity.updatedAt),
      lastModified: new Date(activity.updatedAt),
      created: new Date(activity.createdAt),
      status: STATUS[activity.status],
      categories: [{ name: ctx.t(`site.kind.${activity.kind}`) }, ...activity.sectors.map((s) => ({ name: s }))],
    });
  }
  return calendar.toString();
}
