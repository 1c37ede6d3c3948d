import { describe, expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import type { OfficeDetails } from '#src/registry/service.ts';
import { testActivity, testHeadOfOffice, testOffice } from '../../../test/support/factories.ts';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext, testSnapshot } from '../../../test/support/page-fixtures.ts';
import type { FilterIssue } from '../schemas.ts';
import { officePage } from './office.ts';

const details = (code: string): OfficeDetails => testSnapshot().officeByCode.get(code)!;

const render = (office: OfficeDetails, data: { year?: number; plan?: Activity[]; past?: Activity[]; issue?: FilterIssue | null } = {}, language: 'en' | 'fr' = 'en'): string =>
  officePage(testPageContext(language), { details: office, year: data.year ?? 2026, plan: data.plan ?? [], past: data.past ?? [], issue: data.issue ?? null }).value;

const facts = (page: string): Record<string, string> => {
  const details = elementsOf(page, 'dd').map((dd) => dd.text);
  return Object.fromEntries(elementsOf(page, 'dt').map((dt, i) => [dt.text, details[i]!]));
};

describe('the page of an office', () => {
  it('says what kind of office it is, where, in which region, and who leads it today', () => {
    const page = render(details('addis-ababa'));
    expect(elementsOf(page, 'h1')[0]!.text).toBe('Regional Office for Africa');
    expect(elementsOf(page, 'p').find((p) => p.attribs.class === 'kicker')!.text).toBe('Regional office');
    // Today is 10 May 2026: the head since 2022, not the one before.
    expect(facts(page)).toMatchObject({ Location: 'Addis Ababa, Switzerland', Region: 'Africa', 'Head of office': 'Mrs Later Head', 'Area offices': 'Area Office for West Africa' });
    expect(elementsOf(page, 'a').find((a) => a.text === 'Area Office for West Africa')!.attribs.href).toBe('/en/offices/dakar');
  });

  it('names the head with their title, and says when no head or coverage is published', () => {
    const office = testOffice('dakar', { names: { en: 'Area Office for West Africa' }, parent: 'addis-ababa' });
    const head = { ...testHeadOfOffice('dakar', 'Jane Doe', '2020-01-01', null, { honorific: 'Dr' }), title: { en: 'Head of the Area Office' } };
    expect(facts(render({ office, assignments: [head], children: [] }))['Head of office']).toBe('Dr Jane Doe, Head of the Area Office');
    const nobody = facts(render({ office, assignments: [], children: [] }));
    expect(nobody).toMatchObject({ 'Head of office': 'Not published', 'Countries covered': 'Not published', 'Part of': 'Regional Office for Africa' });
  });

  it('lists the countries it covers by their names in the page language, in that language’s order, marked until confirmed', () => {
    const office = testOffice('dakar', { countriesCovered: ['SN', 'CV', 'CI'], coverageConfirmed: false });
    expect(facts(render({ office, assignments: [], children: [] }, {}, 'fr'))['Pays couverts']).toBe('Cap-Vert, Côte d’Ivoire, Sénégal (pas encore confirmé)');
    const confirmed = testOffice('dakar', { countriesCovered: ['SN'], coverageConfirmed: true });
    expect(facts(render({ office: confirmed, assignments: [], children: [] }))['Countries covered']).toBe('Senegal');
  });

  it('shows the annual plan by month, then by Sector, with the year-long work first', () => {
    const plan = [
      testActivity({ title: { en: 'Training in March' }, sectors: ['ITU-D'], date: { start: '2026-03-10', end: '2026-03-11' } }),
      testActivity({ title: { en: 'Standards workshop' }, sectors: ['ITU-T'], date: { start: '2026-03-02', end: '2026-03-03' } }),
      testActivity({ title: { en: 'Consultation all year' }, sectors: ['ITU-T'], date: { text: '2026', start: '2026-01-01', end: '2026-12-31', precision: 'year' } }),
      testActivity({ title: { en: 'Meeting without a Sector' }, sectors: [], date: { start: '2026-11-08', end: '2026-11-08' } }),
    ];
    const page = render(details('addis-ababa'), { plan });
    const headings = elementsOf(page, 'h2').concat(elementsOf(page, 'h3'), elementsOf(page, 'h4')).map((h) => h.text);
    expect(headings).toEqual(expect.arrayContaining(['Annual plan 2026', 'During the year', 'March 2026', 'November 2026', 'No Sector']));
    expect(htmlText(page)).toMatch(
      /During the year ITU Telecommunication Standardization Sector .*Consultation all year.* March 2026 ITU Telecommunication Standardization Sector .*Standards workshop.* ITU Telecommunication Development Sector .*Training in March.* November 2026 No Sector .*Meeting without a Sector/,
    );
  });

  it('says when nothing is planned, and moves to the year before and after', () => {
    const page = render(details('cairo'), { year: 2020 });
    expect(htmlText(page)).toContain('No activities are published for 2020.');
    expect(elementsOf(page, 'a').filter((a) => a.attribs.rel === 'prev' || a.attribs.rel === 'next').map((a) => a.attribs.href)).toEqual(['/en/offices/cairo?year=2019', '/en/offices/cairo?year=2021']);
  });

  it('says a year in the address that is not one was left out', () => {
    const page = render(details('cairo'), { issue: { field: 'year', value: 'last' } });
    expect(elementsOf(page, 'div').find((d) => d.attribs.role === 'alert')!.text).toBe('Year: “last” is not a valid value and was left out.');
  });

  it('lists its past activities, and offers its calendar', () => {
    const page = render(details('cairo'), { past: [testActivity({ title: { en: 'Forum held in Cairo' } })] });
    expect(htmlText(page)).toMatch(/Past activities Forum held in Cairo/);
    expect(elementsOf(page, 'a').map((a) => a.attribs.href)).toContain('webcal://fieldbook.example/en/offices/cairo/calendar.ics');
  });
});
