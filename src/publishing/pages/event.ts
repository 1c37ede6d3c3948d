/** One event with every public field, its place, related events and an "add to calendar" link. */
import { textIn, type Activity, type Texts } from '#src/activities/model.ts';
import { formatDay } from '#src/platform/intl.ts';
import { titleIn } from '#src/plans/model.ts';
import { html, type Html } from '../html.ts';
import type { EventDetails } from '../service.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';
import { bodyName, dateOf, formatNumber, languageName, officeName, placeText, statusBadge, titleOf, titleText } from './parts.ts';

/** A long text in the page language (else its original, marked), paragraph by paragraph. */
function longText(ctx: PageContext, texts: Texts, original: Activity['originalLanguage']): Html | null {
  const shown = textIn(texts, ctx.language, original);
  if (!shown) return null;
  const paragraphs = shown.text.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`);
  return shown.untranslated
    ? html`<div lang="${shown.language}" dir="${shown.language === 'ar' ? 'rtl' : 'ltr'}">${paragraphs}</div><p class="fallback">${ctx.t('common.notTranslated', { language: languageName(ctx, shown.language) })}</p>`
    : html`${paragraphs}`;
}

/** The plan items an event serves, the direct links first, each with its level, label, title and plan; computed levels marked. */
function planList(ctx: PageContext, { planLinks, plans }: Pick<EventDetails, 'planLinks' | 'plans'>): Html | null {
  if (planLinks.length === 0) return null;
  const { t } = ctx;
  return html`<dt>${t('plans.site.serves')}</dt><dd><ul class="plain">${planLinks.map((link) => {
    const plan = plans.get(link.plan);
    const title = titleIn(link.titles, ctx.language);
    return html`<li>${t(`plans.level.${link.level}`)} ${link.label}: ${title}${plan ? html` (${titleIn(plan.names, ctx.language)})` : null}${link.direct ? null : html` <small>${t('plans.site.computed')}</small>`}</li>`;
  })}</ul></dd>`;
}

export function eventPage(ctx: PageContext, { activity, statusHistory, related, planLinks, plans }: EventDetails): Html {
  const { t } = ctx;
  const place = placeText(ctx, activity.place);
  const description = longText(ctx, activity.description, activity.originalLanguage);
  const outcome = longText(ctx, activity.outcome, activity.originalLanguage);
  const shownTitle = textIn(activity.title, ctx.language, activity.originalLanguage);
  const updated = formatDay(activity.updatedAt.slice(0, 10), ctx.language);
  const main = html`<p class="kicker">${t(`site.kind.${activity.kind}`)}</p>
<h1>${titleOf(ctx, activity)}</h1>
${shownTitle?.untranslated ? html`<p class="fallback">${t('common.notTranslated', { language: languageName(ctx, shownTitle.language) })}</p>` : null}
<p>${statusBadge(ctx, activity.status)}</p>
<dl class="facts">
<dt>${t('site.event.when')}</dt><dd>${dateOf(ctx, activity)}</dd>
<dt>${t('site.event.where')}</dt><dd>${place ?? t('site.notPublished')}</dd>
<dt>${t('site.event.status')}</dt><dd>${t(`site.status.${activity.status}`)}</dd>
<dt>${t('site.event.offices')}</dt><dd><ul class="plain">${uniqueOffices(activity).map(
    ({ office, roles }) => html`<li><a href="${href(ctx, `/offices/${office}`)}">${officeName(ctx, office)}</a> (${roles.map((r) => t(`site.role.${r}`)).join(', ')})</li>`,
  )}</ul></dd>
${activity.sectors.length > 0 ? html`<dt>${t('site.event.sectors')}</dt><dd>${activity.sectors.map((s, i) => html`${i > 0 ? ', ' : null}${bodyName(ctx, s)}`)}</dd>` : null}
${activity.bodies.length > 0 ? html`<dt>${t('site.event.bodies')}</dt><dd><ul class="plain">${activity.bodies.map((b) => html`<li>${b}: ${bodyName(ctx, b)}</li>`)}</ul></dd>` : null}
${planList(ctx, { planLinks, plans })}
${activity.participants !== null ? html`<dt>${t('site.event.participants')}</dt><dd>${formatNumber(ctx, activity.participants)}</dd>` : null}
<dt>${t('site.event.updated')}</dt><dd><time datetime="${activity.updatedAt}">${updated}</time></dd>
</dl>
<p><a class="button" href="${href(ctx, `/events/${activity.id}/calendar.ics`)}" download>${t('site.event.addToCalendar')}</a></p>
${description ? html`<section aria-labelledby="description-heading"><h2 id="description-heading">${t('site.event.description')}</h2>${description}</section>` : null}
${outcome ? html`<section aria-labelledby="outcome-heading"><h2 id="outcome-heading">${t('site.event.outcome')}</h2>${outcome}</section>` : null}
${activity.links.length > 0
  ? html`<section aria-labelledby="links-heading"><h2 id="links-heading">${t('site.event.links')}</h2><ul>${activity.links.map(
      (l) => html`<li><a href="${l.url}" rel="noopener">${l.title ?? l.url}</a></li>`,
    )}</ul></section>`
  : null}
${statusHistory.length > 1
  ? html`<section aria-labelledby="history-heading"><h2 id="history-heading">${t('site.event.history')}</h2><ul>${statusHistory.map(
      (c) => html`<li><time datetime="${c.at}">${formatDay(c.at.slice(0, 10), ctx.language)}</time>: ${t(`site.status.${c.to}`)}</li>`,
    )}</ul></section>`
  : null}
${related.length > 0
  ? html`<section aria-labelledby="related-heading"><h2 id="related-heading">${t('site.event.related')}</h2>
<ul class="events">${related.map((r) => {
      const kind = activity.related.find((x) => x.activity === r.id)?.kind;
      return html`<li class="event"><p class="event-title">${kind ? html`${t(`site.relation.${kind}`)}: ` : null}<a href="${href(ctx, `/events/${r.id}`)}">${titleOf(ctx, r)}</a> ${statusBadge(ctx, r.status)}</p><p class="event-meta">${dateOf(ctx, r)}</p></li>`;
    })}</ul></section>`
  : null}`;
  return layout(ctx, { title: titleText(ctx, activity), main });
}

function uniqueOffices(activity: Activity): Array<{ office: string; roles: string[] }> {
  const byOffice = new Map<string, string[]>();
  for (const { office, role } of activity.offices) byOffice.set(office, [...(byOffice.get(office) ?? []), role]);
  return [...byOffice.entries()].map(([office, roles]) => ({ office, roles }));
}
