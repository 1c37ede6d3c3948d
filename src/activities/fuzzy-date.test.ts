import { describe, expect, it } from 'vitest';
import {
  completeFuzzyDate,
  dayOrderOf,
  formatFuzzyDate,
  FUZZY_PRECISIONS,
  overlaps,
  parseFuzzyDate,
  type FuzzyDate,
  type FuzzyDateResult,
  type FuzzyPrecision,
} from './fuzzy-date.ts';

type Expected = [start: string, end: string, precision: FuzzyPrecision];

function value(result: FuzzyDateResult): FuzzyDate {
  if (!result.ok) throw new Error(`expected a date, got: ${result.error}`);
  return result.value;
}

function error(result: FuzzyDateResult): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function reads(text: string, [start, end, precision]: Expected, options?: { defaultYear?: number }): void {
  expect(parseFuzzyDate(text, options)).toEqual({ ok: true, value: { text: text.trim(), start, end, precision } });
}

describe('parseFuzzyDate: the examples from the regional office report', () => {
  const cases: [string, Expected][] = [
    ['3 and 4 February 2020', ['2020-02-03', '2020-02-04', 'days']],
    ['2 - 3 March 2020', ['2020-03-02', '2020-03-03', 'days']],
    ['4 - 5 March 2020', ['2020-03-04', '2020-03-05', 'days']],
    ['4-5 March 2020', ['2020-03-04', '2020-03-05', 'days']],
    ['3-5 March 2020', ['2020-03-03', '2020-03-05', 'days']],
    ['27 to 30 July2020', ['2020-07-27', '2020-07-30', 'days']],
    ['from 27 to 30 July2020', ['2020-07-27', '2020-07-30', 'days']],
    ['4 September 2020', ['2020-09-04', '2020-09-04', 'day']],
    ['on 20 May 2020', ['2020-05-20', '2020-05-20', 'day']],
    ['20 May 2020', ['2020-05-20', '2020-05-20', 'day']],
    ['23-24 June 2020', ['2020-06-23', '2020-06-24', 'days']],
    ['from 23-24 June 2020', ['2020-06-23', '2020-06-24', 'days']],
    ['mid November 2020', ['2020-11-11', '2020-11-20', 'part-of-month']],
    ['the second week of November 2020', ['2020-11-08', '2020-11-14', 'week']],
    ['October 2020', ['2020-10-01', '2020-10-31', 'month']],
    ['in October 2020', ['2020-10-01', '2020-10-31', 'month']],
    ['next year 2021', ['2021-01-01', '2021-12-31', 'year']],
    ['2021', ['2021-01-01', '2021-12-31', 'year']],
    ['January \u2013 August 2020', ['2020-01-01', '2020-08-31', 'months']],
    ['January - August 2020', ['2020-01-01', '2020-08-31', 'months']],
    ['the 3 and 4 July 2020', ['2020-07-03', '2020-07-04', 'days']],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => reads(text, expected));
  }

  it('takes the year of "5 and 6 February" from defaultYear', () => {
    reads('5 and 6 February', ['2020-02-05', '2020-02-06', 'days'], { defaultYear: 2020 });
    reads('5 and 6 February', ['2019-02-05', '2019-02-06', 'days'], { defaultYear: 2019 });
  });

  it('fails clearly on "5 and 6 February" without a default year', () => {
    expect(parseFuzzyDate('5 and 6 February')).toEqual({ ok: false, error: 'no year in "5 and 6 February"', code: 'date_no_year', params: { value: '5 and 6 February' } });
  });

  it('ignores defaultYear when the text names a year', () => {
    reads('4 September 2020', ['2020-09-04', '2020-09-04', 'day'], { defaultYear: 1999 });
  });
});

