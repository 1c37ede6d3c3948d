/**
 * Country names → ISO 3166 alpha-2 codes, as the pipeline finds them in running text.
 */
import { countrySpellings } from '#src/registry/gazetteer.ts';
import { PhraseIndex, tokenize, type Token } from './text.ts';

// Countries by every spelling the registry's gazetteer knows (current ISO 3166 codes only, the six
// languages, the UN's spellings, official long names). Built once.
let countryIndex: PhraseIndex<string> | null = null;

function countries(): PhraseIndex<string> {
  if (countryIndex) return countryIndex;
  const index = new PhraseIndex<string>();
  for (const { name, code } of countrySpellings()) index.add(name, code, name.length <= 3);
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
 * The countries a text names, in order, with where each name starts (its official long form
 * included): the one country lookup of the pipeline.
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
