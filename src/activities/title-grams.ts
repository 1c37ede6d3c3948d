/**
 * Titles' trigrams as pg_trgm counts them (each normalised word padded with two spaces before and
 * one after), and their similarity: shared trigrams over all trigrams of the two. Pure.
 *
 * A trigram is three UTF-16 code units, so it is held exactly as one number (48 bits of a
 * double): a title's trigrams are a sorted array of such codes, compared by merging, and stored
 * as bytes beside the activity (the duplicate check's sketches, migration 0141) so a check reads
 * them instead of working them out from the title again for thousands of activities.
 */
import type { Texts } from './model.ts';
import { normaliseForSearch } from './model.ts';

/** One title language's trigram codes, ascending, each once. */
export type Grams = Float64Array;
/** The trigrams of each language a title is written in. */
export type TitleGrams = Grams[];

function words(text: string): string[] {
  const lower = text.toLowerCase();
  // Plain ASCII (most titles) needs no Unicode folding: the same words, much faster.
  return /^[\x00-\x7f]*$/.test(lower) ? lower.split(/[^a-z0-9]+/) : normaliseForSearch(text).split(' ');
}

/** The trigrams of a text as strings (what pg_trgm's `show_trgm` lists). */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

const UNIT = 65_536;

/** A trigram (three UTF-16 code units) as one exact number. */
const codeOf = (trigram: string): number => (trigram.charCodeAt(0) * UNIT + trigram.charCodeAt(1)) * UNIT + trigram.charCodeAt(2);

/** The trigrams of a text as codes, ascending, each once. */
export const gramsOf = (text: string): Grams => Float64Array.from(trigrams(text), codeOf).sort();

/** Shared codes over all codes of the two (pg_trgm's `similarity`), 0 to 1. */
export function gramSimilarity(a: Grams, b: Grams): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / (a.length + b.length - shared);
}

export const textSimilarity = (a: string, b: string): number => gramSimilarity(gramsOf(a), gramsOf(b));

/** The trigrams of each language a title is written in (empty texts left out). */
export const titleGrams = (title: Texts): TitleGrams => Object.values(title).filter((t): t is string => Boolean(t)).map(gramsOf);

/** The best similarity over every pair of the two titles' languages. */
export function titleSimilarity(a: TitleGrams, b: TitleGrams): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, gramSimilarity(x, y));
  return best;
}

/** The fewest and the most trigrams of a title's languages (0 and 0 for a title without words). */
export interface GramCounts {
  fewest: number;
  most: number;
}

export function gramCountsOf(grams: TitleGrams): GramCounts {
  const counts = grams.map((g) => g.length);
  return counts.length === 0 ? { fewest: 0, most: 0 } : { fewest: Math.min(...counts), most: Math.max(...counts) };
}

/**
 * The most `titleSimilarity` can be for titles of these counts: two sets of m ≤ n trigrams share
 * at most m of them, m / n. Lets a comparison skip titles of very different lengths unread.
 */
export function bestSimilarity(a: GramCounts, b: GramCounts): number {
  if (a.most === 0 || b.most === 0) return 0;
  if (a.fewest <= b.most && b.fewest <= a.most) return 1;
  return a.most < b.fewest ? a.most / b.fewest : b.most / a.fewest;
}

/** A title's trigrams as bytes: per language, its count and then its codes, each a little-endian double. */
export function encodeTitleGrams(grams: TitleGrams): Uint8Array {
  const values = new Float64Array(grams.reduce((n, g) => n + 1 + g.length, 0));
  let at = 0;
  for (const g of grams) {
    values[at++] = g.length;
    values.set(g, at);
    at += g.length;
  }
  // Stored bytes are little-endian whatever the machine; every machine Node.js runs on here is.
  return new Uint8Array(values.buffer);
}

/** The trigrams `encodeTitleGrams` wrote. */
export function decodeTitleGrams(bytes: Uint8Array): TitleGrams {
  // A view needs its start on an 8-byte boundary; the drivers' buffers often are not.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const values = new Float64Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 8));
  const out: TitleGrams = [];
  for (let at = 0; at < values.length; ) {
    const count = values[at++]!;
    out.push(values.subarray(at, at + count));
    at += count;
  }
  return out;
}
