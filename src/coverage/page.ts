/**
 * The public summary of a Sector's plan coverage in a year (public activities only): the outputs
 * by region as a heatmap drawn on the server and, beside it, the same figures as a table with
 * the gaps written out; then each region's initiatives with their figures. No script.
 */
import { PLAN_SECTORS } from '#src/plans/model.ts';
import { html, type Html } from '#src/publishing/html.ts';
import { href, type PageContext } from '#src/publishing/pages/context.ts';
import { layout } from '#src/publishing/pages/layout.ts';
import { foreign, formatNumber, nameText } from '#src/publishing/pages/parts.ts';
import { localise } from '#src/registry/model.ts';
import type { Names } from '#src/registry/reference.ts';
import { isGap, type CoverageView, type Figures } from './model.ts';
import { coverageHeatmap, planName, regionsOnly, yearText } from './render.ts';

/** The public page of a Sector's coverage in a year. */
export const coveragePath = (sector: string, year: number) => `/plans/${sector}/${year}/coverage`;

/** An item's title in the page's language, or in English marked as English (for its reading direction and voice). */
function titleOf(ctx: PageContext, titles: Names): Html | string {
  const { text, language, fallback } = localise(titles, ctx.language);
  return fallback ? foreign(language, text) : text;
}

function figuresCell(ctx: PageContext, figures: Figures): Html {
  if (isGap(figures)) return html`<td class="coverage-gap">${ctx.t('coverage.gap')}</td>`;
  const n = (v: number) => formatNumber(ctx, v);
  return html`<td>${ctx.t('coverage.cell', { planned: n(figures.planned), held: n(figures.held) })}</td>`;
}

export function coveragePage(ctx: PageContext, view: CoverageView): Html {
  const { t } = ctx;
  const year = yearText(view.year, ctx);
  const params = { plan: planName(view, ctx), year, sector: view.sector };
  const table = regionsOnly(view.outputs);
  const sectors = PLAN_SECTORS.map((s) =>
    s === view.sector ? html`<li><a href="${href(ctx, coveragePath(s, view.year))}" aria-current="page">${s}</a></li>` : html`<li><a href="${href(ctx, coveragePath(s, view.year))}">${s}</a></li>`,
  );
  const outputs =
    table.rows.length === 0
      ? html`<p class="empty">${t('coverage.noPlan', params)}</p>`
      : html`<div class="chart-and-table">
<figure class="chart-figure coverage-figure">${coverageHeatmap(view, table, ctx)}
<figcaption><p>${t('coverage.site.note')}</p></figcaption></figure>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="coverage-outputs-caption"><table class="chart-table coverage-table"><caption id="coverage-outputs-caption">${t('coverage.outputsCaption', params)}</caption>
<thead><tr><th scope="col">${t('coverage.output')}</th>${table.columns.map((c) => html`<th scope="col">${nameText(ctx, c.names)}</th>`)}<th scope="col">${t('coverage.total')}</th></tr></thead>
<tbody>${table.rows.map(
          (row) => html`<tr><th scope="row">${row.label} <span class="coverage-title">${titleOf(ctx, row.titles)}</span></th>${row.cells.map((c) => figuresCell(ctx, c))}${figuresCell(ctx, row.total)}</tr>`,
        )}</tbody>
<tfoot><tr><th scope="row">${t('coverage.total')}</th>${table.totals.map((c) => figuresCell(ctx, c))}${figuresCell(ctx, table.total)}</tr></tfoot>
</table></div></div>`;
  const initiatives = view.initiatives.length
    ? html`<h2>${t('coverage.site.initiatives', params)}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="coverage-initiatives-caption"><table class="chart-table coverage-table"><caption id="coverage-initiatives-caption">${t('coverage.site.initiativesCaption', params)}</caption>
<thead><tr><th scope="col">${t('coverage.initiative')}</th><th scope="col">${t('coverage.region')}</th><th scope="col">${t('coverage.total')}</th></tr></thead>
<tbody>${view.initiatives.flatMap((group) => {
        const region = ctx.snapshot.regions.find((r) => r.code === group.region);
        return group.rows.map(
          (row) => html`<tr><th scope="row">${row.label} <span class="coverage-title">${titleOf(ctx, row.titles)}</span></th><td>${region ? nameText(ctx, region.names) : group.region}</td>${figuresCell(ctx, row.total)}</tr>`,
        );
      })}</tbody></table></div>`
    : null;
  const main = html`<p class="kicker">${t('coverage.site.kicker')}</p>
<h1>${t('coverage.heading', params)}</h1>
<nav aria-label="${t('coverage.sector')}"><ul class="coverage-sectors">${sectors}</ul></nav>
<p class="pager"><a href="${href(ctx, coveragePath(view.sector, view.year - 1))}" rel="prev">${t('coverage.previous')}</a> · <a href="${href(ctx, coveragePath(view.sector, view.year + 1))}" rel="next">${t('coverage.next')}</a></p>
<p>${t('coverage.site.intro', params)}</p>
${outputs}
${initiatives}
<p><a href="${href(ctx, `/years/${view.year}`)}">${t('coverage.site.yearPage', params)}</a></p>`;
  return layout(ctx, { title: t('coverage.heading', params), main, current: 'events' });
}

/** The year page's links to each Sector's coverage in that year. */
export function coverageLinks(ctx: PageContext, year: number): Html {
  return html`<p>${ctx.t('coverage.site.linksIntro', { year: yearText(year, ctx) })} ${PLAN_SECTORS.map((s, i) => html`${i > 0 ? ' · ' : ''}<a href="${href(ctx, coveragePath(s, year))}">${s}</a>`)}</p>`;
}
