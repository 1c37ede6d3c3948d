import { describe, expect, it } from 'vitest';
import { testActivity, testOffice } from '../../../test/support/factories.ts';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext, testSnapshot } from '../../../test/support/page-fixtures.ts';
import { offices } from '../../../test/support/registry-fixtures.ts';
import { homePage, type HomeData } from './home.ts';

const NOTHING: HomeData = { upcoming: [], recent: [] };

describe('the home page', () => {
  it('maps and lists the offices by region, each linking to its page, without headquarters', () => {
    const page = homePage(testPageContext('en'), NOTHING).value;
    const onMap = elementsOf(page, 'a').filter((a) => a.attribs['aria-label'] !== undefined).map((a) => a.attribs.href);
    expect(onMap).toHaveLength(offices.length - 1);
    expect(onMap).not.toContain('/en/offices/geneva');
    const africa = elementsOf(page, 'div').find((d) => d.attribs.class === undefined && d.text.startsWith('Africa'))!;
    expect(africa.text).toBe('AfricaRegional Office for AfricaArea Office for West Africa');
    expect(elementsOf(page, 'a').find((a) => a.text === 'Area Office for West Africa' && a.attribs['aria-label'] === undefined)!.attribs.href).toBe('/en/offices/dakar');
  });

  it('leaves a closed office off the map and the list', () => {
    const closed = testOffice('harare', { kind: 'area', names: { en: 'Area Office for Southern Africa' }, closedOn: '2025-12-31' });
    const page = homePage(testPageContext('en', { snapshot: testSnapshot({ offices: [...offices, closed] }) }), NOTHING).value;
    expect(page).not.toContain('/en/offices/harare');
  });

  it('shows the upcoming and the recent events, or says there are none', () => {
    const ahead = testActivity({ title: { en: 'Forum on digital inclusion' } });
    const past = testActivity({ title: { en: 'Workshop on quality of service' } });
    const text = htmlText(homePage(testPageContext('en'), { upcoming: [ahead], recent: [past] }).value);
    expect(text).toMatch(/Upcoming events Forum on digital inclusion .* Recent events Workshop on quality of service/);
    const empty = htmlText(homePage(testPageContext('en'), NOTHING).value);
    expect(empty).toContain('No upcoming events are published.');
    expect(empty).toContain('No past events are published.');
  });

  it('links the six regions and the calendar of all events, in the page language', () => {
    const page = homePage(testPageContext('fr'), NOTHING).value;
    const regions = elementsOf(page, 'ul').find((u) => u.attribs.class === 'regions')!;
    expect(regions.text).toBe('AfriqueAmériquesÉtats arabesAsie-PacifiqueCommunauté des États indépendantsEurope');
    expect(elementsOf(page, 'a').map((a) => a.attribs.href)).toEqual(expect.arrayContaining(['/fr/regions/AFR', '/fr/regions/EUR', 'webcal://fieldbook.example/calendar.ics', '/fr/events.atom']));
  });
});
