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
import { GenerationalCache } from '#src/platform/lru.ts';

export const FUZZY_PRECISIONS = ['day', 'days', 'week', 'part-of-month', 'month', 'months', 'quarter', 'year', 'undated'] as const;
export type FuzzyPrecision = (typeof FUZZY_PRECISIONS)[number];

/**
 * The range an undated activity ("TBD", "date to be decided") is stored with: the last day a
 * date column can hold, so it sorts after every dated activity and falls outside every date
 * window, while the columns stay NOT NULL (decision 11).
 */
export const UNDATED_DAY = '9999-12-31';

/** Planned without a date yet: kept as written, shown as "date to be decided". */
export const isUndated = (date: { precision: FuzzyPrecision }): boolean => date.precision === 'undated';

/** How a numeric date with both numbers ≤ 12 ("05/06/2020") is read: day first (the default) or month first. */
export const DAY_ORDERS = ['dmy', 'mdy'] as const;
export type DayOrder = (typeof DAY_ORDERS)[number];

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

/** How the numeric dates of a text were read: the order taken, and whether the other one was possible. */
export interface NumericReading {
  order: DayOrder;
  ambiguous: boolean;
}

export type FuzzyDateResult =
  | { ok: true; value: FuzzyDate; reading?: NumericReading }
  | { ok: false; error: string; code: FuzzyDateErrorCode; params?: Record<string, string | number> };

