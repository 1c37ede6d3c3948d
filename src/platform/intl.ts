/**
 * Intl for the six languages, in one place: the locale each language is displayed in, and the
 * date formats, lists, language names and country names built on it. Each Intl object is built
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
const SIX_LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

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

/**
 * How a country is spelled. `display`: in the language's display locale, as the reports write
 * ("St Lucia", "US Virgin Islands"). `plain`: in the bare language's names ("St. Lucia",
 * "U.S. Virgin Islands"), as the public site shows them and as the register's search and the
 * importer match them. The two differ in English only, for nine territories.
 */
export type CountryNameStyle = 'display' | 'plain';

const countryNamers = new Map<string, Intl.DisplayNames>();
const countryNameCache = new Map<string, string | undefined>();

/** Intl's name of a region code in a locale; undefined when it has none or the code is malformed. */
function regionName(code: string, locale: string): string | undefined {
  const key = `${locale}:${code}`;
  if (countryNameCache.has(key)) return countryNameCache.get(key);
  let namer = countryNamers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    countryNamers.set(locale, namer);
  }
  let name: string | undefined;
  try {
    name = namer.of(code);
  } catch {
    // Not a region code Intl accepts ("X", "123x"): no name.
  }
  countryNameCache.set(key, name);
  return name;
}

const localeOf = (language: Language, style: CountryNameStyle): string => (style === 'display' ? DISPLAY_LOCALES[language] : language);

/** "Chad", "Tchad", "乍得"; the code itself when Intl does not know it. */
export function countryName(code: string, language: Language, style: CountryNameStyle): string {
  return regionName(code, localeOf(language, style)) ?? code;
}

/** A country's plain names in the six languages, '' where Intl has none: what "Tchad" and "Chad" are both searched by. */
export function countryNames(code: string): string[] {
  return SIX_LANGUAGES.map((language) => regionName(code, localeOf(language, 'plain')) ?? '');
}

let namedRegions: readonly string[] | undefined;

/**
 * Every two-letter code Intl names in at least one of the six languages: the ISO 3166 alpha-2
 * countries, and a few other regions (EU, UN, XK…) that a caller after countries leaves out.
 */
export function namedRegionCodes(): readonly string[] {
  if (namedRegions) return namedRegions;
  const codes: string[] = [];
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      if (countryNames(code).some((name) => name !== '' && name !== code)) codes.push(code);
    }
  }
  namedRegions = codes;
  return codes;
}
