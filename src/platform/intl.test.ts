import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './i18n.ts';
import { countryName, countryNames, dateFormat, DISPLAY_LOCALES, formatDay, isDisplayLanguage, languageName, listOf, namedRegionCodes } from './intl.ts';

describe('display locales', () => {
  it('has one for each of the six languages, and knows nothing else as a language', () => {
    expect(Object.keys(DISPLAY_LOCALES)).toEqual([...LANGUAGES]);
    for (const language of LANGUAGES) expect(isDisplayLanguage(language)).toBe(true);
    expect(isDisplayLanguage('de')).toBe(false);
    expect(isDisplayLanguage('toString')).toBe(false);
  });
});

describe('dates', () => {
  it('writes a day as the UN does: day before month in English, Latin digits in Arabic', () => {
    expect(formatDay('2020-08-31', 'en')).toBe('31 August 2020');
    expect(formatDay('2020-08-31', 'fr')).toBe('31 août 2020');
    expect(formatDay('2020-08-31', 'ar')).toMatch(/^31 .+ 2020$/);
    expect(formatDay('2020-08-31', 'zh')).toBe('2020年8月31日');
  });

  it('reads ISO days as UTC days, whatever the server time zone', () => {
    expect(formatDay('2020-01-01', 'en')).toBe('1 January 2020');
    expect(dateFormat('en', 'year').format(new Date('2020-12-31T23:30:00-05:00'))).toBe('2021');
  });

  it('builds each format once', () => {
    expect(dateFormat('ru', 'month')).toBe(dateFormat('ru', 'month'));
    expect(dateFormat('ru', 'month')).not.toBe(dateFormat('es', 'month'));
    expect(dateFormat('en', 'dayAndMonth').format(new Date(Date.UTC(2020, 2, 2)))).toBe('2 March');
    expect(dateFormat('en', 'monthName').format(new Date(Date.UTC(2020, 2, 2)))).toBe('March');
  });
});

describe('lists and names', () => {
  it('joins a list with the language\'s own "and"', () => {
    expect(listOf(['Africa', 'the Americas', 'Europe'], 'en')).toBe('Africa, the Americas and Europe');
    expect(listOf(['Afrique', 'Europe'], 'fr')).toBe('Afrique et Europe');
  });

  it('names a language in another, or in its own', () => {
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(languageName('fr', 'fr')).toBe('français');
    expect(languageName('ar', 'en')).toBe('Arabic');
  });

  it('names a country in the display or the plain spelling, and keeps a code Intl does not know', () => {
    expect(countryName('TD', 'fr', 'display')).toBe('Tchad');
    expect(countryName('LC', 'en', 'display')).toBe('St Lucia');
    expect(countryName('LC', 'en', 'plain')).toBe('St. Lucia');
    expect(countryName('QQ', 'en', 'display')).toBe('QQ');
    expect(countryName('x1', 'en', 'plain')).toBe('x1');
  });

  it('gives a country\'s plain names in the six languages, empty where there is none', () => {
    expect(countryNames('TD')).toEqual(['Chad', 'Tchad', 'Chad', 'Чад', 'تشاد', '乍得']);
    expect(countryNames('QQ')).toEqual(['', '', '', '', '', '']);
    expect(countryNames('not a code')).toEqual(['', '', '', '', '', '']);
  });

  it('lists the two-letter codes Intl names, in order', () => {
    const codes = namedRegionCodes();
    expect(codes).toContain('TD');
    expect(codes).toContain('GB');
    expect(codes).not.toContain('QQ');
    expect(codes.length).toBeGreaterThan(240);
    expect([...codes].sort()).toEqual(codes);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });
});
