/**
 * Reading a country back from what people write: "Zimbabwe", "Tchad", "the Republic of Senegal",
 * "Russian Federation", "Côte d'Ivoire", "Türkiye", "Korea, Republic of", "Minsk". Every spelling
 * gives one current ISO 3166-1 code (countries.ts), never a withdrawn one. The importer scans text
 * with `countrySpellings()`; everything else asks `countryCode(name)`.
 *
 * Spellings, the first to claim a name keeping it: the UN's own short names, Intl's plain names in
 * the six languages (the names the register's search knows), i18n-iso-countries' names and
 * aliases in the six languages, then official long forms ("Republic of …", "République du …",
 * "República de …", "Республика …") built from the short names.
 */
import { createRequire } from 'node:module';
import type { Language } from '#src/platform/i18n.ts';
import { COUNTRY_CODES, countryNames, isCountryCode } from './countries.ts';

/** The UN's and ITU's own spellings, and the short forms documents use, where the libraries differ. */
const UN_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['Republic of Korea', 'KR'],
  ['Korea', 'KR'],
  ["Democratic People's Republic of Korea", 'KP'],
  ['Russian Federation', 'RU'],
  ['United States of America', 'US'],
  ['USA', 'US'],
  ['UK', 'GB'],
  ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
  ['Islamic Republic of Iran', 'IR'],
  ['Iran (Islamic Republic of)', 'IR'],
  ['Viet Nam', 'VN'],
  ['Lao PDR', 'LA'],
  ["Lao People's Democratic Republic", 'LA'],
  ['Democratic Republic of the Congo', 'CD'],
  ['DR Congo', 'CD'],
  ['DRC', 'CD'],
  ['Republic of the Congo', 'CG'],
  ['Republic of Congo', 'CG'],
  ['République du Congo', 'CG'],
  ['República del Congo', 'CG'],
  ['Congo', 'CG'],
  ["Cote d'Ivoire", 'CI'],
  ["Côte d'Ivoire", 'CI'],
  ['Ivory Coast', 'CI'],
  ['Turkiye', 'TR'],
  ['Türkiye', 'TR'],
  ['Republic of Türkiye', 'TR'],
  ['Turkey', 'TR'],
  ['Syria', 'SY'],
  ['Syrian Arab Republic', 'SY'],
  ['Tanzania', 'TZ'],
  ['United Republic of Tanzania', 'TZ'],
  ['Bolivia', 'BO'],
  ['Bolivia (Plurinational State of)', 'BO'],
  ['Venezuela', 'VE'],
  ['Venezuela (Bolivarian Republic of)', 'VE'],
  ['Moldova', 'MD'],
  ['Republic of Moldova', 'MD'],
  ['Czech Republic', 'CZ'],
  ['Swaziland', 'SZ'],
  ['Eswatini', 'SZ'],
  ['Cabo Verde', 'CV'],
  ['Cape Verde', 'CV'],
  ['Brunei Darussalam', 'BN'],
  ['Micronesia', 'FM'],
  ['Micronesia (Federated States of)', 'FM'],
  ['Palestine', 'PS'],
  ['State of Palestine', 'PS'],
  ['North Macedonia', 'MK'],
  ['Kyrgyz Republic', 'KG'],
  ['Macau', 'MO'],
  ['Tchad', 'TD'],
  ['Vatican', 'VA'],
  ['Vatican City', 'VA'],
  ['Holy See', 'VA'],
  ['Gambia', 'GM'],
  ['The Gambia', 'GM'],
  ['Bahamas', 'BS'],
  ['Myanmar', 'MM'],
  ['Burma', 'MM'],
  ['Timor-Leste', 'TL'],
  ['East Timor', 'TL'],
];

