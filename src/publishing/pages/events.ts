/** The events pages: the filter form (plain GET), then a list with pages or a month calendar; feeds of the same filter. */
import { ACTIVITY_KINDS, STATUSES, type Activity } from '#src/activities/model.ts';
import { dateFormat } from '#src/platform/intl.ts';
import { html, type Html } from '../html.ts';
import { eventsOn, monthBounds, monthGrid, monthKey, shiftMonth, splitMonth, type MonthRef } from '../model.ts';
import { filterQuery, MAX_SEARCH_LENGTH, type FilterIssue, type SiteFilter } from '../schemas.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';
import { calendarLinks, eventList, nameText, statusBadge, titleOf, yearCalendarLinks } from './parts.ts';

export type EventsView =
  | { view: 'list'; sort: 'date' | '-date'; events: Activity[]; next: string | null; paged: boolean }
  | { view: 'month'; month: MonthRef; events: Activity[] };

export interface EventsData {
  filter: SiteFilter;
  issues: FilterIssue[];
  /** Null when the filter matched more than a page can show (the page says to narrow it). */
  result: EventsView | null;
}

export function eventsPage(ctx: PageContext, data: EventsData): Html {
  const { t } = ctx;
  const { filter } = data;
  const view = data.result?.view ?? 'list';
  const query = filterQuery(filter);
  const main = html`<h1>${t('site.events.heading')}</h1>
${data.issues.length > 0
  ? html`<div class="notice" role="alert"><h2>${t('site.filter.problem')}</h2><ul>${data.issues.map(
      (issue) => html`<li>${t(issue.reason === 'before_from' ? 'site.filter.beforeFrom' : 'site.filter.invalid', { field: t(`site.filter.${issue.field}`), value: issue.value })}</li>`,
    )}</ul></div>`
  : null}
${filterForm(ctx, filter, view)}
<p class="views">${t('site.events.view')}: ${viewLink(ctx, filter, 'list', view)} · ${viewLink(ctx, filter, 'month', view)}</p>
${data.result === null
  ? html`<p class="notice">${t('site.filter.tooMany')}</p>`
  : data.result.view === 'list'
    ? listView(ctx, filter, data.result)
    : monthView(ctx, filter, data.result.month, data.result.events)}
<section aria-labelledby="feeds-heading">
<h2 id="feeds-heading">${t('site.feeds.heading')}</h2>
${calendarLinks(ctx, href(ctx, `/events.ics${query}`), href(ctx, `/events.atom${query}`))}
${filter.from === undefined && filter.to === undefined ? yearCalendarLinks(ctx, href(ctx, `/events.ics${query}`), shownYear(ctx, data)) : null}
<p><a href="${href(ctx, `/events.json${query}`)}">${t('site.feeds.json')}</a></p>
<p><a href="/open-data/iati.xml${query}" type="application/xml">${t('opendata.iati.filtered')}</a> · <a href="${href(ctx, `/years/${shownYear(ctx, data)}`)}">${t('opendata.year.heading', { year: new Intl.NumberFormat(ctx.language, { useGrouping: false }).format(shownYear(ctx, data)) })}</a> · <a href="${href(ctx, '/open-data')}">${t('opendata.page.heading')}</a></p>
</section>`;
  return layout(ctx, {
    title: t('site.events.heading'),
    main,
    current: 'events',
    alternates: [{ type: 'application/atom+xml', href: href(ctx, `/events.atom${query}`), title: t('site.feeds.changesTitle') }],
  });
}

/** The year a visitor is looking at: the month shown, or this year. */
const shownYear = (ctx: PageContext, data: EventsData): number =>
  data.result?.view === 'month' ? data.result.month.year : Number(ctx.today.slice(0, 4));

function viewLink(ctx: PageContext, filter: SiteFilter, view: 'list' | 'month', current: string): Html {
  const label = ctx.t(`site.events.${view}`);
  return view === current
    ? html`<a href="${href(ctx, `/events${filterQuery(filter, { view })}`)}" aria-current="page"><strong>${label}</strong></a>`
    : html`<a href="${href(ctx, `/events${filterQuery(filter, { view })}`)}">${label}</a>`;
}

function select(ctx: PageContext, field: 'region' | 'office' | 'sector' | 'kind' | 'body' | 'status', chosen: readonly string[], options: Array<[string, string]>): Html {
  return html`<div class="field"><label for="f-${field}">${ctx.t(`site.filter.${field}`)}</label>
<select id="f-${field}" name="${field}"><option value="">${ctx.t('site.filter.any')}</option>${options.map(
    ([value, label]) => html`<option value="${value}"${chosen.includes(value) ? html` selected` : null}>${label}</option>`,
  )}</select></div>`;
}

