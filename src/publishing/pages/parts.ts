/** Pieces shared by the page templates: names with their language fallback, dates, places, statuses, event lists, feed links. */
import { formatFuzzyDate, isUndated } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity, type Place, type Status } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { languageName as intlLanguageName } from '#src/platform/intl.ts';
import { countryName as intlCountryName } from '#src/registry/countries.ts';
import { localise } from '#src/registry/model.ts';
import type { Names } from '#src/registry/reference.ts';
import { html, trustedHtml, type Html } from '../html.ts';
import { fragmentOf, href, type PageContext } from './context.ts';

/**
 * Text in a language other than the page's, marked with its language and direction so screen
 * readers pronounce it right and English inside an Arabic page keeps its word order.
 */
export function foreign(language: Language, text: string): Html {
  return html`<span lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">${text}</span>`;
}

/** A reference-data name in the page language, or in English marked as such. */
export function nameIn(ctx: PageContext, names: Names): Html {
  const { text, fallback } = localise(names, ctx.language);
  return fallback ? html`${foreign('en', text)} <small class="fallback">${ctx.t('site.inEnglish')}</small>` : html`${text}`;
}

/** The plain-text name (attributes, titles), English when the language has none. */
export const nameText = (ctx: PageContext, names: Names): string => localise(names, ctx.language).text;

export function officeName(ctx: PageContext, code: string): Html {
  const details = ctx.snapshot.officeByCode.get(code);
  return details ? nameIn(ctx, details.office.names) : html`${code}`;
}

export function bodyName(ctx: PageContext, code: string): Html {
  const body = ctx.snapshot.bodyByCode.get(code);
  return body ? nameIn(ctx, body.names) : html`${code}`;
}

/** A language's name in the page language ("anglais" on a French page). */
export const languageName = (ctx: PageContext, language: Language): string => intlLanguageName(language, ctx.language);

/** An activity's title in the page language, else in the language it was written in, marked. */
export function titleOf(ctx: PageContext, activity: Activity): Html {
  const shown = textIn(activity.title, ctx.language, activity.originalLanguage);
  if (!shown) return html`${activity.id}`;
  return shown.untranslated ? foreign(shown.language, shown.text) : html`${shown.text}`;
}

export const titleText = (ctx: PageContext, activity: Activity): string =>
  textIn(activity.title, ctx.language, activity.originalLanguage)?.text ?? activity.id;

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The date in the page language with the words the office wrote beside it when they differ. */
export function dateOf(ctx: PageContext, activity: Pick<Activity, 'date' | 'originalLanguage'>): Html {
  if (isUndated(activity.date)) {
    // No day to give a <time>: the page's words, and the office's ("TBC") beside them.
    const undecided = ctx.t('site.date.undecided');
    const words = activity.date.text.trim();
    const differs = words !== '' && comparable(words) !== comparable(undecided);
    return html`<span class="undated">${undecided}</span>${differs ? html` <span class="as-written">(${asWritten(ctx, words, activity.originalLanguage)})</span>` : null}`;
  }
  const shown = formatFuzzyDate(activity.date, ctx.language);
  const words = activity.date.text.trim();
  // Exact days say nothing the range does not; vague words ("mid November") carry meaning.
  const vague = activity.date.precision !== 'day' && activity.date.precision !== 'days';
  const differs = vague && words !== '' && comparable(words) !== comparable(formatFuzzyDate(activity.date, 'en')) && comparable(words) !== comparable(shown);
  return html`<time datetime="${activity.date.start}">${shown}</time>${differs ? html` <span class="as-written">(${asWritten(ctx, words, activity.originalLanguage)})</span>` : null}`;
}

/** "as written: mid November 2020", the words kept in the language they were written in. */
function asWritten(ctx: PageContext, words: string, language: Language): Html {
  const [before = '', after = ''] = ctx.t('site.event.asWritten', { text: '\u0000' }).split('\u0000');
  return html`${before}${language === ctx.language ? words : foreign(language, words)}${after}`;
}

/** A country's name in the page language (the plain spelling the site has always shown), the code when Intl has none. */
export const countryName = (ctx: PageContext, country: string): string => intlCountryName(country, ctx.language, 'plain');

export function placeText(ctx: PageContext, place: Place | null): string | null {
  if (!place) return null;
  const where = [place.city, place.country ? countryName(ctx, place.country) : null].filter(Boolean).join(', ');
  if (place.mode === 'online') return where ? `${ctx.t('site.place.online')} (${where})` : ctx.t('site.place.online');
  if (place.mode === 'hybrid') return ctx.t('site.place.hybrid', { place: where || '—' });
  return where || null;
}

/** The status in words (colour only repeats it). */
export function statusBadge(ctx: PageContext, status: Status): Html {
  return html`<span class="status status-${status}">${ctx.t(`site.status.${status}`)}</span>`;
}

export function eventItem(ctx: PageContext, activity: Activity): Html {
  const place = placeText(ctx, activity.place);
  return html`<li class="event${activity.status === 'cancelled' ? ' event-cancelled' : ''}">
<p class="event-title"><a href="${href(ctx, `/events/${activity.id}`)}">${titleOf(ctx, activity)}</a> ${statusBadge(ctx, activity.status)}</p>
<p class="event-meta">${dateOf(ctx, activity)}${place ? html` · ${place}` : null} · ${ctx.t(`site.kind.${activity.kind}`)}${activity.sectors.length > 0 ? html` · ${activity.sectors.join(', ')}` : null}</p>
</li>`;
}

export function eventList(ctx: PageContext, activities: readonly Activity[], empty: string): Html {
  return activities.length === 0 ? html`<p class="empty">${empty}</p>` : html`<ul class="events">${activities.map((a) => trustedHtml(fragmentOf(ctx, 'event-item', a, () => eventItem(ctx, a).value)))}</ul>`;
}

/** The same feed limited to one calendar year: what a subscriber wants when the default window does not reach that year. */
export function yearCalendarLinks(ctx: PageContext, path: string, year: number): Html {
  const shown = new Intl.NumberFormat(ctx.language, { useGrouping: false }).format(year);
  const separator = path.includes('?') ? '&' : '?';
  return html`<p class="feeds-year">${ctx.t('site.feeds.forYear', { year: shown })}</p>${calendarLinks(ctx, `${path}${separator}from=${year}-01-01&to=${year}-12-31`)}`;
}

/** Download and subscribe links of an iCalendar feed (webcal:// makes calendars keep it current). */
export function calendarLinks(ctx: PageContext, path: string, atomPath?: string): Html {
  const host = ctx.origin.replace(/^https?:\/\//, '');
  return html`<p class="feeds"><a href="webcal://${host}${path}">${ctx.t('site.feeds.subscribe')}</a> · <a href="${path}" download>${ctx.t('site.feeds.download')}</a>${
    atomPath ? html` · <a href="${atomPath}">${ctx.t('site.feeds.atom')}</a>` : null
  }</p>`;
}

export function formatNumber(ctx: PageContext, value: number): string {
  return new Intl.NumberFormat(ctx.language).format(value);
}
