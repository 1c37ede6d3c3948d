/** A small registry and a report definition for the reports' unit tests (no database), and a reader of HTML text. */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Activity } from '#src/activities/model.ts';
import type { Assignment, Body, Office, Region } from '#src/registry/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';
import { DEFAULT_NARRATIVE, EMPTY_HEADER, type ReportContext, type ReportDefinition } from '#src/reports/model.ts';
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

export function context(activities: Activity[] = [], outlook: Activity[] = []): ReportContext {
  return {
    regions,
    offices,
    assignments,
    sector,
    advisoryGroup: tsag,
    bureau: tsb,
    studyPeriods: ['2017-2020', '2022-2024', '2025-2028'],
    activities,
    outlook,
    today: '2020-09-14',
  };
}

export function definition(extra: Partial<ReportDefinition> = {}): ReportDefinition {
  return {
    id: 'r1',
    sector: 'ITU-T',
    advisoryGroup: 'TSAG',
    from: '2020-01-01',
    to: '2020-08-31',
    selection: 'all',
    visibility: 'public',
    itemText: 'description',
    outlookMonths: 3,
    language: 'en',
    originalLanguage: 'en',
    header: { ...EMPTY_HEADER },
    narrative: [...DEFAULT_NARRATIVE],
    version: 1,
    createdAt: '2020-09-01T00:00:00Z',
    createdBy: 'test',
    updatedAt: '2020-09-01T00:00:00Z',
    updatedBy: 'test',
    ...extra,
  };
}

/** The text of an HTML page as a reader sees it, whitespace collapsed (what mammoth's text is compared with). */
export function htmlText(html: string): string {
  const document = parseDocument(html);
  const body = DomUtils.findOne((e) => e.name === 'body', document.children) ?? document;
  const parts: string[] = [];
  const walk = (node: ReturnType<typeof parseDocument>['children'][number] | typeof document): void => {
    if (node.type === 'text') parts.push(node.data);
    if ('name' in node && node.name === 'br') parts.push(' ');
    if ('children' in node) {
      for (const child of node.children) walk(child);
      parts.push(' ');
    }
  };
  walk(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
