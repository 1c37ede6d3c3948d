import { describe, expect, it } from 'vitest';
import type { OfficeRole, Status } from '#src/activities/model.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { testActivity } from '../../test/support/factories.ts';
import { IATI_LANGUAGE, iatiDates, iatiStatus, isImplementing, recipientOf, shares } from './model.ts';

const TODAY = '2026-06-15';
const on = (start: string, end: string, status: Status) => testActivity({ status, date: { start, end } });

describe('iatiStatus (IATI ActivityStatus codes)', () => {
  it.each([
    ['cancelled', '2026-07-01', '2026-07-02', '5'],
    ['postponed', '2026-07-01', '2026-07-02', '6'],
    ['held', '2026-06-01', '2026-06-02', '4'],
    ['held', '2026-06-10', '2026-06-20', '2'],
    ['planned', '2026-07-01', '2026-07-02', '1'],
    ['confirmed', '2026-07-01', '2026-07-02', '1'],
    ['confirmed', '2026-06-15', '2026-06-16', '2'],
    ['planned', '2026-06-01', '2026-06-02', '3'],
  ] as const)('%s from %s to %s on 2026-06-15 is %s', (status, start, end, code) => {
    expect(iatiStatus(on(start, end, status), TODAY)).toBe(code);
  });

  it('keeps an activity planned without a date in the pipeline', () => {
    expect(iatiStatus(testActivity({ status: 'planned', date: { start: '9999-12-31', end: '9999-12-31', precision: 'undated', text: 'TBD' } }), TODAY)).toBe('1');
  });

  it('ends a held activity on its last day, not before', () => {
    const held = on('2026-06-14', '2026-06-15', 'held');
    expect(iatiStatus(held, '2026-06-15')).toBe('2');
    expect(iatiStatus(held, '2026-06-16')).toBe('4');
  });
});

describe('iatiDates (IATI ActivityDateType codes)', () => {
  it('gives actual start and end for what was held and is over', () => {
    expect(iatiDates(on('2026-06-01', '2026-06-03', 'held'), TODAY)).toEqual([
      { type: '2', isoDate: '2026-06-01' },
      { type: '4', isoDate: '2026-06-03' },
    ]);
  });

  it('gives a planned end while a held activity is still under way', () => {
    expect(iatiDates(on('2026-06-10', '2026-06-20', 'held'), TODAY).map((d) => d.type)).toEqual(['2', '3']);
  });

  it('gives planned dates for everything not held, whatever the day', () => {
    for (const status of ['planned', 'confirmed', 'postponed', 'cancelled'] as const) {
      expect(iatiDates(on('2020-01-01', '2020-01-02', status), TODAY).map((d) => d.type)).toEqual(['1', '3']);
    }
  });

  it('gives a fuzzy date its whole range ("March 2020": the first and last of March)', () => {
    const march = testActivity({ status: 'planned', date: { start: '2020-03-01', end: '2020-03-31', precision: 'month', text: 'March 2020' } });
    expect(iatiDates(march, TODAY).map((d) => d.isoDate)).toEqual(['2020-03-01', '2020-03-31']);
  });

  it('gives no date to an undated activity (such activities are left out of the file)', () => {
    expect(iatiDates(testActivity({ date: { start: '9999-12-31', end: '9999-12-31', precision: 'undated', text: 'TBD' } }), TODAY)).toEqual([]);
  });
});

describe('language codes', () => {
  it('writes each of the six languages as its ISO 639-1 code, which is IATI’s Language code', () => {
    expect(LANGUAGES.map((l) => IATI_LANGUAGE[l])).toEqual(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
  });
});

describe('shares', () => {
  it.each([
    [1, ['100']],
    [2, ['50', '50']],
    [3, ['33.34', '33.33', '33.33']],
    [6, ['16.67', '16.67', '16.67', '16.67', '16.66', '16.66']],
    [7, ['14.29', '14.29', '14.29', '14.29', '14.28', '14.28', '14.28']],
  ])('splits 100 in %i parts that add up to exactly 100', (count, expected) => {
    expect(shares(count)).toEqual(expected);
    expect(shares(count).reduce((sum, s) => sum + Math.round(Number(s) * 100), 0)).toBe(10_000);
  });
});

describe('recipientOf', () => {
  const regionOf = (office: string) => ({ 'addis-ababa': 'AFR', dakar: 'AFR', cairo: 'ARB', geneva: null })[office] ?? null;

  it('is the country when the place has one', () => {
    expect(recipientOf(testActivity({ place: { mode: 'in-person', city: 'Abuja', country: 'NG' } }), regionOf)).toEqual({ kind: 'country', code: 'NG' });
  });

  it('is the regions of the offices, once each, when the activity is online', () => {
    const online = testActivity({
      place: { mode: 'online', city: null, country: null },
      offices: [
        { office: 'dakar', role: 'organised' },
        { office: 'cairo', role: 'participated' },
        { office: 'addis-ababa', role: 'supported' },
      ],
    });
    expect(recipientOf(online, regionOf)).toEqual({ kind: 'regions', codes: ['AFR', 'ARB'] });
  });

  it('names nothing for the headquarters alone', () => {
    expect(recipientOf(testActivity({ offices: [{ office: 'geneva', role: 'organised' }] }), regionOf)).toEqual({ kind: 'none' });
  });
});

describe('isImplementing', () => {
  it('names as implementing the offices that carried an activity out, not those that only took part', () => {
    const carriedOut: OfficeRole[] = ['organised', 'co-organised', 'hosted', 'facilitated', 'supported'];
    const tookPart: OfficeRole[] = ['participated', 'presented', 'contributed'];
    expect(carriedOut.every(isImplementing)).toBe(true);
    expect(tookPart.some(isImplementing)).toBe(false);
  });
});
