import { describe, expect, it } from 'vitest';
import type { Language } from '#src/platform/i18n.ts';
import { elementsOf } from '../../../test/support/html-text.ts';
import { testPageContext } from '../../../test/support/page-fixtures.ts';
import { html } from '../html.ts';
import { layout, type PageFrame } from './layout.ts';

const page = (language: Language, frame: Partial<PageFrame> = {}): string =>
  layout(testPageContext(language, { path: '/events?office=cairo' }), { title: 'Events', main: html`<p>The page itself.</p>`, ...frame }).value;

describe('the frame of every page', () => {
  it('declares the page language, and writes Arabic right to left and the others left to right', () => {
    expect(page('ar')).toContain('<html lang="ar" dir="rtl">');
    for (const language of ['en', 'fr', 'es', 'ru', 'zh'] as const) expect(page(language)).toContain(`<html lang="${language}" dir="ltr">`);
  });

  it('names the page, then the site, in the window title, escaping what the page is called', () => {
    expect(elementsOf(page('en'), 'title')[0]!.text).toBe('Events · ITU regional presence');
    const hostile = page('en', { title: '<script>alert(1)</script> & co' });
    expect(hostile).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co · ITU regional presence</title>');
    expect(hostile).not.toContain('<script>');
  });

  it('links the same page, query kept, in each of the six languages by its own name, the current one marked', () => {
    const links = elementsOf(page('fr'), 'a').filter((a) => a.attribs.hreflang !== undefined);
    expect(links.map((a) => a.attribs.href)).toEqual(['en', 'fr', 'es', 'ru', 'ar', 'zh'].map((l) => `/${l}/events?office=cairo`));
    expect(links.map((a) => a.attribs.lang)).toEqual(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
    expect(links.find((a) => a.attribs.lang === 'ar')!.text).toBe('العربية');
    expect(links.filter((a) => a.attribs['aria-current'] === 'true').map((a) => a.attribs.lang)).toEqual(['fr']);
  });

  it('tells search engines where each language version is, at the full address', () => {
    const alternates = elementsOf(page('en'), 'link').filter((l) => l.attribs.hreflang !== undefined);
    expect(alternates.find((l) => l.attribs.hreflang === 'zh')!.attribs.href).toBe('https://fieldbook.example/zh/events?office=cairo');
    expect(alternates.find((l) => l.attribs.hreflang === 'x-default')!.attribs.href).toBe('https://fieldbook.example/en/events?office=cairo');
  });

  it('starts with a way to skip to the content, and marks where in the navigation the page is', () => {
    const text = page('fr', { current: 'events' });
    expect(elementsOf(text, 'a')[0]).toEqual({ attribs: { class: 'skip', href: '#main' }, text: 'Aller au contenu principal' });
    expect(text).toContain('<main id="main"');
    const navigation = elementsOf(text, 'a').filter((a) => a.attribs.class !== 'brand' && (a.attribs.href === '/fr/' || a.attribs.href === '/fr/events'));
    expect(navigation.map((a) => [a.text, a.attribs['aria-current'] ?? null])).toEqual([
      ['Accueil', null],
      ['Événements', 'page'],
    ]);
  });

  it("offers the page's own feeds to feed readers, and the calendar of all events to everyone", () => {
    const text = page('en', { alternates: [{ type: 'application/atom+xml', href: '/en/events.atom?office=cairo', title: 'Changes' }] });
    expect(elementsOf(text, 'link').filter((l) => l.attribs.type === 'application/atom+xml')).toEqual([
      { attribs: { rel: 'alternate', type: 'application/atom+xml', href: '/en/events.atom?office=cairo', title: 'Changes' }, text: '' },
    ]);
    expect(elementsOf(text, 'a').find((a) => a.attribs.href === '/calendar.ics')?.text).toBe('Calendar of all events (.ics)');
  });
});
