import isoCountries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import table from '../../data/reference/countries.json' with { type: 'json' };
import { COUNTRY_CODES, countriesOfRegion, countryName, countryNames, isCountryCode, regionOfCountry } from './countries.ts';

const WITHDRAWN = ['RH', 'DD', 'CS', 'BU', 'NH', 'YD', 'VD', 'AN', 'YU', 'ZR', 'TP', 'SU', 'DY', 'HV', 'FQ', 'XK'];

describe('countries', () => {
  it('are the current ISO 3166-1 codes, as i18n-iso-countries keeps them, without the withdrawn ones', () => {
    const iso = Object.keys(isoCountries.getAlpha2Codes()).filter((code) => code !== 'XK').sort();
    expect([...COUNTRY_CODES].sort()).toEqual(iso);
    expect(COUNTRY_CODES).toHaveLength(249);
    for (const code of WITHDRAWN) expect(isCountryCode(code), code).toBe(false);
  });

  it('names a country in the display or the plain spelling, and keeps a code that is no country', () => {
    expect(countryName('TD', 'fr', 'display')).toBe('Tchad');
    expect(countryName('LC', 'en', 'display')).toBe('St Lucia');
    expect(countryName('LC', 'en', 'plain')).toBe('St. Lucia');
    expect(countryName('QQ', 'en', 'display')).toBe('QQ');
    expect(countryName('x1', 'en', 'plain')).toBe('x1');
    // Intl still names the withdrawn code; we do not.
    expect(countryName('RH', 'en', 'plain')).toBe('RH');
  });

  it("gives a country's plain names in the six languages, empty where there is none", () => {
    expect(countryNames('TD')).toEqual(['Chad', 'Tchad', 'Chad', 'Чад', 'تشاد', '乍得']);
    expect(countryNames('QQ')).toEqual(['', '', '', '', '', '']);
    expect(countryNames('RH')).toEqual(['', '', '', '', '', '']);
    expect(countryNames('not a code')).toEqual(['', '', '', '', '', '']);
  });

  it('gives a Member State its BDT region: the Arab States before Africa, the CIS, unconfirmed where sources disagree', () => {
    expect(regionOfCountry('ZW')).toEqual({ region: 'AFR', confirmed: true });
    expect(regionOfCountry('SN')?.region).toBe('AFR');
    expect(regionOfCountry('EG')?.region).toBe('ARB');
    expect(regionOfCountry('MA')?.region).toBe('ARB');
    expect(regionOfCountry('BY')).toEqual({ region: 'CIS', confirmed: true });
    expect(regionOfCountry('UA')).toEqual({ region: 'CIS', confirmed: false });
    expect(regionOfCountry('PE')?.region).toBe('AMS');
    expect(regionOfCountry('TO')?.region).toBe('ASP');
    expect(regionOfCountry('TR')?.region).toBe('EUR');
    expect(regionOfCountry('GL')).toBeNull();
    expect(regionOfCountry('RH')).toBeNull();
  });

  it('lists the 193 Member States (and Palestine) once each, every code current', () => {
    const all = Object.values(table.regions).flat();
    expect(all).toHaveLength(194);
    expect(new Set(all).size).toBe(194);
    expect(all.every(isCountryCode)).toBe(true);
    expect(countriesOfRegion('CIS')).toHaveLength(12);
    expect(countriesOfRegion('AFR')).toHaveLength(44);
  });
});
