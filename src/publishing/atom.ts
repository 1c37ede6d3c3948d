/**
 * The Atom feed (RFC 4287) of newly published and changed events, newest change first. Written
 * here rather than by a feed library: every text goes through the XML escaper as plain text
 * (`type="text"`), so no title, place or description can break the feed or carry markup into it.
 */
import { formatFuzzyDate, isUndated } from '#src/activities/fuzzy-date.ts';
import type { Activity } from '#src/activities/model.ts';
import { escapeXml } from '#src/platform/xml.ts';
import type { PageContext } from './pages/context.ts';
import { placeText, titleText } from './pages/parts.ts';

const text = (name: string, value: string) => `<${name} type="text">${escapeXml(value)}</${name}>`;
const link = (href: string, rel?: string) => `<link${rel ? ` rel="${rel}"` : ''} href="${escapeXml(href)}"/>`;

export function atomFeed(ctx: PageContext, selfPath: string, events: readonly Activity[]): string {
  const updated = events.reduce((latest, a) => (a.updatedAt > latest ? a.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const self = `${ctx.origin}${selfPath}`;
  const entries = events.map((activity) => {
    const summary = [isUndated(activity.date) ? ctx.t('site.date.undecided') : formatFuzzyDate(activity.date, ctx.language), placeText(ctx, activity.place), ctx.t(`site.status.${activity.status}`)].filter(Boolean).join(' · ');
    return [
      '<entry>',
      text('title', titleText(ctx, activity)),
      // One entry per activity, updated in place as it changes.
      `<id>urn:uuid:${escapeXml(activity.id)}</id>`,
      link(`${ctx.origin}/${ctx.language}/events/${activity.id}`),
      `<updated>${new Date(activity.updatedAt).toISOString()}</updated>`,
      `<published>${new Date(activity.createdAt).toISOString()}</published>`,
      text('summary', summary),
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${ctx.language}">`,
    `<id>${escapeXml(self)}</id>`,
    text('title', ctx.t('site.feeds.changesTitle')),
    `<updated>${new Date(updated).toISOString()}</updated>`,
    link(self, 'self'),
    link(`${ctx.origin}/${ctx.language}/events`, 'alternate'),
    `<author><name>${escapeXml(ctx.t('common.union'))}</name></author>`,
    text('rights', ctx.t('common.union')),
    '<generator>Fieldbook</generator>',
    ...entries,
    '</feed>',
  ].join('\n');
}
