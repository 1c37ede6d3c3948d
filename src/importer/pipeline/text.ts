/**
 * Text helpers for the pipeline: cleaning, folding for matching, tokens, a phrase index over
 * token sequences, and the bounds that keep every input linear and small.
 */
import { type ImportProposal } from '../model.ts';

/** Blocks longer than this are not analysed (listed as unplaced): keeps every input bounded. */
export const MAX_BLOCK = 20_000;
/**
 * At most this much text of region sections is analysed, and at most this many activities
 * proposed; the rest is listed as unplaced, unread. A real report is a few dozen kilobytes and
 * items; these bounds keep any input (5 MB of words, a pasted archive) to a second or two.
 */
export const MAX_ANALYSED = 400_000;
export const MAX_ACTIVITIES = 2_000;
/**
 * Unplaced passages listed, and the characters kept of each: a reviewer reads a few; a 10 MB text
 * of short lines has a million, which would make every answer and stored batch as big as the text.
 * The rest are counted (`unplacedCount`).
 */
export const MAX_UNPLACED_LISTED = 1_000;
export const MAX_UNPLACED_CHARS = 2_000;

/** Lists a passage that could not be placed, within the bounds above; counts it in any case. */
export function listUnplaced(proposal: ImportProposal, text: string, section: string | null, line: number): void {
  proposal.unplacedCount += 1;
  if (proposal.unplaced.length >= MAX_UNPLACED_LISTED) return;
  proposal.unplaced.push({ text: text.length > MAX_UNPLACED_CHARS ? `${text.slice(0, MAX_UNPLACED_CHARS - 1)}…` : text, section, line });
}

export const BOOKMARK = /\[bookmark:[^\]\n]{0,300}\]/g;
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF]/g;

/** Word's bookmark artefacts and control characters out, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(BOOKMARK, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export const foldCache = new Map<string, string>();

/** One character folded for matching: lower case, accents off, dashes and quotes plain. Keeps length. */
export function foldChar(c: string): string {
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
export function fold(text: string): string {
  // Plain ASCII (most report text): lower case and whitespace to spaces is all there is to do.
  if (/^[\x20-\x7e\t\n\r\f\v]*$/.test(text)) return text.toLowerCase().replace(/[\t\n\r\f\v]/g, ' ');
  const out: string[] = [];
  for (const c of text) {
    // Astral characters (two code units) fold to themselves to keep positions.
    out.push(c.length === 1 ? foldChar(c) : c);
  }
  return out.join('');
}

export interface Token {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

export const TOKEN = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011\-][\p{L}\p{N}]+)*/gu;

/** The last texts tokenized: an item's words are looked at several times (bodies, places, offices). */
export const tokenCache = new Map<string, Token[]>();

export function tokenize(text: string): Token[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const tokens = tokenizeNow(text);
  if (text.length <= MAX_BLOCK) {
    if (tokenCache.size >= 256) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

export function tokenizeNow(text: string): Token[] {
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
export function termKey(term: string, caseSensitive: boolean): string {
  const tokens = tokenize(term);
  return tokens.map((t) => (caseSensitive ? t.raw : t.folded)).join(' ');
}

/**
 * Phrases looked up by token sequences, longest first. Every prefix of every phrase is kept, so
 * a scan extends a match only while some phrase still starts that way: linear in the text,
 * whatever the number of phrases.
 */
export class PhraseIndex<T> {
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
export const moduleMemo = new Map<string, unknown>();
export const MEMO_SIZE = 5000;

export function remember<T>(memo: Map<string, unknown>, key: string, compute: () => T): T {
  if (key.length > 4000) return compute();
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}
