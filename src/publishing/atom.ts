/** The Atom feed of newly published and changed events, newest change first. */
import { Feed } from 'feed';
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import type { Activity } from '#src/activities/model.ts';
import type { PageContext } from './pages/context.ts';
import { placeText, titleText } from './pages/parts.ts';

export function atomFeed(ctx: PageContext, selfPath: string, events: readonly Activity[]): string {
  const updated = events.reduce((latest, a) => (a.updatedAt > latest ? a.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    title: ctx.t('site.feeds.changesTitle'),
    id: `${ctx.origin}${selfPath}`,
    link: `${ctx.origin}/${ctx.language}/events`,
    language: ctx.language,
    updated: new Date(updated),
    copyright: ctx.t('common.union'),
    feedLinks: { atom: `${ctx.origin}${selfPath}` },
  });
  for (const activity of events) {
    const url = `${ctx.origin}/${ctx.language}/events/${activity.id}`;
    const place = placeText(ctx, activity.place);
    feed.addItem({
      // One entry per activity, updated in place as it changes.
      id: `urn:uuid:${activity.id}`,
      title: titleText(ctx, activity),
      link: url,
      date: new Date(activity.updatedAt),
      published: new Date(activity.createdAt),
      description: [formatFuzzyDate(activity.date, ctx.language), place, ctx.t(`site.status.${activity.status}`)].filter(Boolean).join(' · '),
    });
  }
  return feed.atom1();
}