/** Cities that host many meetings, with their country: "Minsk" alone places a meeting in BY. */
const HOST_CITIES: ReadonlyArray<readonly [string, string]> = [
  ['Abuja', 'NG'], ['Accra', 'GH'], ['Addis Ababa', 'ET'], ['Algiers', 'DZ'], ['Almaty', 'KZ'], ['Amman', 'JO'],
  ['Apia', 'WS'], ['Asunción', 'PY'], ['Baku', 'AZ'], ['Bangkok', 'TH'], ['Beirut', 'LB'], ['Bishkek', 'KG'],
  ['Bogotá', 'CO'], ['Brasília', 'BR'], ['Brazzaville', 'CG'], ['Bridgetown', 'BB'], ['Brussels', 'BE'], ['Bucharest', 'RO'],
  ['Buenos Aires', 'AR'], ['Cairo', 'EG'], ['Chisinau', 'MD'], ['Cotonou', 'BJ'], ['Dakar', 'SN'], ['Dar es Salaam', 'TZ'],
  ['Doha', 'QA'], ['Dubai', 'AE'], ['Dushanbe', 'TJ'], ['Geneva', 'CH'], ['Genève', 'CH'], ['Ginebra', 'CH'],
  ['Guatemala City', 'GT'], ['Hanoi', 'VN'], ['Harare', 'ZW'], ['Jakarta', 'ID'], ['Kampala', 'UG'], ['Khartoum', 'SD'],
  ['Kigali', 'RW'], ['Kinshasa', 'CD'], ['Kuala Lumpur', 'MY'], ['Kuwait City', 'KW'], ['Lima', 'PE'], ['Lomé', 'TG'],
  ['Lusaka', 'ZM'], ['Manama', 'BH'], ['Manila', 'PH'], ['Mexico City', 'MX'], ['Minsk', 'BY'], ['Montevideo', 'UY'],
  ['Moscow', 'RU'], ['Muscat', 'OM'], ['Nairobi', 'KE'], ['Ndjamena', 'TD'], ["N'Djamena", 'TD'], ['New Delhi', 'IN'],
  ['Niamey', 'NE'], ['Nuku\u02bbalofa', 'TO'], ['Ouagadougou', 'BF'], ['Port of Spain', 'TT'], ['Praia', 'CV'], ['Quito', 'EC'],
  ['Rabat', 'MA'], ['Riyadh', 'SA'], ['San José', 'CR'], ['Santiago', 'CL'], ['Santo Domingo', 'DO'], ['Sharm El-Sheikh', 'EG'],
  ['Suva', 'FJ'], ['Tashkent', 'UZ'], ['Tbilisi', 'GE'], ['Tegucigalpa', 'HN'], ['Tunis', 'TN'], ['Ulaanbaatar', 'MN'],
  ['Yaoundé', 'CM'], ['Yerevan', 'AM'],
];

/** Official long forms, built from each language's short names ("Republic of" + "Senegal"). */
const LONG_FORM_PREFIXES: Readonly<Record<'en' | 'fr' | 'es' | 'ru', readonly string[]>> = {
  en: [
    'Republic of', 'Republic of the', 'Kingdom of', 'Kingdom of the', 'State of', 'Federal Republic of', 'Islamic Republic of',
    "People's Republic of", 'Democratic Republic of', 'Arab Republic of', 'Socialist Republic of', 'Federal Democratic Republic of',
    'Plurinational State of', 'Bolivarian Republic of', 'Principality of', 'Grand Duchy of', 'Sultanate of', 'Commonwealth of',
    'Commonwealth of the', 'Independent State of', 'Hashemite Kingdom of', 'Oriental Republic of', 'Co-operative Republic of',
    'Federative Republic of', 'Democratic Socialist Republic of', 'Federated States of',
  ],
  fr: ['République de', 'République du', 'République de la', "République d'", 'République des', 'Royaume de', 'Royaume du', 'Royaume des', 'État de', 'République fédérale de', 'République islamique de', 'République démocratique de', 'République populaire de'],
  es: ['República de', 'República del', 'República de la', 'Reino de', 'Reino de los', 'Estado de', 'República Federal de', 'República Islámica de', 'República Democrática de', 'Estado Plurinacional de', 'República Bolivariana de', 'República Oriental del'],
  ru: ['Республика', 'Королевство', 'Государство', 'Федеративная Республика', 'Исламская Республика', 'Демократическая Республика'],
};

/** Long forms that are not a prefix and a short name. */
const WHOLE_LONG_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['United Mexican States', 'MX'], ['Argentine Republic', 'AR'], ['Lebanese Republic', 'LB'], ['Hellenic Republic', 'GR'],
  ['Slovak Republic', 'SK'], ['Togolese Republic', 'TG'], ['Gabonese Republic', 'GA'], ['Italian Republic', 'IT'],
  ['French Republic', 'FR'], ['Portuguese Republic', 'PT'], ['Swiss Confederation', 'CH'], ['Kingdom of Saudi Arabia', 'SA'],
  ['Islamic Republic of Mauritania', 'MR'], ['République française', 'FR'], ['Confédération suisse', 'CH'], ['Estados Unidos Mexicanos', 'MX'],
  ['Российская Федерация', 'RU'], ['Республика Беларусь', 'BY'],
];

