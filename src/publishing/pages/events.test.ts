import { describe, expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import { testActivity } from '../../../test/support/factories.ts';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext } from '../../../test/support/page-fixtures.ts';
import type { SiteFilter } from '../schemas.ts';
import { eventsPage, type EventsData } from './events.ts';

const NO_FILTER: SiteFilter = { region: [], office: [], sector: [], kind: [], body: [], status: [] };
const list = (events: Activity[], extra: { next?: string; paged?: boolean } = {}): EventsData['result'] => ({
  view: 'list',
  sort: 'date',
  events,
  next: extra.next ?? null,
  paged: extra.paged ?? false,
});

// Today is 10 May 2026, a Sunday.
const render = (data: Partial<EventsData>, language: 'en' | 'fr' = 'en'): string =>
  eventsPage(testPageContext(language), { filter: NO_FILTER, issues: [], result: list([]), ...data }).value;

const links = (page: string) => elementsOf(page, 'a');

describe('the events page', () => {
  it('says which parts of the address it left out, and why', () => {
    const page = render({
      issues: [
        { field: 'region', value: 'MARS' },
        { field: 'to', value: '2020-01-01', reason: 'before_from' },
      ],
    });
    const notice = elementsOf(page, 'div').find((d) => d.attribs.role === 'alert')!;
    expect(notice.text).toContain('Part of this address could not be used');
    expect(notice.text).toContain('Region: “MARS” is not a valid value and was left out.');
    expect(notice.text).toContain('To: “2020-01-01” is before the start date and was left out.');
    expect(render({})).not.toContain('role="alert"');
  });

  it('keeps the filter chosen in the form, and offers the offices but not headquarters, by name', () => {
    const page = render({ filter: { ...NO_FILTER, office: ['cairo'], status: ['planned', 'held'], from: '2026-01-01' } });
    const selected = elementsOf(page, 'option').filter((o) => o.attribs.selected !== undefined).map((o) => o.attribs.value);
    expect(selected).toEqual(['cairo', 'planned', 'held']);
    expect(elementsOf(page, 'input').find((i) => i.attribs.name === 'from')!.attribs.value).toBe('2026-01-01');
    const offices = elementsOf(page, 'select').find((s) => s.attribs.name === 'office')!;
    expect(offices.text).not.toContain('Headquarters');
    const names = elementsOf(page, 'option').filter((o) => ['addis-ababa', 'dakar', 'new-delhi', 'europe'].includes(o.attribs.value!)).map((o) => o.text);
    expect(names).toEqual(['Area Office for South Asia', 'Area Office for West Africa', 'ITU Office for Europe', 'Regional Office for Africa']);
  });

  it('lists upcoming events when no dates are asked for, with a link to the past ones', () => {
    const forum = testActivity({ title: { en: 'Forum on numbering' } });
    const page = render({ result: list([forum]) });
    expect(elementsOf(page, 'h2').map((h) => h.text)).toContain('Upcoming events');
    expect(links(page).find((a) => a.text === 'Past events')!.attribs.href).toBe('/en/events?to=2026-05-09&sort=-date');
    expect(links(page).some((a) => a.attribs.href === `/en/events/${forum.id}` && a.text === 'Forum on numbering')).toBe(true);
  });

  it('calls them matching events when dates are asked for, and says when none match', () => {
    const page = render({ filter: { ...NO_FILTER, from: '2020-01-01', to: '2020-12-31' }, result: list([]) });
    expect(elementsOf(page, 'h2').map((h) => h.text)).toContain('Matching events');
    expect(htmlText(page)).toContain('No events match.');
    expect(links(page).some((a) => a.text === 'Past events')).toBe(false);
  });

  it('pages with a shareable link that keeps the filter, and a way back to the first page', () => {
    const page = render({ filter: { ...NO_FILTER, office: ['cairo'] }, result: list([testActivity()], { next: 'abc', paged: true }) });
    const more = links(page).find((a) => a.attribs.rel === 'next')!;
    expect(more).toEqual({ attribs: { href: '/en/events?office=cairo&cursor=abc', rel: 'next' }, text: 'More events' });
    expect(links(page).find((a) => a.text === 'First page')!.attribs.href).toBe('/en/events?office=cairo');
    expect(links(render({ result: list([testActivity()]) })).some((a) => a.attribs.rel === 'next' || a.text === 'First page')).toBe(false);
  });

  it('asks to narrow a filter that matches more than a page can show', () => {
    expect(htmlText(render({ result: null }))).toContain('This selection holds too many events to show at once; narrow the filter.');
  });

  it('offers the same filter as calendar, Atom and JSON feeds', () => {
    const hrefs = links(render({ filter: { ...NO_FILTER, region: ['AFR'], kind: ['workshop'] } })).map((a) => a.attribs.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'webcal://fieldbook.example/en/events.ics?region=AFR&kind=workshop',
        '/en/events.ics?region=AFR&kind=workshop',
        '/en/events.atom?region=AFR&kind=workshop',
        '/en/events.json?region=AFR&kind=workshop',
      ]),
    );
  });
});