describe('parseFuzzyDate: other forms', () => {
  const cases: [string, Expected][] = [
    // ISO
    ['2020-03-02', ['2020-03-02', '2020-03-02', 'day']],
    ['2020-03-02/2020-03-05', ['2020-03-02', '2020-03-05', 'days']],
    ['2020-03-02 to 2020-03-05', ['2020-03-02', '2020-03-05', 'days']],
    ['2020-03-02 - 2020-04-05', ['2020-03-02', '2020-04-05', 'days']],
    ['2020-02', ['2020-02-01', '2020-02-29', 'month']],
    // across months and years
    ['30 June - 2 July 2020', ['2020-06-30', '2020-07-02', 'days']],
    ['30 June to 2 July 2020', ['2020-06-30', '2020-07-02', 'days']],
    ['28 December 2020 - 3 January 2021', ['2020-12-28', '2021-01-03', 'days']],
    ['28 December - 3 January 2021', ['2020-12-28', '2021-01-03', 'days']],
    ['November - February 2021', ['2020-11-01', '2021-02-28', 'months']],
    ['between 3 and 5 March 2020', ['2020-03-03', '2020-03-05', 'days']],
    ['4 March - 4 March 2020', ['2020-03-04', '2020-03-04', 'day']],
    // parts of a month
    ['early March 2020', ['2020-03-01', '2020-03-10', 'part-of-month']],
    ['beginning of March 2020', ['2020-03-01', '2020-03-10', 'part-of-month']],
    ['mid-March 2020', ['2020-03-11', '2020-03-20', 'part-of-month']],
    ['mid March 2020', ['2020-03-11', '2020-03-20', 'part-of-month']],
    ['middle of March 2020', ['2020-03-11', '2020-03-20', 'part-of-month']],
    ['late March 2020', ['2020-03-21', '2020-03-31', 'part-of-month']],
    ['end of March 2020', ['2020-03-21', '2020-03-31', 'part-of-month']],
    ['late February 2020', ['2020-02-21', '2020-02-29', 'part-of-month']],
    ['end of February 2021', ['2021-02-21', '2021-02-28', 'part-of-month']],
    ['late April 2020', ['2020-04-21', '2020-04-30', 'part-of-month']],
    // weeks
    ['first week of November 2020', ['2020-11-01', '2020-11-07', 'week']],
    ['second week of November 2020', ['2020-11-08', '2020-11-14', 'week']],
    ['third week of November 2020', ['2020-11-15', '2020-11-21', 'week']],
    ['fourth week of November 2020', ['2020-11-22', '2020-11-28', 'week']],
    ['the 3rd week of November 2020', ['2020-11-15', '2020-11-21', 'week']],
    ['last week of November 2020', ['2020-11-24', '2020-11-30', 'week']],
    ['the last week of December 2020', ['2020-12-25', '2020-12-31', 'week']],
    ['last week of February 2020', ['2020-02-23', '2020-02-29', 'week']],
    // quarters and halves
    ['Q3 2020', ['2020-07-01', '2020-09-30', 'quarter']],
    ['q1 2021', ['2021-01-01', '2021-03-31', 'quarter']],
    ['third quarter of 2020', ['2020-07-01', '2020-09-30', 'quarter']],
    ['the 1st quarter 2021', ['2021-01-01', '2021-03-31', 'quarter']],
    ['fourth quarter of 2020', ['2020-10-01', '2020-12-31', 'quarter']],
    ['second quarter 2020', ['2020-04-01', '2020-06-30', 'quarter']],
    ['first half of 2021', ['2021-01-01', '2021-06-30', 'months']],
    ['second half of 2020', ['2020-07-01', '2020-12-31', 'months']],
    ['H2 2020', ['2020-07-01', '2020-12-31', 'months']],
    // abbreviations, ordinals, US order
    ['4 Sept 2020', ['2020-09-04', '2020-09-04', 'day']],
    ['4 Sep 2020', ['2020-09-04', '2020-09-04', 'day']],
    ['4 Sept. 2020', ['2020-09-04', '2020-09-04', 'day']],
    ['Feb 2020', ['2020-02-01', '2020-02-29', 'month']],
    ['Jan - Mar 2021', ['2021-01-01', '2021-03-31', 'months']],
    ['4th September 2020', ['2020-09-04', '2020-09-04', 'day']],
    ['1st - 3rd December 2020', ['2020-12-01', '2020-12-03', 'days']],
    ['September 4, 2020', ['2020-09-04', '2020-09-04', 'day']],
    ['September 4-5, 2020', ['2020-09-04', '2020-09-05', 'days']],
    ['December 28 - January 3, 2021', ['2020-12-28', '2021-01-03', 'days']],
    ['09 March 2020', ['2020-03-09', '2020-03-09', 'day']],
    // years
    ['2020 - 2021', ['2020-01-01', '2021-12-31', 'months']],
    ['in 2020', ['2020-01-01', '2020-12-31', 'year']],
    ['March - March 2020', ['2020-03-01', '2020-03-31', 'month']],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => reads(text, expected));
  }
});

