/**
 * The pure core of the report importer: reads a regional-presence report (the TSAG/TDAG/RAG
 * "contribution of the regional offices" documents) into proposed activities. No I/O, no
 * database: the registry's offices, bodies and regions come in through the context.
 *
 * One reader for both formats: plain text is first cut into blocks (`textToBlocks`: headings,
 * paragraphs, numbered and bulleted items), Word files arrive as the same blocks (document.ts);
 * `parseBlocks` does the rest.
 *
 * How a document is read (the choices, so a reviewer knows what to expect):
 *
 * - Header: `Title:` and `Abstract:` labelled lines before the first heading (value on the line
 *   or in the next paragraph). Other header lines (Source, Purpose…) are listed as unplaced.
 * - Period: the first "during the <dates> timeframe/period", "reporting period <dates>" or
 *   "for the period <dates>" in the title, abstract or text. Its end year is the default year
 *   of dates written without one ("5 and 6 February").
 * - Sector(s) of the report: named in the title or abstract (ITU-T, TSB, TSAG → ITU-T; ITU-D,
 *   BDT, TDAG → ITU-D; ITU-R, BR, RAG → ITU-R), else the most named in the whole text. Every
 *   activity carries the report's Sector(s).
 * - Sections: each heading. A heading naming a region (in any of the six languages, or CIS,
 *   Asia-Pacific…) or an office opens a region section; a sub-heading inherits its parent's
 *   region. The office is the one whose city the "is based in <City>" sentence names (cities in
 *   all languages), else the one the heading names, else the region's regional office. The
 *   head comes from "is led by Mr …". These sentences are kept in the section's `context`.
 * - Items: every list item of a region section becomes at least one activity (kind `other` if
 *   nothing fits); a paragraph becomes one when it describes work (an office role, an activity
 *   kind, or a date); a paragraph ending with ":" followed by items is a lead-in (kept in
 *   `context`): its roles ("participated and contributed to…") and date apply to the items that
 *   state none. An item whose subject is another office of the region ("The Area Office for
 *   the Caribbean organised…") is that office's.
 * - Two events in one item: an item is cut into sentences and clauses ("followed by",
 *   "back to back with", "and") and a clause with its own date starts a new activity only when
 *   the activity being read already has a date. So "a workshop, 3–4 February, followed by a
 *   meeting on 5–6 February" is two activities, related back-to-back when the text says so
 *   ("followed by", "back to back"); "a meeting back to back with a forum, 27–30 July" stays one.
 *   The words before the first dated clause ("ITU-T SG13 events held in Abuja, Nigeria:") are
 *   shared: their place, bodies and roles go to every activity of the item. "Another meeting"
 *   takes the kind and bodies of the activity before it. An item "held back to back" is related
 *   to the item before it when their dates touch.
 * - Dates: the first date phrase of the activity's own words, read by the fuzzy-date module.
 *   An activity reported as held with no date of its own takes the lead-in's date, else the
 *   report period (the report says it happened then); planned, postponed or cancelled ones
 *   without a date get `date: null`, for a person to complete.
 * - Status: cancelled > postponed > confirmed ("is confirmed") > planned ("planned for",
 *   "upcoming", "to organize", "pending", "will") > held.
 * - Roles: the office's verbs (organised, co-organised, hosted, supported, participated,
 *   contributed, presented, facilitated), skipping passives and agents that are not the office
 *   ("organized by APT", "was hosted"), title words ("on Promoting Innovation") and nouns
 *   except at the start of an item ("Participation in…"). Co-organising is not also organising.
 *   French, Spanish and Arabic verbs, event words and statuses are known too (dates are read
 *   in English only, as the fuzzy-date module reads them).
 * - Kinds: the earliest event word (regional-group / study-group meeting, preparatory
 *   meeting, workshop, training, webinar, forum), else the earliest work word (project,
 *   consultation, coordination, promotion, presentation), else `other`.
 * - Bodies: study groups (not when the text says ITU-D or ITU-R), their regional groups (every
 *   spelling the registry knows, and "African group of SG13"), advisory groups, conferences,
 *   regional organisations, by code, alias or name. Sectors and bureaux are not bodies.
 * - Unplaced: every block that is neither header, heading, section context nor part of an
 *   activity is counted, and the first 1,000 are listed with their line (the block's number for
 *   Word files): nothing is dropped silently, and the proposal stays small whatever the input.
 *
 * Never throws; time is linear in the input and bounded: blocks over 20,000 characters, region
 * text past 400,000 characters and items past 2,000 activities are listed as unplaced, unread.
 */
import { OFFICE_ROLES, type ActivityKind, type OfficeRole, type Status } from '#src/activities/model.ts';
import { parseFuzzyDate, type FuzzyPrecision } from '#src/activities/fuzzy-date.ts';
import { countrySpellings } from '#src/registry/gazetteer.ts';
import { compareBodies, findRegionalGroup, type Body, type Office, type Region } from '#src/registry/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';

// ---------------------------------------------------------------------------------------------
// API types

export interface ImportContext {
  offices: Office[];
  bodies: Body[];
  regions: Region[];
  /** File name, for provenance. */
  document: string;
}

export interface ProposedActivity {
  region: RegionCode;
  office: string;
  kind: ActivityKind;
  status: Status;
  roles: OfficeRole[];
  /** Null when no date could be read. */
  date: { text: string; start: string; end: string; precision: FuzzyPrecision } | null;
  place: { city: string | null; country: string | null; online: boolean } | null;
  /** Body codes: study groups, regional groups, TSAG, WTSA-20, ATU, CITEL, APT, CEPT, RCC… */
  bodies: string[];
  /** The report's Sector(s), e.g. ['ITU-T']. */
  sectors: string[];
  title: string;
  description: string;
  /** Index into the proposal's activities. */
  related: Array<{ index: number; kind: 'back-to-back' }>;
  provenance: { document: string; section: string; item: string | null; text: string };
}

export interface SectionContext {
  line: number;
  text: string;
  /** `office`: where the office is based and who leads it; `lead-in`: introduces the items after it. */
  use: 'office' | 'lead-in';
}

export interface ImportSection {
  /** The heading's number as written ("4", "2.1"), or "" when it has none. */
  number: string;
  heading: string;
  region: RegionCode | null;
  office: string | null;
  head: { honorific: string | null; name: string } | null;
  city: string | null;
  /** Line of the heading (block number for Word files). */
  line: number;
  /** Lines of the section read as facts about it rather than as activities. */
  context: SectionContext[];
}

export interface ImportProposal {
  header: { title: string | null; abstract: string | null };
  period: { text: string; start: string; end: string } | null;
  sections: ImportSection[];
  activities: ProposedActivity[];
  /** The first passages that could not be placed (at most 1,000, each cut to 2,000 characters). */
  unplaced: Array<{ text: string; section: string | null; line: number }>;
  /** How many passages could not be placed, listed or not: nothing is dropped silently. */
  unplacedCount: number;
}

/** A document as headings, paragraphs and list items; `line` is where it starts (1-based), if known. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'list-item';
  level?: number;
  number?: string;
  text: string;
  line?: number;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Blocks longer than this are not analysed (listed as unplaced): keeps every input bounded. */
const MAX_BLOCK = 20_000;
/**
 * At most this much text of region sections is analysed, and at most this many activities
 * proposed; the rest is listed as unplaced, unread. A real report is a few dozen kilobytes and
 * items; these bounds keep any input (5 MB of words, a pasted archive) to a second or two.
 */
const MAX_ANALYSED = 400_000;
const MAX_ACTIVITIES = 2_000;
/**
 * Unplaced passages listed, and the characters kept of each: a reviewer reads a few; a 10 MB text
 * of short lines has a million, which would make every answer and stored batch as big as the text.
 * The rest are counted (`unplacedCount`).
 */
export const MAX_UNPLACED_LISTED = 1_000;
export const MAX_UNPLACED_CHARS = 2_000;

/** Lists a passage that could not be placed, within the bounds above; counts it in any case. */
function listUnplaced(proposal: ImportProposal, text: string, section: string | null, line: number): void {
  proposal.unplacedCount += 1;
  if (proposal.unplaced.length >= MAX_UNPLACED_LISTED) return;
  proposal.unplaced.push({ text: text.length > MAX_UNPLACED_CHARS ? `${text.slice(0, MAX_UNPLACED_CHARS - 1)}…` : text, section, line });
}

const BOOKMARK = /\[bookmark:[^\]\n]{0,300}\]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF]/g;

/** Word's bookmark artefacts and control characters out, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(BOOKMARK, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

const foldCache = new Map<string, string>();

/** One character folded for matching: lower case, accents off, dashes and quotes plain. Keeps length. */
function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  if (/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/.test(c)) f = '-';
  else if (/[\u2018\u2019\u02BC\u0060\u00B4]/.test(c)) f = "'";
  else if (/[\u201C\u201D\u00AB\u00BB]/.test(c)) f = '"';
  else if (/\s/.test(c)) f = ' ';
  else {
    const n = c.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    f = n.length === 1 ? n : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  }
  if (foldCache.size < 5000) foldCache.set(c, f);
  return f;
}

