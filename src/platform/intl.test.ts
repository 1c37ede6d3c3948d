import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './i18n.ts';
import { dateFormat, DISPLAY_LOCALES, formatDay, isDisplayLanguage, languageName, listOf } from './intl.ts';

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
});
