import { describe, expect, it } from 'vitest';
import {
  compareBodies,
  findRegionalGroup,
  headOn,
  localise,
  parseRegionalGroupName,
  presenceSummary,
  type Assignment,
  type Body,
  type Office,
  type Region,
} from './model.ts';

const person = (id: string) => ({ id, honorific: 'Mr', name: id, email: null });
const head = (id: string, office: string, from: string | null, to: string | null): Assignment => ({
  id,
  person: person(id),
  role: 'head-of-office',
  office,
  bureau: null,
  title: null,
  from,
  to,
  source: 'test',
  confirmed: true,
});

describe('localise', () => {
  it('gives the requested language, or English marked as a fallback', () => {
    expect(localise({ en: 'Africa', fr: 'Afrique' }, 'fr')).toEqual({ text: 'Afrique', language: 'fr', fallback: false });
    expect(localise({ en: 'Africa' }, 'ar')).toEqual({ text: 'Africa', language: 'en', fallback: true });
    expect(localise({ en: 'Africa' }, 'en')).toEqual({ text: 'Africa', language: 'en', fallback: false });
  });
});

describe('headOn', () => {
  const assignments = [head('old', 'cairo', null, '2020-12-31'), head('new', 'cairo', '2021-01-01', null), head('x', 'bangkok', null, null)];

  it('names the head of the day, so a later head does not rewrite history', () => {
    expect(headOn(assignments, 'cairo', '2020-06-01')?.id).toBe('old');
    expect(headOn(assignments, 'cairo', '2021-06-01')?.id).toBe('new');
  });

  it('gives nobody for an office without a head that day', () => {
    expect(headOn(assignments, 'moscow', '2020-06-01')).toBeNull();
  });
});

describe('presenceSummary', () => {
  const office = (code: string, kind: Office['kind'], region: Office['region'], openedOn: string | null = null): Office => ({
    code,
    kind,
    region,
    parent: null,
    names: { en: code },
    cityNames: { en: code },
    country: 'XX',
    coordinates: { lat: 0, lon: 0 },
    countriesCovered: null,
    coverageConfirmed: false,
    openedOn,
    closedOn: null,
    confirmed: true,
    note: null,
  });
  const regions: Region[] = [
    { code: 'AFR', position: 1, names: { en: 'Africa' } },
    { code: 'ASP', position: 4, names: { en: 'Asia' } },
    { code: 'EUR', position: 6, names: { en: 'Europe' } },
  ];
  const offices = [
    office('addis-ababa', 'regional', 'AFR'),
    office('dakar', 'area', 'AFR'),
    office('new-delhi', 'area', 'ASP', '2023-03-22'),
    office('europe', 'europe', 'EUR'),
    office('geneva', 'headquarters', 'EUR'),
  ];

  it('counts field offices open on the day, never headquarters', () => {
    const in2020 = presenceSummary(offices, regions, '2020-06-01');
    expect(in2020.fieldOffices).toBe(3);
    expect(in2020.byKind).toEqual({ regional: 1, area: 1, europe: 1, headquarters: 0 });
    expect(in2020.byRegion).toEqual({ AFR: 2, ASP: 0, EUR: 1 });
    expect(presenceSummary(offices, regions, '2024-01-01').fieldOffices).toBe(4);
  });
});

describe('parseRegionalGroupName', () => {
  it.each([
    ['SG12RG-AFR', 12, 'AFR'],
    ['ITU-T SG12 RG-AFR activities', 12, 'AFR'],
    ['SG3RG-EECAT', 3, 'CIS'],
    ['ITU-T SG20RG-EECAT', 20, 'CIS'],
    ['SG5 RG-LAC', 5, 'AMS'],
    ['SG3RG-AO', 3, 'ASP'],
    ['a regular meeting of the African group to SG13', 13, 'AFR'],
    ['the regular meeting of the African Group of SG12', 12, 'AFR'],
    ['Arab group of ITU-T SG17', 17, 'ARB'],
  ] as const)('reads %s', (text, studyGroup, region) => {
    expect(parseRegionalGroupName(text)).toEqual({ studyGroup, region });
  });

  it('reads nothing into plain study groups or unknown areas', () => {
    expect(parseRegionalGroupName('ITU-T SG13 events')).toBeNull();
    expect(parseRegionalGroupName('SG12RG-MARS')).toBeNull();
  });

  it('finds the body', () => {
    const body = (code: string, parent: string, region: Body['region']): Body => ({
      code,
      type: 'regional-group',
      names: { en: code },
      parent,
      region,
      aliases: [],
      from: null,
      to: null,
      place: null,
      confirmed: true,
      note: null,
      terms: [],
    });
    const bodies = [body('SG12RG-AFR', 'SG12', 'AFR'), body('SG13RG-AFR', 'SG13', 'AFR')];
    expect(findRegionalGroup('African group of SG13', bodies)?.code).toBe('SG13RG-AFR');
    expect(findRegionalGroup('SG12 RG-ARB', bodies)).toBeNull();
  });
});

describe('compareBodies', () => {
  it('orders Sectors first and study groups naturally', () => {
    const items = [
      { type: 'study-group', code: 'SG12' },
      { type: 'study-group', code: 'SG2' },
      { type: 'sector', code: 'ITU-T' },
    ] as const;
    expect([...items].sort(compareBodies).map((b) => b.code)).toEqual(['ITU-T', 'SG2', 'SG12']);
  });
});
