/** A region: its offices with their heads, upcoming and recent events, its calendar feed. */
import type { Activity } from '#src/activities/model.ts';
import { headOn, type Region } from '#src/registry/model.ts';
import { html, type Html } from '../html.ts';
import { filterQuery } from '../schemas.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';
import { calendarLinks, eventList, nameIn, nameText } from './parts.ts';
import { headLine } from './office.ts';

export interface RegionData {
  region: Region;
  upcoming: Activity[];
  recent: Activity[];
}

export function regionPage(ctx: PageContext, data: RegionData): Html {
  const { t, snapshot } = ctx;
  const { region } = data;
  const offices = snapshot.offices.filter((o) => o.office.region === region.code && o.office.kind !== 'headquarters');
  const main = html`<p class="kicker">${t('site.region.kicker')}</p>
<h1>${nameIn(ctx, region.names)}</h1>
<section aria-labelledby="offices-heading">
<h2 id="offices-heading">${t('site.region.offices')}</h2>
${offices.length === 0 ? html`<p class="empty">${t('site.region.noOffices')}</p>` : html`<ul class="cards">${offices.map((details) => {
  const { office } = details;
  const head = headOn(details.assignments, office.code, ctx.today);
  return html`<li class="card"><h3><a href="${href(ctx, `/offices/${office.code}`)}">${nameIn(ctx, office.names)}</a></h3>
<p>${t(`site.officeKind.${office.kind}`)} · ${nameIn(ctx, office.cityNames)}</p>
<p>${t('site.office.head')}: ${head ? headLine(ctx, head) : t('site.notPublished')}</p></li>`;
})}</ul>`}
</section>
<section aria-labelledby="upcoming-heading">
<h2 id="upcoming-heading">${t('site.upcoming')}</h2>
${eventList(ctx, data.upcoming, t('site.noUpcoming'))}
<p><a href="${href(ctx, `/events${filterQuery({ region: [region.code] })}`)}">${t('site.region.allEvents', { region: nameText(ctx, region.names) })}</a></p>
${calendarLinks(ctx, href(ctx, `/regions/${region.code}/calendar.ics`))}
</section>
<section aria-labelledby="recent-heading">
<h2 id="recent-heading">${t('site.recent')}</h2>
${eventList(ctx, data.recent, t('site.noRecent'))}
</section>`;
  return layout(ctx, { title: nameText(ctx, region.names), main });
}
