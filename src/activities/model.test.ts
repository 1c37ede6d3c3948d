import { describe, expect, it } from 'vitest';
import { flatDateAndPlace, normaliseForSearch, searchDocument, searchTerms, textIn } from './model.ts';

describe('textIn', () => {
  const texts = { fr: 'Atelier sur la qualité de service', en: 'Workshop on quality of service' };

  it('gives the asked language when there is a translation', () => {
    expect(textIn(texts, 'en', 'fr')).toEqual({ text: 'Workshop on quality of service', language: 'en', untranslated: false });
  });

  it('falls back to the original language, marked as untranslated', () => {
    expect(textIn(texts, 'ar', 'fr')).toEqual({ text: 'Atelier sur la qualité de service', language: 'fr', untranslated: true });
  });

  it('uses any language there is when even the original is missing, and nothing when empty', () => {
    expect(textIn({ es: 'Taller' }, 'ru', 'en')).toEqual({ text: 'Taller', language: 'es', untranslated: true });
    expect(textIn({}, 'en', 'en')).toBeNull();
  });
});

describe('search normalisation', () => {
  it('lowers case, drops accents and punctuation, keeps letters of every script', () => {
    expect(normaliseForSearch('Qualité de Service — N’Djamena (Tchad)')).toBe('qualite de service n djamena tchad');
    expect(normaliseForSearch('Всемирная ассамблея')).toBe('всемирная ассамблея');
    expect(normaliseForSearch('الاتحاد الدولي للاتصالات')).toBe('الاتحاد الدولي للاتصالات');
    expect(normaliseForSearch('SG12RG-AFR')).toBe('sg12rg afr');
  });

  it('turns a search box into at most ten distinct words without query syntax', () => {
    expect(searchTerms('  Quality   OF quality "service"* ')).toEqual(['quality', 'of', 'service']);
    expect(searchTerms('a b c d e f g h i j k l')).toHaveLength(10);
    expect(searchTerms('*** --- ""')).toEqual([]);
    expect(searchTerms('e-Health  SG12RG-AFR')).toEqual(['e health', 'sg12rg afr']);
  });

  it('indexes title, description (each stemmed in its own language), date words, place with country names, and linked bodies', () => {
    const doc = searchDocument(
      {
        title: { en: 'Workshop' },
        description: { fr: 'Atelier régional' },
        date: { text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20', precision: 'part-of-month' },
        place: { mode: 'hybrid', city: 'Ndjamena', country: 'TD' },
        bodies: ['SG12RG-AFR'],
        offices: [],
      },
      (code) => (code === 'SG12RG-AFR' ? ['African Group of SG12'] : []),
      () => ['Chad', 'Tchad'],
    );
    expect(doc.split(' ')).toEqual(
      expect.arrayContaining(['workshop', 'ateli', 'regional', 'novemb', 'ndjamena', 'td', 'chad', 'tchad', 'hybrid', 'sg12rg', 'afr', 'african', 'group']),
    );
  });
});

describe('flatDateAndPlace', () => {
  const date = { text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20', precision: 'part-of-month' as const };

  it('gives the date as written and computed, and the place, each in its column', () => {
    expect(flatDateAndPlace({ date, place: { mode: 'hybrid', city: 'Ndjamena', country: 'TD' } })).toEqual({
      date_text: 'mid November 2020',
      date_start: '2020-11-11',
      date_end: '2020-11-20',
      date_precision: 'part-of-month',
      place_mode: 'hybrid',
      place_city: 'Ndjamena',
      place_country: 'TD',
    });
  });

  it('leaves the three place columns empty when there is no place', () => {
    expect(flatDateAndPlace({ date, place: null })).toMatchObject({ place_mode: null, place_city: null, place_country: null });
  });
});
