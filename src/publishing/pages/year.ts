/**
 * A year in numbers: the public activities of each month by region, as stacked bars drawn on the
 * server and, beside them, the same figures as a table (every month a link to its calendar).
 */
import { chartLegend } from '../charts.ts';
import { html, type Html } from '../html.ts';
import { filterQuery } from '../schemas.ts';
import { MONTHS, monthsOf, yearChart, yearTable, yearText, type YearCounts } from '../year-chart.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';
import { formatNumber, nameText } from './parts.ts';
import { coverageLinks } from '#src/coverage/page.ts';

const pad = (month: number) => String(month).padStart(2, '0');

export function yearPage(ctx: PageContext, data: Omit<YearCounts, 'regions'>): Html {
  const { t } = ctx;
  const { year } = data;
  const counts: YearCounts = { ...data, regions: ctx.snapshot.regions.map((r) => ({ code: r.code, names: r.names })) };
  const { at, rowTotal, columnTotal, total } = yearTable(counts);
  const shownYear = yearText(year, ctx.language);
  const months = monthsOf(year, ctx.language);
  const regions = counts.regions.map((r) => ({ key: r.code, label: nameText(ctx, r.names) }));
  const number = (value: number) => formatNumber(ctx, value);
  const main = html`<p class="kicker">${t('opendata.year.kicker')}</p>
<h1>${t('opendata.year.heading', { year: shownYear })}</h1>
<p class="pager"><a href="${href(ctx, `/years/${year - 1}`)}" rel="prev">${t('opendata.year.previous')}</a> · <a href="${href(ctx, `/years/${year + 1}`)}" rel="next">${t('opendata.year.next')}</a></p>
<p>${t('opendata.year.intro', { year: shownYear })}</p>
<div class="chart-and-table">
<figure class="chart-figure">${yearChart(counts, ctx)}
<figcaption>${chartLegend(regions)}<p>${t('opendata.year.note')}</p></figcaption></figure>
<div class="table-scroll"><table class="chart-table"><caption>${t('opendata.year.tableCaption', { year: shownYear })}</caption>
<thead><tr><th scope="col">${t('opendata.year.month')}</th>${regions.map((r) => html`<th scope="col">${r.label}</th>`)}<th scope="col">${t('opendata.year.total')}</th></tr></thead>
<tbody>${MONTHS.map(
    (m, i) => html`<tr><th scope="row"><a href="${href(ctx, `/events${filterQuery({}, { view: 'month', month: `${year}-${pad(m)}` })}`)}">${months[i]!.name}</a></th>${regions.map((r) => html`<td>${number(at(m, r.key))}</td>`)}<td>${number(rowTotal(m))}</td></tr>`,
  )}${rowTotal(0) > 0 ? html`<tr><th scope="row">${t('opendata.year.monthUnknown')}</th>${regions.map((r) => html`<td>${number(at(0, r.key))}</td>`)}<td>${number(rowTotal(0))}</td></tr>` : null}</tbody>
<tfoot><tr><th scope="row">${t('opendata.year.total')}</th>${regions.map((r) => html`<td>${number(columnTotal(r.key))}</td>`)}<td>${number(total)}</td></tr></tfoot>
</table></div>
</div>
${coverageLinks(ctx, year)}
<p><a href="/open-data/iati.xml${filterQuery({ from: `${year}-01-01`, to: `${year}-12-31` })}">${t('opendata.iati.forYear', { year: shownYear })}</a> · <a href="${href(ctx, '/open-data')}">${t('opendata.page.heading')}</a></p>`;
  return layout(ctx, { title: t('opendata.year.heading', { year: shownYear }), main, current: 'events' });
}
