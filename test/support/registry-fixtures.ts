/**
 * A small registry of the regional presence as in-memory values, for unit tests (no database):
 * the six regions, one office of each kind and region, heads of office over time, and the ITU-T
 * Sector with its advisory group and bureau.
 */
import type { Assignment, Body, Office, Region } from '#src/registry/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';
import { testBody, testHeadOfOffice, testOffice } from './factories.ts';

const REGION_NAMES: Record<RegionCode, [string, string]> = {
  AFR: ['Africa', 'Afrique'],
  AMS: ['Americas', 'Amériques'],
  ARB: ['Arab States', 'États arabes'],
  ASP: ['Asia and the Pacific', 'Asie-Pacifique'],
  CIS: ['Commonwealth of Independent States', 'Communauté des États indépendants'],
  EUR: ['Europe', 'Europe'],
};

export const regions: Region[] = (Object.keys(REGION_NAMES) as RegionCode[]).map((code, i) => ({
  code,
  position: i + 1,
  names: { en: REGION_NAMES[code][0], fr: REGION_NAMES[code][1] },
}));

const office = (code: string, kind: Office['kind'], region: RegionCode, name: string, city: string, extra: Partial<Office> = {}): Office =>
  testOffice(code, { kind, region, names: { en: name }, cityNames: { en: city }, ...extra });

export const offices: Office[] = [
  office('geneva', 'headquarters', 'EUR', 'ITU Headquarters', 'Geneva'),
  office('addis-ababa', 'regional', 'AFR', 'Regional Office for Africa', 'Addis Ababa', { names: { en: 'Regional Office for Africa', fr: "Bureau régional pour l'Afrique" }, cityNames: { en: 'Addis Ababa', fr: 'Addis-Abeba' } }),
  office('dakar', 'area', 'AFR', 'Area Office for West Africa', 'Dakar', { parent: 'addis-ababa' }),
  office('brasilia', 'regional', 'AMS', 'Regional Office for the Americas', 'Brasilia'),
  office('cairo', 'regional', 'ARB', 'Regional Office for the Arab States', 'Cairo'),
  office('bangkok', 'regional', 'ASP', 'Regional Office for Asia and the Pacific', 'Bangkok'),
  office('new-delhi', 'area', 'ASP', 'Area Office for South Asia', 'New Delhi', { openedOn: '2023-03-22' }),
  office('moscow', 'regional', 'CIS', 'Regional Office for the CIS Region', 'Moscow'),
  office('europe', 'europe', 'EUR', 'ITU Office for Europe', 'Geneva'),
];

export const assignments: Assignment[] = [
  testHeadOfOffice('addis-ababa', 'Andrew Rugege', null, '2021-12-31'),
  testHeadOfOffice('addis-ababa', 'Later Head', '2022-01-01', null, { honorific: 'Mrs' }),
  testHeadOfOffice('europe', 'Jaroslaw Ponder', null, null),
];

const body = (code: string, type: Body['type'], parent: string | null, en: string): Body => testBody(code, type, { parent, names: { en } });

export const sector = body('ITU-T', 'sector', null, 'ITU Telecommunication Standardization Sector');
export const tsag = body('TSAG', 'advisory-group', 'ITU-T', 'Telecommunication Standardization Advisory Group');
export const tsb = body('TSB', 'bureau', 'ITU-T', 'Telecommunication Standardization Bureau');
