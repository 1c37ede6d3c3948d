/**
 * Countries: the one place that says which codes are countries, what a country is called in the
 * six languages and which ITU region it belongs to. Reading a country back from its name (in
 * text, in any of its spellings) is `gazetteer.ts`, kept apart so the workspace can name
 * countries without carrying every spelling.
 *
 * Codes are the **current** ISO 3166-1 alpha-2 codes only. Intl (CLDR) still names withdrawn
 * codes (RH "Zimbabwe", BU "Myanmar", DD, CS, YD, NH, VD, AN …): taking every code Intl names
 * made "Harare, Zimbabwe" come out as RH.
 */
import { DISPLAY_LOCALES, SIX_LANGUAGES } from '#src/platform/intl.ts';
import type { Language } from '#src/platform/i18n.ts';
import table from '../../data/reference/countries.json' with { type: 'json' };
import type { RegionCode } from './reference.ts';

/** ISO 3166-1 alpha-2 as officially assigned today (249 codes); XK and the withdrawn codes are not in it. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const CURRENT = new Set(COUNTRY_CODES);

export const isCountryCode = (code: string): boolean => CURRENT.has(code);

/**
 * How a country is spelled. `display`: in the language's display locale, as the reports write
 * ("St Lucia", "US Virgin Islands"). `plain`: in the bare language's names ("St. Lucia",
 * "U.S. Virgin Islands"), as the public site shows them and as the register's search and the
 * importer match them. The two differ in English only, for nine territories.
 */
export type CountryNameStyle = 'display' | 'plain';

const namers = new Map<string, Intl.DisplayNames>();
const cache = new Map<string, string | undefined>();

/** Intl's name of a current country code in a locale; undefined for anything else. */
function intlName(code: string, locale: string): string | undefined {
  if (!CURRENT.has(code)) return undefined;
  const key = `${locale}:${code}`;
  if (cache.has(key)) return cache.get(key);
  let namer = namers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    namers.set(locale, namer);
  }
  const name = namer.of(code);
  cache.set(key, name);
  return name;
}

const localeOf = (language: Language, style: CountryNameStyle): string => (style === 'display' ? DISPLAY_LOCALES[language] : language);

/** "Chad", "Tchad", "乍得"; the code itself when it is not a current country code. */
export function countryName(code: string, language: Language, style: CountryNameStyle): string {
  return intlName(code, localeOf(language, style)) ?? code;
}

/** A country's plain names in the six languages, '' where there is none: what "Tchad" and "Chad" are both searched by. */
export function countryNames(code: string): string[] {
  return SIX_LANGUAGES.map((language) => intlName(code, localeOf(language, 'plain')) ?? '');
}

export interface CountryRegion {
  region: RegionCode;
  /** False where the sources disagree or the country is not a Member State (data/reference/countries.json). */
  confirmed: boolean;
}

const regionTable: ReadonlyMap<string, CountryRegion> = (() => {
  const unconfirmed = table.unconfirmed as Record<string, string>;
  const map = new Map<string, CountryRegion>();
  for (const [region, codes] of Object.entries(table.regions)) {
    for (const code of codes) map.set(code, { region: region as RegionCode, confirmed: !(code in unconfirmed) });
  }
  return map;
})();

/** The ITU (BDT) region of a Member State; null for a territory or a code that is no country. */
export function regionOfCountry(code: string): CountryRegion | null {
  return regionTable.get(code) ?? null;
}

/** The Member States (and observers) of a region, by code. */
export function countriesOfRegion(region: RegionCode): string[] {
  return [...regionTable].filter(([, r]) => r.region === region).map(([code]) => code);
}
