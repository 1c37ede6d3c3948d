import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { formatPeriod, PHRASES, resolution25On } from './phrases.ts';

describe('report phrases', () => {
  it('writes the seed\'s sentences word for word in English', () => {
    const en = PHRASES.en;
    expect(en.regionHeading('Africa', 'Regional Office for Africa')).toBe('Africa – Regional Office for Africa');
    expect(en.basedIn('Regional Office for Africa', 'Addis Ababa', 'Mr Andrew Rugege')).toBe(
      'The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.',
    );
    expect(en.periodSentence('January – August 2020', 'Regional Office for Africa', 'ITU-T', 'TSB')).toMatch(/^During the January – August 2020 timeframe, the Regional Office for Africa /);
    expect(en.nothingReported).toBe('No activities were reported for this period.');
  });

  it('writes a period as the seed does, in each language', () => {
    expect(formatPeriod('2020-01-01', '2020-08-31', 'en')).toBe('January – August 2020');
    expect(formatPeriod('2020-01-01', '2020-08-31', 'fr')).toBe('janvier – août 2020');
    expect(formatPeriod('2020-01-01', '2020-08-31', 'es')).toBe('enero – agosto de 2020');
    expect(formatPeriod('2020-01-01', '2020-08-31', 'ru')).toBe('январь – август 2020 г.');
    expect(formatPeriod('2020-01-01', '2020-08-31', 'ar')).toBe('يناير – أغسطس 2020');
    expect(formatPeriod('2020-01-01', '2020-08-31', 'zh')).toBe('2020年1月至8月');
    expect(formatPeriod('2020-03-01', '2020-03-31', 'en')).toBe('March 2020');
    expect(formatPeriod('2019-09-01', '2020-08-31', 'en')).toBe('September 2019 – August 2020');
    expect(formatPeriod('2020-03-02', '2020-03-20', 'en')).toBe('2 – 20 March 2020');
    expect(formatPeriod('2020-03-02', '2020-04-20', 'en')).toBe('2 March – 20 April 2020');
    expect(formatPeriod('2020-03-02', '2020-03-02', 'zh')).toBe('2020年3月2日');
    expect(formatPeriod('2020-03-02', '2020-04-20', 'zh')).toBe('2020年3月2日至4月20日');
  });

  it('names the revision of Resolution 25 in force, quoting only the 2018 text it has in English', () => {
    expect(resolution25On('2020-08-31', 'en')).toEqual({ revision: 'Rev. Dubai, 2018', quoted: true });
    expect(resolution25On('2018-06-30', 'en')).toEqual({ revision: 'Rev. Busan, 2014', quoted: false });
    expect(resolution25On('2024-06-30', 'en')).toEqual({ revision: 'Rev. Bucharest, 2022', quoted: false });
    expect(resolution25On('2020-08-31', 'fr')).toEqual({ revision: 'Rév. Dubaï, 2018', quoted: false });
  });

  it('has every phrase in all six languages, honorifics as each language writes them', () => {
    for (const language of LANGUAGES) {
      const p = PHRASES[language];
      expect(Object.keys(p.sectorBanner).sort()).toEqual(['GS', 'ITU-D', 'ITU-R', 'ITU-T']);
      expect(Object.keys(p.purposes)).toHaveLength(4);
      expect(p.nothingReported).not.toBe('');
      expect(p.honorific('Mrs', 'Atsuko Okuda')).toContain('Atsuko Okuda');
      expect(p.honorific(null, 'Atsuko Okuda')).toBe('Atsuko Okuda');
      expect(p.draft.mark).not.toBe('');
      expect(p.draft.notice('Cairo')).toContain('Cairo');
      expect(p.draft.notice(null)).not.toBe('');
      expect(p.draft.regionMissing('Cairo')).toContain('Cairo');
    }
    expect(PHRASES.fr.honorific('Mr', 'Andrew Rugege')).toBe('M. Andrew Rugege');
    expect(PHRASES.zh.honorific('Mrs', 'Atsuko Okuda')).toBe('Atsuko Okuda女士');
  });
});