describe('parseFuzzyDate: writing noise', () => {
  it('is case-insensitive', () => {
    reads('4 SEPTEMBER 2020', ['2020-09-04', '2020-09-04', 'day']);
    reads('MID-november 2020', ['2020-11-11', '2020-11-20', 'part-of-month']);
    reads('The Second Week Of November 2020', ['2020-11-08', '2020-11-14', 'week']);
  });

  it('accepts every kind of dash as a range separator', () => {
    for (const dash of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']) {
      reads(`2${dash}3 March 2020`, ['2020-03-02', '2020-03-03', 'days']);
      reads(`2 ${dash} 3 March 2020`, ['2020-03-02', '2020-03-03', 'days']);
      reads(`January ${dash} August 2020`, ['2020-01-01', '2020-08-31', 'months']);
    }
    reads('mid\u2011March 2020', ['2020-03-11', '2020-03-20', 'part-of-month']);
    reads('2020\u201103\u201102', ['2020-03-02', '2020-03-02', 'day']);
  });

  it('treats extra and non-breaking spaces as spaces, and keeps the text trimmed but otherwise as written', () => {
    const text = '  4\u00A0September\u202F2020 \t ';
    expect(value(parseFuzzyDate(text))).toEqual({
      text: '4\u00A0September\u202F2020',
      start: '2020-09-04',
      end: '2020-09-04',
      precision: 'day',
    });
    reads('27   to\u00A0\u00A030\n July2020', ['2020-07-27', '2020-07-30', 'days']);
    reads('\u200E4 September 2020', ['2020-09-04', '2020-09-04', 'day']);
  });

  it('ignores trailing punctuation', () => {
    reads('4 September 2020.', ['2020-09-04', '2020-09-04', 'day']);
    reads('October 2020;', ['2020-10-01', '2020-10-31', 'month']);
    reads('3 and 4 February 2020,', ['2020-02-03', '2020-02-04', 'days']);
  });

  it('uses defaultYear for every form that lacks a year', () => {
    const options = { defaultYear: 2020 };
    reads('4 September', ['2020-09-04', '2020-09-04', 'day'], options);
    reads('September 4', ['2020-09-04', '2020-09-04', 'day'], options);
    reads('October', ['2020-10-01', '2020-10-31', 'month'], options);
    reads('mid November', ['2020-11-11', '2020-11-20', 'part-of-month'], options);
    reads('the second week of November', ['2020-11-08', '2020-11-14', 'week'], options);
    reads('Q3', ['2020-07-01', '2020-09-30', 'quarter'], options);
    reads('30 June - 2 July', ['2020-06-30', '2020-07-02', 'days'], options);
    // The written end is in the default year; a start month after the end month is the year before.
    reads('28 December - 3 January', ['2019-12-28', '2020-01-03', 'days'], options);
  });
});

describe('parseFuzzyDate: errors', () => {
  it('names the text it cannot read', () => {
    expect(parseFuzzyDate('sometime soon')).toEqual({ ok: false, error: 'cannot read "sometime soon" as a date', code: 'date_unreadable', params: { value: 'sometime soon' } });
    expect(error(parseFuzzyDate('  tbc soon  '))).toBe('cannot read "tbc soon" as a date');
  });

  it('refuses an end before the start', () => {
    expect(parseFuzzyDate('5 - 2 March 2020')).toEqual({
      ok: false,
      error: 'end (2 March 2020) is before start (5 March 2020)',
      code: 'date_end_before_start',
      params: { start: '2020-03-05', end: '2020-03-02' },
    });
    expect(error(parseFuzzyDate('2020-03-05/2020-03-02'))).toBe('end (2 March 2020) is before start (5 March 2020)');
    expect(error(parseFuzzyDate('5 March - 2 March 2020'))).toBe('end (2 March 2020) is before start (5 March 2020)');
    expect(error(parseFuzzyDate('30 - 2 March 2020'))).toBe('end (2 March 2020) is before start (30 March 2020)');
    expect(error(parseFuzzyDate('2021 - 2020'))).toBe('end (31 December 2020) is before start (1 January 2021)');
  });

  it('refuses dates that are not in the calendar', () => {
    expect(error(parseFuzzyDate('31 February 2020'))).toBe('31 February 2020 is not a valid date');
    expect(error(parseFuzzyDate('29 February 2021'))).toBe('29 February 2021 is not a valid date');
    expect(error(parseFuzzyDate('31 April 2020'))).toBe('31 April 2020 is not a valid date');
    expect(error(parseFuzzyDate('30 - 31 June 2020'))).toBe('31 June 2020 is not a valid date');
    expect(parseFuzzyDate('2020-02-30').ok).toBe(false);
    expect(parseFuzzyDate('2020-13-01').ok).toBe(false);
    expect(parseFuzzyDate('2020-13').ok).toBe(false);
    reads('29 February 2020', ['2020-02-29', '2020-02-29', 'day']);
  });

  it('says when there is no year', () => {
    expect(error(parseFuzzyDate('4 September'))).toBe('no year in "4 September"');
    expect(error(parseFuzzyDate('mid November'))).toBe('no year in "mid November"');
    expect(error(parseFuzzyDate('Q3'))).toBe('no year in "Q3"');
  });

  it('refuses empty, too long and malformed input', () => {
    expect(error(parseFuzzyDate(''))).toBe('no date given');
    expect(error(parseFuzzyDate(' \u00A0 '))).toBe('no date given');
    expect(error(parseFuzzyDate(`4 September 2020${' '.repeat(10)}${'x'.repeat(300)}`))).toMatch(/too long/);
    expect(error(parseFuzzyDate('4'.repeat(100_000)))).toMatch(/too long/);
    for (const text of [
      '3 - 4',
      '32 March 2020',
      '0 March 2020',
      '4 Septembro 2020',
      'March 2020 - 4',
      '1 - 2 - 3 March 2020',
      '- 4 March 2020',
      '4 March 2020 -',
      '4 March 20',
      '4 March 02020',
      'Q5 2020',
      'Q0 2020',
      'fifth week of March 2020',
      'third half of 2020',
      'early to mid March 2020',
      '2020 - March 2021',
      '5 2020',
      '4 September 2020 (tbc)',
      'March',
    ]) {
      expect(error(parseFuzzyDate(text, text === 'March' ? undefined : { defaultYear: 2020 }))).toBeTruthy();
    }
  });

  it('refuses a default year that is not a year', () => {
    expect(parseFuzzyDate('4 September', { defaultYear: 20.5 }).ok).toBe(false);
    expect(parseFuzzyDate('4 September', { defaultYear: 20 }).ok).toBe(false);
  });

  it('never throws, whatever the string, and only answers with well-formed dates', () => {
    // A small deterministic generator (mulberry32) so failures are reproducible.
    let seed = 0x5eed;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = [
      ...'0123456789 -–—/.,&\u00A0\u2011aqhxé日🙂\uD800',
      'March',
      'sept',
      'mid',
      'the',
      'second',
      'week',
      'of',
      'quarter',
      'half',
      'to',
      'and',
      '2020',
      '2021',
      '2020-03-02',
      '31',
      '4th',
      'Q',
      'year',
      'next',
    ];
    const isIso = /^\d{4}-\d{2}-\d{2}$/;
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 12);
      let text = '';
      for (let i = 0; i < length; i++) {
        text += pieces[Math.floor(random() * pieces.length)] ?? '';
        if (random() < 0.5) text += ' ';
      }
      const result = parseFuzzyDate(text, random() < 0.5 ? { defaultYear: 2020 } : undefined);
      if (result.ok) {
        expect(result.value.start).toMatch(isIso);
        expect(result.value.end).toMatch(isIso);
        expect(result.value.start <= result.value.end).toBe(true);
        expect(FUZZY_PRECISIONS).toContain(result.value.precision);
      } else {
        expect(result.error.length).toBeGreaterThan(0);
      }
    }
    for (const text of ['\uD800', '\u0000', '🙂'.repeat(50), '-'.repeat(199), '4 '.repeat(100), 'ǅ', 'İ']) {
      expect(() => parseFuzzyDate(text)).not.toThrow();
    }
    expect(parseFuzzyDate(null as unknown as string).ok).toBe(false);
    expect(parseFuzzyDate(42 as unknown as string).ok).toBe(false);
  });

  it('refuses long adversarial input rather than reading it', () => {
    for (const text of ['1-'.repeat(100), 'mid-'.repeat(50), 'a'.repeat(200), '1'.repeat(200), '2020-'.repeat(40)]) {
      expect(parseFuzzyDate(text).ok).toBe(false);
      expect(parseFuzzyDate(text.repeat(1000)).ok).toBe(false);
    }
  });
});