/** The text folded character by character: same length, so positions carry over. */
function fold(text: string): string {
  // Plain ASCII (most report text): lower case and whitespace to spaces is all there is to do.
  if (/^[\x20-\x7e\t\n\r\f\v]*$/.test(text)) return text.toLowerCase().replace(/[\t\n\r\f\v]/g, ' ');
  const out: string[] = [];
  for (const c of text) {
    // Astral characters (two code units) fold to themselves to keep positions.
    out.push(c.length === 1 ? foldChar(c) : c);
  }
  return out.join('');
}

interface Token {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011\-][\p{L}\p{N}]+)*/gu;

/** The last texts tokenized: an item's words are looked at several times (bodies, places, offices). */
const tokenCache = new Map<string, Token[]>();

function tokenize(text: string): Token[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const tokens = tokenizeNow(text);
  if (text.length <= MAX_BLOCK) {
    if (tokenCache.size >= 256) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

function tokenizeNow(text: string): Token[] {
  const folded = fold(text);
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = /[\u2010\u2011\u2019]/.test(m[0]) ? m[0].replace(/[\u2010\u2011]/g, '-').replace(/\u2019/g, "'") : m[0];
    tokens.push({ start, end, raw, folded: folded.slice(start, end) });
  }
  return tokens;
}

/** A term's key as a token sequence (case kept or folded). */
function termKey(term: string, caseSensitive: boolean): string {
  const tokens = tokenize(term);
  return tokens.map((t) => (caseSensitive ? t.raw : t.folded)).join(' ');
}

/**
 * Phrases looked up by token sequences, longest first. Every prefix of every phrase is kept, so
 * a scan extends a match only while some phrase still starts that way: linear in the text,
 * whatever the number of phrases.
 */
class PhraseIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly folded = new Map<string, T[]>();
  private readonly exactPrefixes = new Set<string>();
  private readonly foldedPrefixes = new Set<string>();

  add(term: string, value: T, caseSensitive: boolean): void {
    const key = termKey(term, caseSensitive);
    if (key === '') return;
    const parts = key.split(' ');
    if (parts.length > 12) return;
    const map = caseSensitive ? this.exact : this.folded;
    const prefixes = caseSensitive ? this.exactPrefixes : this.foldedPrefixes;
    for (let n = 1; n <= parts.length; n++) prefixes.add(parts.slice(0, n).join(' '));
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  }

  /** Non-overlapping matches, leftmost-longest. */
  scan(text: string, tokens: Token[] = tokenize(text)): Array<{ start: number; end: number; values: T[]; text: string }> {
    const hits: Array<{ start: number; end: number; values: T[]; text: string }> = [];
    let i = 0;
    while (i < tokens.length) {
      let exactKey: string | null = '';
      let foldedKey: string | null = '';
      let best: { n: number; values: T[] } | null = null;
      for (let n = 1; i + n <= tokens.length && (exactKey !== null || foldedKey !== null); n++) {
        const t = tokens[i + n - 1]!;
        if (exactKey !== null) {
          exactKey = n === 1 ? t.raw : `${exactKey} ${t.raw}`;
          const values = this.exact.get(exactKey);
          if (values) best = { n, values };
          if (!this.exactPrefixes.has(exactKey)) exactKey = null;
        }
        if (foldedKey !== null) {
          foldedKey = n === 1 ? t.folded : `${foldedKey} ${t.folded}`;
          const values = this.folded.get(foldedKey);
          if (values && (best === null || best.n < n)) best = { n, values };
          if (!this.foldedPrefixes.has(foldedKey)) foldedKey = null;
        }
      }
      if (best) {
        const start = tokens[i]!.start;
        const end = tokens[i + best.n - 1]!.end;
        hits.push({ start, end, values: best.values, text: text.slice(start, end) });
        i += best.n;
      } else i += 1;
    }
    return hits;
  }
}

/** Pure results by key, bounded (cleared when full): the same items are read again and again. */
const moduleMemo = new Map<string, unknown>();
const MEMO_SIZE = 5000;

function remember<T>(memo: Map<string, unknown>, key: string, compute: () => T): T {
  if (key.length > 4000) return compute();
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Plain text to blocks

const HEADING_NUM = /^[ \t]{0,3}(\d{1,2}(?:\.\d{1,2}){0,3})\.?\t+\s*(\S.*)$/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(\S.*)$/;
const LIST_NUM = /^\s*(\d{1,3})(?:[.)](?=\s)|\t)\s*(\S.*)$/;
const LIST_LETTER = /^\s*\(?([a-h]|[ivx]{1,4})\)\s+(\S.*)$/;
const BULLET = /^\s*(?:[·•▪◦●○■□➢►✓]\s*|[-–—*]\s+)(\S.*)$/;
const REGION_WORDS =
  /\b(Africa|Afrique|África|Americas|Amériques|Américas|Arab States|États arabes|Estados Árabes|Asia and the Pacific|Asia[- ]Pacific|Asie-Pacifique|Asia-Pacífico|Commonwealth of Independent States|CIS|Europe|Europa)\b/;

function numberKey(n: string): number[] {
  return n.split('.').map((p) => Number(p));
}

function keyGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

/**
 * Cuts plain text into blocks, one per non-blank line: "4<TAB>Africa – …" headings (numbered
 * after the previous heading, short, not inside a list), numbered items ("1<TAB>", " 3<TAB>",
 * "1. ", "a) "), bullets ("·", "•", "-"), and paragraphs. Word's "[bookmark: …]" artefacts go.
 */
export function textToBlocks(text: string): Block[] {
  const source = typeof text === 'string' ? text : '';
  const lines = source.split(/\r\n|\n|\r|\u2028|\u2029/);
  const blocks: Block[] = [];
  let lastHeading: number[] | null = null;
  let previousWasItem = false;
  let previousNonBlank = '';
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] ?? '').replace(BOOKMARK, '').replace(CONTROL, ' ');
    const line = index + 1;
    if (raw.trim() === '') {
      previousWasItem = false;
      continue;
    }
    const afterLeadIn = /:\s*$/.test(previousNonBlank);
    previousNonBlank = raw;

    const heading = HEADING_NUM.exec(raw);
    if (heading) {
      const number = heading[1]!;
      const body = cleanText(heading[2]!);
      const key = numberKey(number);
      const looksLikeHeading =
        // "2.1<TAB>…" cannot be a list item; "3<TAB>…" right after items or a lead-in is one,
        // unless it names a region (a section whose blank line was lost).
        (key.length > 1 || REGION_WORDS.test(body) || (!previousWasItem && !afterLeadIn)) &&
        body.length <= 150 &&
        !/[.;,:]$/.test(body) &&
        /^[\p{Lu}\p{Lo}\p{N}"“(]/u.test(body) &&
        (lastHeading === null || keyGreater(key, lastHeading));
      if (looksLikeHeading) {
        lastHeading = key;
        blocks.push({ kind: 'heading', level: key.length, number, text: body, line });
        previousWasItem = false;
        continue;
      }
    }
    const md = MD_HEADING.exec(raw);
    if (md) {
      blocks.push({ kind: 'heading', level: md[1]!.length, text: cleanText(md[2]!), line });
      previousWasItem = false;
      continue;
    }
    const numbered = LIST_NUM.exec(raw) ?? LIST_LETTER.exec(raw);
    if (numbered) {
      blocks.push({ kind: 'list-item', number: numbered[1]!, text: cleanText(numbered[2]!), line });
      previousWasItem = true;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      blocks.push({ kind: 'list-item', text: cleanText(bullet[1]!), line });
      previousWasItem = true;
      continue;
    }
    const body = cleanText(raw);
    // An unnumbered heading: a short line on its own naming a region ("Africa – Regional Office for Africa").
    const before = index === 0 || (lines[index - 1] ?? '').trim() === '';
    const next = (lines[index + 1] ?? '').trim() !== '';
    if (
      before &&
      next &&
      body.length <= 100 &&
      !/[.;:,!?]$/.test(body) &&
      REGION_WORDS.test(body) &&
      (body.length <= 40 || /\b(Office|Bureau|Oficina)\b/.test(body))
    ) {
      blocks.push({ kind: 'heading', level: 1, text: body, line });
      previousWasItem = false;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: body, line });
    previousWasItem = false;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Reference indexes (built once per context)

interface Indexes {
  bodies: PhraseIndex<Body>;
  bodyByCode: Map<string, Body>;
  /** Sector code by the words that name it, its bureau or its advisory group. */
  sectors: PhraseIndex<string>;
  sectorOrder: string[];
  officeCities: PhraseIndex<Office>;
  officeNames: PhraseIndex<Office>;
  regions: PhraseIndex<RegionCode>;
  regionCodes: Set<RegionCode>;
  /** Results of reading texts against these indexes, by text (items repeat across imports). */
  memo: Map<string, unknown>;
}

