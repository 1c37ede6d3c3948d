/**
 * Fuzzy dates: activity dates as the reports write them ("27 to 30 July2020", "mid November 2020",
 * "the second week of November 2020", "Q3 2020"), kept as written and given a precision and an
 * inclusive, sortable ISO range. Pure: no I/O, Intl and UTC Date only.
 *
 * Parsing is a single-pass tokenizer followed by matching short token sequences, so it is linear
 * in the input (which is capped anyway) and never throws.
 */
import type { Language } from '#src/platform/i18n.ts';
import { dateFormat, isDisplayLanguage } from '#src/platform/intl.ts';

export const FUZZY_PRECISIONS = ['day', 'days', 'week', 'part-of-month', 'month', 'months', 'quarter', 'year'] as const;
export type FuzzyPrecision = (typeof FUZZY_PRECISIONS)[number];

/** Known to the day ("3 March 2020", "3–5 March 2020"): the only dates a calendar can put on days. */
export const isDayPrecise = (date: { precision: FuzzyPrecision }): boolean => date.precision === 'day' || date.precision === 'days';

/** A date as written, with its inclusive range (ISO yyyy-mm-dd) and how precise it is. */
export interface FuzzyDate {
  text: string;
  start: string;
  end: string;
  precision: FuzzyPrecision;
}

/**
 * Why a date could not be read, stable for the workspace to word in the user's language
 * (`app.fieldError.<code>`); `error` says it in English.
 */
export type FuzzyDateErrorCode =
  | 'required'
  | 'not_text'
  | 'invalid'
  | 'date_unreadable'
  | 'date_no_year'
  | 'date_invalid'
  | 'date_end_before_start'
  | 'date_too_long'
  | 'date_start_invalid'
  | 'date_end_invalid';

export type FuzzyDateResult =
  | { ok: true; value: FuzzyDate }
  | { ok: false; error: string; code: FuzzyDateErrorCode; params?: Record<string, string | number> };

export interface FuzzyDateOptions {
  /** The year for texts that name none ("5 and 6 February"). */
  defaultYear?: number;
}

export const MAX_FUZZY_DATE_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Calendar helpers

interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isValidYmd({ y, m, d }: Ymd): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1000 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO calendar date (yyyy-mm-dd), or undefined if it is not one. */
function parseIso(iso: string): Ymd | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidYmd(ymd) ? ymd : undefined;
}

/** "4 September 2020", for error messages (which are in English like the rest of the API). */
function describeYmd({ y, m, d }: Ymd): string {
  return `${d} ${MONTH_NAMES[m - 1] ?? `month ${m}`} ${y}`;
}

function firstOfMonth(y: number, m: number): Ymd {
  return { y, m, d: 1 };
}

function lastOfMonth(y: number, m: number): Ymd {
  return { y, m, d: daysInMonth(y, m) };
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { kind: 'num'; value: number; digits: number; ordinal: boolean }
  | { kind: 'word'; word: string }
  | { kind: 'sep' }
  | { kind: 'iso'; date: Ymd }
  | { kind: 'iso-month'; y: number; m: number };

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Words that carry no date information ("from 23-24 June", "in October", "next year 2021"). */
const FILLERS: ReadonlySet<string> = new Set(['from', 'on', 'in', 'the', 'of', 'during', 'between', 'next', 'year']);

/** Words that join the two ends of a range. */
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'and', 'until', 'till', 'through', 'thru']);

const PARTS_OF_MONTH: ReadonlyMap<string, 'early' | 'mid' | 'late'> = new Map([
  ['early', 'early'],
  ['beginning', 'early'],
  ['start', 'early'],
  ['mid', 'mid'],
  ['middle', 'mid'],
  ['late', 'late'],
  ['end', 'late'],
]);

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['last', -1],
]);

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