describe('the month view', () => {
  const month = (events: Activity[], filter: SiteFilter = NO_FILTER, language: 'en' | 'fr' = 'en') =>
    render({ filter, result: { view: 'month', month: { year: 2026, month: 5 }, events } }, language);
  /** The text of each day's cell: its number, then the events shown on it. */
  const cells = (page: string) =>
    elementsOf(page, 'td')
      .filter((td) => td.attribs.class !== 'outside')
      .map((td) => td.text);

  it('lays the month out in weeks from Monday, with today marked, in the page language', () => {
    const page = month([]);
    expect(elementsOf(page, 'caption')[0]!.text).toBe('Events of May 2026');
    expect(elementsOf(page, 'abbr').map((a) => a.attribs.title)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    // 1 May 2026 is a Friday: four empty days before it.
    expect(elementsOf(page, 'td').slice(0, 5).map((td) => td.attribs.class ?? td.text)).toEqual(['outside', 'outside', 'outside', 'outside', '1']);
    expect(elementsOf(page, 'td').filter((td) => td.attribs.class === 'today').map((td) => td.text)).toEqual(['10']);
    expect(elementsOf(month([], NO_FILTER, 'fr'), 'caption')[0]!.text).toBe('Événements – mai 2026');
  });

  it('shows an event on each of its days, a cancelled one with its status, and lists them below', () => {
    const training = testActivity({ title: { en: 'Training on tariffs' }, status: 'cancelled', date: { start: '2026-05-08', end: '2026-05-12' } });
    const page = month([training]);
    const days = cells(page);
    expect(days.slice(7, 12)).toEqual(['8Training on tariffs Cancelled', '9Training on tariffs Cancelled', '10Training on tariffs Cancelled', '11Training on tariffs Cancelled', '12Training on tariffs Cancelled']);
    expect(days[12]).toBe('13');
    // Days after the first in the same week say it continues; a new week starts it again.
    const items = elementsOf(page, 'li').filter((li) => li.text.startsWith('Training on tariffs Cancelled'));
    expect(items.slice(0, 5).map((li) => li.attribs.class ?? null)).toEqual([null, 'continued', 'continued', null, 'continued']);
    expect(elementsOf(page, 'h3')[0]!.text).toBe('Events of May 2026 as a list');
  });

  it('lists an activity known only to the month or to a longer period once above the grid, never in every day cell', () => {
    const workshop = testActivity({ title: { en: 'Workshop on numbering' }, date: { text: '3 – 4 May 2026', start: '2026-05-03', end: '2026-05-04' } });
    const inMay = testActivity({ title: { en: 'Consultation on spectrum' }, date: { text: 'May 2026', start: '2026-05-01', end: '2026-05-31', precision: 'month' } });
    const longer = testActivity({ title: { en: 'Capacity building programme' }, date: { text: 'January – August 2026', start: '2026-01-01', end: '2026-08-31', precision: 'months' } });
    const page = month([workshop, inMay, longer]);
    const days = cells(page);
    expect(days.filter((d) => d.includes('Consultation') || d.includes('Capacity'))).toEqual([]);
    expect(days.filter((d) => d.includes('Workshop on numbering'))).toHaveLength(2);
    const bands = elementsOf(page, 'div').filter((d) => d.attribs.class === 'month-band');
    expect(bands.map((b) => b.text)).toEqual([
      expect.stringMatching(/^In May 2026, no day given\s*Consultation on spectrum/),
      expect.stringMatching(/^During a longer period\s*Capacity building programme/),
    ]);
    // All three are still in the month's list below the grid.
    expect(htmlText(page).match(/Capacity building programme/g)).toHaveLength(2);
  });

  it('offers the calendar of the year shown, for subscriptions the default window does not reach', () => {
    const page = month([]);
    expect(htmlText(page)).toContain('Calendar of 2026 only:');
    expect(links(page).map((a) => a.attribs.href)).toContain('/en/events.ics?from=2026-01-01&to=2026-12-31');
  });

  it('moves to the month before and after with the filter kept, but not its dates', () => {
    const page = month([], { ...NO_FILTER, office: ['cairo'], from: '2026-01-01', to: '2026-12-31' });
    expect(links(page).filter((a) => a.attribs.rel === 'prev' || a.attribs.rel === 'next').map((a) => a.attribs.href)).toEqual([
      '/en/events?office=cairo&view=month&month=2026-04',
      '/en/events?office=cairo&view=month&month=2026-06',
    ]);
  });
});
