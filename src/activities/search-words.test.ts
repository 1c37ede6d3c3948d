import { describe, expect, it } from 'vitest';
import { foldSpelling, indexedWords, prefixForm, termForms } from './search-words.ts';

/** True when some form of the search term is among the indexed words of the text. */
const finds = (term: string, text: string, language: 'en' | 'fr' | 'es' | 'ru' = 'en') => {
  const indexed = ` ${indexedWords(text, language)} `;
  return termForms(term).some((form) => indexed.includes(` ${form} `));
};

describe('search words', () => {
  it('finds a word in its other inflections', () => {
    expect(finds('workshops', 'regional workshop on quality of service')).toBe(true);
    expect(finds('workshop', 'two regional workshops')).toBe(true);
    expect(finds('meeting', 'the regular meetings of the african group')).toBe(true);
    expect(finds('networks', 'standardization of fiber network')).toBe(true);
  });

  it('finds a British spelling by the American one and back, in every inflection', () => {
    expect(finds('fibre', 'fiber networks')).toBe(true);
    expect(finds('fiber', 'fibre optic cables')).toBe(true);
    expect(finds('organise', 'the office organized two events')).toBe(true);
    expect(finds('organization', 'organisation of the forum')).toBe(true);
    expect(finds('programme', 'conformity and interoperability training program')).toBe(true);
    expect(finds('center', 'innovation centre')).toBe(true);
    expect(foldSpelling('enrolment')).toBe('enrollment');
    expect(foldSpelling('enrollment')).toBe('enrollment');
    expect(foldSpelling('programmes')).toBe('programs');
    expect(foldSpelling('program')).toBe('program');
  });

  it('stems each text in its own language and finds it from a word in any language', () => {
    expect(finds('ateliers', 'atelier regional sur la qualite', 'fr')).toBe(true);
    expect(finds('reuniones', 'reunión regional sobre calidad de servicio'.normalize('NFKD').replace(/\p{M}/gu, ''), 'es')).toBe(true);
    expect(finds('семинары', 'семинар по качеству', 'ru')).toBe(true);
  });

  it('keeps numbers, codes and very short words as written', () => {
    expect(indexedWords('sg13 wtsa20 2020 of a', 'en')).toBe('sg13 wtsa20 2020 of a');
    expect(termForms('sg12')).toEqual(['sg12']);
  });

  it('does not make unrelated words equal', () => {
    expect(finds('security', 'quality of service')).toBe(false);
    expect(finds('four', 'for the region')).toBe(false);
  });

  it('reads the last word, still being typed, as the prefix of its shortest stem', () => {
    expect(prefixForm('meetings')).toBe('meet');
    expect(prefixForm('serv')).toBe('serv');
    expect(indexedWords('services', 'en').startsWith(prefixForm('servi'))).toBe(true);
  });
});
