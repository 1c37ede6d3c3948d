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

/** Patterns of date phrases; the captured group (or the whole match) is what the fuzzy-date module reads. */
export const DATE_PATTERNS: RegExp[] = [
  // 28 December – 3 January 2021, 30 June to 2 July 2020
  new RegExp(`${DAY}\\s+${MONTH}${OPT_YEAR}${DSEP}${DAY}\\s+${MONTH}${OPT_YEAR}`, 'gu'),
  // 3 and 4 February 2020, 27 to 30 July2020, 4-5 March 2020, 20 May 2020, 5 and 6 February
  new RegExp(`${DAY}(?:${DSEP}${DAY})?\\s+${MONTH}${OPT_YEAR}`, 'gu'),
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
];

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
    const parsed = parseFuzzyDate(text, defaultYear === undefined ? {} : { defaultYear });
    if (!parsed.ok) return null;
    const value = parsed.value;
    if (!options.period || years.length === 1 || value.start >= options.period.start) return value;
  }
  const last = years[years.length - 1];
  const parsed = parseFuzzyDate(text, last === undefined ? {} : { defaultYear: last });
  return parsed.ok ? parsed.value : null;
}

/** Date phrases in a text, in order, not overlapping, each read by the fuzzy-date module. */
export function findDates(text: string, options: DateOptions): DateHit[] {
  return remember(moduleMemo, `d|${options.defaultYear ?? ''}|${options.period?.start ?? ''}|${options.period?.end ?? ''}|${text}`, () => findDatesNow(text, options));
}

export function findDatesNow(text: string, options: DateOptions): DateHit[] {
  if (text.length > MAX_BLOCK) return [];
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
