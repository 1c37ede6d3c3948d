import { describe, expect, it } from 'vitest';
import { bestSimilarity, decodeTitleGrams, gramCountsOf, encodeTitleGrams, gramsOf, gramSimilarity, textSimilarity, titleGrams, titleSimilarity, trigrams } from './title-grams.ts';

/** pg_trgm's similarity counted on the trigrams as strings: what the codes must agree with. */
function stringSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared / (x.size + y.size - shared);
}

describe('title trigrams', () => {
  it('counts trigrams as pg_trgm does: each word padded, accents and case off', () => {
    expect([...trigrams('Cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
    expect(textSimilarity('Qualité de service', 'qualite de SERVICE')).toBe(1);
    expect(textSimilarity('Workshop on quality of service', 'Workshop on quality of services')).toBeGreaterThan(0.8);
    expect(textSimilarity('Workshop on quality of service', 'Forum on spectrum management')).toBeLessThan(0.25);
    expect(textSimilarity('', 'anything')).toBe(0);
  });

  it('holds each trigram once, as a code, and measures as the strings do in every script', () => {
    expect(gramsOf('cat cat').length).toBe(trigrams('cat cat').size);
    const titles = [
      'Regional Standardization Forum for Africa',
      'Forum régional de normalisation pour l’Afrique',
      'Региональный форум по стандартизации',
      '区域标准化论坛',
      'المنتدى الإقليمي للتقييس',
      'Taller 𝒳 sobre ciberseguridad',
    ];
    for (const a of titles) for (const b of titles) expect(textSimilarity(a, b)).toBeCloseTo(stringSimilarity(a, b), 12);
  });

  it('reads back what it stored, each language apart, from any byte offset', () => {
    const grams = titleGrams({ en: 'Meeting of the African Group of SG12', fr: 'Réunion du Groupe africain de la CE 12' });
    const stored = encodeTitleGrams(grams);
    // A driver's buffer often starts inside a larger one, off an 8-byte boundary.
    const shifted = new Uint8Array(stored.byteLength + 3);
    shifted.set(stored, 3);
    const read = decodeTitleGrams(shifted.subarray(3));
    expect(read.map((g) => [...g])).toEqual(grams.map((g) => [...g]));
    expect(titleSimilarity(read, titleGrams({ en: 'Meeting of the African Group of SG12 (online)' }))).toBeGreaterThan(0.8);
    expect(decodeTitleGrams(encodeTitleGrams([]))).toEqual([]);
    expect(gramSimilarity(new Float64Array(), gramsOf('x'))).toBe(0);
  });

  it('bounds how alike two titles can be by their lengths alone', () => {
    const titles = [{ en: 'Forum' }, { en: 'Workshop on cybersecurity', fr: 'Atelier sur la cybersécurité' }, { en: 'Regional Standardization Forum on quality of service for Africa' }, { ru: 'Семинар' }, { en: '...' }];
    for (const a of titles) {
      for (const b of titles) {
        const [x, y] = [titleGrams(a), titleGrams(b)];
        expect(titleSimilarity(x, y)).toBeLessThanOrEqual(bestSimilarity(gramCountsOf(x), gramCountsOf(y)) + 1e-12);
      }
    }
    expect(bestSimilarity(gramCountsOf(titleGrams({ en: 'Forum' })), gramCountsOf(titleGrams({ en: 'Regional Standardization Forum on quality of service for Africa' })))).toBeLessThan(0.2);
    expect(gramCountsOf([])).toEqual({ fewest: 0, most: 0 });
  });
});
