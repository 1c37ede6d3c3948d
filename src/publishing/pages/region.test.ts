import { describe, expect, it } from 'vitest';
import { testActivity } from '../../../test/support/factories.ts';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext, testSnapshot } from '../../../test/support/page-fixtures.ts';
import { offices, regions } from '../../../test/support/registry-fixtures.ts';
import { regionPage } from './region.ts';

const region = (code: string) => regions.find((r) => r.code === code)!;

describe('the page of a region', () => {
  it('shows each office of the region with its kind, city and head today, headquarters left out', () => {
    const page = regionPage(testPageContext('en'), { region: region('EUR'), upcoming: [], recent: [] }).value;
    expect(elementsOf(page, 'h1')[0]!.text).toBe('Europe');
    const cards = elementsOf(page, 'li').filter((li) => li.attribs.class === 'card').map((li) => li.text);
    expect(cards).toEqual(['ITU Office for Europe Office for Europe · Geneva Head of office: Mr Jaroslaw Ponder']);
    const africa = regionPage(testPageContext('en'), { region: region('AFR'), upcoming: [], recent: [] }).value;
    expect(elementsOf(africa, 'li').filter((li) => li.attribs.class === 'card').map((li) => li.text)).toEqual([
      'Regional Office for Africa Regional office · Addis Ababa Head of office: Mrs Later Head',
      'Area Office for West Africa Area office · Dakar Head of office: Not published',
    ]);
  });

  it('says when no office is published for the region', () => {
    const withoutMoscow = testSnapshot({ offices: offices.filter((o) => o.region !== 'CIS') });
    const page = regionPage(testPageContext('en', { snapshot: withoutMoscow }), { region: region('CIS'), upcoming: [], recent: [] }).value;
    expect(htmlText(page)).toContain('No office is published for this region.');
  });

  it("lists its upcoming and recent events, links all of the region's events and offers its calendar", () => {
    const forum = testActivity({ title: { en: 'Forum in Addis Ababa' } });
    const page = regionPage(testPageContext('fr'), { region: region('AFR'), upcoming: [forum], recent: [] }).value;
    expect(htmlText(page)).toMatch(/Événements à venir Forum in Addis Ababa .*Événements récents Aucun événement passé n’est publié\./);
    const hrefs = elementsOf(page, 'a').map((a) => [a.attribs.href, a.text]);
    expect(hrefs).toEqual(expect.arrayContaining([['/fr/events?region=AFR', 'Tous les événements – Afrique'], ['webcal://fieldbook.example/fr/regions/AFR/calendar.ics', 'S’abonner dans votre agenda']]));
  });

  it('reads right to left in Arabic', () => {
    expect(regionPage(testPageContext('ar'), { region: region('ARB'), upcoming: [], recent: [] }).value).toContain('<html lang="ar" dir="rtl">');
  });
});
