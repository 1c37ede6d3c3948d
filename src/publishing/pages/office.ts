/** An office: where it is, who leads it, the countries it covers, its annual plan for a year, its past activities. */
import type { Activity } from '#src/activities/model.ts';
import type { AnnualPlanByOutput } from '#src/annualplan/model.ts';
import { dateFormat } from '#src/platform/intl.ts';
import type { Assignment } from '#src/registry/model.ts';
import { headOn } from '#src/registry/model.ts';
import type { OfficeDetails } from '#src/registry/service.ts';
import { html, trustedHtml, type Html } from '../html.ts';
import { groupPlan } from '../model.ts';
import type { FilterIssue } from '../schemas.ts';
import type { PlanView } from '../service.ts';
import { fragmentOf, href, type PageContext } from './context.ts';
import { layout } from './layout.ts';
import { annualPlanByOutputSection, annualPlanDownloads } from './office-by-output.ts';
import { bodyName, calendarLinks, yearCalendarLinks, countryName, dateOf, eventList, nameIn, nameText, placeText, statusBadge, titleOf } from './parts.ts';

export interface OfficeData {
  details: OfficeDetails;
  year: number;
  plan: Activity[];
  /** The year shown a month at a time, when it holds more than a page (PlanView). */
  paged?: PlanView['paged'];
  /** The year by Sector and plan output, with the office's texts (absent when nothing is linked or written). */
  byOutput?: AnnualPlanByOutput | null;
  past: Activity[];
  /** A year in the address that is not one, said on the page (the current year is shown). */
  issue: FilterIssue | null;
}

/** "Dr Jane Doe, Regional Director" with the title in the page language where known. */
export function headLine(ctx: PageContext, head: Assignment): Html {
  const person = [head.person.honorific, head.person.name].filter(Boolean).join(' ');
  return head.title ? html`${person}, ${nameIn(ctx, head.title)}` : html`${person}`;
}

const monthName = (ctx: PageContext, month: number): string => dateFormat(ctx.language, 'monthName').format(new Date(Date.UTC(2000, month - 1, 1)));

const yearText = (ctx: PageContext, year: number): string => new Intl.NumberFormat(ctx.language, { useGrouping: false }).format(year);

/** A plan month's name: 0 the whole year, 13 no date yet. */
const planMonthName = (ctx: PageContext, month: number, year: string): string =>
  month === 0 ? ctx.t('site.plan.wholeYear') : month === 13 ? ctx.t('site.date.undecided') : `${monthName(ctx, month)} ${year}`;