describe('completeFuzzyDate', () => {
  it('parses the text when no start or end is given', () => {
    expect(completeFuzzyDate({ text: '3-5 March 2020' })).toEqual({
      ok: true,
      value: { text: '3-5 March 2020', start: '2020-03-03', end: '2020-03-05', precision: 'days' },
    });
    expect(completeFuzzyDate({ text: '5 and 6 February' }, { defaultYear: 2021 })).toEqual({
      ok: true,
      value: { text: '5 and 6 February', start: '2021-02-05', end: '2021-02-06', precision: 'days' },
    });
    expect(error(completeFuzzyDate({ text: 'soon', start: null, end: '' }))).toBe('cannot read "soon" as a date');
  });

  it('refuses when nothing is given', () => {
    expect(error(completeFuzzyDate({}))).toBe('no date given');
    expect(error(completeFuzzyDate({ text: '  ', start: null, end: null }))).toBe('no date given');
  });

  it('lets start and end win over the text, keeping the text', () => {
    expect(value(completeFuzzyDate({ text: 'mid November 2020', start: '2020-11-16', end: '2020-11-18' }))).toEqual({
      text: 'mid November 2020',
      start: '2020-11-16',
      end: '2020-11-18',
      precision: 'days',
    });
    expect(value(completeFuzzyDate({ text: 'around the conference', start: '2020-10-01', end: '2020-10-31' }))).toEqual({
      text: 'around the conference',
      start: '2020-10-01',
      end: '2020-10-31',
      precision: 'month',
    });
  });

  it('keeps the text precision when start and end agree with the text', () => {
    expect(value(completeFuzzyDate({ text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20' })).precision).toBe(
      'part-of-month',
    );
    expect(value(completeFuzzyDate({ text: 'the second week of November 2020', start: '2020-11-08', end: '2020-11-14' })).precision).toBe(
      'week',
    );
  });

  it('derives the precision from the shape of a bare range', () => {
    const shape = (start: string, end?: string) => value(completeFuzzyDate({ start, end: end ?? null })).precision;
    expect(shape('2020-03-02')).toBe('day');
    expect(shape('2020-03-02', '2020-03-02')).toBe('day');
    expect(shape('2020-03-02', '2020-03-05')).toBe('days');
    expect(shape('2020-03-01', '2020-03-10')).toBe('days');
    expect(shape('2020-02-01', '2020-02-29')).toBe('month');
    expect(shape('2020-02-01', '2020-02-28')).toBe('days');
    expect(shape('2020-07-01', '2020-09-30')).toBe('quarter');
    expect(shape('2020-08-01', '2020-10-31')).toBe('months');
    expect(shape('2020-01-01', '2020-08-31')).toBe('months');
    expect(shape('2020-01-01', '2020-12-31')).toBe('year');
    expect(shape('2020-01-01', '2021-12-31')).toBe('months');
  });

  it('writes a text for a bare range', () => {
    expect(value(completeFuzzyDate({ start: '2020-03-02' }))).toEqual({
      text: '2020-03-02',
      start: '2020-03-02',
      end: '2020-03-02',
      precision: 'day',
    });
    const range = value(completeFuzzyDate({ start: '2020-03-02', end: '2020-03-05' }));
    expect(range.text).toBe('2020-03-02/2020-03-05');
    expect(value(parseFuzzyDate(range.text))).toEqual(range);
  });

  it('takes a missing bound from the text, or else from the other bound', () => {
    expect(value(completeFuzzyDate({ text: '3-5 March 2020', start: '2020-03-04' }))).toMatchObject({
      start: '2020-03-04',
      end: '2020-03-05',
      precision: 'days',
    });
    expect(value(completeFuzzyDate({ end: '2020-03-04' }))).toMatchObject({ start: '2020-03-04', end: '2020-03-04' });
  });

  it('refuses malformed or reversed bounds', () => {
    expect(error(completeFuzzyDate({ start: '2 March 2020' }))).toBe('start "2 March 2020" is not a date (yyyy-mm-dd)');
    expect(error(completeFuzzyDate({ start: '2020-03-02', end: '2020-02-30' }))).toBe('end "2020-02-30" is not a date (yyyy-mm-dd)');
    expect(error(completeFuzzyDate({ start: '2020-03-05', end: '2020-03-02' }))).toBe(
      'end (2 March 2020) is before start (5 March 2020)',
    );
    expect(error(completeFuzzyDate({ text: '3-5 March 2020', start: '2020-03-09' }))).toBe(
      'end (5 March 2020) is before start (9 March 2020)',
    );
  });
});

describe('formatFuzzyDate', () => {
  const languages = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
  type Row = Record<(typeof languages)[number], string>;
  const table: [string, Row][] = [
    [
      '4 September 2020',
      {
        en: '4 September 2020',
        fr: '4 septembre 2020',
        es: '4 de septiembre de 2020',
        ru: '4 сентября 2020 г.',
        ar: '4 سبتمبر 2020',
        zh: '2020年9月4日',
      },
    ],
    [
      '2-3 March 2020',
      {
        en: '2\u2009\u2013\u20093 March 2020',
        fr: '2\u20133 mars 2020',
        es: '2\u20133 de marzo de 2020',
        ru: '2\u20133 марта 2020\u202Fг.',
        ar: '2\u20133 مارس 2020',
        zh: '2020年3月2日至3日',
      },
    ],
    [
      '30 June - 2 July 2020',
      {
        en: '30 June\u2009\u2013\u20092 July 2020',
        fr: '30 juin\u2009\u2013\u20092 juillet 2020',
        es: '30 de junio\u2009\u2013\u20092 de julio de 2020',
        ru: '30 июня \u2013 2 июля 2020\u202Fг.',
        ar: '30 يونيو \u2013 2 يوليو 2020',
        zh: '2020年6月30日至7月2日',
      },
    ],
    [
      '28 December 2020 - 3 January 2021',
      {
        en: '28 December 2020\u2009\u2013\u20093 January 2021',
        fr: '28 décembre 2020\u2009\u2013\u20093 janvier 2021',
        es: '28 de diciembre de 2020\u2009\u2013\u20093 de enero de 2021',
        ru: '28 декабря 2020\u202Fг. \u2013 3 января 2021\u202Fг.',
        ar: '28 ديسمبر 2020 \u2013 3 يناير 2021',
        zh: '2020年12月28日至2021年1月3日',
      },
    ],
    [
      'October 2020',
      {
        en: 'October 2020',
        fr: 'octobre 2020',
        es: 'octubre de 2020',
        ru: 'октябрь 2020 г.',
        ar: 'أكتوبر 2020',
        zh: '2020年10月',
      },
    ],
    [
      'January - August 2020',
      {
        en: 'January\u2009\u2013\u2009August 2020',
        fr: 'janvier\u2009\u2013\u2009août 2020',
        es: 'enero\u2013agosto de 2020',
        ru: 'январь 2020\u202Fг. \u2013 август 2020\u202Fг.',
        ar: 'يناير \u2013 أغسطس 2020',
        zh: '2020年1月至8月',
      },
    ],
    ['2021', { en: '2021', fr: '2021', es: '2021', ru: '2021', ar: '2021', zh: '2021年' }],
    [
      'mid November 2020',
      {
        en: '11\u2009\u2013\u200920 November 2020',
        fr: '11\u201320 novembre 2020',
        es: '11\u201320 de noviembre de 2020',
        ru: '11\u201320 ноября 2020\u202Fг.',
        ar: '11\u201320 نوفمبر 2020',
        zh: '2020年11月11日至20日',
      },
    ],
    [
      'the second week of November 2020',
      {
        en: '8\u2009\u2013\u200914 November 2020',
        fr: '8\u201314 novembre 2020',
        es: '8\u201314 de noviembre de 2020',
        ru: '8\u201314 ноября 2020\u202Fг.',
        ar: '8\u201314 نوفمبر 2020',
        zh: '2020年11月8日至14日',
      },
    ],
    [
      'Q3 2020',
      {
        en: 'Q3 2020',
        fr: 'juillet\u2009\u2013\u2009septembre 2020',
        es: 'julio\u2013septiembre de 2020',
        ru: 'июль 2020\u202Fг. \u2013 сентябрь 2020\u202Fг.',
        ar: 'يوليو \u2013 سبتمبر 2020',
        zh: '2020年7月至9月',
      },
    ],
  ];
  for (const [text, row] of table) {
    for (const language of languages) {
      it(`formats "${text}" in ${language}`, () => {
        expect(formatFuzzyDate(value(parseFuzzyDate(text)), language)).toBe(row[language]);
      });
    }
  }

  it('writes Arabic with Latin digits', () => {
    expect(formatFuzzyDate(value(parseFuzzyDate('27 to 30 July2020')), 'ar')).toMatch(/^27\u201330 \S+ 2020$/);
  });

  it('formats a range whose precision is broader than its shape without inventing a quarter', () => {
    const odd: FuzzyDate = { text: 'x', start: '2020-08-01', end: '2020-10-31', precision: 'quarter' };
    expect(formatFuzzyDate(odd, 'en')).toBe('August\u2009\u2013\u2009October 2020');
  });

  it('falls back to the text when the range is not made of ISO dates', () => {
    const broken: FuzzyDate = { text: 'as written', start: 'soon', end: '2020-13-45', precision: 'day' };
    expect(formatFuzzyDate(broken, 'fr')).toBe('as written');
  });
});

describe('overlaps', () => {
  const march = { start: '2020-03-03', end: '2020-03-05' };
  it('is true when the ranges share a day, bounds included', () => {
    expect(overlaps(march, '2020-03-01', '2020-03-03')).toBe(true);
    expect(overlaps(march, '2020-03-05', '2020-03-31')).toBe(true);
    expect(overlaps(march, '2020-03-04', '2020-03-04')).toBe(true);
    expect(overlaps(march, '2020-01-01', '2020-12-31')).toBe(true);
  });
  it('is false when they do not', () => {
    expect(overlaps(march, '2020-03-06', '2020-03-31')).toBe(false);
    expect(overlaps(march, '2020-02-01', '2020-03-02')).toBe(false);
  });
  it('treats a missing bound as open', () => {
    expect(overlaps(march)).toBe(true);
    expect(overlaps(march, '2020-03-05')).toBe(true);
    expect(overlaps(march, '2020-03-06')).toBe(false);
    expect(overlaps(march, undefined, '2020-03-03')).toBe(true);
    expect(overlaps(march, undefined, '2020-03-02')).toBe(false);
  });
  it('works with parsed fuzzy dates', () => {
    const q3 = value(parseFuzzyDate('Q3 2020'));
    expect(overlaps(q3, '2020-09-30')).toBe(true);
    expect(overlaps(q3, '2020-10-01')).toBe(false);
  });
});

describe('parseFuzzyDate: dates as staff write them (issue 18)', () => {
  const cases: [string, Expected][] = [
    // English: parts of a year, halves of a month, the week of a day
    ['early 2021', ['2021-01-01', '2021-04-30', 'months']],
    ['mid 2021', ['2021-05-01', '2021-08-31', 'months']],
    ['mid-2021', ['2021-05-01', '2021-08-31', 'months']],
    ['late 2021', ['2021-09-01', '2021-12-31', 'months']],
    ['end of 2021', ['2021-09-01', '2021-12-31', 'months']],
    ['first half of 2021', ['2021-01-01', '2021-06-30', 'months']],
    ['second half of October 2020', ['2020-10-16', '2020-10-31', 'part-of-month']],
    ['first half of February 2021', ['2021-02-01', '2021-02-15', 'part-of-month']],
    ['week of 9 November 2020', ['2020-11-09', '2020-11-15', 'week']],
    ['the week of 11 November 2020', ['2020-11-09', '2020-11-15', 'week']],
    ['week of 30 November 2020', ['2020-11-30', '2020-12-06', 'week']],
    // Numeric, day first
    ['20/05/2020', ['2020-05-20', '2020-05-20', 'day']],
    ['20.05.2020', ['2020-05-20', '2020-05-20', 'day']],
    ['20-05-2020', ['2020-05-20', '2020-05-20', 'day']],
    ['5.6.2020', ['2020-06-05', '2020-06-05', 'day']],
    ['20/05/2020 - 22/05/2020', ['2020-05-20', '2020-05-22', 'days']],
    ['05/2020', ['2020-05-01', '2020-05-31', 'month']],
    // French
    ['mars 2021', ['2021-03-01', '2021-03-31', 'month']],
    ['du 12 au 14 juin 2021', ['2021-06-12', '2021-06-14', 'days']],
    ["du 12 jusqu'au 14 juin 2021", ['2021-06-12', '2021-06-14', 'days']],
    ['en septembre 2019', ['2019-09-01', '2019-09-30', 'month']],
    ['1er juin 2021', ['2021-06-01', '2021-06-01', 'day']],
    ['12 février 2021', ['2021-02-12', '2021-02-12', 'day']],
    ['12 fevrier 2021', ['2021-02-12', '2021-02-12', 'day']],
    ['4 et 5 août 2020', ['2020-08-04', '2020-08-05', 'days']],
    ['début 2021', ['2021-01-01', '2021-04-30', 'months']],
    ['à la mi-octobre 2020', ['2020-10-11', '2020-10-20', 'part-of-month']],
    ['fin mars 2021', ['2021-03-21', '2021-03-31', 'part-of-month']],
    ["deuxième quinzaine d'octobre 2020", ['2020-10-16', '2020-10-31', 'part-of-month']],
    ['premier semestre 2021', ['2021-01-01', '2021-06-30', 'months']],
    ['2e trimestre 2021', ['2021-04-01', '2021-06-30', 'quarter']],
    ['la semaine du 9 novembre 2020', ['2020-11-09', '2020-11-15', 'week']],
    ['janvier – août 2020', ['2020-01-01', '2020-08-31', 'months']],
    // Spanish
    ['del 3 al 5 de marzo de 2020', ['2020-03-03', '2020-03-05', 'days']],
    ['3 y 4 de febrero de 2020', ['2020-02-03', '2020-02-04', 'days']],
    ['mayo de 2021', ['2021-05-01', '2021-05-31', 'month']],
    ['en septiembre de 2019', ['2019-09-01', '2019-09-30', 'month']],
    ['septiembre–octubre de 2020', ['2020-09-01', '2020-10-31', 'months']],
    ['a principios de 2021', ['2021-01-01', '2021-04-30', 'months']],
    ['mediados de noviembre de 2020', ['2020-11-11', '2020-11-20', 'part-of-month']],
    ['finales de marzo de 2021', ['2021-03-21', '2021-03-31', 'part-of-month']],
    ['primera quincena de octubre de 2020', ['2020-10-01', '2020-10-15', 'part-of-month']],
    ['segundo trimestre de 2021', ['2021-04-01', '2021-06-30', 'quarter']],
    ['la semana del 9 de noviembre de 2020', ['2020-11-09', '2020-11-15', 'week']],
    // Russian
    ['3–5 марта 2020 г.', ['2020-03-03', '2020-03-05', 'days']],
    ['март 2021', ['2021-03-01', '2021-03-31', 'month']],
    ['в марте 2021 года', ['2021-03-01', '2021-03-31', 'month']],
    ['с 12 по 14 июня 2021 года', ['2021-06-12', '2021-06-14', 'days']],
    ['3 и 4 февраля 2020', ['2020-02-03', '2020-02-04', 'days']],
    ['14 мая 2021 г.', ['2021-05-14', '2021-05-14', 'day']],
    ['в начале 2021 года', ['2021-01-01', '2021-04-30', 'months']],
    ['конец марта 2021', ['2021-03-21', '2021-03-31', 'part-of-month']],
    ['вторая половина октября 2020 г.', ['2020-10-16', '2020-10-31', 'part-of-month']],
    ['в третьем квартале 2021 года', ['2021-07-01', '2021-09-30', 'quarter']],
    ['первая неделя ноября 2020', ['2020-11-01', '2020-11-07', 'week']],
    ['неделя с 9 ноября 2020', ['2020-11-09', '2020-11-15', 'week']],
    ['сентябрь–октябрь 2020', ['2020-09-01', '2020-10-31', 'months']],
    // Arabic
    ['مارس 2021', ['2021-03-01', '2021-03-31', 'month']],
    ['من 12 إلى 14 يونيو 2021', ['2021-06-12', '2021-06-14', 'days']],
    ['منتصف نوفمبر 2020', ['2020-11-11', '2020-11-20', 'part-of-month']],
    ['١٢ مارس ٢٠٢١', ['2021-03-12', '2021-03-12', 'day']],
    ['4 أبريل 2021', ['2021-04-04', '2021-04-04', 'day']],
    // Chinese
    ['2021年3月', ['2021-03-01', '2021-03-31', 'month']],
    ['2021年3月12日', ['2021-03-12', '2021-03-12', 'day']],
    ['2021年3月12日至14日', ['2021-03-12', '2021-03-14', 'days']],
    ['2021年3月上旬', ['2021-03-01', '2021-03-10', 'part-of-month']],
    ['2021年上半年', ['2021-01-01', '2021-06-30', 'months']],
    ['2021年第三季度', ['2021-07-01', '2021-09-30', 'quarter']],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => expect(value(parseFuzzyDate(text))).toEqual({ text, start: expected[0], end: expected[1], precision: expected[2] }));
  }

  it('takes the year of "the week of 9 November" and "в начале марта" from defaultYear', () => {
    expect(value(parseFuzzyDate('the week of 9 November', { defaultYear: 2020 }))).toMatchObject({ start: '2020-11-09', end: '2020-11-15', precision: 'week' });
    expect(value(parseFuzzyDate('в начале марта', { defaultYear: 2021 }))).toMatchObject({ start: '2021-03-01', end: '2021-03-10' });
  });

  it('says how a numeric date was read: day first by default, month first when asked', () => {
    expect(parseFuzzyDate('05/06/2020')).toMatchObject({ ok: true, value: { start: '2020-06-05' }, reading: { order: 'dmy', ambiguous: true } });
    expect(parseFuzzyDate('05/06/2020', { order: 'mdy' })).toMatchObject({ ok: true, value: { start: '2020-05-06' }, reading: { order: 'mdy', ambiguous: true } });
    // One number above 12 decides the order, whatever was asked.
    expect(parseFuzzyDate('20/05/2020', { order: 'mdy' })).toMatchObject({ value: { start: '2020-05-20' }, reading: { order: 'dmy', ambiguous: false } });
    expect(parseFuzzyDate('05/20/2020')).toMatchObject({ value: { start: '2020-05-20' }, reading: { order: 'mdy', ambiguous: false } });
    expect(parseFuzzyDate('06/06/2020')).toMatchObject({ reading: { ambiguous: false } });
    expect(parseFuzzyDate('4 September 2020')).not.toHaveProperty('reading');
    expect(parseFuzzyDate('31/02/2020')).toMatchObject({ ok: false, code: 'date_invalid' });
  });

  it('reads "to be decided" in six languages as undated, kept as written, after every date', () => {
    for (const text of ['TBD', 'tbc', 'To be decided', 'Date to be determined', 'undated', 'date à déterminer', 'À confirmer', 'por determinar', 'Fecha por definir', 'дата уточняется', 'Без даты', 'يحدد لاحقاً', 'بدون تاريخ', '待定', '日期待定']) {
      expect(value(parseFuzzyDate(text))).toEqual({ text, start: '9999-12-31', end: '9999-12-31', precision: 'undated' });
    }
    expect(formatFuzzyDate(value(parseFuzzyDate('TBD')), 'fr')).toBe('TBD');
    expect(overlaps(value(parseFuzzyDate('TBD')), '2020-01-01', '2030-12-31')).toBe(false);
    expect(value(completeFuzzyDate({ text: 'TBD' })).precision).toBe('undated');
    // As an exported row comes back: words and the stored range.
    expect(value(completeFuzzyDate({ text: 'TBD', start: '9999-12-31', end: '9999-12-31' }))).toEqual({ text: 'TBD', start: '9999-12-31', end: '9999-12-31', precision: 'undated' });
    // A date given beside the words wins: the activity is dated now.
    expect(value(completeFuzzyDate({ text: 'TBD', start: '2021-03-01', end: '2021-03-31' })).precision).toBe('month');
  });

  it('still refuses what it cannot read in those languages', () => {
    for (const text of ['mars', '32 mars 2021', 'semaine 2021', 'troisième quinzaine de mars 2021', 'date à voir', '2021年13月']) {
      expect(parseFuzzyDate(text).ok, text).toBe(false);
    }
  });
});

describe('dayOrderOf', () => {
  it('tells a stored numeric date read month first from one read day first', () => {
    expect(dayOrderOf({ text: '05/06/2020', start: '2020-05-06', end: '2020-05-06', precision: 'day' })).toBe('mdy');
    expect(dayOrderOf({ text: '05/06/2020', start: '2020-06-05', end: '2020-06-05', precision: 'day' })).toBe('dmy');
    expect(dayOrderOf({ text: '20/05/2020', start: '2020-05-20', end: '2020-05-20', precision: 'day' })).toBe('dmy');
    expect(dayOrderOf({ text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20', precision: 'part-of-month' })).toBe('dmy');
  });
});
