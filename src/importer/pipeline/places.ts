/**
 * Reader of places: city and country a text names, or online.
 */
import { countriesNamedIn } from './countries.ts';
import { type Indexes } from './indexes.ts';
import { MAX_BLOCK, type Token, remember, tokenize } from './text.ts';

export const ONLINE =
  /\bonline\b|\bvirtual(?:ly)?\b|\bweb[- ]?(?:meeting|session)s?\b|\bwebinai?re?s?\b|\bvideo-?conferenc\w*|\bremotely\b|\bzoom\b|\ben ligne\b|\ben l[ií]nea\b|\bvirtuel(?:le)?s?\b|عبر الإنترنت|افتراضي/i;
export const CITY_JOINERS = new Set(['of', 'de', 'du', 'del', 'la', 'le', 'el', 'al', 'es', 'des', 'los', 'las', 'upon', 'sur']);

/** The city written just before `end` ("held in Abuja, Nigeria" → "Abuja"): capitalised words. */
export function cityBefore(text: string, end: number): string | null {
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

export interface Place {
  city: string | null;
  country: string | null;
  online: boolean;
}

export function findPlace(text: string, ix: Indexes): Place | null {
  return remember(ix.memo, `p|${text}`, () => findPlaceNow(text, ix));
}

export function findPlaceNow(text: string, ix: Indexes): Place | null {
  if (text.length > MAX_BLOCK) return null;
  const online = ONLINE.test(text);
  const tokens = tokenize(text);
  let city: string | null = null;
  let country: string | null = null;
  for (const hit of countriesNamedIn(text, tokens)) {
    const code = hit.code;
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
    if (/(?:^|[^\p{L}])(?:in|at|à|au|en|em|в|во)\s+(?:the\s+)?$/iu.test(before)) {
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