/** The year's events counted by month, each month a link to its page; the one shown is marked. */
function yearSummary(ctx: PageContext, base: string, yearNumber: number, year: string, paged: NonNullable<PlanView['paged']>, shown: number): Html {
  const { t } = ctx;
  const months = [...paged.counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const count = new Intl.NumberFormat(ctx.language).format(paged.total);
  return html`<p class="notice">${t('officeplan.summary.note', { count, year })}</p>
<h3 id="plan-summary">${t('officeplan.summary.heading')}</h3>
<div class="table-scroll"><table class="plan-summary" aria-labelledby="plan-summary"><thead><tr><th scope="col">${t('officeplan.summary.month')}</th><th scope="col">${t('officeplan.summary.count')}</th></tr></thead>
<tbody>${months.map(
    ([month, n]) =>
      html`<tr><td>${
        month === paged.month
          ? html`<strong aria-current="page">${planMonthName(ctx, month, year)}</strong> <small>(${t('officeplan.summary.shown')})</small>`
          : html`<a href="${href(ctx, `${base}?year=${yearNumber}&month=${month}`)}">${planMonthName(ctx, month, year)}</a>`
      }</td><td>${new Intl.NumberFormat(ctx.language).format(n)}</td></tr>`,
  )}</tbody></table></div>
${paged.truncated ? html`<p class="notice">${t('officeplan.summary.truncated', { count: new Intl.NumberFormat(ctx.language).format(shown) })}</p>` : null}`;
}

/** An activity's row in the plan's table. */
function planRow(ctx: PageContext, a: Activity): Html {
  return html`<tr><td><a href="${href(ctx, `/events/${a.id}`)}">${titleOf(ctx, a)}</a><br><small>${ctx.t(`site.kind.${a.kind}`)}</small></td><td>${dateOf(ctx, a)}</td><td>${placeText(ctx, a.place) ?? '—'}</td><td>${statusBadge(ctx, a.status)}</td></tr>`;
}

export function officePage(ctx: PageContext, data: OfficeData): Html {
  const { t, snapshot } = ctx;
  const { office, children } = data.details;
  const head = headOn(data.details.assignments, office.code, ctx.today);
  const region = snapshot.regions.find((r) => r.code === office.region);
  const parent = office.parent ? snapshot.officeByCode.get(office.parent) : undefined;
  const base = `/offices/${office.code}`;
  const months = groupPlan(data.plan, data.year, snapshot.sectors.map((s) => s.code));
  const year = yearText(ctx, data.year);
  const main = html`<p class="kicker">${t(`site.officeKind.${office.kind}`)}</p>
<h1>${nameIn(ctx, office.names)}</h1>
<dl class="facts">
<dt>${t('site.office.where')}</dt><dd>${nameIn(ctx, office.cityNames)}, ${countryName(ctx, office.country)}</dd>
${region ? html`<dt>${t('site.office.region')}</dt><dd><a href="${href(ctx, `/regions/${region.code}`)}">${nameIn(ctx, region.names)}</a></dd>` : null}
${parent ? html`<dt>${t('site.office.parent')}</dt><dd><a href="${href(ctx, `/offices/${parent.office.code}`)}">${nameIn(ctx, parent.office.names)}</a></dd>` : null}
<dt>${t('site.office.head')}</dt><dd>${head ? headLine(ctx, head) : t('site.notPublished')}</dd>
<dt>${t('site.office.countries')}</dt><dd>${
    office.countriesCovered && office.countriesCovered.length > 0
      ? html`${office.countriesCovered
          .map((c) => countryName(ctx, c))
          .sort((a, b) => a.localeCompare(b, ctx.language))
          .join(', ')}${office.coverageConfirmed ? null : html` <small>(${t('site.office.unconfirmed')})</small>`}`
      : t('site.notPublished')
  }</dd>
${children.length > 0 ? html`<dt>${t('site.office.areaOffices')}</dt><dd>${children.map((code, i) => html`${i > 0 ? ', ' : null}<a href="${href(ctx, `/offices/${code}`)}">${nameIn(ctx, snapshot.officeByCode.get(code)?.office.names ?? { en: code })}</a>`)}</dd>` : null}
</dl>
${calendarLinks(ctx, href(ctx, `${base}/calendar.ics`))}
<section aria-labelledby="plan-heading">
<h2 id="plan-heading">${t('site.plan.heading', { year })}</h2>
${data.issue ? html`<div class="notice" role="alert"><p>${t('site.filter.invalid', { field: t('site.filter.year'), value: data.issue.value })}</p></div>` : null}
<form class="year-form" method="get" action="${href(ctx, base)}">
<a href="${href(ctx, `${base}?year=${data.year - 1}`)}" rel="prev">${t('site.plan.previousYear')}</a>
<label for="year">${t('site.plan.year')}</label> <input id="year" name="year" type="number" min="1900" max="2200" value="${data.year}" inputmode="numeric">
<button type="submit">${t('site.plan.show')}</button>
<a href="${href(ctx, `${base}?year=${data.year + 1}`)}" rel="next">${t('site.plan.nextYear')}</a>
</form>
${yearCalendarLinks(ctx, href(ctx, `${base}/calendar.ics`), data.year)}
${annualPlanDownloads(ctx, office.code, data.year)}
${annualPlanByOutputSection(ctx, data.byOutput ?? null, Boolean(data.paged))}
${data.paged ? yearSummary(ctx, base, data.year, year, data.paged, data.plan.length) : null}
${months.length === 0 ? html`<p class="empty">${t('site.plan.empty', { year })}</p>` : months.map(
    (month) => html`<h3>${month.month === 'undated' ? t('site.date.undecided') : month.month === null ? t('site.plan.wholeYear') : `${monthName(ctx, month.month)} ${year}`}</h3>
${month.sectors.map(
  (group) => html`<h4 class="sector">${group.sector ? bodyName(ctx, group.sector) : t('site.plan.noSector')}</h4>
<div class="table-scroll"><table class="plan"><thead><tr><th scope="col">${t('site.event.title')}</th><th scope="col">${t('site.event.when')}</th><th scope="col">${t('site.event.where')}</th><th scope="col">${t('site.event.status')}</th></tr></thead>
<tbody>${group.activities.map((a) => trustedHtml(fragmentOf(ctx, 'plan-row', a, () => planRow(ctx, a).value)))}</tbody></table></div>`,
)}`,
  )}
</section>
<section aria-labelledby="past-heading">
<h2 id="past-heading">${t('site.past.heading')}</h2>
${eventList(ctx, data.past, t('site.noRecent'))}
</section>`;
  return layout(ctx, { title: nameText(ctx, office.names), main });
}
