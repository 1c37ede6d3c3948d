/** The office page's annual plan by Sector and output or regional initiative (decision 26): the office's text and the activities under each. */
import { textIn, type Activity } from '#src/activities/model.ts';
import type { AnnualPlanByOutput } from '#src/annualplan/model.ts';
import { localise } from '#src/registry/model.ts';
import { html, trustedHtml, type Html } from '../html.ts';
import { fragmentOf, href, type PageContext } from './context.ts';
import { bodyName, dateOf, foreign, placeText, statusBadge, titleOf } from './parts.ts';

/** An activity under a plan item: title, date, place, status. */
function outputItem(ctx: PageContext, a: Activity): Html {
  const place = placeText(ctx, a.place);
  return html`<li><a href="${href(ctx, `/events/${a.id}`)}">${titleOf(ctx, a)}</a> — ${dateOf(ctx, a)}${place ? html`, ${place}` : null} ${statusBadge(ctx, a.status)}</li>`;
}

/** An activity linked to no plan item: title, date, status. */
function unlinkedItem(ctx: PageContext, a: Activity): Html {
  return html`<li><a href="${href(ctx, `/events/${a.id}`)}">${titleOf(ctx, a)}</a> — ${dateOf(ctx, a)} ${statusBadge(ctx, a.status)}</li>`;
}

/** The office's own words in the page language, else in the language it wrote them, marked. */
function ownText(ctx: PageContext, text: Parameters<typeof textIn>[0] | null): Html {
  const shown = text ? textIn(text, ctx.language, 'en') : null;
  if (!shown) return html`<p class="empty">${ctx.t('annualplan.noText')}</p>`;
  const paragraphs = shown.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return html`${paragraphs.map((p) => html`<p>${shown.untranslated ? foreign(shown.language, p) : p}</p>`)}`;
}

/** Links to the annual plan as a Word document and as a PDF, in the page language. */
export function annualPlanDownloads(ctx: PageContext, office: string, year: number): Html {
  const base = `/api/offices/${encodeURIComponent(office)}/annual-plan/${year}`;
  return html`<p class="downloads">${ctx.t('annualplan.download')}: <a href="${base}.docx?lang=${ctx.language}" download>${ctx.t('annualplan.downloadDocx')}</a> · <a href="${base}.pdf?lang=${ctx.language}" download>${ctx.t('annualplan.downloadPdf')}</a></p>`;
}

export function annualPlanByOutputSection(ctx: PageContext, plan: AnnualPlanByOutput | null, paged: boolean): Html {
  const { t } = ctx;
  if (!plan || plan.groups.length === 0) return html``;
  return html`<h3 id="by-output">${t('annualplan.byOutput')}</h3>
${paged ? html`<p class="notice">${t('annualplan.pagedNote')}</p>` : null}
${plan.groups.map(
  (group) => html`<h4 class="sector">${bodyName(ctx, group.sector)}</h4>
${group.entries.map(
  (entry) => html`<section class="plan-output" aria-labelledby="output-${entry.item.id.replace(/[^A-Za-z0-9-]/g, '-')}">
<h5 id="output-${entry.item.id.replace(/[^A-Za-z0-9-]/g, '-')}"><span class="label">${entry.item.label}</span> ${localise(entry.item.titles, ctx.language).fallback ? foreign('en', entry.item.titles.en) : localise(entry.item.titles, ctx.language).text}</h5>
${ownText(ctx, entry.text)}
${
  entry.activities.length === 0
    ? html`<p class="empty">${t('annualplan.noActivities')}</p>`
    : html`<ul class="events">${entry.activities.map((a) => trustedHtml(fragmentOf(ctx, 'output-item', a, () => outputItem(ctx, a).value)))}</ul>`
}
</section>`,
)}`,
)}
${plan.unlinked.length > 0 ? html`<h4>${t('annualplan.unlinked')}</h4>
<ul class="events">${plan.unlinked.map((a) => trustedHtml(fragmentOf(ctx, 'unlinked-item', a, () => unlinkedItem(ctx, a).value)))}</ul>` : null}
<h3 id="by-month">${t('annualplan.byMonth')}</h3>`;
}
