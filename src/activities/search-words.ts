/**
 * The words search finds by: each word folded to one spelling (British and American) and cut to
 * its stem in the language it is written in, so "workshops" finds "workshop" and "fibre" finds
 * "fiber". Both databases index the stemmed text with their plain tokenizers, so SQLite and
 * PostgreSQL find exactly the same rows. A search box's word is tried in every language's stem
 * (the visitor's language says nothing about the language of the text they look for). Pure.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import type { Language } from '#src/platform/i18n.ts';

/**
 * Which way stored search texts are written. Raise it when stems or spellings change: the
 * service rewrites every activity's search text once at start-up (`refreshSearchIndex`).
 */
export const SEARCH_FORMAT = 2;

/** Chinese has no stemmer: its words are kept as written. */
const STEMMERS: Partial<Record<Language, (word: string) => string>> = { en: english, fr: french, es: spanish, ru: russian, ar: arabic };
const ALL_STEMMERS = Object.values(STEMMERS);

/**
 * British spellings common in ITU texts and their American forms, as word beginnings so that
 * every inflection folds too ("organis" covers organise, organised, organisation, organising).
 */
const BRITISH_TO_AMERICAN: ReadonlyArray<readonly [string, string]> = [
  ['fibre', 'fiber'],
  ['centre', 'center'],
  ['metre', 'meter'],
  ['litre', 'liter'],
  ['theatre', 'theater'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analogue', 'analog'],
  ['behaviour', 'behavior'],
  ['labour', 'labor'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['neighbour', 'neighbor'],
  ['licence', 'license'],
  ['defence', 'defense'],
  ['analys', 'analyz'],
  ['travell', 'travel'],
  ['modell', 'model'],
  ['labell', 'label'],
  ['cancell', 'cancel'],
  ['enrol', 'enroll'],
  ['organis', 'organiz'],
  ['standardis', 'standardiz'],
  ['harmonis', 'harmoniz'],
  ['optimis', 'optimiz'],
  ['digitalis', 'digitaliz'],
  ['digitis', 'digitiz'],
  ['prioritis', 'prioritiz'],
  ['recognis', 'recogniz'],
  ['authoris', 'authoriz'],
  ['utilis', 'utiliz'],
  ['mobilis', 'mobiliz'],
  ['modernis', 'moderniz'],
  ['customis', 'customiz'],
  ['minimis', 'minimiz'],
  ['maximis', 'maximiz'],
  ['specialis', 'specializ'],
  ['finalis', 'finaliz'],
  ['localis', 'localiz'],
  ['virtualis', 'virtualiz'],
  ['synchronis', 'synchroniz'],
  ['liberalis', 'liberaliz'],
  ['capitalis', 'capitaliz'],
  ['institutionalis', 'institutionaliz'],
  ['operationalis', 'operationaliz'],
  ['categoris', 'categoriz'],
  ['summaris', 'summariz'],
  ['emphasis', 'emphasiz'],
];

/** One spelling for words written two ways: the American one. */
export function foldSpelling(word: string): string {
  for (const [british, american] of BRITISH_TO_AMERICAN) {
    // "enrolment" folds to "enrollment", which is not folded again.
    if (word.startsWith(british) && !(american.startsWith(british) && word.startsWith(american))) return american + word.slice(british.length);
  }
  return word;
}

/** Numbers, codes ("sg13", "wtsa20") and very short words are kept as they are. */
const KEEP_AS_IS = /\d|^.{1,2}$/u;

function stemWith(stem: ((word: string) => string) | undefined, word: string): string {
  if (KEEP_AS_IS.test(word)) return word;
  const folded = foldSpelling(word);
  return stem ? stem(folded) : folded;
}

/** Normalised text (`normaliseForSearch`) as it is indexed: each word stemmed in the text's language. */
export function indexedWords(normalised: string, language: Language): string {
  const stem = STEMMERS[language];
  return normalised
    .split(' ')
    .filter(Boolean)
    .map((word) => stemWith(stem, word))
    .join(' ');
}

/**
 * The ways a search term (a word, or a phrase of words that follow each other) can stand in the
 * index: its stems in each language, each language's stems of the whole phrase together.
 */
export function termForms(term: string): string[] {
  const words = term.split(' ').filter(Boolean);
  const forms = ALL_STEMMERS.map((stem) => words.map((word) => stemWith(stem, word)).join(' '));
  return [...new Set(forms)];
}

/**
 * What the last word of a search, still being typed, is a prefix of: its shortest stem, so that
 * "meetings" finds "meet…" and "fibr" finds "fiber". (A few half-typed words are cut differently
 * from their whole, "organiz" against the stem "organ" of "organization"; the whole word finds it.)
 */
export function prefixForm(word: string): string {
  return termForms(word).reduce((shortest, form) => (form.length < shortest.length ? form : shortest));
}
