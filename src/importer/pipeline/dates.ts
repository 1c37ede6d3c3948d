/**
 * Reader of dates: the date phrases of a text, each read by the fuzzy-date module.
 */
import { type FuzzyPrecision, parseFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { MAX_BLOCK, moduleMemo, remember } from './text.ts';

export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?![\\p{L}])';
export const DAY = '(?<![\\p{L}\\p{N}.,])(?:[0-3]?\\d)(?:st|nd|rd|th)?(?![\\p{N}])';
export const YEAR = '(?:19|20)\\d{2}(?![\\p{N}])';
export const DSEP = '(?:\\s*[-\u2010-\u2015\u2212]\\s*|\\s+(?:to|and|until|till|through|&)\\s+|\\s*&\\s*)';
export const OPT_YEAR = `(?:,?\\s*${YEAR})?`;
/** A half day written after a day ("11 (morning) to 12 October"): part of the date phrase, not read. */
const HALF_DAY = '(?:\\s*\\((?:morning|afternoon|a\\.?m\\.?|p\\.?m\\.?|matin|apr[eè]s-midi|ma[ñn]ana|tarde|утро|вечер)\\))?';
const DAYH = `${DAY}${HALF_DAY}`;
/** Month names in French, Spanish and Russian (every case Russian writes them in). */
const MONTH_X =
  '(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аеу]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?![\\p{L}])';
const YEAR_X = `(?:\\s+(?:de\\s+|del\\s+)?${YEAR}(?:\\s*(?:года|г\\.))?)`;
const DSEP_X = '(?:\\s*[-\u2010-\u2015\u2212]\\s*|\\s+(?:au|et|al|a|y|по|и|до)\\s+)';

/** Patterns of date phrases; the captured group (or the whole match) is what the fuzzy-date module reads. */
export const DATE_PATTERNS: RegExp[] = [
  // 28 December – 3 January 2021, 30 June to 2 July 2020
  new RegExp(`${DAYH}\\s*${MONTH}${OPT_YEAR}${DSEP}${DAYH}\\s*${MONTH}${OPT_YEAR}`, 'gu'),
  // 3 and 4 February 2020, 27 to 30 July2020, 4-5 March 2020, 20 May 2020, 5 and 6 February
  new RegExp(`${DAYH}(?:${DSEP}${DAYH})?\\s*${MONTH}${OPT_YEAR}`, 'gu'),
  // September 4-5, 2020
  new RegExp(`${MONTH}\\s+${DAY}(?:${DSEP}${DAY})?${OPT_YEAR}`, 'gu'),
  // January – August 2020, January 2020 – March 2021
  new RegExp(`${MONTH}${OPT_YEAR}${DSEP}${MONTH},?\\s*${YEAR}`, 'gu'),
  // mid November 2020, early-March, end of June 2021
  new RegExp(`\\b(?:mid|early|late|end of|beginning of|the end of|the beginning of|middle of)[-\\s]+${MONTH}${OPT_YEAR}`, 'giu'),
  // the second week of November 2020
  new RegExp(`\\b(?:the\\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+week\\s+of\\s+${MONTH}${OPT_YEAR}`, 'giu'),
  // Q3 2020, the third quarter of 2021
  new RegExp(`\\bQ[1-4]\\s*${YEAR}|\\b(?:first|second|third|fourth)\\s+quarter\\s+(?:of\\s+)?${YEAR}`, 'giu'),
  // October 2020, July2020
  new RegExp(`${MONTH},?\\s*${YEAR}`, 'gu'),
  // (in|during…) October
  new RegExp(`(?<=\\b(?:in|during|from|until|by|early|late|mid)[-\\s])${MONTH}`, 'gu'),
  // postponed to (next year) 2021, in 2021
  new RegExp(
    `\\b(?:postponed|deferred|rescheduled|moved|report[ée]e?s?|aplazad[oa]s?|pospuest[oa]s?|until|till|in)\\s+(?:(?:to|à|a|al|para|until|till)\\s+)?((?:next year\\s+)?${YEAR})(?![-\u2010-\u2015]\\d)`,
    'giu',
  ),
  // ISO dates
  /\b\d{4}-\d{2}-\d{2}\b/g,
  // 14.11.2023, 14/11/2023 (day first, as the offices write them)
  /(?<![\p{N}.\/])[0-3]?\d[./][01]?\d[./](?:19|20)\d{2}(?![\p{N}])/gu,
  // early 2021, mid-2020, the first half of 2021, the second half of 2019
  new RegExp(`\\b(?:early|late|mid|end\\s+of|beginning\\s+of|(?:the\\s+)?(?:first|second)\\s+half\\s+of)[-\\s]+${YEAR}`, 'giu'),
  // the week of 9 November (2020)
  new RegExp(`\\b(?:the\\s+)?week\\s+of\\s+(?:the\\s+)?${DAY}\\s+${MONTH}${OPT_YEAR}`, 'giu'),
  // du 12 au 14 juin 2019, del 3 al 5 de marzo, с 15 по 17 октября 2019 года
  new RegExp(`(?<![\\p{L}])(?:du|del|desde\\s+el|с|со)\\s+${DAY}(?:er)?${DSEP_X}${DAY}(?:er)?\\s+(?:de\\s+)?${MONTH_X}${YEAR_X}?`, 'giu'),
  // 28 septembre au 2 octobre 2015
  new RegExp(`${DAY}(?:er)?\\s+(?:de\\s+)?${MONTH_X}${YEAR_X}?${DSEP_X}${DAY}(?:er)?\\s+(?:de\\s+)?${MONTH_X}${YEAR_X}?`, 'giu'),
  // 12 juin 2019, 3 et 4 juillet, 10 y 11 de marzo de 2020, 21-22 ноября 2019 г.
  new RegExp(`${DAY}(?:er)?(?:${DSEP_X}${DAY}(?:er)?)?\\s+(?:de\\s+)?${MONTH_X}${YEAR_X}?`, 'giu'),
  // en septembre 2019, в декабре 2019 года, (para) abril de 2020, marzo de 2020
  new RegExp(`(?:(?<![\\p{L}])(?:en|в|во)\\s+)?${MONTH_X}${YEAR_X}`, 'giu'),
];

