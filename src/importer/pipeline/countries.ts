/**
 * Country names → ISO 3166 alpha-2 codes. The one place the pipeline looks a country up.
 */
import { countryNames, namedRegionCodes } from '#src/platform/intl.ts';
import { PhraseIndex, tokenize, type Token } from './text.ts';

// Countries: every ISO 3166 alpha-2 code Intl knows, by its plain names in the six languages
// (platform/intl.ts), plus the UN's own spellings. Built once.
export let countryIndex: PhraseIndex<string> | null = null;

export const NOT_COUNTRIES = new Set(['AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
export const COUNTRY_EXTRA: Record<string, string> = {
  'Republic of Korea': 'KR',
  Korea: 'KR',
  'Russian Federation': 'RU',
  'United States of America': 'US',
  USA: 'US',
  UK: 'GB',
  'Islamic Republic of Iran': 'IR',
  'Iran (Islamic Republic of)': 'IR',
  'Viet Nam': 'VN',
  'Lao PDR': 'LA',
  "Lao People's Democratic Republic": 'LA',
  'Democratic Republic of the Congo': 'CD',
  'Republic of the Congo': 'CG',
  Congo: 'CG',
  "Cote d'Ivoire": 'CI',
  'Ivory Coast': 'CI',
  Turkiye: 'TR',
  Türkiye: 'TR',
  Syria: 'SY',
  'Syrian Arab Republic': 'SY',
  Tanzania: 'TZ',
  'United Republic of Tanzania': 'TZ',
  Bolivia: 'BO',
  Venezuela: 'VE',
  Moldova: 'MD',
  'Republic of Moldova': 'MD',
  'Czech Republic': 'CZ',
  Swaziland: 'SZ',
  Eswatini: 'SZ',
  'Cabo Verde': 'CV',
  'Cape Verde': 'CV',
  'Brunei Darussalam': 'BN',
  Micronesia: 'FM',
  Palestine: 'PS',
  'State of Palestine': 'PS',
  'North Macedonia': 'MK',
  'Kyrgyz Republic': 'KG',
  Macau: 'MO',
  Tchad: 'TD',
};

function countries(): PhraseIndex<string> {
  if (countryIndex) return countryIndex;
  const index = new PhraseIndex<string>();
  for (const code of namedRegionCodes()) {
    if (NOT_COUNTRIES.has(code)) continue;
    for (const name of countryNames(code)) {
      if (!name || name === code) continue;
      index.add(name, code, false);
      if (name.includes('&')) index.add(name.replace(/&/g, 'and'), code, false);
      if (/^St\.? /.test(name)) index.add(name.replace(/^St\.? /, 'Saint '), code, false);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_EXTRA)) index.add(name, code, name.length <= 3);
  countryIndex = index;
  return index;
}

/**
 * The words of a country's official long name written before its short one ("the Republic of
 * Senegal", "République du Sénégal", "Reino de España"): the name starts there.
 */
const LONG_NAME_BEFORE =
  /(?:\b(?:the\s+)?(?:(?:Federal|Islamic|Democratic|United|Plurinational|Bolivarian|Socialist|Hashemite|Cooperative|People's)\s+)*(?:Republic|Kingdom|Sultanate|State|Principality|Grand\s+Duchy|Commonwealth|Federation|Independent\s+State)\s+of\s+(?:the\s+)?|\b(?:la\s+)?(?:R[ée]publique|Royaume|Principaut[ée]|[ÉE]tat)\s+(?:f[ée]d[ée]rale\s+|islamique\s+|d[ée]mocratique\s+|unie\s+)?(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+|de\s+|d['’])?|\b(?:la\s+)?(?:Rep[úu]blica|Reino|Estado|Principado)\s+(?:Federativa\s+|Isl[áa]mica\s+|Democr[áa]tica\s+|Bolivariana\s+|Plurinacional\s+|Unida\s+)?(?:del\s+|de\s+la\s+|de\s+|of\s+)?|Республик[аиеу]\s+)$/iu;

export interface CountryHit {
  /** ISO 3166 alpha-2. */
  code: string;
  /** Where the name starts, its official long form included. */
  start: number;
  end: number;
}

/**
 * The countries a text names, in order: the one country lookup of the pipeline (the lead swaps it
 * for the registry's gazetteer in this one place).
 */
export function countriesNamedIn(text: string, tokens: Token[] = tokenize(text)): CountryHit[] {
  return countries()
    .scan(text, tokens)
    .filter((hit) => hit.values[0] !== undefined)
    .map((hit) => {
      const long = LONG_NAME_BEFORE.exec(text.slice(Math.max(0, hit.start - 60), hit.start));
      return { code: hit.values[0]!, start: hit.start - (long ? long[0].length : 0), end: hit.end };
    });
}
