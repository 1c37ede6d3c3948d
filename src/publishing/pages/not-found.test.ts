import { describe, expect, it } from 'vitest';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext } from '../../../test/support/page-fixtures.ts';
import { errorPage, notFoundPage } from './not-found.ts';

describe('the pages of what went wrong', () => {
  it('says a page was not found in the page language, with the way home and to all events', () => {
    const page = notFoundPage(testPageContext('fr')).value;
    expect(elementsOf(page, 'h1')[0]!.text).toBe('Page introuvable');
    expect(elementsOf(page, 'title')[0]!.text).toMatch(/^Page introuvable · /);
    const links = elementsOf(page, 'ul').at(-1)!.text;
    expect(links).toBe('Aller à l’accueilTous les événements');
    expect(notFoundPage(testPageContext('ar')).value).toContain('<html lang="ar" dir="rtl">');
  });

  it('gives our own failure a reference to quote, and a bad address its own words', () => {
    const failure = htmlText(errorPage(testPageContext('en'), 500, 'req-42').value);
    expect(failure).toContain('Something went wrong Something went wrong on our side. Quote this reference when reporting it: req-42');
    const bad = htmlText(errorPage(testPageContext('en'), 400, 'req-43').value);
    expect(bad).toContain('This address cannot be answered');
    expect(bad).not.toContain('req-43');
  });
});
