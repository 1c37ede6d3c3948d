/** The pages of what went wrong, in the page language: not found, a bad address, our own failure. */
import { html, type Html } from '../html.ts';
import { href, type PageContext } from './context.ts';
import { layout } from './layout.ts';

export function notFoundPage(ctx: PageContext): Html {
  const { t } = ctx;
  return layout(ctx, {
    title: t('site.notFound.title'),
    main: html`<h1>${t('site.notFound.title')}</h1><p>${t('site.notFound.text')}</p>
<ul><li><a href="${href(ctx, '/')}">${t('site.notFound.home')}</a></li><li><a href="${href(ctx, '/events')}">${t('site.allEvents')}</a></li></ul>`,
  });
}

export function errorPage(ctx: PageContext, status: number, reference: string): Html {
  const { t } = ctx;
  const title = status >= 500 ? t('site.error.title') : t('site.badRequest.title');
  const text = status >= 500 ? t('site.error.text', { reference }) : t('site.badRequest.text');
  return layout(ctx, {
    title,
    main: html`<h1>${title}</h1><p>${text}</p><p><a href="${href(ctx, '/')}">${t('site.notFound.home')}</a></p>`,
  });
}
