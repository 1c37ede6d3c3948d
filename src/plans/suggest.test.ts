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
    // A currency amount is no initiative, and 2024 has no initiatives loaded (Kigali's are not confirmed).
    expect(suggest('a grant of EUR 5,000')).toEqual([]);
    expect(suggest('Regional Initiative CIS3', { start: '2024-05-01' })).toEqual([]);
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
