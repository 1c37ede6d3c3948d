import { describe, expect, it } from 'vitest';
import { testActivity } from '../../../test/support/factories.ts';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext } from '../../../test/support/page-fixtures.ts';
import { calendarLinks, dateOf, eventList, formatNumber, nameIn, officeName, placeText, statusBadge, titleOf } from './parts.ts';

const en = testPageContext('en');
const fr = testPageContext('fr');
const ar = testPageContext('ar');
const VAGUE = { text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20', precision: 'part-of-month' as const };

describe('titles', () => {
  it('shows the title in the page language when there is one', () => {
    const workshop = testActivity({ title: { en: 'Workshop on quality of service', fr: 'Atelier sur la qualité de service' } });
    expect(titleOf(fr, workshop).value).toBe('Atelier sur la qualité de service');
    expect(titleOf(en, workshop).value).toBe('Workshop on quality of service');
  });

  it('else the original, marked with its language and direction so it is read and laid out as written', () => {
    const arabic = testActivity({ title: { ar: 'ورشة عمل حول جودة الخدمة' }, originalLanguage: 'ar' });
    expect(titleOf(en, arabic).value).toBe('<span lang="ar" dir="rtl">ورشة عمل حول جودة الخدمة</span>');
    const english = testActivity({ title: { en: 'Forum on digital inclusion' } });
    expect(titleOf(ar, english).value).toBe('<span lang="en" dir="ltr">Forum on digital inclusion</span>');
  });

  it('shows a title with markup in it as text', () => {
    const hostile = testActivity({ title: { en: '<img src=x onerror=alert(1)> Workshop' } });
    expect(titleOf(en, hostile).value).toBe('&lt;img src=x onerror=alert(1)&gt; Workshop');
  });
});

describe('names from the registry', () => {
  it('gives a name in the page language, or the English one marked as English', () => {
    expect(nameIn(fr, { en: 'Regional Office for Africa', fr: "Bureau régional pour l'Afrique" }).value).toBe('Bureau régional pour l&#39;Afrique');
    expect(nameIn(fr, { en: 'Area Office for West Africa' }).value).toBe('<span lang="en" dir="ltr">Area Office for West Africa</span> <small class="fallback">(en anglais)</small>');
  });

  it('names an office the registry knows, and shows the code of one it does not', () => {
    expect(officeName(en, 'cairo').value).toBe('Regional Office for the Arab States');
    expect(officeName(en, 'atlantis').value).toBe('atlantis');
  });
});

describe('dates', () => {
  it('writes a range in the page language, in a machine-readable time element', () => {
    const days = testActivity({ date: { text: '2 - 3 March 2020', start: '2020-03-02', end: '2020-03-03', precision: 'days' } });
    expect(dateOf(en, days).value).toBe('<time datetime="2020-03-02">2\u2009–\u20093 March 2020</time>');
    expect(htmlText(`<body>${dateOf(fr, days).value}</body>`)).toBe('2–3 mars 2020');
  });

  it('keeps the words the office wrote beside a vague date, in the language they were written in', () => {
    expect(htmlText(`<body>${dateOf(en, testActivity({ date: VAGUE })).value}</body>`)).toBe('11 – 20 November 2020 (as written: mid November 2020)');
    expect(dateOf(fr, testActivity({ date: VAGUE })).value).toContain('(tel qu’écrit : <span lang="en" dir="ltr">mid November 2020</span>)');
  });

  it('adds nothing when the words say no more than the range', () => {
    const month = testActivity({ date: { text: 'November 2020', start: '2020-11-01', end: '2020-11-30', precision: 'month' } });
    expect(dateOf(en, month).value).not.toContain('as written');
  });
});

describe('places', () => {
  it('names the city and the country in the page language', () => {
    expect(placeText(fr, { mode: 'in-person', city: 'Ndjamena', country: 'TD' })).toBe('Ndjamena, Tchad');
    expect(placeText(ar, { mode: 'in-person', city: null, country: 'TD' })).toBe('تشاد');
  });

  it('says when an event is online or hybrid, and nothing when there is no place', () => {
    expect(placeText(en, { mode: 'online', city: null, country: null })).toBe('Online');
    expect(placeText(fr, { mode: 'hybrid', city: 'Genève', country: 'CH' })).toBe('Genève, Suisse et en ligne');
    expect(placeText(en, null)).toBeNull();
  });
});

describe('statuses and lists of events', () => {
  it('says the status in words, not only in colour', () => {
    expect(statusBadge(en, 'cancelled').value).toBe('<span class="status status-cancelled">Cancelled</span>');
    expect(htmlText(`<body>${statusBadge(ar, 'cancelled').value}</body>`)).toBe('ملغى');
  });

  it('lists events with a link to each, its date, place, kind and Sectors, a cancelled one set apart', () => {
    const held = testActivity({ title: { en: 'Forum on numbering' }, kind: 'forum', sectors: ['ITU-T', 'ITU-D'], place: { mode: 'online', city: null, country: null } });
    const cancelled = testActivity({ title: { en: 'Training on tariffs' }, status: 'cancelled' });
    const list = eventList(fr, [held, cancelled], 'Aucun').value;
    expect(elementsOf(list, 'a').map((a) => [a.attribs.href, a.text])).toEqual([
      [`/fr/events/${held.id}`, 'Forum on numbering'],
      [`/fr/events/${cancelled.id}`, 'Training on tariffs'],
    ]);
    expect(elementsOf(list, 'li').map((li) => li.attribs.class)).toEqual(['event', 'event event-cancelled']);
    expect(elementsOf(list, 'p').filter((p) => p.attribs.class === 'event-meta')[0]!.text).toBe('2–3 mars 2020 · En ligne · Forum · ITU-T, ITU-D');
  });

  it('says so when there is nothing to list', () => {
    expect(eventList(en, [], 'No events match.').value).toBe('<p class="empty">No events match.</p>');
  });
});

describe('calendar links and numbers', () => {
  it('offers a calendar as a webcal:// subscription on the same host, a download, and the changes as Atom', () => {
    const links = elementsOf(calendarLinks(en, '/en/regions/AFR/calendar.ics', '/en/events.atom').value, 'a');
    expect(links.map((a) => a.attribs.href)).toEqual(['webcal://fieldbook.example/en/regions/AFR/calendar.ics', '/en/regions/AFR/calendar.ics', '/en/events.atom']);
    expect(links[1]!.attribs.download).toBe('');
  });

  it('writes numbers as the page language does', () => {
    expect(formatNumber(en, 1234)).toBe('1,234');
    expect(formatNumber(fr, 1234)).toBe('1\u202f234');
  });
});