const indexCache = new WeakMap<object, Indexes>();

const REGION_EXTRA: Record<RegionCode, string[]> = {
  AFR: ['Africa', 'African region', 'Africa region'],
  AMS: ['Americas', 'Americas region', 'America', 'Latin America and the Caribbean'],
  ARB: ['Arab States', 'Arab states', 'Arab region', 'Arab Region'],
  ASP: ['Asia and the Pacific', 'Asia-Pacific', 'Asia Pacific', 'Asia and Pacific'],
  CIS: ['CIS', 'Commonwealth of Independent States', 'CIS region', 'СНГ'],
  EUR: ['Europe'],
};

function indexesOf(context: ImportContext): Indexes {
  const cached = indexCache.get(context);
  if (cached) return cached;
  const bodies = new PhraseIndex<Body>();
  const sectors = new PhraseIndex<string>();
  const bodyList = Array.isArray(context.bodies) ? context.bodies : [];
  const bodyByCode = new Map(bodyList.map((b) => [b.code, b]));
  const sectorOf = (b: Body): string | null => {
    if (b.type === 'sector') return b.code;
    if ((b.type === 'bureau' || b.type === 'advisory-group') && b.parent && bodyByCode.get(b.parent)?.type === 'sector') return b.parent;
    return null;
  };
  const isCodeLike = (s: string) => !/\p{Ll}/u.test(s);
  for (const b of bodyList) {
    const sector = sectorOf(b);
    if (sector !== null) {
      if (isCodeLike(b.code) && b.code.length >= 3) sectors.add(b.code, sector, true);
      for (const alias of b.aliases ?? []) sectors.add(alias, sector, isCodeLike(alias));
      for (const name of Object.values(b.names ?? {})) if (name) sectors.add(name, sector, false);
    }
    if (b.type === 'sector' || b.type === 'bureau') continue;
    if (isCodeLike(b.code) && b.code.length >= 3) bodies.add(b.code, b, true);
    for (const alias of b.aliases ?? []) if (alias.length >= 3) bodies.add(alias, b, isCodeLike(alias));
    // Study groups' names are short titles ("Security", "Multimedia"): too common to match.
    if (b.type !== 'study-group') for (const name of Object.values(b.names ?? {})) if (name && name.length >= 6) bodies.add(name, b, false);
  }
  const sectorOrder = bodyList.filter((b) => b.type === 'sector').map((b) => b.code);

  const officeCities = new PhraseIndex<Office>();
  const officeNames = new PhraseIndex<Office>();
  const officeList = Array.isArray(context.offices) ? context.offices : [];
  for (const o of officeList) {
    for (const city of Object.values(o.cityNames ?? {})) if (city) officeCities.add(city, o, false);
    for (const name of Object.values(o.names ?? {})) if (name) officeNames.add(name, o, false);
  }
  const regions = new PhraseIndex<RegionCode>();
  const regionList = Array.isArray(context.regions) ? context.regions : [];
  const regionCodes = new Set(regionList.map((r) => r.code));
  for (const r of regionList) {
    for (const name of Object.values(r.names ?? {})) if (name) regions.add(name, r.code, false);
    for (const extra of REGION_EXTRA[r.code] ?? []) regions.add(extra, r.code, extra === 'CIS');
  }
  const built: Indexes = { bodies, bodyByCode, sectors, sectorOrder, officeCities, officeNames, regions, regionCodes, memo: new Map() };
  indexCache.set(context, built);
  return built;
}

// Countries: every spelling the gazetteer knows, each with its one current ISO code. Built once.
let countryIndex: PhraseIndex<string> | null = null;

function countries(): PhraseIndex<string> {
  if (countryIndex) return countryIndex;
  const index = new PhraseIndex<string>();
  for (const { name, code } of countrySpellings()) index.add(name, code, name.length <= 3);
  countryIndex = index;
  return index;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?![\\p{L}])';
const DAY = '(?<![\\p{L}\\p{N}.,])(?:[0-3]?\\d)(?:st|nd|rd|th)?(?![\\p{N}])';
const YEAR = '(?:19|20)\\d{2}(?![\\p{N}])';
const DSEP = '(?:\\s*[-\u2010-\u2015\u2212]\\s*|\\s+(?:to|and|until|till|through|&)\\s+|\\s*&\\s*)';
const OPT_YEAR = `(?:,?\\s*${YEAR})?`;