type IsoCountries = typeof import('i18n-iso-countries');
let isoCountries: IsoCountries | null = null;
/**
 * The library's names in the six languages, loaded on first use: its tables are a megabyte of
 * JavaScript that only reading a document needs, and loading them at start-up cost a fifth of
 * the server's start (issue 19).
 */
function isoNames(language: Language): Record<string, string | string[]> {
  if (!isoCountries) {
    const require = createRequire(import.meta.url);
    const library = require('i18n-iso-countries') as IsoCountries;
    for (const code of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) library.registerLocale(require(`i18n-iso-countries/langs/${code}.json`) as Parameters<IsoCountries['registerLocale']>[0]);
    isoCountries = library;
  }
  return isoCountries.getNames(language, { select: 'all' }) as unknown as Record<string, string | string[]>;
}

/** "Korea, Republic of" → "Republic of Korea"; "Holy See (Vatican City State)" → "Holy See", "Vatican City State". */
function variants(name: string): string[] {
  const out = [name];
  const inverted = /^(.+),\s*(.+?)$/u.exec(name);
  if (inverted) out.push(`${inverted[2]} ${inverted[1]}`);
  const bracket = /^(.+?)\s*\((.+)\)$/u.exec(name);
  if (bracket) {
    out.push(bracket[1]!);
    out.push(/\b(?:of|of the|de|del|de la|du)$/u.test(bracket[2]!) ? `${bracket[2]} ${bracket[1]}` : bracket[2]!);
  }
  for (const n of [...out]) {
    if (n.includes('&')) out.push(n.replace(/&/g, 'and'));
    if (/^St\.? /u.test(n)) out.push(n.replace(/^St\.? /u, 'Saint '));
    if (/^The /u.test(n)) out.push(n.slice(4));
  }
  return out;
}

/** What two spellings of one name share: case, accents, apostrophes, spacing and a leading "the" aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u02bc`´]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^(?:the|la|le|les|el|los|las) /u, '')
    .trim();
}

const cityKeys = new Map<string, string>();
let spellings: ReadonlyArray<{ name: string; code: string }> | null = null;
let byKey: ReadonlyMap<string, string> | null = null;

function build(): void {
  const list: Array<{ name: string; code: string }> = [];
  const keys = new Map<string, string>();
  const add = (name: string, code: string) => {
    if (!name || name === code || !isCountryCode(code)) return;
    for (const variant of variants(name)) {
      const key = nameKey(variant);
      if (key === '' || keys.has(key)) continue;
      keys.set(key, code);
      list.push({ name: variant, code });
    }
  };
  for (const [name, code] of UN_SPELLINGS) add(name, code);
  for (const code of COUNTRY_CODES) for (const name of countryNames(code)) add(name, code);
  const iso = (['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const).map((language) => ({ language, names: isoNames(language) }));
  for (const { names } of iso) {
    for (const code of COUNTRY_CODES) for (const name of [names[code] ?? []].flat()) add(name, code);
  }
  for (const [name, code] of WHOLE_LONG_FORMS) add(name, code);
  for (const { language, names } of iso) {
    const prefixes = language in LONG_FORM_PREFIXES ? LONG_FORM_PREFIXES[language as keyof typeof LONG_FORM_PREFIXES] : [];
    for (const code of COUNTRY_CODES) {
      for (const name of [names[code] ?? []].flat()) {
        if (/[,(]/u.test(name)) continue;
        for (const prefix of prefixes) add(prefix.endsWith("'") ? `${prefix}${name}` : `${prefix} ${name}`, code);
      }
    }
  }
  for (const [city, code] of HOST_CITIES) cityKeys.set(nameKey(city), code);
  spellings = list;
  byKey = keys;
}

/** Every spelling of every current country, each with one code: what the importer scans text for. */
export function countrySpellings(): ReadonlyArray<{ name: string; code: string }> {
  if (!spellings) build();
  return spellings!;
}

/** The current ISO code a whole country name stands for, in any of the six languages; null if none. */
export function countryCode(name: string): string | null {
  if (!byKey) build();
  return byKey!.get(nameKey(name)) ?? null;
}

/** The country of a city that hosts many meetings ("Minsk" → BY); null for a city not in the table. */
export function countryOfCity(city: string): string | null {
  if (!byKey) build();
  return cityKeys.get(nameKey(city)) ?? null;
}

/** The host cities known, with their countries: what the importer may scan text for. */
export function hostCities(): ReadonlyArray<{ name: string; code: string }> {
  return HOST_CITIES.map(([name, code]) => ({ name, code }));
}
