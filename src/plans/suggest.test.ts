import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './model.ts';
import { readPlanData } from './reference-data.ts';
import { operationalPlanFor, suggestPlanLinks } from './suggest.ts';

const data = await readPlanData('data/reference/plans', { at: '2026-12-07T00:00:00.000Z', by: 'fieldbook seed' });
const catalogue = buildCatalogue(data.plans, data.items);
const suggest = (text: string, options: { kind?: string; bodies?: string[]; start?: string | null } = {}) =>
  suggestPlanLinks(catalogue, { text, kind: options.kind ?? 'other', bodies: options.bodies ?? [], start: options.start === undefined ? '2020-03-04' : options.start });

describe('plan links suggested by the words of an item', () => {
  it('reads a regional initiative named in the text, in the action plan of the item\'s year', () => {
    expect(suggest('to contribute to the implementation of the Regional Initiative CIS3 “Development and regulation of infocommunication infrastructure”')).toEqual([
      { item: 'WTDC-17:initiative:CIS3', words: 'Regional Initiative CIS3' },
    ]);
    expect(suggest('Regional initiatives AFR 2 workshop')).toEqual([{ item: 'WTDC-17:initiative:AFR2', words: 'Regional initiatives AFR 2' }]);
    // A currency amount is no initiative.
    expect(suggest('a grant of EUR 5,000')).toEqual([]);
  });

  it('reads the initiatives of the Kigali plan for 2023-2025 and of the Baku plan from 2026, and none of a code that cycle does not have', () => {
    expect(suggest('Workshop under the Regional Initiative AFR2 on broadband', { start: '2024-05-01' })).toEqual([{ item: 'WTDC-22:initiative:AFR2', words: 'Regional Initiative AFR2' }]);
    expect(suggest('ASP1 support to Pacific islands', { start: '2023-09-12' }).map((s) => s.item)).toEqual(['WTDC-22:initiative:ASP1']);
    // CIS3 is a Buenos Aires initiative; Kigali's CIS initiatives other than CIS1 are not loaded.
    expect(suggest('Regional Initiative CIS3', { start: '2024-05-01' })).toEqual([]);
    // 2022 lies between the two cycles.
    expect(suggest('Regional Initiative AFR1', { start: '2022-03-01' })).toEqual([]);
    expect(suggest('Regional initiative AMS1 on resilient infrastructure', { start: '2026-06-01' }).map((s) => s.item)).toEqual(['WTDC-25:initiative:AMS1']);
  });

  it("reads WTDC's and WRC's preparations as ITU-D's and ITU-R's outputs, and other Sector work as nothing", () => {
    expect(suggest('Regional Preparatory Meeting for WTDC-21 for the CIS Region (RPM-CIS)', { start: '2021-04-21' })).toEqual([{ item: 'D-2020:output:D.1-2', words: 'Regional Preparatory Meeting' }]);
    expect(suggest('RPM-AFR held online', { start: '2021-05-03' }).map((s) => s.item)).toEqual(['D-2020:output:D.1-2']);
    expect(suggest('1st ATU preparatory meeting for WTDC-21', { start: '2020-10-11' }).map((s) => s.item)).toEqual(['D-2020:output:D.1-1']);
    expect(suggest('APT Conference Preparatory Group for WRC-23 (APG23-4)', { start: '2022-08-08' })).toEqual([{ item: 'R-2020:output:R.1-1', words: 'WRC-23 … Preparatory' }]);
    // A mention without a preparation, a regional preparatory meeting of something else, ordinary Sector work: nothing.
    expect(suggest('Report on the outcomes of WTDC-17', { start: '2020-02-01' })).toEqual([]);
    expect(suggest('Regional preparatory meeting of the Arab Group', { start: '2021-02-01' })).toEqual([]);
    expect(suggest('Workshop on spectrum management and broadband mapping', { start: '2021-02-01' })).toEqual([]);
    // No ITU-D or ITU-R plan is loaded for 2025: the words alone are not enough.
    expect(suggest('RPM-EUR for WTDC-25', { start: '2025-02-25' })).toEqual([]);
  });

  it('reads regional groups of study groups and the standardization gap as the output on bridging it', () => {
    for (const text of ['Meetings of the ITU-T SG3RG-EECAT and ITU-T SG20RG-EECAT', 'the regular meeting of the African Group of SG12', 'supported the ITU-T SG12 RG-AFR activities', 'a BSG workshop', 'Bridging the Standardization Gap training']) {
      expect(suggest(text).map((s) => s.item), text).toEqual(['T-2020:output:T.2-1']);
    }
    expect(suggest('a meeting', { kind: 'regional-group-meeting' })).toEqual([{ item: 'T-2020:output:T.2-1', words: 'regional group meeting' }]);
    expect(suggest('a meeting', { bodies: ['SG5RG-LAC'] }).map((s) => s.item)).toEqual(['T-2020:output:T.2-1']);
  });

  it("reads a preparation of WTSA as WTSA's output, and a mere mention of WTSA as nothing", () => {
    expect(suggest('Interregional meeting for preparation of WTSA-20').map((s) => s.item)).toEqual(['T-2020:output:T.1-1']);
    expect(suggest('ATU WTSA-20 Preparatory Meeting back to back with OTT forum').map((s) => s.item)).toEqual(['T-2020:output:T.1-1']);
    expect(suggest('Followed up with member countries on communication related to WTSA')).toEqual([]);
  });

  it('places an item in the operational plan of its year, and suggests nothing for an undated one', () => {
    expect(operationalPlanFor(catalogue, 'ITU-T', 2020)?.code).toBe('T-2020');
    expect(operationalPlanFor(catalogue, 'ITU-T', 2022)?.code).toBe('T-2020');
    expect(operationalPlanFor(catalogue, 'ITU-T', 2025)?.code).toBe('T-2024');
    expect(suggest('SG12 RG-AFR meeting', { start: '2025-02-01' }).map((s) => s.item)).toEqual(['T-2024:output:T.2-1']);
    expect(suggest('SG12 RG-AFR meeting', { start: null })).toEqual([]);
  });
});
