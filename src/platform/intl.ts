/**
 * Intl for the six languages, in one place: the locale each language is displayed in, and the
 * date formats, lists and language names built on it (country names: registry/countries.ts). Each Intl object is built
 * once and kept (building one costs far more than using it). Pure: no Node, no I/O, so the
 * workspace bundle uses it too (through activities/fuzzy-date.ts).
 */
import type { Language } from './i18n.ts';

/** English as the UN writes it (en-GB: day before month); Arabic with Latin digits whatever the ICU default. */
export const DISPLAY_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-GB',
  fr: 'fr',
  es: 'es',
  ru: 'ru',
  ar: 'ar-u-nu-latn',
  zh: 'zh',
};

/** Same order as `LANGUAGES` (i18n.ts), which this pure module does not import at run time. */
export const SIX_LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** True for one of the six language codes; guards formatters fed with text from outside. */
export const isDisplayLanguage = (value: string): value is Language => Object.hasOwn(DISPLAY_LOCALES, value);

/** The house's date formats, shown here in English: what a report, a page or a date field writes. */
const DATE_FORMATS = {
  /** "31 August 2020" */
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  /** "August 2020" */
  month: { month: 'long', year: 'numeric' },
  /** "2020" */
  year: { year: 'numeric' },
  /** "31 August" (a range's start, when its end names the year) */
  dayAndMonth: { day: 'numeric', month: 'long' },
  /** "August" (a range's start, when its end names the year) */
  monthName: { month: 'long' },
  /** "Aug" (a chart's axis) */
  monthShort: { month: 'short' },
  /** "Mon" (a calendar's column) */
  weekdayShort: { weekday: 'short' },
  /** "Monday" */
  weekdayLong: { weekday: 'long' },
  /** "31" (a calendar's day cell) */
  dayNumber: { day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateFormatName = keyof typeof DATE_FORMATS;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One of the house's date formats in the language's display locale, on UTC days (ISO dates carry no time zone). */
export function dateFormat(language: Language, name: DateFormatName): Intl.DateTimeFormat {
  const key = `${language}:${name}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DISPLAY_LOCALES[language], { timeZone: 'UTC', ...DATE_FORMATS[name] });
    dateFormats.set(key, format);
  }
  return format;
}

/** The UTC midnight of an ISO day (yyyy-mm-dd). */
function utcDay(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** "31 August 2020", "31 août 2020", "2020年8月31日". */
export function formatDay(iso: string, language: Language): string {
  return dateFormat(language, 'day').format(utcDay(iso));
}

/** "Africa, the Americas and Europe", with each language's own "and". */
export function listOf(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(DISPLAY_LOCALES[language], { type: 'conjunction' }).format(items);
}

const languageNamers = new Map<Language, Intl.DisplayNames>();

/** A language's name in another (or its own): "English", "anglais", "английский", "français" in French. */
export function languageName(of: Language, language: Language): string {
  let namer = languageNamers.get(language);
  if (!namer) {
    namer = new Intl.DisplayNames([DISPLAY_LOCALES[language]], { type: 'language' });
    languageNamers.set(language, namer);
  }
  return namer.of(of) ?? of;
}
