/**
 * Hostile values for the fuzz: wrong types, huge strings, every kind of awkward Unicode, NUL and
 * control characters, nesting deeper than any parser expects, numbers past every limit, bad
 * percent-encoding and ids that are almost UUIDs. Drawn with the drill's seeded Random.
 */
import type { Random } from '../bench/vocabulary.ts';

/** JSON text written as it is: numbers JSON.stringify cannot write, nesting too deep to build as objects, `__proto__` keys. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json } | RawJson;

/** The JSON text of a value, RawJson pieces as they are. */
export function jsonText(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

export const HOSTILE_TEXTS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'work\u0000shop',
  C0,
  `${C0}\u007f\u0080\u0085\u009f`,
  '\r\n\r\nHTTP/1.1 200 OK\r\n',
  '\t\v\f\b',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  ']]>',
  '<![CDATA[ ]]><b>x</b>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '&lt;&amp;&#0;&#x0;&#xD800;',
  "' OR '1'='1",
  "'; drop table activity; --",
  '\\',
  '\\u0000',
  '%00',
  '%',
  '%ff',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '\u202eevil\u202c',
  '\u2066\u2067\u2068\u2069\u200f\u200e',
  '\ufeff',
  '\uffff\ufffe',
  '\ud800',
  '\udfff',
  'x\ud83dx',
  '😀'.repeat(50),
  'Z̸̡̛̖̗a̷̠l̶̰g̵̱o̴̟',
  'ﷺ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'مرحبا بالعالم',
  '中文字符',
  'İıŞß',
  '\u2028\u2029',
  '${7*7}{{7*7}}#{7*7}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '-0',
  '1.5',
  '99999999999999999999999999',
  '1e999',
  '0x10',
  '١٢٣',
  'true',
  "=cmd|' /C calc'!A0",
  '+1',
  '@SUM(1+1)',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000',
  '00000000-0000-4000-8000-0000000000000',
  'g0000000-0000-4000-8000-000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  'urn:uuid:00000000-0000-4000-8000-000000000000',
  '00000000000040008000000000000000',
  '2020-02-30',
  '2020-13-01',
  '0000-00-00',
  '-2020-01-01',
  '275760-09-13',
  '2020-01-01T00:00:00Z',
  'https://',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'a@b',
  `${'a'.repeat(64)}@${'b'.repeat(255)}.org`,
];

const BAD_PERCENT: readonly string[] = [
  '%', '%%', '%z', '%zz', '%f', '%ff', '%c0%af', '%e0%80%af', '%ed%a0%80', '%f4%90%80%80', '%00', '%0a', '%0d%0a', '%u0000',
  '%2e%2e', '%2e%2e%2f', '..', '.', '%252e', '%2f', '%5c', '%3f', '%23', '%25',
];

/** Any code point, surrogate halves included, or a control character. */
function randomText(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const kind = random.int(0, 5);
    const code =
      kind === 0 ? random.int(0, 0x1f) : kind === 1 ? random.int(0x20, 0x7e) : kind === 2 ? random.int(0x80, 0x7ff) : kind === 3 ? random.int(0xd800, 0xdfff) : kind === 4 ? random.int(0x800, 0xffff) : random.int(0x10000, 0x10ffff);
    text += String.fromCodePoint(code);
  }
  return text;
}

export function hostileText(random: Random): string {
  const roll = random.next();
  if (roll < 0.6) return random.pick(HOSTILE_TEXTS);
  if (roll < 0.85) return randomText(random, random.int(1, 200));
  if (roll < 0.97) return random.pick(['A', 'é', '中', '😀', '<', '\u0001']).repeat(random.int(1000, 100_000));
  return 'A'.repeat(random.int(1_000_000, 4_000_000));
}

const deep = (open: string, middle: string, close: string, depth: number) => new RawJson(`${open.repeat(depth)}${middle}${close.repeat(depth)}`);

/** Any JSON value at all: the wrong type for whatever field it lands in. */
export function hostileValue(random: Random): Json {
  switch (random.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return hostileText(random);
    case 3:
      return random.pick<Json>([-1, 0, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE]);
    case 4:
      return random.pick([new RawJson('1e400'), new RawJson('-1e400'), new RawJson('-0'), new RawJson('123456789012345678901234567890'), new RawJson('1E+2'), new RawJson('0.1e-400')]);
    case 5:
      return random.pick<Json>([true, false, null]);
    case 6:
      return random.pick<Json>([[], {}, [null], [[[]]], { '': '' }, { 'a\u0000': 1 }, Array.from({ length: 100 }, () => 'x')]);
    case 7:
      return random.pick([
        new RawJson('{"__proto__":{"role":"admin","isAdmin":true}}'),
        new RawJson('{"constructor":{"prototype":{"role":"admin"}}}'),
        new RawJson('{"a":1,"a":2}'),
        new RawJson(`[${Array.from({ length: 10_000 }, () => 'null').join(',')}]`),
      ]);
    case 8:
      return random.pick([
        deep('[', '', ']', random.pick([100, 10_000, 100_000])),
        deep('{"a":', '1', '}', random.pick([100, 10_000, 100_000])),
        deep('{"a":', '{"__proto__":{"x":1}}', '}', random.pick([1_000, 50_000])),
      ]);
    default:
      return randomText(random, random.int(0, 30));
  }
}

/** Percent-encodes the UTF-8 of `text` (lone surrogates become U+FFFD, as any encoder makes them). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** The UTF-8 bytes of `text` as a latin1 string: sent raw, unencoded, in a request line. */
export const rawUtf8 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** A path segment or query value as it goes into the request target: encoded, badly encoded, raw or enormous. */
export function hostileUrlPart(random: Random): string {
  const roll = random.next();
  if (roll < 0.55) {
    const text = hostileText(random);
    return percentEncode(text.length > 20_000 ? text.slice(0, 20_000) : text);
  }
  if (roll < 0.85) return random.pick(BAD_PERCENT) + random.pick(['', 'a', '%', random.pick(BAD_PERCENT)]);
  if (roll < 0.95) return rawUtf8(random.pick(['é', '中文', '😀', 'a b', 'a"b', 'a<b>', '\u00a0']));
  return 'a'.repeat(random.int(5_000, 70_000));
}
