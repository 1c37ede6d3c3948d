import { describe, expect, it } from 'vitest';
import { countryCode, countryOfCity, countrySpellings } from './gazetteer.ts';
import { isCountryCode } from './countries.ts';

describe('gazetteer', () => {
  it('reads every spelling as a current code, never a withdrawn one', () => {
    const codes = new Set(countrySpellings().map((s) => s.code));
    for (const withdrawn of ['RH', 'DD', 'CS', 'BU', 'NH', 'YD', 'VD', 'AN', 'YU', 'ZR', 'XK']) expect(codes.has(withdrawn), withdrawn).toBe(false);
    expect([...codes].every(isCountryCode)).toBe(true);
    expect(countryCode('Zimbabwe')).toBe('ZW');
    expect(countryCode('Myanmar')).toBe('MM');
    expect(countryCode('Burma')).toBe('MM');
    expect(countryCode('Vanuatu')).toBe('VU');
    expect(countryCode('Yemen')).toBe('YE');
    expect(countryCode('Serbia')).toBe('RS');
    expect(countryCode('Germany')).toBe('DE');
    expect(countryCode('Curaçao')).toBe('CW');
  });

  it('reads official long names and the UN spellings', () => {
    expect(countryCode('the Republic of Senegal')).toBe('SN');
    expect(countryCode('Republic of Senegal')).toBe('SN');
    expect(countryCode('Russian Federation')).toBe('RU');
    expect(countryCode("Côte d'Ivoire")).toBe('CI');
    expect(countryCode('Cote d’Ivoire')).toBe('CI');
    expect(countryCode('Türkiye')).toBe('TR');
    expect(countryCode('Republic of Türkiye')).toBe('TR');
    expect(countryCode('Korea, Republic of')).toBe('KR');
    expect(countryCode('Republic of Korea')).toBe('KR');
    expect(countryCode("Democratic People's Republic of Korea")).toBe('KP');
    expect(countryCode('Democratic Republic of the Congo')).toBe('CD');
    expect(countryCode('Republic of the Congo')).toBe('CG');
    expect(countryCode('Republic of Congo')).toBe('CG');
    expect(countryCode('United Republic of Tanzania')).toBe('TZ');
    expect(countryCode('Plurinational State of Bolivia')).toBe('BO');
    expect(countryCode('Hashemite Kingdom of Jordan')).toBe('JO');
    expect(countryCode('Kingdom of Saudi Arabia')).toBe('SA');
    expect(countryCode('Hellenic Republic')).toBe('GR');
    expect(countryCode('Federal Democratic Republic of Ethiopia')).toBe('ET');
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode('Holy See')).toBe('VA');
    expect(countryCode('The Gambia')).toBe('GM');
  });

  it('reads names in the six languages', () => {
    expect(countryCode('Sénégal')).toBe('SN');
    expect(countryCode('République du Sénégal')).toBe('SN');
    expect(countryCode('Tchad')).toBe('TD');
    expect(countryCode('Costa de Marfil')).toBe('CI');
    expect(countryCode('República del Perú')).toBe('PE');
    expect(countryCode('Беларусь')).toBe('BY');
    expect(countryCode('Республика Беларусь')).toBe('BY');
    expect(countryCode('Российская Федерация')).toBe('RU');
    expect(countryCode('السنغال')).toBe('SN');
    expect(countryCode('塞内加尔')).toBe('SN');
    expect(countryCode('Nowhere')).toBeNull();
  });

  it('places a city that hosts many meetings in its country', () => {
    expect(countryOfCity('Harare')).toBe('ZW');
    expect(countryOfCity('Minsk')).toBe('BY');
    expect(countryOfCity('Ndjamena')).toBe('TD');
    expect(countryOfCity('Geneva')).toBe('CH');
    expect(countryOfCity('Springfield')).toBeNull();
  });

  it('gives each spelling one code', () => {
    const seen = new Map<string, string>();
    for (const { name, code } of countrySpellings()) {
      const key = name.toLowerCase();
      if (seen.has(key)) expect(seen.get(key), name).toBe(code);
      seen.set(key, code);
    }
  });
});
