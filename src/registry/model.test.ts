import { describe, expect, it } from 'vitest';
import {
  compareBodies,
  findRegionalGroup,
  headOn,
  seedPlan,
  spanProblem,
  localise,
  parseRegionalGroupName,
  presenceSummary,
  type Region,
} from './model.ts';
import { BODY_TYPES } from './reference.ts';
import { testBody, testHeadOfOffice, testOffice } from '../../test/support/factories.ts';

describe('localise', () => {
  it('gives the requested language, or English marked as a fallback', () => {
    expect(localise({ en: 'Africa', fr: 'Afrique' }, 'fr')).toEqual({ text: 'Afrique', language: 'fr', fallback: false });
    expect(localise({ en: 'Africa' }, 'ar')).toEqual({ text: 'Africa', language: 'en', fallback: true });
    expect(localise({ en: 'Africa' }, 'en')).toEqual({ text: 'Africa', language: 'en', fallback: false });
  });
});

describe('headOn', () => {
  const assignments = [testHeadOfOffice('cairo', 'old', null, '2020-12-31'), testHeadOfOffice('cairo', 'new', '2021-01-01', null), testHeadOfOffice('bangkok', 'x', null, null)];

  it('names the head of the day, so a later head does not rewrite history', () => {
    expect(headOn(assignments, 'cairo', '2020-06-01')?.person.name).toBe('old');
    expect(headOn(assignments, 'cairo', '2021-06-01')?.person.name).toBe('new');
  });

  it('gives nobody for an office without a head that day', () => {
    expect(headOn(assignments, 'moscow', '2020-06-01')).toBeNull();
  });
});

describe('presenceSummary', () => {
  const regions: Region[] = [
    { code: 'AFR', position: 1, names: { en: 'Africa' } },
    { code: 'ASP', position: 4, names: { en: 'Asia' } },
    { code: 'EUR', position: 6, names: { en: 'Europe' } },
  ];
  const offices = [
    testOffice('addis-ababa'),
    testOffice('dakar', { kind: 'area' }),
    testOffice('new-delhi', { kind: 'area', region: 'ASP', openedOn: '2023-03-22' }),
    testOffice('europe', { kind: 'europe', region: 'EUR' }),
    testOffice('geneva', { kind: 'headquarters', region: 'EUR' }),
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
    const bodies = [testBody('SG12RG-AFR', 'regional-group', { parent: 'SG12', region: 'AFR' }), testBody('SG13RG-AFR', 'regional-group', { parent: 'SG13', region: 'AFR' })];
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

  it('orders the types as BODY_TYPES lists them, whatever the codes', () => {
    const items = [...BODY_TYPES].reverse().map((type) => ({ type, code: 'A' }));
    expect(items.sort(compareBodies).map((b) => b.type)).toEqual(['sector', 'bureau', 'advisory-group', 'study-group', 'regional-group', 'regional-organisation', 'conference']);
  });
});

describe('seedPlan: the seed meets the workspace', () => {
  const key = (r: { code: string }) => r.code;
  const stored = new Map([
    ['cairo', { value: { code: 'cairo', city: 'Cairo' }, edited: true }],
    ['dakar', { value: { code: 'dakar', city: 'Dakar' }, edited: false }],
    ['bangkok', { value: { code: 'bangkok', city: 'Bangkok' }, edited: true }],
  ]);

  it('writes new records and file changes to records nobody edited, keeps edited ones and names them', () => {
    const plan = seedPlan(
      [
        { code: 'cairo', city: 'Le Caire' },
        { code: 'dakar', city: 'Dakar (moved)' },
        { code: 'bangkok', city: 'Bangkok' },
        { code: 'new-delhi', city: 'New Delhi' },
      ],
      stored,
      key,
    );
    expect(plan.write.map(key)).toEqual(['dakar', 'new-delhi']);
    expect(plan.kept).toEqual(['cairo']);
  });

  it('writes nothing for records the files hold unchanged', () => {
    expect(seedPlan([{ code: 'dakar', city: 'Dakar' }], stored, key)).toEqual({ write: [], kept: [] });
  });
});

describe('spanProblem', () => {
  it('refuses an end before the start and accepts open ends', () => {
    expect(spanProblem({ from: '2023-03-22', to: '2023-01-01' })).toBe('before_start');
    expect(spanProblem({ from: null, to: '2023-01-01' })).toBeNull();
    expect(spanProblem({ from: '2023-01-01', to: '2023-01-01' })).toBeNull();
  });
});