function filterForm(ctx: PageContext, filter: SiteFilter, view: string): Html {
  const { t, snapshot } = ctx;
  const offices = snapshot.offices
    .filter((o) => o.office.kind !== 'headquarters')
    .map((o): [string, string] => [o.office.code, nameText(ctx, o.office.names)])
    .sort((a, b) => a[1].localeCompare(b[1], ctx.language));
  return html`<form class="filters" method="get" action="${href(ctx, '/events')}" aria-labelledby="filters-heading">
<h2 id="filters-heading">${t('site.filter.heading')}</h2>
<div class="fields">
<div class="field"><label for="f-q">${t('site.filter.q')}</label><input id="f-q" name="q" type="search" maxlength="${MAX_SEARCH_LENGTH}" value="${filter.q ?? ''}"></div>
${select(ctx, 'region', filter.region, snapshot.regions.map((r) => [r.code, nameText(ctx, r.names)]))}
${select(ctx, 'office', filter.office, offices)}
${select(ctx, 'sector', filter.sector, snapshot.sectors.map((s) => [s.code, `${s.code} – ${nameText(ctx, s.names)}`]))}
${select(ctx, 'kind', filter.kind, ACTIVITY_KINDS.map((k) => [k, t(`site.kind.${k}`)]))}
${select(ctx, 'body', filter.body, snapshot.studyGroups.map((b) => [b.code, b.code]))}
${select(ctx, 'status', filter.status, STATUSES.map((s) => [s, t(`site.status.${s}`)]))}
<div class="field"><label for="f-from">${t('site.filter.from')}</label><input id="f-from" name="from" type="date" value="${filter.from ?? ''}"></div>
<div class="field"><label for="f-to">${t('site.filter.to')}</label><input id="f-to" name="to" type="date" value="${filter.to ?? ''}"></div>
</div>
<input type="hidden" name="view" value="${view}">
<p><button type="submit">${t('site.filter.apply')}</button> <a href="${href(ctx, `/events?view=${view}`)}">${t('site.filter.clear')}</a></p>
</form>`;
}

function listView(ctx: PageContext, filter: SiteFilter, result: Extract<EventsView, { view: 'list' }>): Html {
  const { t } = ctx;
  const upcomingOnly = filter.from === undefined && filter.to === undefined && filter.q === undefined;
  const heading = filter.q !== undefined ? t('site.events.matchingWords', { q: filter.q }) : upcomingOnly ? t('site.upcoming') : t('site.events.matching');
  return html`<section aria-labelledby="list-heading">
<h2 id="list-heading">${heading}</h2>
${eventList(ctx, result.events, t('site.events.none'))}
<p class="pager">${result.paged ? html`<a href="${href(ctx, `/events${filterQuery(filter, { sort: result.sort === 'date' ? undefined : result.sort })}`)}">${t('site.events.first')}</a> ` : null}${
    result.next ? html`<a href="${href(ctx, `/events${filterQuery(filter, { sort: result.sort === 'date' ? undefined : result.sort, cursor: result.next })}`)}" rel="next">${t('site.events.more')}</a>` : null
  }</p>
${upcomingOnly ? html`<p><a href="${href(ctx, `/events${filterQuery({ ...filter, to: yesterday(ctx.today) }, { sort: '-date' })}`)}">${t('site.events.past')}</a></p>` : null}
</section>`;
}

const yesterday = (today: string) => new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function monthView(ctx: PageContext, filter: SiteFilter, month: MonthRef, events: Activity[]): Html {
  const { t } = ctx;
  const { first } = monthBounds(month);
  const title = dateFormat(ctx.language, 'month').format(new Date(`${first}T00:00:00Z`));
  const weekday = dateFormat(ctx.language, 'weekdayShort');
  const weekdayLong = dateFormat(ctx.language, 'weekdayLong');
  const dayNumber = dateFormat(ctx.language, 'dayNumber');
  // 2024-01-01 was a Monday: the header days in ISO order.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
  const monthLink = (ref: MonthRef, label: string, rel: string) => {
    const { from: _from, to: _to, ...rest } = filter;
    return html`<a href="${href(ctx, `/events${filterQuery(rest, { view: 'month', month: monthKey(ref) })}`)}" rel="${rel}">${label}</a>`;
  };
  const split = splitMonth(events, month);
  const band = (heading: string, list: Activity[]) =>
    list.length === 0 ? null : html`<div class="month-band"><h3>${heading}</h3>${eventList(ctx, list, '')}</div>`;
  return html`<section aria-labelledby="month-heading">
<h2 id="month-heading">${title}</h2>
<p class="pager">${monthLink(shiftMonth(month, -1), t('site.month.previous'), 'prev')} · ${monthLink(shiftMonth(month, 1), t('site.month.next'), 'next')}</p>
${band(t('site.month.inMonth', { month: title }), split.inMonth)}
${band(t('site.month.duringPeriod'), split.duringPeriod)}
<table class="month"><caption class="visually-hidden">${t('site.month.caption', { month: title })}</caption>
<thead><tr>${weekdays.map((d) => html`<th scope="col"><abbr title="${weekdayLong.format(d)}">${weekday.format(d)}</abbr></th>`)}</tr></thead>
<tbody>${monthGrid(month).map(
    (week) => html`<tr>${week.map((day, weekday) => {
      if (day === null) return html`<td class="outside"></td>`;
      const here = eventsOn(split.onDays, day);
      return html`<td${day === ctx.today ? html` class="today"` : null}><span class="day">${dayNumber.format(new Date(`${day}T00:00:00Z`))}</span>${
        here.length > 0
          ? html`<ul>${here.map((a) => html`<li${a.date.start < day && weekday > 0 && day !== first ? html` class="continued"` : null}><a href="${href(ctx, `/events/${a.id}`)}">${titleOf(ctx, a)}</a>${a.status === 'planned' || a.status === 'confirmed' || a.status === 'held' ? null : html` ${statusBadge(ctx, a.status)}`}</li>`)}</ul>`
          : null
      }</td>`;
    })}</tr>`,
  )}</tbody></table>
<h3>${t('site.month.listHeading', { month: title })}</h3>
${eventList(ctx, events, t('site.events.none'))}
</section>`;
}