/** Every dash and minus look-alike, folded to '-'. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;

/** Punctuation that is skipped wherever it appears ("Sept.", "September 4, 2020", "March 2020."). */
const SKIPPED: ReadonlySet<string> = new Set(['.', ',', ';', ':', '!', '?', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060']);

const ISO_AT = /(\d{4})-(\d{2})-(\d{2})(?!\d)/y;
const ISO_MONTH_AT = /(\d{4})-(\d{2})(?![\d-])/y;

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLetter(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

/** Splits normalised (lower-case, dash-folded) text into tokens, or undefined if a character is unknown. */
function tokenize(s: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (isSpace(c) || SKIPPED.has(c)) {
      i += 1;
    } else if (c === '-' || c === '/' || c === '&') {
      tokens.push({ kind: 'sep' });
      i += 1;
    } else if (isDigit(c)) {
      ISO_AT.lastIndex = i;
      const iso = ISO_AT.exec(s);
      if (iso) {
        const date = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
        tokens.push({ kind: 'iso', date });
        i = ISO_AT.lastIndex;
        continue;
      }
      ISO_MONTH_AT.lastIndex = i;
      const isoMonth = ISO_MONTH_AT.exec(s);
      if (isoMonth) {
        tokens.push({ kind: 'iso-month', y: Number(isoMonth[1]), m: Number(isoMonth[2]) });
        i = ISO_MONTH_AT.lastIndex;
        continue;
      }
      let j = i;
      while (j < s.length && isDigit(s.charAt(j))) j += 1;
      const digits = s.slice(i, j);
      // A letter run glued to the number is an ordinal suffix only if it is exactly one ("4th",
      // "1st"); otherwise ("30 July2020" reversed, "2020july") it is a separate word.
      let k = j;
      while (k < s.length && isLetter(s.charAt(k))) k += 1;
      const suffix = s.slice(j, k);
      const ordinal = ORDINAL_SUFFIXES.has(suffix);
      tokens.push({ kind: 'num', value: digits.length > 6 ? Number.NaN : Number(digits), digits: digits.length, ordinal });
      i = ordinal ? k : j;
    } else if (isLetter(c)) {
      let j = i;
      while (j < s.length && isLetter(s.charAt(j))) j += 1;
      tokens.push({ kind: 'word', word: s.slice(i, j) });
      i = j;
    } else {
      return undefined;
    }
  }
  return tokens;
}

/** Drops filler words, turns range words into separators and glues "mid-March" together. */
function simplify(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'word') {
      if (FILLERS.has(token.word)) continue;
      if (RANGE_WORDS.has(token.word)) {
        out.push({ kind: 'sep' });
        continue;
      }
    }
    if (token.kind === 'sep') {
      const previous = out[out.length - 1];
      if (previous?.kind === 'word' && (PARTS_OF_MONTH.has(previous.word) || ORDINAL_WORDS.has(previous.word))) continue;
    }
    out.push(token);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Grammar

/** One end of a range, or a whole single date, as far as it was written. */
interface Point {
  y?: number;
  m?: number;
  d?: number;
}

/** What a text reads as. */
interface Segment {
  start: Ymd;
  end: Ymd;
  precision: FuzzyPrecision;
}

/** A problem found while reading, thrown inside the grammar and turned into the error by parseFuzzyDate. */
class Unreadable {
  readonly reason: 'unreadable' | 'no-year' | 'invalid-date' | 'end-before-start';
  readonly detail: string | undefined;
  /** For end-before-start: the two days, ISO. */
  readonly days: { start: string; end: string } | undefined;
  constructor(reason: Unreadable['reason'], detail?: string, days?: { start: string; end: string }) {
    this.reason = reason;
    this.detail = detail;
    this.days = days;
  }
}

/** The year a token writes (four digits, not an ordinal), if it is one. */
function yearOf(t: Token | undefined): number | undefined {
  return t?.kind === 'num' && !t.ordinal && t.digits === 4 && t.value >= 1000 ? t.value : undefined;
}

/** The day of the month a token writes ("4", "04", "4th"), if it is one. */
function dayOf(t: Token | undefined): number | undefined {
  return t?.kind === 'num' && t.digits <= 2 && t.value >= 1 && t.value <= 31 ? t.value : undefined;
}

function monthOf(t: Token | undefined): number | undefined {
  return t?.kind === 'word' ? MONTHS.get(t.word) : undefined;
}

function wordOf(t: Token | undefined): string | undefined {
  return t?.kind === 'word' ? t.word : undefined;
}

/** 1-4 (or -1 for "last") from "second", "2nd". */
function ordinalOf(t: Token | undefined): number | undefined {
  if (t?.kind === 'word') return ORDINAL_WORDS.get(t.word);
  if (t?.kind === 'num' && t.ordinal && t.digits <= 2) return t.value;
  return undefined;
}

/** Reads a plain date or partial date: "4 September 2020", "September 4, 2020", "July2020", "2021", "27". */
function readPoint(tokens: readonly Token[]): Point | undefined {
  const [a, b, c] = tokens;
  if (tokens.length === 1) {
    if (a?.kind === 'iso') return { ...a.date };
    if (a?.kind === 'iso-month') return { y: a.y, m: a.m };
  }
  // Each token read every way it could be; a pattern matches when its readings are all there.
  const [ya, yb, yc] = [yearOf(a), yearOf(b), yearOf(c)];
  const [da, db] = [dayOf(a), dayOf(b)];
  const [ma, mb] = [monthOf(a), monthOf(b)];
  switch (tokens.length) {
    case 1:
      if (ya !== undefined) return { y: ya };
      if (da !== undefined) return { d: da };
      if (ma !== undefined) return { m: ma };
      return undefined;
    case 2:
      if (da !== undefined && mb !== undefined) return { d: da, m: mb };
      if (ma !== undefined && yb !== undefined) return { m: ma, y: yb };
      if (ma !== undefined && db !== undefined) return { m: ma, d: db };
      // The end of a US-order range: "September 4-5, 2020".
      if (da !== undefined && yb !== undefined) return { d: da, y: yb };
      return undefined;
    case 3:
      if (da !== undefined && mb !== undefined && yc !== undefined) return { d: da, m: mb, y: yc };
      if (ma !== undefined && db !== undefined && yc !== undefined) return { m: ma, d: db, y: yc };
      return undefined;
    default:
      return undefined;
  }
}

function yearOr(explicit: Token | undefined, defaultYear: number | undefined): number {
  if (explicit === undefined) {
    if (defaultYear === undefined) throw new Unreadable('no-year');
    return defaultYear;
  }
  const y = yearOf(explicit);
  if (y === undefined) throw new Unreadable('unreadable');
  return y;
}

/**
 * Reads the qualified forms that stand alone: "mid-March 2020", "the second week of November 2020",
 * "Q3 2020", "third quarter of 2020", "first half of 2021".
 */
function readQualified(tokens: readonly Token[], defaultYear: number | undefined): Segment | undefined {
  const [a, b, c, d] = tokens;
  const first = wordOf(a);

  // early / mid / late <month> [year]
  const part = first === undefined ? undefined : PARTS_OF_MONTH.get(first);
  if (part !== undefined) {
    const m = monthOf(b);
    if (m === undefined || tokens.length > 3) return undefined;
    const y = yearOr(c, defaultYear);
    const last = daysInMonth(y, m);
    const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
    return { start: { y, m, d: from }, end: { y, m, d: to }, precision: 'part-of-month' };
  }

  // Q3 [year], H1 [year]
  if ((first === 'q' || first === 'h') && b?.kind === 'num' && !b.ordinal && tokens.length <= 3) {
    const y = yearOr(c, defaultYear);
    return first === 'q' ? quarter(b.value, y) : half(b.value, y);
  }

  const n = ordinalOf(a);
  if (n === undefined) return undefined;
  const unit = wordOf(b);
  if (unit === 'week' && tokens.length <= 4) {
    const m = monthOf(c);
    if (m === undefined) return undefined;
    const y = yearOr(d, defaultYear);
    const last = daysInMonth(y, m);
    if (n === -1) return { start: { y, m, d: last - 6 }, end: { y, m, d: last }, precision: 'week' };
    if (n < 1 || n > 4) return undefined;
    return { start: { y, m, d: (n - 1) * 7 + 1 }, end: { y, m, d: n * 7 }, precision: 'week' };
  }
  if ((unit === 'quarter' || unit === 'half') && tokens.length <= 3) {
    const y = yearOr(c, defaultYear);
    return unit === 'quarter' ? quarter(n === -1 ? 4 : n, y) : half(n === -1 ? 2 : n, y);
  }
  return undefined;
}

function quarter(q: number, y: number): Segment | undefined {
  if (!Number.isInteger(q) || q < 1 || q > 4) return undefined;
  return { start: firstOfMonth(y, q * 3 - 2), end: lastOfMonth(y, q * 3), precision: 'quarter' };
}

function half(h: number, y: number): Segment | undefined {
  if (h !== 1 && h !== 2) return undefined;
  return { start: firstOfMonth(y, h * 6 - 5), end: lastOfMonth(y, h * 6), precision: 'months' };
}

type Granularity = 'day' | 'month' | 'year';

function granularity(p: Point): Granularity | undefined {
  if (p.d !== undefined) return p.m !== undefined && p.y !== undefined ? 'day' : undefined;
  if (p.m !== undefined) return p.y !== undefined ? 'month' : undefined;
  return p.y !== undefined ? 'year' : undefined;
}

function checked(p: Point): Ymd {
  const ymd = { y: p.y ?? 0, m: p.m ?? 1, d: p.d ?? 1 };
  if (!isValidYmd(ymd)) {
    const shown = p.m !== undefined && p.m >= 1 && p.m <= 12 ? describeYmd(ymd) : `${ymd.y}-${pad(ymd.m, 2)}-${pad(ymd.d, 2)}`;
    throw new Unreadable('invalid-date', shown);
  }
  return ymd;
}

function startOf(p: Point, g: Granularity): Ymd {
  const ymd = checked(p);
  if (g === 'year') return { y: ymd.y, m: 1, d: 1 };
  if (g === 'month') return firstOfMonth(ymd.y, ymd.m);
  return ymd;
}

function endOf(p: Point, g: Granularity): Ymd {
  const ymd = checked(p);
  if (g === 'year') return { y: ymd.y, m: 12, d: 31 };
  if (g === 'month') return lastOfMonth(ymd.y, ymd.m);
  return ymd;
}

/** A single written date: a day, a month or a year. */
function single(p: Point, defaultYear: number | undefined): Segment {
  const point = { ...p };
  if (point.y === undefined && (point.m !== undefined || point.d !== undefined)) {
    if (defaultYear === undefined) throw new Unreadable('no-year');
    point.y = defaultYear;
  }
  const g = granularity(point);
  if (g === undefined) throw new Unreadable('unreadable');
  const precision: FuzzyPrecision = g === 'day' ? 'day' : g === 'month' ? 'month' : 'year';
  return { start: startOf(point, g), end: endOf(point, g), precision };
}

function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Two written ends ("27 to 30 July2020", "January – August 2020"), the left filled in from the right. */
function range(left: Point, right: Point, defaultYear: number | undefined): Segment {
  const l = { ...left };
  const r = { ...right };
  // Days share a month written on the other side: "3 and 4 February", "September 4-5, 2020".
  if (l.d !== undefined && l.m === undefined) l.m = r.d !== undefined ? r.m : undefined;
  if (r.d !== undefined && r.m === undefined) r.m = l.d !== undefined ? l.m : undefined;
  if ((l.d !== undefined && l.m === undefined) || (r.d !== undefined && r.m === undefined)) {
    throw new Unreadable('unreadable');
  }
  if (r.y === undefined) r.y = l.y ?? defaultYear;
  if (r.y === undefined && r.m !== undefined) throw new Unreadable('no-year');
  if (l.y === undefined && r.y !== undefined && l.m !== undefined) {
    // "28 December – 3 January 2021": a written month after the end month is in the year before.
    l.y = left.m !== undefined && r.m !== undefined && l.m > r.m ? r.y - 1 : r.y;
  }

  const gl = granularity(l);
  const gr = granularity(r);
  if (gl === undefined || gr === undefined || gl !== gr) throw new Unreadable('unreadable');

  const start = startOf(l, gl);
  const end = endOf(r, gr);
  if (compareYmd(end, start) < 0) {
    throw new Unreadable('end-before-start', `end (${describeYmd(end)}) is before start (${describeYmd(start)})`, { start: toIso(start), end: toIso(end) });
  }
  let precision: FuzzyPrecision;
  if (gl === 'day') precision = compareYmd(start, end) === 0 ? 'day' : 'days';
  else if (gl === 'month') precision = start.y === end.y && start.m === end.m ? 'month' : 'months';
  else precision = start.y === end.y ? 'year' : 'months';
  return { start, end, precision };
}

function read(tokens: readonly Token[], defaultYear: number | undefined): Segment | undefined {
  const segments: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'sep') segments.push([]);
    else segments[segments.length - 1]?.push(token);
  }
  const [first, second] = segments;
  if (segments.length === 1 && first !== undefined) {
    const qualified = readQualified(first, defaultYear);
    if (qualified) return qualified;
    const point = readPoint(first);
    return point === undefined ? undefined : single(point, defaultYear);
  }
  if (segments.length === 2 && first !== undefined && second !== undefined) {
    const left = readPoint(first);
    const right = readPoint(second);
    if (left === undefined || right === undefined) return undefined;
    return range(left, right, defaultYear);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// API

function unreadable(text: string): FuzzyDateResult {
  return { ok: false, error: `cannot read "${text}" as a date`, code: 'date_unreadable', params: { value: text } };
}

/**
 * Reads a date as written in a report. `text` in the result is the input, trimmed; start and end are
 * the inclusive ISO range. Never throws.
 */
export function parseFuzzyDate(text: string, options?: FuzzyDateOptions): FuzzyDateResult {
  if (typeof text !== 'string') return { ok: false, error: 'the date must be text', code: 'not_text' };
  if (text.length > MAX_FUZZY_DATE_LENGTH * 4) return tooLong();
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'no date given', code: 'required' };
  if (trimmed.length > MAX_FUZZY_DATE_LENGTH) return tooLong();

  const defaultYear = options?.defaultYear;
  if (defaultYear !== undefined && !(Number.isInteger(defaultYear) && defaultYear >= 1000 && defaultYear <= 9999)) {
    return { ok: false, error: `default year ${String(defaultYear)} is not a four-digit year`, code: 'invalid' };
  }

  const normalised = trimmed.toLowerCase().replace(DASHES, '-');
  const tokens = tokenize(normalised);
  if (tokens === undefined) return unreadable(trimmed);
  try {
    const segment = read(simplify(tokens), defaultYear);
    if (segment === undefined) return unreadable(trimmed);
    const { start, end, precision } = segment;
    if (!isValidYmd(start) || !isValidYmd(end)) return unreadable(trimmed);
    return { ok: true, value: { text: trimmed, start: toIso(start), end: toIso(end), precision } };
  } catch (e) {
    if (e instanceof Unreadable) {
      if (e.reason === 'no-year') return { ok: false, error: `no year in "${trimmed}"`, code: 'date_no_year', params: { value: trimmed } };
      if (e.reason === 'end-before-start' && e.detail !== undefined && e.days !== undefined) {
        return { ok: false, error: e.detail, code: 'date_end_before_start', params: e.days };
      }
      if (e.reason === 'invalid-date' && e.detail !== undefined) {
        return { ok: false, error: `${e.detail} is not a valid date`, code: 'date_invalid', params: { value: trimmed } };
      }
    }
    return unreadable(trimmed);
  }
}

function tooLong(): FuzzyDateResult {
  return { ok: false, error: `the date is too long (more than ${MAX_FUZZY_DATE_LENGTH} characters)`, code: 'date_too_long', params: { maximum: MAX_FUZZY_DATE_LENGTH } };
}

/** The precision a bare ISO range suggests: a day, a whole month, quarter or year, whole months, or days. */
function precisionOfRange(start: Ymd, end: Ymd): FuzzyPrecision {
  if (compareYmd(start, end) === 0) return 'day';
  const wholeMonths = start.d === 1 && end.d === daysInMonth(end.y, end.m);
  if (!wholeMonths) return 'days';
  if (start.y === end.y && start.m === end.m) return 'month';
  if (start.y === end.y && start.m === 1 && end.m === 12) return 'year';
  if (start.y === end.y && start.m % 3 === 1 && end.m === start.m + 2) return 'quarter';
  return 'months';
}

function blank(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Completes a date given either as text or as explicit start/end (both ISO). If text AND start/end are
 * given, start/end win for the range but text is kept; precision derived from the range shape if no
 * text parse. A missing end (or start) is taken from the text when it reads, else equals the other.
 * Without text, the text becomes "start" or "start/end".
 */
export function completeFuzzyDate(
  input: { text?: string | null; start?: string | null; end?: string | null },
  options?: FuzzyDateOptions,
): FuzzyDateResult {
  const text = blank(input.text);
  const startText = blank(input.start);
  const endText = blank(input.end);
  if (startText === undefined && endText === undefined) {
    return text === undefined ? { ok: false, error: 'no date given', code: 'required' } : parseFuzzyDate(text, options);
  }

  const explicitStart = startText === undefined ? undefined : parseIso(startText);
  if (startText !== undefined && explicitStart === undefined) {
    return { ok: false, error: `start "${startText.slice(0, 40)}" is not a date (yyyy-mm-dd)`, code: 'date_start_invalid', params: { value: startText.slice(0, 40) } };
  }
  const explicitEnd = endText === undefined ? undefined : parseIso(endText);
  if (endText !== undefined && explicitEnd === undefined) {
    return { ok: false, error: `end "${endText.slice(0, 40)}" is not a date (yyyy-mm-dd)`, code: 'date_end_invalid', params: { value: endText.slice(0, 40) } };
  }
  if (text !== undefined && text.length > MAX_FUZZY_DATE_LENGTH) return tooLong();

  const parsed = text === undefined ? undefined : parseFuzzyDate(text, options);
  const fromText = parsed?.ok ? parsed.value : undefined;
  const start = explicitStart ?? (fromText ? parseIso(fromText.start) : undefined) ?? explicitEnd;
  const end = explicitEnd ?? (fromText ? parseIso(fromText.end) : undefined) ?? explicitStart;
  if (start === undefined || end === undefined) return { ok: false, error: 'no date given', code: 'required' };
  if (compareYmd(end, start) < 0) {
    return { ok: false, error: `end (${describeYmd(end)}) is before start (${describeYmd(start)})`, code: 'date_end_before_start', params: { start: toIso(start), end: toIso(end) } };
  }

  const startIso = toIso(start);
  const endIso = toIso(end);
  const precision =
    fromText && fromText.start === startIso && fromText.end === endIso ? fromText.precision : precisionOfRange(start, end);
  return {
    ok: true,
    value: {
      text: text ?? (startIso === endIso ? startIso : `${startIso}/${endIso}`),
      start: startIso,
      end: endIso,
      precision,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Display

/** The unit a range is written in; each is the house date format of that name. */
type Unit = 'day' | 'month' | 'year';

function utc({ y, m, d }: Ymd): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * ICU's Chinese interval patterns fall back to "2020/3/2 – 2020/3/3"; write them the usual way
 * instead ("2020年3月2日至3日"), dropping what the start already says.
 */
function zhRange(unit: Unit, a: Ymd, b: Ymd): string {
  const full = (p: Ymd) => (unit === 'year' ? `${p.y}年` : unit === 'month' ? `${p.y}年${p.m}月` : `${p.y}年${p.m}月${p.d}日`);
  let tail: string;
  if (a.y !== b.y) tail = full(b);
  else if (unit === 'month' || a.m !== b.m) tail = unit === 'month' ? `${b.m}月` : `${b.m}月${b.d}日`;
  else tail = `${b.d}日`;
  return `${full(a)}至${tail}`;
}

function sameUnit(unit: Unit, a: Ymd, b: Ymd): boolean {
  if (a.y !== b.y) return false;
  if (unit === 'year') return true;
  if (a.m !== b.m) return false;
  return unit === 'month' || a.d === b.d;
}

function formatUnitRange(language: Language, unit: Unit, a: Ymd, b: Ymd): string {
  const f = dateFormat(language, unit);
  if (sameUnit(unit, a, b)) return f.format(utc(a));
  if (language === 'zh') return zhRange(unit, a, b);
  return f.formatRange(utc(a), utc(b));
}

/**
 * Formats for display in one of the six UI languages: "4 September 2020", "2–3 March 2020",
 * "October 2020", "Q3 2020" (English; other languages give the months), "2021". Falls back to the
 * text as written if the range is not made of ISO dates.
 */
export function formatFuzzyDate(date: FuzzyDate, language: Language): string {
  const start = parseIso(date.start);
  const end = parseIso(date.end);
  if (!start || !end || compareYmd(end, start) < 0 || !isDisplayLanguage(language)) return date.text;
  try {
    switch (date.precision) {
      case 'year':
        return formatUnitRange(language, 'year', start, end);
      case 'quarter':
        if (language === 'en' && precisionOfRange(start, end) === 'quarter') return `Q${(start.m + 2) / 3} ${start.y}`;
        return formatUnitRange(language, 'month', start, end);
      case 'month':
      case 'months':
        return formatUnitRange(language, 'month', start, end);
      default:
        return formatUnitRange(language, 'day', start, end);
    }
  } catch {
    return date.text;
  }
}

/** True when the fuzzy range overlaps [from, to] (ISO dates, either may be undefined). */
export function overlaps(date: Pick<FuzzyDate, 'start' | 'end'>, from?: string, to?: string): boolean {
  if (from !== undefined && date.end < from) return false;
  if (to !== undefined && date.start > to) return false;
  return true;
}