/** The words of a date phrase the fuzzy-date module is given: half days out. */
const readable = (phrase: string): string => phrase.replace(/\s*\((?:morning|afternoon|a\.?m\.?|p\.?m\.?|matin|apr[eè]s-midi|ma[ñn]ana|tarde|утро|вечер)\)/giu, '').replace(/\s+/g, ' ');

export interface DateHit {
  start: number;
  end: number;
  text: string;
  value: { text: string; start: string; end: string; precision: FuzzyPrecision };
}

export interface DateOptions {
  defaultYear: number | undefined;
  /** When the report spans two years: the start year, used for months from the period's start month on. */
  period: { start: string; end: string } | null;
}

export function readDate(text: string, options: DateOptions): DateHit['value'] | null {
  const years: Array<number | undefined> = [];
  if (options.period && options.period.start.slice(0, 4) !== options.period.end.slice(0, 4)) {
    years.push(Number(options.period.start.slice(0, 4)), Number(options.period.end.slice(0, 4)));
  } else years.push(options.defaultYear);
  for (const defaultYear of years) {
    const parsed = parseFuzzyDate(readable(text), defaultYear === undefined ? {} : { defaultYear });
    if (!parsed.ok) return null;
    const value = parsed.value;
    if (!options.period || years.length === 1 || value.start >= options.period.start) return value;
  }
  const last = years[years.length - 1];
  const parsed = parseFuzzyDate(readable(text), last === undefined ? {} : { defaultYear: last });
  return parsed.ok ? parsed.value : null;
}

/** Date phrases in a text, in order, not overlapping, each read by the fuzzy-date module. */
export function findDates(text: string, options: DateOptions): DateHit[] {
  return remember(moduleMemo, `d|${options.defaultYear ?? ''}|${options.period?.start ?? ''}|${options.period?.end ?? ''}|${text}`, () => findDatesNow(text, options));
}

/**
 * Whether a text can hold a date phrase at all: a year, a month's name or abbreviation in one of
 * the languages read, or a numeric date. Most passages of a long noisy text have none, and are
 * answered without running every pattern.
 */
const DATE_HINT = new RegExp(
  `(?:19|20)\\d{2}|\\d{1,2}[./]\\d{1,2}[./]|(?<![\\p{L}])(?:jan|feb|f[ée]v|mar|apr|avr|abr|may|mai|mayo|jun|juin|jul|juil|aug|ao[uû]|ago|sep|set|oct|okt|nov|dec|d[ée]c|dic|ene|janv|января|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)`,
  'iu',
);

/** See DATE_HINT. */
export const mayHoldDate = (text: string): boolean => DATE_HINT.test(text);

export function findDatesNow(text: string, options: DateOptions): DateHit[] {
  if (text.length > MAX_BLOCK || !DATE_HINT.test(text)) return [];
  const candidates: Array<{ start: number; end: number; text: string }> = [];
  for (const pattern of DATE_PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const whole = m[0];
      const group = m[1];
      const offset = group !== undefined ? whole.lastIndexOf(group) : 0;
      const phrase = group ?? whole;
      const start = m.index + offset;
      // "5 and 6 February." ends a sentence: the full stop is not part of the date.
      const trimmed = phrase.trimEnd().replace(/(?<=(?:January|February|March|April|May|June|July|August|September|October|November|December|\d))\.$/, '');
      candidates.push({ start, end: start + trimmed.length, text: trimmed.trim() });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: DateHit[] = [];
  let until = -1;
  for (const c of candidates) {
    if (c.start < until) continue;
    const value = readDate(c.text, options);
    if (!value) continue;
    hits.push({ ...c, value });
    until = c.end;
  }
  return hits;
}