export interface FuzzyDateOptions {
  /** The year for texts that name none ("5 and 6 February"). */
  defaultYear?: number;
  /** How to read "05/06/2020" when either number could be the month; day first unless told. */
  order?: DayOrder;
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

/**
 * Folds a word for lookup: accents and other combining marks dropped ("février" → "fevrier",
 * "أبريل" → "ابريل", "ё" → "е"), so tables and input meet whatever the keyboard wrote.
 */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A lookup table from lists of words (folded) to their meaning. */
function table<T>(entries: readonly (readonly [T, string])[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [meaning, words] of entries) for (const word of words.split(' ')) map.set(fold(word), meaning);
  return map;
}

/** Month names and abbreviations in English, French, Spanish, Russian (the three cases dates use) and Arabic. */
const MONTHS: ReadonlyMap<string, number> = table([
  [1, 'january jan janvier janv enero ene январь января январе янв يناير'],
  [2, 'february feb février févr fév febrero февраль февраля феврале фев فبراير'],
  [3, 'march mar mars marzo март марта марте مارس'],
  [4, 'april apr avril avr abril abr апрель апреля апреле апр أبريل إبريل'],
  [5, 'may mai mayo май мая мае مايو'],
  [6, 'june jun juin junio июнь июня июне يونيو يونيه'],
  [7, 'july jul juillet juil julio июль июля июле يوليو يوليه'],
  [8, 'august aug août agosto ago август августа августе авг أغسطس'],
  [9, 'september sept sep septembre septiembre setiembre сентябрь сентября сентябре сен сент سبتمبر'],
  [10, 'october oct octobre octubre октябрь октября октябре окт أكتوبر'],
  [11, 'november nov novembre noviembre ноябрь ноября ноябре ноя نوفمبر'],
  [12, 'december dec décembre déc diciembre dic декабрь декабря декабре дек ديسمبر'],
]);

/** Words that carry no date information ("from 23-24 June", "en septembre", "del 3 al 5 de marzo", "2020 г."). */
const FILLERS: ReadonlySet<string> = new Set(
  [
    'from on in the of during between next year',
    'du de des le la les l d en dans courant année mois',
    'del el los las durante año mes',
    'с со в во г гг год года году месяц месяца',
    'من في خلال عام سنة شهر',
  ]
    .join(' ')
    .split(' ')
    .map(fold),
);

/** Words that join the two ends of a range ("du 12 au 14 juin", "del 3 al 5", "с 12 по 14 июня"). */
const RANGE_WORDS: ReadonlySet<string> = new Set(
  ['to and until till through thru', 'au à a et jusqu', 'al hasta y', 'по до и', 'إلى حتى و'].join(' ').split(' ').map(fold),
);

const PARTS_OF_MONTH: ReadonlyMap<string, 'early' | 'mid' | 'late'> = table([
  ['early', 'early beginning start début commencement principios principio comienzos comienzo inicios inicio начало начале начала بداية أوائل مطلع'],
  ['mid', 'mid middle mi milieu mediados середина середине середины منتصف أواسط'],
  ['late', 'late end fin finales fines final конец конце конца نهاية أواخر'],
]);

const ORDINAL_WORDS: ReadonlyMap<string, number> = table([
  [1, 'first premier première primer primera primero первая первой первый первое первом первую'],
  [2, 'second deuxième seconde segundo segunda вторая второй второе втором вторую'],
  [3, 'third troisième tercer tercera tercero третья третий третьей третье третьем третью'],
  [4, 'fourth quatrième cuarto cuarta четвёртая четвёртый четвёртой четвёртое четвёртом четвёртую'],
  [-1, 'last dernier dernière último última последняя последний последней последнее последнем последнюю'],
]);

/** What an ordinal counts: weeks, halves (of a month or a year) and quarters. */
const UNITS: ReadonlyMap<string, 'week' | 'half' | 'quarter'> = table([
  ['week', 'week semaine semana неделя неделе недели неделю'],
  ['half', 'half moitié quinzaine semestre mitad quincena semestre половина половине половины полугодие полугодии'],
  ['quarter', 'quarter trimestre квартал квартале квартала'],
]);

/** "1st", "1er", "2e", "3ème": suffixes that make a number an ordinal. */
const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th', 'er', 're', 'e', 'eme', 'ème'].map(fold));

/**
 * Phrases that say a date is not decided yet, as a whole text ("TBD", "date à déterminer",
 * "por determinar", "дата уточняется", "يحدد لاحقا", "待定"); compared folded, punctuation as spaces.
 */
const UNDATED_PHRASES: ReadonlySet<string> = new Set(
  [
    'tbd', 'tbc', 'to be decided', 'to be determined', 'to be confirmed', 'date tbd', 'date tbc', 'date to be decided',
    'date to be determined', 'date to be confirmed', 'undated', 'no date', 'not dated', 'date not decided', 'date not yet decided',
    'à déterminer', 'à définir', 'à confirmer', 'date à déterminer', 'date à définir', 'date à confirmer', 'non daté', 'non datée',
    'sans date', 'date non fixée', 'date non déterminée',
    'por determinar', 'a determinar', 'por definir', 'a definir', 'por confirmar', 'fecha por determinar', 'fecha por definir',
    'fecha por confirmar', 'fecha a determinar', 'sin fecha', 'fecha no definida',
    'дата уточняется', 'уточняется', 'дата будет определена', 'будет определена', 'дата не определена', 'без даты', 'дата не установлена',
    'يحدد لاحقا', 'سيحدد لاحقا', 'التاريخ يحدد لاحقا', 'يحدد التاريخ لاحقا', 'سيحدد التاريخ لاحقا', 'بدون تاريخ', 'لم يحدد بعد', 'غير محدد',
    '待定', '日期待定', '时间待定', '待确定', '日期待确定', '未定', '时间未定', '日期未定',
  ].map((phrase) => undatedKey(phrase)),
);

function undatedKey(text: string): string {
  return fold(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every dash and minus look-alike, folded to '-'. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D~～]/g;

/** Punctuation that is skipped wherever it appears ("Sept.", "September 4, 2020", "March 2020.", "l'année", "،"). */
const SKIPPED: ReadonlySet<string> = new Set(['.', ',', ';', ':', '!', '?', "'", '\u2019', '\u060C', '\u061B', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060']);

const ISO_AT = /(\d{4})-(\d{2})-(\d{2})(?!\d)/y;
const ISO_MONTH_AT = /(\d{4})-(\d{2})(?![\d-])/y;
/** "20/05/2020", "20.05.2020", "20-05-2020" (the same separator twice), read day or month first. */
const NUMERIC_AT = /(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/y;
/** "05/2020", "05.2020": a month. */
const NUMERIC_MONTH_AT = /(\d{1,2})[./](\d{4})(?!\d)/y;

const CHINESE_NUMERALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Chinese dates ("2021年3月", "2021年3月12日至14日", "2021年3月上旬", "2021年上半年", "2021年第三季度")
 * rewritten into the words the grammar reads ("2021 march 12 to 14", "early march 2021").
 */
function fromChinese(s: string): string {
  const month = (m: string) => {
    const n = Number(m);
    return n >= 1 && n <= 12 ? (MONTH_NAMES[n - 1] ?? m).toLowerCase() : `${m}月`;
  };
  return s
    .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*([上中下])旬/g, (_, y: string, m: string, part: string) => ` ${part === '上' ? 'early' : part === '中' ? 'mid' : 'late'} ${month(m)} ${y} `)
    .replace(/(\d{4})\s*年\s*([上下])半年/g, (_, y: string, h: string) => ` ${h === '上' ? 'first' : 'second'} half ${y} `)
    .replace(/(\d{4})\s*年\s*第\s*([一二三四1-4])\s*季度/g, (_, y: string, q: string) => ` q${CHINESE_NUMERALS[q] ?? q} ${y} `)
    .replace(/(\d{4})\s*年\s*(初|中|底|末)/g, (_, y: string, p: string) => ` ${p === '初' ? 'early' : p === '中' ? 'mid' : 'late'} ${y} `)
    .replace(/(\d{1,2})\s*月/g, (_, m: string) => ` ${month(m)} `)
    .replace(/(\d{4})\s*年/g, ' $1 ')
    .replace(/(\d{1,2})\s*[日号]/g, ' $1 ')
    .replace(/[至到]/g, ' to ')
    .replace(/[，、]/g, ' ');
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLetter(c: string): boolean {
  return /\p{L}/u.test(c);
}

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

/** Numeric dates met while tokenizing, and how they were read. */
interface Readings {
  order: DayOrder;
  taken: NumericReading | undefined;
}

/** Reads "05/06/2020" as the order asks, unless one of the numbers can only be a day. */
function numericDate(a: number, b: number, y: number, readings: Readings): Ymd {
  const order: DayOrder = a > 12 ? 'dmy' : b > 12 ? 'mdy' : readings.order;
  const ambiguous = a <= 12 && b <= 12 && a !== b;
  if (readings.taken === undefined) readings.taken = { order, ambiguous };
  else if (ambiguous) readings.taken = { order: readings.taken.order, ambiguous };
  return order === 'dmy' ? { y, m: b, d: a } : { y, m: a, d: b };
}

/** Splits normalised (lower-case, dash-folded) text into tokens, or undefined if a character is unknown. */
function tokenize(s: string, readings: Readings): Token[] | undefined {
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
      NUMERIC_AT.lastIndex = i;
      const numeric = NUMERIC_AT.exec(s);
      if (numeric) {
        tokens.push({ kind: 'iso', date: numericDate(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]), readings) });
        i = NUMERIC_AT.lastIndex;
        continue;
      }
      NUMERIC_MONTH_AT.lastIndex = i;
      const numericMonth = NUMERIC_MONTH_AT.exec(s);
      if (numericMonth) {
        tokens.push({ kind: 'iso-month', y: Number(numericMonth[2]), m: Number(numericMonth[1]) });
        i = NUMERIC_MONTH_AT.lastIndex;
        continue;
      }
      let j = i;
      while (j < s.length && isDigit(s.charAt(j))) j += 1;
      const digits = s.slice(i, j);
      // A letter run glued to the number is an ordinal suffix only if it is exactly one ("4th",
      // "1er"); otherwise ("30 July2020" reversed, "2020july") it is a separate word.
      let k = j;
      while (k < s.length && isLetter(s.charAt(k))) k += 1;
      const suffix = fold(s.slice(j, k));
      const ordinal = ORDINAL_SUFFIXES.has(suffix);
      tokens.push({ kind: 'num', value: digits.length > 6 ? Number.NaN : Number(digits), digits: digits.length, ordinal });
      i = ordinal ? k : j;
    } else if (isLetter(c)) {
      let j = i;
      while (j < s.length && (isLetter(s.charAt(j)) || /\p{M}/u.test(s.charAt(j)))) j += 1;
      tokens.push({ kind: 'word', word: fold(s.slice(i, j)) });
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
        // A range word before anything was written is a preposition: "a principios de 2021", "à la mi-octobre".
        if (out.length > 0 && out[out.length - 1]?.kind !== 'sep') out.push({ kind: 'sep' });
        continue;
      }
    }
    if (token.kind === 'sep') {
      const previous = out[out.length - 1];
      if (previous?.kind === 'sep') continue;
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
      // Year first, as Chinese writes it ("2021年3月" is read as "2021 march").
      if (ya !== undefined && mb !== undefined) return { y: ya, m: mb };
      return undefined;
    case 3:
      if (da !== undefined && mb !== undefined && yc !== undefined) return { d: da, m: mb, y: yc };
      if (ma !== undefined && db !== undefined && yc !== undefined) return { m: ma, d: db, y: yc };
      if (ya !== undefined && mb !== undefined && dayOf(c) !== undefined) return { y: ya, m: mb, d: dayOf(c) };
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
 * Reads the qualified forms that stand alone: "mid-March 2020", "early 2021", "the second week of
 * November 2020", "week of 9 November 2020", "Q3 2020", "third quarter of 2020", "first half of
 * 2021", "second half of October 2020" — and the same in the other languages' words.
 */
function readQualified(tokens: readonly Token[], defaultYear: number | undefined): Segment | undefined {
  const [a, b, c, d] = tokens;
  const first = wordOf(a);

  // early / mid / late <month> [year], early / mid / late <year>
  const part = first === undefined ? undefined : PARTS_OF_MONTH.get(first);
  if (part !== undefined) {
    const year = yearOf(b);
    if (year !== undefined && tokens.length === 2) {
      // A year in thirds: January–April, May–August, September–December.
      const [from, to] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
      return { start: firstOfMonth(year, from), end: lastOfMonth(year, to), precision: 'months' };
    }
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

  // week of <day>: the week (Monday to Sunday) holding that day.
  if (first !== undefined && UNITS.get(first) === 'week') {
    const point = readPoint(tokens.slice(1));
    if (point?.d === undefined) return undefined;
    const day = single(point, defaultYear);
    return weekOf(day.start);
  }

  const n = ordinalOf(a);
  if (n === undefined) return undefined;
  const unit = UNITS.get(wordOf(b) ?? '');
  if (unit === 'week' && tokens.length <= 4) {
    const m = monthOf(c);
    if (m === undefined) return undefined;
    const y = yearOr(d, defaultYear);
    const last = daysInMonth(y, m);
    if (n === -1) return { start: { y, m, d: last - 6 }, end: { y, m, d: last }, precision: 'week' };
    if (n < 1 || n > 4) return undefined;
    return { start: { y, m, d: (n - 1) * 7 + 1 }, end: { y, m, d: n * 7 }, precision: 'week' };
  }
  if (unit === 'half' && monthOf(c) !== undefined && tokens.length <= 4) {
    // Half of a month: the 1st to the 15th, the 16th to its end.
    const m = monthOf(c) ?? 1;
    const y = yearOr(d, defaultYear);
    const h = n === -1 ? 2 : n;
    if (h !== 1 && h !== 2) return undefined;
    return { start: { y, m, d: h === 1 ? 1 : 16 }, end: { y, m, d: h === 1 ? 15 : daysInMonth(y, m) }, precision: 'part-of-month' };
  }
  if ((unit === 'quarter' || unit === 'half') && tokens.length <= 3) {
    const y = yearOr(c, defaultYear);
    return unit === 'quarter' ? quarter(n === -1 ? 4 : n, y) : half(n === -1 ? 2 : n, y);
  }
  return undefined;
}

/** The Monday-to-Sunday week holding a day. */
function weekOf(day: Ymd): Segment {
  const date = utc(day);
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const ymd = (x: Date): Ymd => ({ y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() });
  return { start: ymd(monday), end: ymd(sunday), precision: 'week' };
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

  if (UNDATED_PHRASES.has(undatedKey(trimmed))) {
    return { ok: true, value: { text: trimmed, start: UNDATED_DAY, end: UNDATED_DAY, precision: 'undated' } };
  }

  const normalised = fromChinese(
    trimmed
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0)),
  ).replace(DASHES, '-');
  const readings: Readings = { order: options?.order ?? 'dmy', taken: undefined };
  const tokens = tokenize(normalised, readings);
  if (tokens === undefined) return unreadable(trimmed);
  try {
    const segment = read(simplify(tokens), defaultYear);
    if (segment === undefined) return unreadable(trimmed);
    const { start, end, precision } = segment;
    if (!isValidYmd(start) || !isValidYmd(end)) return unreadable(trimmed);
    const value: FuzzyDate = { text: trimmed, start: toIso(start), end: toIso(end), precision };
    return readings.taken === undefined ? { ok: true, value } : { ok: true, value, reading: readings.taken };
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

/** The order a stored date's numeric text was read in: month first only if that is what gave its range. */
export function dayOrderOf(date: FuzzyDate): DayOrder {
  const dayFirst = parseFuzzyDate(date.text);
  if (!dayFirst.ok || !dayFirst.reading?.ambiguous) return 'dmy';
  const monthFirst = parseFuzzyDate(date.text, { order: 'mdy' });
  return monthFirst.ok && monthFirst.value.start === date.start && monthFirst.value.end === date.end ? 'mdy' : 'dmy';
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
  // The undated range round-trips through CSV/XLSX as explicit start/end: it stays undated.
  const precision =
    startIso === UNDATED_DAY && endIso === UNDATED_DAY
      ? 'undated'
      : fromText && fromText.start === startIso && fromText.end === endIso
        ? fromText.precision
        : precisionOfRange(start, end);
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
  // The words of an undated activity ("TBD") are all there is; pages add "date to be decided" from the catalogue.
  if (isUndated(date)) return date.text;
  // Intl's formatters take tens of microseconds a date, and a busy page shows hundreds of dates
  // drawn from a few thousand ranges: each range is formatted once per language.
  const key = `${language}|${date.precision}|${date.start}|${date.end}`;
  const formatted = FORMATTED.get(key);
  if (formatted !== undefined) return formatted === FALLBACK ? date.text : formatted;
  const fresh = formatFresh(date, language);
  FORMATTED.set(key, fresh === undefined ? FALLBACK : fresh);
  return fresh ?? date.text;
}

/** The ranges formatted so far; what could not be formatted shows the words as written (FALLBACK). */
const FORMATTED = new GenerationalCache<string>(50_000);
const FALLBACK = '\u0000';

function formatFresh(date: FuzzyDate, language: Language): string | undefined {
  const start = parseIso(date.start);
  const end = parseIso(date.end);
  if (!start || !end || compareYmd(end, start) < 0 || !isDisplayLanguage(language)) return undefined;
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
    return undefined;
  }
}

const DAY_MS = 86_400_000;

/** An ISO day moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO day to another: negative when `to` is before `from`. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** True when the fuzzy range overlaps [from, to] (ISO dates, either may be undefined). */
export function overlaps(date: Pick<FuzzyDate, 'start' | 'end'>, from?: string, to?: string): boolean {
  if (from !== undefined && date.end < from) return false;
  if (to !== undefined && date.start > to) return false;
  return true;
}
