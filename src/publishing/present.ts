/**
 * What the public site sends: pages and feeds as `Rendered` answers (status, media type, body,
 * headers) for the conditional responder. The formats themselves are written by the page
 * templates (pages/), atom.ts and ical.ts; activities as JSON by the register's public presenter.
 */
import type { ActivityPresenter } from '#src/activities/present.ts';
import type { Activity } from '#src/activities/model.ts';
import { atomFeed } from './atom.ts';
import type { FeedWindow } from './model.ts';
import type { Html } from './html.ts';
import { calendarFeed } from './ical.ts';
import type { PageContext } from './pages/context.ts';
import type { Rendered } from './respond.ts';

const HTML = 'text/html; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';

export const htmlPage = (page: Html, status = 200): Rendered => ({ status, type: HTML, body: page.value });

/** A calendar to subscribe to; says so in a header when its window held more events than it carries. */
export function calendarResponse(ctx: PageContext, feed: { name: string; fileName: string; events: readonly Activity[]; truncated?: FeedWindow | null }): Rendered {
  const headers: Record<string, string> = { 'content-disposition': `inline; filename="${feed.fileName}"` };
  if (feed.truncated) headers['x-feed-truncated'] = `${feed.truncated.from} to ${feed.truncated.to} holds more events than a feed does; narrow it with from and to`;
  return { status: 200, type: ICS, body: calendarFeed(ctx, feed.name, feed.events), headers };
}

/** One event as a calendar file to open (not to subscribe to). */
export const eventCalendarResponse = (ctx: PageContext, activity: Activity): Rendered => ({
  status: 200,
  type: ICS,
  body: calendarFeed(ctx, ctx.t('site.feeds.title'), [activity]),
  headers: { 'content-disposition': `attachment; filename="event-${activity.id}.ics"` },
});

export const atomResponse = (ctx: PageContext, selfPath: string, events: readonly Activity[]): Rendered => ({
  status: 200,
  type: 'application/atom+xml; charset=utf-8',
  body: atomFeed(ctx, selfPath, events),
});

/** A page of public events as the API's JSON list. */
export function eventsJsonResponse(present: ActivityPresenter, page: { events: readonly Activity[]; next: string | null }): Rendered {
  return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify({ data: page.events.map((a) => present(a)), next: page.next }) };
}
