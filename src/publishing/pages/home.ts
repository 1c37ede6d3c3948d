/** The home page: the map of the offices (with its list as text alternative), upcoming and recent events, the six regions. */
import type { Activity } from '#src/activities/model.ts';
import { html, type Html } from '../html.ts';
import { worldMap } from '../map.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';
import { calendarLinks, eventList, nameIn, nameText } from './parts.ts';

export interface HomeData {
  upcoming: Activity[];
  recent: Activity[];
}

export function homePage(ctx: PageContext, data: HomeData): Html {
  const { t, snapshot } = ctx;
  const offices = snapshot.offices.filter((o) => o.office.kind !== 'headquarters' && o.office.closedOn === null);
  const markers = offices.map(({ office }) => ({
    href: href(ctx, `/offices/${office.code}`),
    label: nameText(ctx, office.names),
    lat: office.coordinates.lat,
    lon: office.coordinates.lon,
    major: office.kind !== 'area',
  }));
  const main = html`<h1>${t('site.home.heading')}</h1>
<p class="lead">${t('site.home.intro')}</p>
<section aria-labelledby="map-heading">
<h2 id="map-heading">${t('site.home.offices')}</h2>
<figure class="map-figure">${worldMap(t('site.home.map'), markers)}
<figcaption>${t('site.home.mapCaption')}</figcaption></figure>
<div class="office-columns">
${snapshot.regions.map((region) => {
  const here = offices.filter((o) => o.office.region === region.code);
  return here.length === 0
    ? null
    : html`<div><h3><a href="${href(ctx, `/regions/${region.code}`)}">${nameIn(ctx, region.names)}</a></h3><ul class="plain">${here.map(
        ({ office }) => html`<li><a href="${href(ctx, `/offices/${office.code}`)}">${nameIn(ctx, office.names)}</a></li>`,
      )}</ul></div>`;
})}
</div>
</section>
<section aria-labelledby="upcoming-heading">
<h2 id="upcoming-heading">${t('site.upcoming')}</h2>
${eventList(ctx, data.upcoming, t('site.noUpcoming'))}
<p><a href="${href(ctx, '/events')}">${t('site.allEvents')}</a></p>
${calendarLinks(ctx, '/calendar.ics', href(ctx, '/events.atom'))}
</section>
<section aria-labelledby="recent-heading">
<h2 id="recent-heading">${t('site.recent')}</h2>
${eventList(ctx, data.recent, t('site.noRecent'))}
</section>
<section aria-labelledby="regions-heading">
<h2 id="regions-heading">${t('site.home.regions')}</h2>
<ul class="regions">${snapshot.regions.map((r) => html`<li><a href="${href(ctx, `/regions/${r.code}`)}">${nameIn(ctx, r.names)}</a></li>`)}</ul>
</section>`;
  return layout(ctx, {
    main,
    current: 'home',
    alternates: [{ type: 'application/atom+xml', href: href(ctx, '/events.atom'), title: t('site.feeds.changesTitle') }],
  });
}
