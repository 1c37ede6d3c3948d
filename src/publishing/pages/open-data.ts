/** The site's open data: the IATI activity file, the feeds, the API and the year in numbers, each described. */
import { html, type Html } from '../html.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';

export function openDataPage(ctx: PageContext): Html {
  const { t } = ctx;
  const year = Number(ctx.today.slice(0, 4));
  const main = html`<h1>${t('opendata.page.heading')}</h1>
<p class="lead">${t('opendata.page.intro')}</p>
<section aria-labelledby="iati-heading">
<h2 id="iati-heading">${t('opendata.iati.heading')}</h2>
<p>${t('opendata.iati.about')}</p>
<p><a class="button" href="/open-data/iati.xml" type="application/xml">${t('opendata.iati.download')}</a></p>
<p>${t('opendata.iati.filters')} <code>/open-data/iati.xml?region=AFR&amp;from=${year}-01-01</code></p>
</section>
<section aria-labelledby="feeds-heading">
<h2 id="feeds-heading">${t('site.feeds.heading')}</h2>
<ul>
<li><a href="/calendar.ics">${t('site.feeds.allEvents')}</a></li>
<li><a href="${href(ctx, '/events.atom')}">${t('site.feeds.atom')}</a></li>
<li><a href="${href(ctx, '/events.json')}">${t('site.feeds.json')}</a></li>
</ul>
<p>${t('opendata.page.feedsFilters')} <a href="${href(ctx, '/events')}">${t('site.nav.events')}</a></p>
</section>
<section aria-labelledby="numbers-heading">
<h2 id="numbers-heading">${t('opendata.year.kicker')}</h2>
<p><a href="${href(ctx, `/years/${year}`)}">${t('opendata.year.heading', { year: new Intl.NumberFormat(ctx.language, { useGrouping: false }).format(year) })}</a></p>
</section>
<section aria-labelledby="api-heading">
<h2 id="api-heading">${t('opendata.page.apiHeading')}</h2>
<p>${t('opendata.page.api')} <a href="/api/docs">${t('site.footer.api')}</a></p>
</section>`;
  return layout(ctx, { title: t('opendata.page.heading'), main });
}