/** Patterns of date phrases; the captured group (or the whole match) is what the fuzzy-date module reads. */
const DATE_PATTERNS: RegExp[] = [
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

interface DateHit {
  start: number;
  end: number;
  text: string;
  value: { text: string; start: string; end: string; precision: FuzzyPrecision };
}

interface DateOptions {
  defaultYear: number | undefined;
  /** When the report spans two years: the start year, used for months from the period's start month on. */
  period: { start: string; end: string } | null;
}

function readDate(text: string, options: DateOptions): DateHit['value'] | null {
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
function findDates(text: string, options: DateOptions): DateHit[] {
  return remember(moduleMemo, `d|${options.defaultYear ?? ''}|${options.period?.start ?? ''}|${options.period?.end ?? ''}|${text}`, () => findDatesNow(text, options));
}

function findDatesNow(text: string, options: DateOptions): DateHit[] {
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

// ---------------------------------------------------------------------------------------------
// Places

const ONLINE =
  /\bonline\b|\bvirtual(?:ly)?\b|\bweb[- ]?(?:meeting|session)s?\b|\bwebinai?re?s?\b|\bvideo-?conferenc\w*|\bremotely\b|\bzoom\b|\ben ligne\b|\ben l[ií]nea\b|\bvirtuel(?:le)?s?\b|عبر الإنترنت|افتراضي/i;
const CITY_JOINERS = new Set(['of', 'de', 'du', 'del', 'la', 'le', 'el', 'al', 'es', 'des', 'los', 'las', 'upon', 'sur']);

/** The city written just before `end` ("held in Abuja, Nigeria" → "Abuja"): capitalised words. */
function cityBefore(text: string, end: number): string | null {
  const before = text.slice(Math.max(0, end - 80), end);
  const tokens = tokenize(before);
  const words: Token[] = [];
  for (let i = tokens.length - 1; i >= 0 && words.length < 5; i--) {
    const t = tokens[i]!;
    // Only spaces between words of one name.
    const next = words[0];
    if (next && !/^\s+$/.test(before.slice(t.end, next.start))) break;
    if (!next && before.slice(t.end).trim() !== '') break;
    if (/^\p{Lu}/u.test(t.raw)) words.unshift(t);
    else if (CITY_JOINERS.has(t.raw) && words.length > 0) words.unshift(t);
    else break;
  }
  while (words.length > 0 && CITY_JOINERS.has(words[0]!.raw)) words.shift();
  if (words.length === 0) return null;
  const city = before.slice(words[0]!.start, words[words.length - 1]!.end);
  if (/^(The|A|An|In|At|On|And|ITU|Meetings?|Workshops?)$/.test(city)) return null;
  return city;
}

interface Place {
  city: string | null;
  country: string | null;
  online: boolean;
}

function findPlace(text: string, ix: Indexes): Place | null {
  return remember(ix.memo, `p|${text}`, () => findPlaceNow(text, ix));
}

function findPlaceNow(text: string, ix: Indexes): Place | null {
  if (text.length > MAX_BLOCK) return null;
  const online = ONLINE.test(text);
  const tokens = tokenize(text);
  let city: string | null = null;
  let country: string | null = null;
  for (const hit of countries().scan(text, tokens)) {
    const code = hit.values[0];
    if (!code) continue;
    const before = text.slice(Math.max(0, hit.start - 12), hit.start);
    if (/,\s*$/.test(before)) {
      const c = cityBefore(text, text.slice(0, hit.start).replace(/,\s*$/, '').length);
      if (c) {
        city = c;
        country = code;
        break;
      }
    }
    if (/\(\s*$/.test(before) && /^\s*\)/.test(text.slice(hit.end, hit.end + 3))) {
      const c = cityBefore(text, text.slice(0, hit.start).replace(/\s*\(\s*$/, '').length);
      if (c) {
        city = c;
        country = code;
        break;
      }
    }
    if (/\b(?:in|at|à|au|en|em)\s+(?:the\s+)?$/i.test(before)) {
      country = code;
      break;
    }
  }
  if (country === null) {
    for (const hit of ix.officeCities.scan(text, tokens)) {
      const before = text.slice(Math.max(0, hit.start - 8), hit.start);
      const office = hit.values[0];
      if (office && /\b(?:in|at|à|en)\s+$/i.test(before)) {
        city = hit.text;
        country = office.country;
        break;
      }
    }
  }
  if (city === null && country === null && !online) return null;
  return { city, country, online };
}

// ---------------------------------------------------------------------------------------------
// Bodies and Sectors

const CONFERENCE_FAMILY = /^(WTSA|WTDC|PP|WRC|RA|WCIT|WTPF)-?(\d{2})$/i;

function yearOfIso(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/** Body codes a text names, with where (so the caller can tell own words from shared ones). */
function findBodies(text: string, ix: Indexes, context: ImportContext, period: { start: string } | null): Array<{ code: string; start: number }> {
  return remember(ix.memo, `b|${period?.start ?? ''}|${text}`, () => findBodiesNow(text, ix, context, period));
}

function findBodiesNow(text: string, ix: Indexes, context: ImportContext, period: { start: string } | null): Array<{ code: string; start: number }> {
  if (text.length > MAX_BLOCK) return [];
  const tokens = tokenize(text);
  const found: Array<{ code: string; start: number; end: number }> = [];
  const bodyList = Array.isArray(context.bodies) ? context.bodies : [];
  const conferences = bodyList.filter((b) => b.type === 'conference');
  const otherSector = (start: number) => /(?:ITU[-\u2010-\u2015]?[DR]|UIT[-\u2010-\u2015]?[DR]|BDT|BR)[\s/]*$/i.test(text.slice(Math.max(0, start - 12), start));

  for (const hit of ix.bodies.scan(text, tokens)) {
    let body = hit.values[0];
    if (!body) continue;
    if ((body.type === 'study-group' || body.type === 'regional-group') && otherSector(hit.start)) continue;
    // "WTSA" alone: the assembly of the report's time, not necessarily the one the alias is on.
    if (body.type === 'conference' && !/\d/.test(hit.text) && period) {
      const family = body.code.split('-')[0] ?? body.code;
      const next = conferences
        .filter((c) => c.code.startsWith(`${family}-`) && (c.to ?? '9999') >= period.start)
        .sort((a, b) => (a.to ?? '9999').localeCompare(b.to ?? '9999'))[0];
      if (next) body = next;
    }
    found.push({ code: body.code, start: hit.start, end: hit.end });
  }
  // Regional groups written in ways no alias lists ("SG12 RG-AFR", "African Group to the ITU-T SG12").
  const rgPatterns = [
    /\bSG\s?\d{1,2}\s?RG[-\s]?[A-Za-z]+\b/gi,
    /\b(?:African|Arab|Americas|Asia[-\s]Pacific|Asia[-\s]Oceania|EECAT|European)\s+(?:regional\s+)?group\s+(?:of|to|for)\s+(?:the\s+)?(?:ITU-T\s+)?(?:SG\s?|Study\s+Group\s+)\d{1,2}\b/gi,
  ];
  for (const pattern of rgPatterns) {
    for (const m of text.matchAll(pattern)) {
      if (otherSector(m.index)) continue;
      const rg = findRegionalGroup(m[0], bodyList);
      if (rg && !found.some((f) => f.code === rg.code && f.start <= m.index + m[0].length && f.end >= m.index)) {
        found.push({ code: rg.code, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  // Conferences by their family and two-digit year ("WTDC-21" is the WTDC held in 2022).
  for (const t of tokens) {
    const m = CONFERENCE_FAMILY.exec(t.raw);
    if (!m || found.some((f) => f.start <= t.start && f.end >= t.end)) continue;
    const year = 2000 + Number(m[2]);
    const family = m[1]!.toUpperCase();
    const candidates = conferences
      .filter((c) => c.code.startsWith(`${family}-`))
      .map((c) => ({ c, distance: Math.abs((yearOfIso(c.from) ?? 0) - year) }))
      .filter((x) => x.distance <= 2)
      .sort((a, b) => a.distance - b.distance);
    if (candidates[0]) found.push({ code: candidates[0].c.code, start: t.start, end: t.end });
  }
  // A study group written inside its regional group's name is the regional group only.
  const kept = found.filter((f) => {
    const body = ix.bodyByCode.get(f.code);
    if (body?.type !== 'study-group') return true;
    return !found.some((g) => g !== f && ix.bodyByCode.get(g.code)?.type === 'regional-group' && g.start <= f.start && g.end >= f.end);
  });
  return kept.map(({ code, start }) => ({ code, start }));
}

function sortBodies(codes: Iterable<string>, ix: Indexes): string[] {
  const unique = [...new Set(codes)];
  return unique.sort((a, b) => {
    const x = ix.bodyByCode.get(a);
    const y = ix.bodyByCode.get(b);
    if (x && y) return compareBodies(x, y);
    return a.localeCompare(b);
  });
}

function findSectors(text: string, ix: Indexes): string[] {
  if (text.length > MAX_ANALYSED) text = text.slice(0, MAX_ANALYSED);
  const counts = new Map<string, number>();
  for (const hit of ix.sectors.scan(text)) for (const s of hit.values.slice(0, 1)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || ix.sectorOrder.indexOf(a[0]) - ix.sectorOrder.indexOf(b[0])).map(([s]) => s);
}

// ---------------------------------------------------------------------------------------------
// Roles, kinds, status

// Roles and status are matched on folded text (lower case, accents off, same positions), so
// "a participé", "reportée à" and "organizó" read like their English counterparts.

const OFFICE_AGENT =
  /^\s+by\s+(?:the\s+)?(?:itu\s+)?(?:(?:regional|area)\s+office|office\b|roa\b|aro\b|us\b|our\b|bdt\s+regional)|^\s+par\s+le\s+bureau|^\s+por\s+la\s+oficina/;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got|ete|fue|fueron|sido)\s+(?:\w+ly\s+|also\s+|successfully\s+)?$/;
const EVENT_NOUN_BEFORE =
  /\b(?:meetings?|workshops?|sessions?|events?|forums?|training|week|conferences?|webinars?|seminars?|activities|activity|program(?:me)?s?|tool)\s+$/;

type RolePattern = { re: RegExp; role: OfficeRole; participle: boolean };

const CO_ORGANISED =
  /\bco-?organi[sz](?:ed|es|e|ing|ee|ees)?\b|\bco-?organizad[oa]s?\b|\bjointly\s+(?:with|organi[sz]ed)\b|\bin\s+(?:collaboration|cooperation|co-operation|partnership|association)\s+with\b|\bcollaborat\w*\s+with\b[^.;]{0,80}?\bto\s+organi[sz]e\b|\btogether\s+with\b[^.;]{0,60}?\borgani[sz]\w*|\ben\s+collaboration\s+avec\b|\bconjuntamente\s+con\b/g;

const ROLE_PATTERNS: RolePattern[] = [
  {
    re: /\b(?:organi[sz](?:ed|es|e|ing|ee|ees)|organizo|organizad[oa]s?|convened|arranged|consulted|conducted|launched|developed|designed)\b|نظم|نظّم/g,
    role: 'organised',
    participle: true,
  },
  { re: /\b(?:host(?:ed|s|ing)|accueilli(?:e|s|es)?|acogio|albergo)\b|استضاف/g, role: 'hosted', participle: true },
  {
    re: /\b(?:support(?:ed|s|ing)|assist(?:ed|s|ing)|accompan(?:ied|ies|ying)|promoted|followed\s+up|provid\w*\s+support|appuye(?:e|s|es)?|soutenue?s?|apoyo)\b|دعم/g,
    role: 'supported',
    participle: true,
  },
  {
    re: /\b(?:participat(?:ed|es|ing)|attend(?:ed|s|ing)|took\s+part|taking\s+part|joined|participe(?:e|s|es)?|participo)\b|شارك/g,
    role: 'participated',
    participle: false,
  },
  { re: /\b(?:contribut(?:ed|es|ing|e)|work(?:ed|ing|s)\s+(?:closely\s+)?(?:on|with)|contribue|contribuyo)\b|ساهم/g, role: 'contributed', participle: false },
  {
    re: /\b(?:presented|presenting|presentee?s?|presento|deliver(?:ed|ing|s)?\s+(?:a\s+|the\s+)?presentations?|(?:made|gave|give|make|making|giving)\s+(?:a\s+|the\s+)?presentations?)\b/g,
    role: 'presented',
    participle: true,
  },
  { re: /\bfacilitat(?:ed|es|ing|e)\b|\bfacilitee?s?\b|\bfacilito\b/g, role: 'facilitated', participle: true },
];

const START_NOUNS: Array<[RegExp, OfficeRole]> = [
  [/^(?:the\s+)?participation\b/, 'participated'],
  [/^(?:the\s+)?contributions?\b/, 'contributed'],
  [/^(?:the\s+)?support\b/, 'supported'],
  [/^(?:the\s+)?organi[sz]ation\s+of\b/, 'organised'],
  [/^(?:the\s+)?co-?organi[sz]ation\s+of\b/, 'co-organised'],
  [/^(?:the\s+)?facilitation\b/, 'facilitated'],
  [/^(?:the\s+)?hosting\b/, 'hosted'],
];

/** Activities that belong to the office ("activities of the ITU Regional Office…"): it organised them. */
const OFFICE_OWNS = /\b(?:activities|events|meetings|workshops)\s+(?:of|organi[sz]ed\s+by|held\s+by|hosted\s+by)\s+(?:the\s+)?(?:itu\s+)?(?:(?:regional|area)\s+office|office\s+for)\b/;

function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /(?:^|[.:;!?]["”’)]?\s+|^\s*["“(]?)$/.test(before) || /^\s*["“(]$/.test(before);
}

function sortRoles(roles: Iterable<OfficeRole>): OfficeRole[] {
  const set = new Set(roles);
  return OFFICE_ROLES.filter((r) => set.has(r));
}

/**
 * The roles the office takes in a text, by its verbs (see the module comment). An office that
 * co-organised did not also organise alone: "organised a forum, co-organised with CITEL" is
 * co-organised.
 */
function findRoles(text: string): OfficeRole[] {
  return [...remember(moduleMemo, `r|${text}`, () => findRolesNow(text))];
}

function findRolesNow(text: string): OfficeRole[] {
  if (text.length > MAX_BLOCK) return [];
  const f = fold(text);
  const roles = new Set<OfficeRole>();
  if (OFFICE_OWNS.test(f)) return ['organised'];
  const claimed: Array<[number, number]> = [];
  for (const m of f.matchAll(CO_ORGANISED)) {
    roles.add('co-organised');
    claimed.push([m.index, m.index + m[0].length]);
  }
  for (const [re, role] of START_NOUNS) if (re.test(f.trimStart())) roles.add(role);
  for (const { re, role, participle } of ROLE_PATTERNS) {
    for (const m of f.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.some(([s, e]) => start >= s && end <= e)) continue;
      // Title words ("on Promoting Innovation") are not the office's verbs.
      if (/^\p{Lu}/u.test(text.slice(start, start + 1)) && !atSentenceStart(text, start)) continue;
      const first = m[0].split(/\s+/)[0] ?? '';
      const written = text.slice(start, start + first.length);
      const isParticiple = /(?:ed|ado|ada|ados|adas|ido|ida)$/.test(first) || /ée?s?$/.test(written);
      const after = f.slice(end, end + 80);
      if (/^\s+by\b/.test(after) && !OFFICE_AGENT.test(after)) continue;
      const before = f.slice(Math.max(0, start - 40), start);
      if (isParticiple && PASSIVE_BEFORE.test(before) && !OFFICE_AGENT.test(after)) continue;
      if (participle && isParticiple && EVENT_NOUN_BEFORE.test(before)) continue;
      roles.add(role);
    }
  }
  if (roles.has('co-organised')) roles.delete('organised');
  return sortRoles(roles);
}

type Cue = { kind: ActivityKind; re: RegExp; needs?: 'regional-group' | 'study-group' };

const MEETING = /\bmeetings?\b|\br[ée]unions?\b|\breuni[oó]n(?:es)?\b|اجتماع/i;

const EVENT_CUES: Cue[] = [
  { kind: 'regional-group-meeting', re: MEETING, needs: 'regional-group' },
  { kind: 'study-group-meeting', re: MEETING, needs: 'study-group' },
  { kind: 'preparatory-meeting', re: /\bconference\s+preparatory\b|\bpreparatory\b|\bAPMs?\b|\bpr[ée]paratoires?\b|\bpreparatori[oa]s?\b/i },
  { kind: 'workshop', re: /\bworkshops?\b|\bseminars?\b|\bateliers?\b|\btaller(?:es)?\b|ورشة/i },
  { kind: 'training', re: /\btraining\b(?!\s+program)|\bcourses?\b|\bcapacity[- ]building\b|\bbootcamps?\b|\bcapacitaci[oó]n\b|تدريب/i },
  { kind: 'webinar', re: /\bwebinai?re?s?\b|\bweb[- ]?(?:meeting|session)s?\b|\bvirtual\s+(?:session|meeting)s?\b|\bwebinarios?\b/i },
  {
    kind: 'forum',
    re: /\bforums?\b|\bforos?\b|\bsummits?\b|\bsymposi(?:um|a)\b|\bweek\b(?!\s+of)|\bexpo\b|\bconferences?\b(?!\s+calls?)|\bsemaine\b|\bsemana\b|منتدى/i,
  },
];

const WORK_CUES: Cue[] = [
  { kind: 'project', re: /\bprojects?\b|\bprogram(?:me)?s?\b|\binitiatives?\b|\bprojets?\b|\bproyectos?\b|\bprogramas?\b|مشروع/i },
  { kind: 'consultation', re: /\bconsult(?:ed|ation|ations|ing|s)\b|\bsurveys?\b|\bconsultas?\b|استشار/i },
  {
    kind: 'coordination',
    re: /\bco-?ordinat\w*|\bfollow(?:ed|ing)?[- ]up\b|\bcommunicat(?:ed|ing)\s+with\b|\b(?:review|consultative|coordination|regular|internal)\s+meetings?\b|\bmeetings?\s+with\s+(?:the\s+)?(?:\w+\s+){0,2}(?:Director|TSB|BDT|BR|Management|headquarters)\b|\binternally\b|\bwork(?:ed|ing|s)\s+(?:closely\s+)?with\b|\bclosely\s+working\s+with\b|\bcollaborat\w*\s+with\b|\bliaise[ds]?\b|\bliaison\b/i,
  },
  { kind: 'promotion', re: /\bpromot(?:ed|ion|ing|es)\b|\bpublici[sz]\w*|\boutreach\b|\bdisseminat\w*|\bawareness\b/i },
  { kind: 'presentation', re: /\bpresent(?:ed|ation|ations|ing)\b|\bpr[ée]sent[ée]\b|\bpresentaci[oó]n\b/i },
];

function earliest(text: string, cues: Cue[], has: { rg: boolean; sg: boolean }): { kind: ActivityKind; at: number } | null {
  let best: { kind: ActivityKind; at: number } | null = null;
  for (const cue of cues) {
    if (cue.needs === 'regional-group' && !has.rg) continue;
    if (cue.needs === 'study-group' && (!has.sg || has.rg)) continue;
    const m = cue.re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { kind: cue.kind, at: m.index };
  }
  return best;
}

function findKind(text: string, bodies: string[], ix: Indexes): ActivityKind | null {
  if (text.length > MAX_BLOCK) return null;
  const types = bodies.map((c) => ix.bodyByCode.get(c)?.type);
  const has = { rg: types.includes('regional-group'), sg: types.includes('study-group') };
  return (earliest(text, EVENT_CUES, has) ?? earliest(text, WORK_CUES, has))?.kind ?? null;
}

const STATUS_CUES: Array<[Status, RegExp]> = [
  ['cancelled', /\bcancell?ed\b|\bcalled\s+off\b|\bannulee?s?\b|\bcancelad[oa]s?\b|\bsuspendid[oa]s?\b|ألغي/],
  ['postponed', /\bpostponed\b|\bdeferred\b|\brescheduled\b|\bput\s+on\s+hold\b|\breportee?s?\s+(?:a|au|en|sine)\b|\baplazad[oa]s?\b|\bpospuest[oa]s?\b|\bpostergad[oa]s?\b|تأجيل|أرجئ/],
  ['confirmed', /\b(?:is|was|has\s+been|have\s+been|are|were)\s+(?:now\s+)?confirmed\b|\bconfirmed\s+(?:for|in|on)\b/],
  [
    'planned',
    /\bplanned\b|\bwill\b|\bshall\b|\bupcoming\b|\bforthcoming\b|\bscheduled\b|\bto\s+be\s+(?:held|organi[sz]ed)\b|\bpending\b|\b(?:is|are)\s+expected\b|\bintends?\s+to\b|\bplans?\s+to\b|\bin\s+preparation\b|\bbeing\s+prepared\b|\bto\s+organi[sz]e\b|\bprevue?s?\b|\bprevist[oa]s?\b|\bprogramad[oa]s?\b|\bsera\b/,
  ],
];

/** The status a text states (on folded text), if any. */
function findStatus(text: string): Status | null {
  return remember(moduleMemo, `s|${text}`, () => findStatusNow(text));
}

function findStatusNow(text: string): Status | null {
  if (text.length > MAX_BLOCK) return null;
  const f = fold(text);
  for (const [status, re] of STATUS_CUES) if (re.test(f)) return status;
  return null;
}

/** Does a paragraph describe work (rather than explain or introduce)? */
function describesWork(text: string, dates: DateOptions): boolean {
  if (text.length > MAX_BLOCK) return false;
  if (findRoles(text).length > 0) return true;
  if (earliest(text, EVENT_CUES, { rg: false, sg: false }) || earliest(text, WORK_CUES, { rg: false, sg: false })) return true;
  return findDates(text, dates).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Items: sentences, clauses, activities

interface Span {
  start: number;
  end: number;
}

const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Rev|No|Nos|St|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Jr|Sr|M|Mme|Art|Fig|Vol|approx|ca|cf|Res|Doc|Sept|[A-Z])$/;

function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const boundary = /[.!?]["”’)]?\s+(?=["“(]?[\p{Lu}\p{Lo}])/gu;
  for (const m of text.matchAll(boundary)) {
    const dot = m.index;
    if (ABBREVIATION.test(text.slice(Math.max(0, dot - 10), dot))) continue;
    const end = dot + m[0].trimEnd().length;
    if (end > start) spans.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

interface Piece extends Span {
  dates: DateHit[];
  /** The words that joined this piece to the one before ("followed by", "and"), if any. */
  joiner: string | null;
}

const CLAUSE_JOINERS = /\bfollowed\s+by\b|\bback[- ]to[- ]back\s+with\b|;\s+|,?\s+and\s+(?=\S)|\bas\s+well\s+as\b/gi;

/** Cuts an item into pieces: sentences, "Title: rest" and clauses that each carry a date. */
function piecesOf(text: string, dates: DateHit[]): Piece[] {
  const pieces: Piece[] = [];
  const datesIn = (s: Span) => dates.filter((d) => d.start >= s.start && d.end <= s.end);
  for (const sentence of sentenceSpans(text)) {
    // "ITU-T SG13 events held in Abuja, Nigeria: A workshop…": the part before the colon is a lead.
    const parts: Span[] = [];
    let from = sentence.start;
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(/:\s+(?=[\p{Lu}"“])/gu)) {
      const at = sentence.start + m.index;
      if (dates.some((d) => d.start < at && d.end > at)) continue;
      parts.push({ start: from, end: at + 1 });
      from = at + m[0].length;
    }
    parts.push({ start: from, end: sentence.end });
    for (const part of parts) {
      // Clauses joined by "followed by", "and"…: cut only where both sides have a date of their own.
      const joiners: Array<{ at: number; length: number; words: string }> = [];
      const partText = text.slice(part.start, part.end);
      for (const m of partText.matchAll(CLAUSE_JOINERS)) {
        const at = part.start + m.index;
        if (dates.some((d) => d.start <= at && d.end > at)) continue;
        joiners.push({ at, length: m[0].length, words: m[0].trim().replace(/^[,;]\s*/, '').toLowerCase() });
      }
      let pieceStart = part.start;
      let pieceJoiner: string | null = null;
      for (let i = 0; i < joiners.length; i++) {
        const j = joiners[i]!;
        const left = { start: pieceStart, end: j.at };
        const right = { start: j.at, end: part.end };
        if (datesIn(left).length > 0 && datesIn(right).length > 0) {
          pieces.push({ ...left, dates: datesIn(left), joiner: pieceJoiner });
          pieceStart = j.at;
          pieceJoiner = j.words;
        }
      }
      const last = { start: pieceStart, end: part.end };
      pieces.push({ ...last, dates: datesIn(last), joiner: pieceJoiner });
    }
  }
  return pieces.filter((p) => text.slice(p.start, p.end).trim() !== '');
}

const ANOTHER = /\b(?:another|a\s+further|a\s+second|a\s+third|the\s+next|a\s+follow-up|a\s+subsequent)\s+(?:\w+\s+)?(?:meeting|session|workshop|event|edition)\b/i;
const BACK_TO_BACK = /\bback[- ]to[- ]back\b|\bfollowed\s+by\b|\bpreceded\s+by\b|\bimmediately\s+(?:after|before|followed)\b|\bon\s+the\s+(?:eve|margins?|sidelines?)\s+of\b|\bin\s+conjunction\s+with\b/i;
const LEADING_WORDS = /^(?:(?:and|followed\s+by|back[- ]to[- ]back\s+with|furthermore|moreover|also|in\s+addition|additionally|then|as\s+well\s+as|internally)[,\s]+)+/i;

/**
 * A part cut out of an item ("…, and the ARO office is collaborating … in October 2020") is listed
 * on its own in reports: it starts with a capital and, in scripts that use one, ends with a full
 * stop. An item kept whole stays exactly as written.
 */
function asSentence(part: string, item: string): string {
  if (part === item.trim() || part === '') return part;
  const capitalised = capitalise(part.replace(/[\s,;:–—-]+$/, ''));
  return /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\d]$/u.test(capitalised) ? `${capitalised}.` : capitalised;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The joining words and punctuation a part starts with once cut from its item (", and …", "followed by …"). */
const tidyPart = (part: string): string => part.replace(/^[\s,;:–—-]+/, '').replace(LEADING_WORDS, '');

/** A lead shared by several parts, then one part: a new sentence when the lead ends one. */
const joinSentences = (lead: string, part: string): string =>
  lead === '' ? part : part === '' ? lead : `${lead} ${/[.!?]$/.test(lead) ? capitalise(part) : part}`;

function titleOf(text: string): string {
  let t = text
    .trim()
    .replace(/^[\s,;:–—-]+/, '')
    .replace(LEADING_WORDS, '')
    // "During the January – August 2020 timeframe, the Americas region …": the period is not the title.
    .replace(/^(?:during|in|over|throughout)\s+the\s+[^,]{0,60}?\s+(?:timeframe|time\s+frame|period)\s*,?\s*/i, '')
    .replace(/[\s.;,:]+$/, '');
  if (t === '') t = text.trim();
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length > 200) {
    const cut = t.slice(0, 200);
    const space = cut.lastIndexOf(' ');
    t = `${(space > 120 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
  }
  return t;
}

interface ItemContext {
  region: RegionCode;
  office: string;
  section: string;
  item: string | null;
  /** Roles of the lead-in the item follows. */
  leadRoles: OfficeRole[];
  /** Date of the lead-in, if it gives one. */
  leadDate: DateHit['value'] | null;
}

interface Reading {
  ix: Indexes;
  context: ImportContext;
  dates: DateOptions;
  period: { text: string; start: string; end: string } | null;
  sectors: string[];
}

/** One item (or work paragraph) as one or more activities; `base` is the index of the first. */
function readItem(text: string, item: ItemContext, r: Reading, base: number): ProposedActivity[] {
  const dates = findDates(text, r.dates);
  const pieces = piecesOf(text, dates);
  // Group pieces: a dated piece starts a new activity when the current one already has a date.
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let currentDated = false;
  for (const piece of pieces) {
    const dated = piece.dates.length > 0;
    if (dated && currentDated) {
      groups.push(current);
      current = [];
      currentDated = false;
    }
    current.push(piece);
    if (dated) currentDated = true;
  }
  if (current.length > 0) groups.push(current);
  if (groups.length === 0) groups.push([{ start: 0, end: text.length, dates: [], joiner: null }]);

  const split = groups.length > 1;
  const firstDated = pieces.findIndex((p) => p.dates.length > 0);
  const lead: Piece[] = split && firstDated > 0 ? pieces.slice(0, firstDated) : [];
  const textOf = (ps: Piece[]) => ps.map((p) => text.slice(p.start, p.end).trim()).join(' ');
  const leadText = textOf(lead);
  const leadBodies = lead.length > 0 ? findBodies(leadText, r.ix, r.context, r.period).map((b) => b.code) : [];
  const leadPlace = lead.length > 0 ? findPlace(leadText, r.ix) : null;
  const leadRolesOwn = lead.length > 0 ? findRoles(leadText) : [];
  const leadStatus = lead.length > 0 ? findStatus(leadText) : null;

  const out: ProposedActivity[] = [];
  groups.forEach((group, g) => {
    const own = g === 0 ? group.filter((p) => !lead.includes(p)) : group;
    const ownText = textOf(own.length > 0 ? own : group);
    const ownBodies = findBodies(ownText, r.ix, r.context, r.period).map((b) => b.code);
    const previous = out[g - 1];
    let bodies = sortBodies([...leadBodies, ...ownBodies], r.ix);
    let kind = findKind(ownText, ownBodies, r.ix) ?? (lead.length > 0 ? findKind(leadText, leadBodies, r.ix) : null) ?? 'other';
    if (previous && ANOTHER.test(ownText)) {
      kind = previous.kind;
      if (ownBodies.length === 0) bodies = previous.bodies;
    }
    const related = g > 0 && (BACK_TO_BACK.test(ownText) || (group[0]?.joiner ?? '').startsWith('followed') || (group[0]?.joiner ?? '').startsWith('back'));
    let place = findPlace(ownText, r.ix) ?? leadPlace;
    if (!place && related && previous?.place) place = previous.place;
    const ownRoles = findRoles(ownText);
    const roles =
      ownRoles.length > 0 ? ownRoles : leadRolesOwn.length > 0 ? leadRolesOwn : previous && previous.roles.length > 0 ? previous.roles : item.leadRoles;
    const status = findStatus(ownText) ?? leadStatus ?? 'held';
    const firstDate = group.flatMap((p) => p.dates)[0];
    let date: ProposedActivity['date'] = firstDate ? { ...firstDate.value } : null;
    if (!date && status === 'held') {
      const inherited = item.leadDate ?? (r.period ? readDate(r.period.text, r.dates) : null);
      if (inherited) date = { ...inherited };
    }
    const titleSource = split ? textOf(group.filter((p) => p.dates.length > 0).slice(0, 1)) || ownText : text.slice(sentenceSpans(text)[0]?.start ?? 0, sentenceSpans(text)[0]?.end ?? text.length);
    const description = g === 0 ? textOf(group) : joinSentences(leadText, tidyPart(textOf(group)));
    out.push({
      region: item.region,
      office: item.office,
      kind,
      status,
      roles,
      date,
      place: place ? { city: place.city, country: place.country, online: place.online } : null,
      bodies,
      sectors: [...r.sectors],
      title: titleOf(titleSource),
      description: asSentence(tidyPart(description), text),
      related: related ? [{ index: base + g - 1, kind: 'back-to-back' }] : [],
      provenance: { document: r.context.document, section: item.section, item: item.item, text },
    });
    if (related && previous) previous.related.push({ index: base + g, kind: 'back-to-back' });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sections

const BASED_IN =
  /\b(?:is|are|remains|has\s+been)\s+(?:\w+\s+)?(?:based|located|situated|headquartered)\s+(?:in|at)\s+|\best\s+(?:bas[ée]e?|situ[ée]e?|install[ée]e?|implant[ée]e?)\s+(?:à|a|au|en)\s+|\b(?:tiene\s+su\s+sede|se\s+encuentra)\s+en\s+|\best[áa]\s+(?:ubicad[oa]|situad[oa]|basad[oa])\s+en\s+/i;
const LED_BY =
  /\b(?:is|are)\s+(?:\w+\s+)?(?:led|headed|directed|managed)\s+by\s+|\bunder\s+the\s+leadership\s+of\s+|\best\s+dirig[ée]e?\s+par\s+|\best[áa]\s+dirigid[oa]\s+por\s+/i;
const HONORIFICS: Record<string, string> = {
  mr: 'Mr',
  mrs: 'Mrs',
  ms: 'Ms',
  miss: 'Ms',
  dr: 'Dr',
  prof: 'Prof',
  m: 'Mr',
  mme: 'Mrs',
  mlle: 'Ms',
  sr: 'Mr',
  sra: 'Mrs',
  srta: 'Ms',
  eng: 'Eng',
};

function readHead(text: string): { honorific: string | null; name: string } | null {
  const m = LED_BY.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
  const h = /^(Mr|Mrs|Ms|Miss|Dr|Prof|M|Mme|Mlle|Sr|Sra|Srta|Eng)\.?\s+/.exec(rest);
  const afterHonorific = h ? rest.slice(h[0].length) : rest;
  const name = /^(?:\p{Lu}[\p{L}'’-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|(?:van|von|de|da|del|di|le|la|bin|al|el)(?=\s+\p{Lu}))){0,5}/u.exec(afterHonorific);
  if (!name) return null;
  const written = name[0].replace(/\.$/, (dot) => (/\s\p{Lu}\.$/u.test(name[0]) ? dot : '')).trim();
  if (written === '') return null;
  return { honorific: h ? (HONORIFICS[h[1]!.toLowerCase()] ?? h[1]!) : null, name: written };
}

function readCity(text: string, ix: Indexes): { city: string; offices: Office[] } | null {
  const m = BASED_IN.exec(text);
  if (!m) return null;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 100);
  const phrase = after.split(/\s+(?:and|et|y)\s+|[,.;]/)[0]?.trim() ?? '';
  const hit = ix.officeCities.scan(phrase)[0];
  if (hit) return { city: hit.text, offices: hit.values };
  const written = /^(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})/u.exec(phrase);
  return written?.[1] ? { city: written[1], offices: [] } : null;
}

function activeOn(o: Office, period: { start: string; end: string } | null): boolean {
  if (!period) return o.closedOn === null;
  return (o.openedOn === null || o.openedOn <= period.end) && (o.closedOn === null || o.closedOn >= period.start);
}

function pickOffice(candidates: Office[], region: RegionCode | null, period: { start: string; end: string } | null): Office | null {
  const ranked = [...candidates].sort((a, b) => {
    const score = (o: Office) =>
      (region !== null && o.region === region ? 0 : 4) + (o.kind === 'headquarters' ? 2 : 0) + (activeOn(o, period) ? 0 : 1);
    return score(a) - score(b);
  });
  const best = ranked[0];
  if (!best) return null;
  if (region !== null && best.region !== region) return null;
  return best;
}

function regionalOffice(region: RegionCode, context: ImportContext, period: { start: string; end: string } | null): Office | null {
  const offices = (Array.isArray(context.offices) ? context.offices : []).filter((o) => o.region === region && o.kind !== 'headquarters');
  const order = (o: Office) => (o.kind === 'regional' ? 0 : o.kind === 'europe' ? 1 : 2) + (activeOn(o, period) ? 0 : 3);
  return offices.sort((a, b) => order(a) - order(b))[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Header and period

const LABEL = /^(Title|Abstract|Summary|Source|Purpose|Contact|Keywords|Question\(s\)|Questions?|Study Group|Original|Titre|Résumé|Título|Resumen)\s*:\s*(.*)$/i;
const PERIOD_PHRASES = [
  /\b(?:during|for|over|covering|in|throughout)\s+the\s+(.{3,60}?)\s+(?:timeframe|time-frame|time\s+frame|reporting\s+period|period)\b/i,
  /\breporting\s+period\s*(?:is|was|:|of|from|covers|covering)?\s*(.{3,60}?)(?:[.;)]|,\s|$)/i,
  /\bthe\s+period\s+(?:from\s+|of\s+)?(.{3,60}?)(?:[.;)]|,\s|$)/i,
  /\bau\s+cours\s+de\s+la\s+p[ée]riode\s+(.{3,60}?)(?:[.;,)]|$)/i,
];

function findPeriod(texts: string[]): { text: string; start: string; end: string } | null {
  for (const text of texts) {
    if (text.length > MAX_BLOCK) continue;
    for (const re of PERIOD_PHRASES) {
      const m = re.exec(text);
      if (!m?.[1]) continue;
      const hit = findDates(m[1], { defaultYear: undefined, period: null })[0];
      if (hit && hit.value.precision !== 'day') return { text: hit.value.text, start: hit.value.start, end: hit.value.end };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The reader

function sectionKey(section: ImportSection | null): string | null {
  if (!section) return null;
  return section.number !== '' ? section.number : section.heading;
}

function readBlocks(input: Block[], context: ImportContext): ImportProposal {
  const ix = indexesOf(context);
  const blocks = input
    .filter((b): b is Block => b !== null && typeof b === 'object' && typeof b.text === 'string')
    .map((b, i) => {
      let text = b.text.length > MAX_BLOCK * 10 ? b.text : cleanText(b.text);
      let number = typeof b.number === 'string' && b.number.trim() !== '' ? b.number.trim() : undefined;
      if (b.kind === 'heading' && number === undefined) {
        const m = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/.exec(text);
        if (m) {
          number = m[1]!;
          text = m[2]!;
        }
      }
      const kind: Block['kind'] = b.kind === 'heading' || b.kind === 'list-item' ? b.kind : 'paragraph';
      const line = typeof b.line === 'number' && Number.isFinite(b.line) ? b.line : i + 1;
      return { kind, level: typeof b.level === 'number' ? b.level : number ? number.split('.').length : 1, number, text, line };
    })
    .filter((b) => b.text !== '');

  const proposal: ImportProposal = { header: { title: null, abstract: null }, period: null, sections: [], activities: [], unplaced: [], unplacedCount: 0 };

  // Header: labelled lines before the first heading.
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  const preamble = firstHeading === -1 ? blocks.length : firstHeading;
  const used = new Set<number>();
  for (let i = 0; i < preamble; i++) {
    const b = blocks[i]!;
    if (b.text.length > 2000) continue;
    const m = LABEL.exec(b.text);
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    const isTitle = label === 'title' || label === 'titre' || label === 'título';
    const isAbstract = ['abstract', 'summary', 'résumé', 'resumen'].includes(label);
    if (!isTitle && !isAbstract) continue;
    let value = m[2]!.trim();
    used.add(i);
    const next = blocks[i + 1];
    if (value === '' && next && i + 1 < preamble && !LABEL.test(next.text)) {
      value = next.text;
      used.add(i + 1);
    }
    if (value === '') continue;
    if (isTitle && proposal.header.title === null) proposal.header.title = value;
    if (isAbstract && proposal.header.abstract === null) proposal.header.abstract = value;
  }

  const headerTexts = [proposal.header.title, proposal.header.abstract].filter((t): t is string => t !== null);
  let periodChars = 0;
  const periodTexts = blocks.filter((b) => b.kind !== 'heading' && (periodChars += b.text.length) <= MAX_ANALYSED).map((b) => b.text);
  proposal.period = findPeriod([...headerTexts, ...periodTexts]);
  let defaultYear: number | undefined = proposal.period ? Number(proposal.period.end.slice(0, 4)) : undefined;
  if (defaultYear === undefined) {
    const y = /\b((?:19|20)\d{2})\b/.exec(headerTexts.join(' '));
    if (y) defaultYear = Number(y[1]);
  }
  let sectors = findSectors(headerTexts.join(' '), ix);
  if (sectors.length === 0) sectors = findSectors(blocks.map((b) => b.text).join('\n'), ix).slice(0, 1);
  const reading: Reading = { ix, context, dates: { defaultYear, period: proposal.period }, period: proposal.period, sectors };

  const unplace = (text: string, section: ImportSection | null, line: number) => listUnplaced(proposal, text, sectionKey(section), line);

  for (let i = 0; i < preamble; i++) if (!used.has(i)) unplace(blocks[i]!.text, null, blocks[i]!.line);

  // Sections.
  let section: ImportSection | null = null;
  /** Open sections with their levels: a sub-heading's parent is the nearest of a lower level. */
  const stack: Array<{ section: ImportSection; level: number }> = [];
  let leadRoles: OfficeRole[] = [];
  let leadDate: DateHit['value'] | null = null;
  let inList = false;
  let analysed = 0;

  for (let i = preamble; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      const heading = b.text.slice(0, 1000);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= b.level) stack.pop();
      const parent = stack[stack.length - 1]?.section ?? null;
      const named = ix.regions.scan(heading)[0]?.values[0] ?? null;
      const officeHit = ix.officeNames.scan(heading)[0]?.values ?? [];
      let region: RegionCode | null = named;
      const headingOffice = pickOffice(officeHit, region ?? officeHit[0]?.region ?? null, reading.period);
      if (region === null && headingOffice) region = headingOffice.region;
      if (region === null && parent) region = parent.region;
      section = {
        number: b.number ?? '',
        heading,
        region,
        office: null,
        head: null,
        city: null,
        line: b.line,
        context: [],
      };
      // The office: "is based in <City>" in the section, else the heading's office, else the parent's, else the regional office.
      if (region !== null) {
        let based: { city: string; offices: Office[] } | null = null;
        let head: ImportSection['head'] = null;
        for (let j = i + 1; j < blocks.length && blocks[j]!.kind !== 'heading'; j++) {
          const t = blocks[j]!.text;
          if (t.length > 2000 || blocks[j]!.kind !== 'paragraph') continue;
          based ??= readCity(t, ix);
          head ??= readHead(t);
          if (based && head) break;
        }
        const fromCity = based ? pickOffice(based.offices, region, reading.period) : null;
        const office =
          fromCity ?? headingOffice ?? (parent?.office ? ((context.offices ?? []).find((o) => o.code === parent.office) ?? null) : null) ?? regionalOffice(region, context, reading.period);
        section.office = office?.code ?? null;
        section.city = based?.city ?? (office ? (office.cityNames?.en ?? null) : null);
        section.head = head;
      }
      proposal.sections.push(section);
      stack.push({ section, level: b.level });
      leadRoles = [];
      leadDate = null;
      inList = false;
      continue;
    }

    const regionSection = section !== null && section.region !== null && section.office !== null ? section : null;
    if (!regionSection) {
      unplace(b.text, section, b.line);
      continue;
    }
    analysed += b.text.length;
    if (b.text.length > MAX_BLOCK || analysed > MAX_ANALYSED || proposal.activities.length >= MAX_ACTIVITIES) {
      unplace(b.text, section, b.line);
      continue;
    }
    const region = regionSection.region!;
    const sectionOffice = regionSection.office!;
    const key = sectionKey(regionSection)!;

    if (b.kind === 'paragraph') {
      inList = false;
      leadRoles = [];
      leadDate = null;
      // Where the office is and who leads it.
      if (BASED_IN.test(b.text) || LED_BY.test(b.text)) {
        regionSection.context.push({ line: b.line, text: b.text, use: 'office' });
        const rest = sentenceSpans(b.text)
          .map((s) => b.text.slice(s.start, s.end).trim())
          .filter((s) => !BASED_IN.test(s) && !LED_BY.test(s))
          .join(' ');
        if (rest !== '' && describesWork(rest, reading.dates)) {
          proposal.activities.push(...readItem(rest, { region, office: sectionOffice, section: key, item: null, leadRoles: [], leadDate: null }, reading, proposal.activities.length));
        }
        continue;
      }
      // A lead-in: "…participated in the following:" followed by items.
      if (/:\s*$/.test(b.text) && blocks[i + 1]?.kind === 'list-item') {
        regionSection.context.push({ line: b.line, text: b.text, use: 'lead-in' });
        leadRoles = findRoles(b.text);
        leadDate = findDates(b.text, reading.dates)[0]?.value ?? null;
        inList = true;
        continue;
      }
      if (/[\p{L}]{3}/u.test(b.text) && describesWork(b.text, reading.dates)) {
        const office = officeNamedIn(b.text, region, sectionOffice, ix, reading.period) ?? sectionOffice;
        const first = proposal.activities.length;
        proposal.activities.push(...readItem(b.text, { region, office, section: key, item: null, leadRoles: [], leadDate: null }, reading, first));
        relateAcrossItems(proposal.activities, first);
      } else {
        unplace(b.text, section, b.line);
      }
      continue;
    }

    // List items: always activities (of kind `other` if nothing fits), unless there are no words.
    if (!/[\p{L}]{3}/u.test(b.text)) {
      unplace(b.text, section, b.line);
      continue;
    }
    const office = officeNamedIn(b.text, region, sectionOffice, ix, reading.period) ?? sectionOffice;
    const item: ItemContext = {
      region,
      office,
      section: key,
      item: b.number ?? null,
      leadRoles: inList ? leadRoles : [],
      leadDate: inList ? leadDate : null,
    };
    const first = proposal.activities.length;
    proposal.activities.push(...readItem(b.text, item, reading, first));
    relateAcrossItems(proposal.activities, first);
  }
  return proposal;
}

/** Another office of the region an item names near its start ("The Area Office for the Caribbean organised…"). */
function officeNamedIn(text: string, region: RegionCode, sectionOffice: string, ix: Indexes, period: { start: string; end: string } | null): string | null {
  // Only the subject counts: "The Area Office for the Caribbean organised…", not "coordinated with the Area Office…".
  const subject = /^(?:the\s+)?(?:itu\s+)?/i.exec(text)?.[0].length ?? 0;
  const hit = ix.officeNames.scan(text.slice(0, 160))[0];
  if (!hit || hit.start > subject) return null;
  const office = pickOffice(hit.values, region, period);
  return office && office.code !== sectionOffice ? office.code : null;
}

const DAY_MS = 86_400_000;

/**
 * An item that says it was held back to back ("hosted back to back", "on the eve of") with no
 * partner of its own is related to the activity just before it in the section, when their
 * dates touch (at most a day apart).
 */
function relateAcrossItems(activities: ProposedActivity[], first: number): void {
  const current = activities[first];
  const previous = activities[first - 1];
  if (!current || !previous || current.related.length > 0) return;
  if (previous.provenance.section !== current.provenance.section || previous.provenance.text === current.provenance.text) return;
  if (!/\bback[- ]to[- ]back\b|\bon\s+the\s+eve\s+of\b|\bpreceded\s+by\b|\bimmediately\s+(?:after|before)\b/i.test(current.provenance.text)) return;
  if (!current.date || !previous.date) return;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const gap = Math.min(Math.abs(day(current.date.start) - day(previous.date.end)), Math.abs(day(previous.date.start) - day(current.date.end)));
  if (!(gap <= DAY_MS)) return;
  current.related.push({ index: first - 1, kind: 'back-to-back' });
  previous.related.push({ index: first, kind: 'back-to-back' });
}

/** Reads blocks (from plain text or a Word file) into a proposal. Never throws. */
export function parseBlocks(blocks: Block[], context: ImportContext): ImportProposal {
  const safeContext: ImportContext =
    context && typeof context === 'object' ? context : { offices: [], bodies: [], regions: [], document: '' };
  const list = Array.isArray(blocks) ? blocks : [];
  try {
    return readBlocks(list, safeContext);
  } catch {
    // Last resort: nothing read, nothing lost.
    const proposal: ImportProposal = { header: { title: null, abstract: null }, period: null, sections: [], activities: [], unplaced: [], unplacedCount: 0 };
    list.forEach((b, i) => {
      if (b && typeof b.text === 'string' && b.text.trim() !== '') listUnplaced(proposal, b.text, null, typeof b.line === 'number' ? b.line : i + 1);
    });
    return proposal;
  }
}

/** Reads a report as plain text (the .txt of a Word report): cuts it into blocks, then parseBlocks. Never throws. */
export function parseReport(text: string, context: ImportContext): ImportProposal {
  let blocks: Block[];
  try {
    blocks = textToBlocks(typeof text === 'string' ? text : '');
  } catch {
    blocks = [];
  }
  return parseBlocks(blocks, context);
}
