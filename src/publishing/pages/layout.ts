/** The frame of every page: html lang/dir, skip link, header with navigation and languages, footer. */
import { LANGUAGES } from '#src/platform/i18n.ts';
import { languageName } from '#src/platform/intl.ts';
import { html, type Html } from '../html.ts';
import { href, type PageContext } from './context.ts';

export interface PageFrame {
  /** The page's own title; the site's name follows it. None on the home page, which is the site. */
  title?: string;
  main: Html;
  /** Feeds of this page, offered in <head> for feed readers. */
  alternates?: Array<{ type: string; href: string; title: string }>;
  /** Which navigation entry is the current page. */
  current?: 'home' | 'events';
}

/** Each language in its own words ("français"), for the language switcher. */
const ownNames = new Map(LANGUAGES.map((l) => [l, languageName(l, l)]));

export function layout(ctx: PageContext, frame: PageFrame): Html {
  const { t } = ctx;
  const current = (name: PageFrame['current']) => (frame.current === name ? html` aria-current="page"` : null);
  return html`<!doctype html>
<html lang="${ctx.language}" dir="${ctx.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title ? `${frame.title} · ${t('site.name')}` : t('site.name')}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/site.css">
${LANGUAGES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${ctx.origin}/${l}${ctx.path}">\n`)}<link rel="alternate" hreflang="x-default" href="${ctx.origin}/en${ctx.path}">
${(frame.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" href="${a.href}" title="${a.title}">\n`)}</head>
<body>
<a class="skip" href="#main">${t('common.skipToContent')}</a>
<header class="top">
<div class="wrap top-row">
<a class="brand" href="${href(ctx, '/')}">${t('site.name')}<span class="brand-union">${t('common.union')}</span></a>
<nav aria-label="${t('site.nav.label')}"><ul class="nav">
<li><a href="${href(ctx, '/')}"${current('home')}>${t('site.nav.home')}</a></li>
<li><a href="${href(ctx, '/events')}"${current('events')}>${t('site.nav.events')}</a></li>
</ul></nav>
<form class="search" role="search" method="get" action="${href(ctx, '/events')}">
<label class="visually-hidden" for="site-q">${t('site.search.label')}</label> <input id="site-q" name="q" type="search" maxlength="200"> <button type="submit">${t('site.search.button')}</button>
</form>
<nav aria-label="${t('common.language')}"><ul class="languages">
${LANGUAGES.map((l) =>
  l === ctx.language
    ? html`<li><a href="/${l}${ctx.path}" lang="${l}" hreflang="${l}" aria-current="true">${ownNames.get(l)}</a></li>`
    : html`<li><a href="/${l}${ctx.path}" lang="${l}" hreflang="${l}">${ownNames.get(l)}</a></li>`,
)}
</ul></nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${frame.main}
</main>
<footer class="foot"><div class="wrap">
<p>${t('site.footer.source')}</p>
<p><a href="/calendar.ics">${t('site.feeds.allEvents')}</a> · <a href="${href(ctx, '/open-data')}">${t('opendata.page.heading')}</a> · <a href="/api/docs">${t('site.footer.api')}</a></p>
</div></footer>
</body>
</html>
`;
}
