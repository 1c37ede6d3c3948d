import { describe, expect, it } from 'vitest';
import { ReferenceDataError } from '#src/registry/reference-data.ts';
import { buildCatalogue, copiedForward, itemsNamed, itemsUnder, linksWithUpperLevels, searchItems } from './model.ts';
import { checkPlanData, readPlanData } from './reference-data.ts';

const stamp = { at: '2026-12-07T00:00:00.000Z', by: 'fieldbook seed' };
const data = await readPlanData('data/reference/plans', stamp);
const catalogue = buildCatalogue(data.plans, data.items);

describe('the plans as loaded from data/reference/plans', () => {
  it('has both strategic plans, ITU-T outputs and the regional initiatives, with the level explicit', () => {
    const goals = (plan: string) => data.items.filter((i) => i.plan === plan && i.level === 'goal').map((i) => i.titles.en);
    expect(goals('SP-2020')).toEqual(['Growth', 'Inclusiveness', 'Sustainability', 'Innovation', 'Partnership']);
    expect(goals('SP-2024')).toEqual(['Universal connectivity', 'Sustainable digital transformation']);
    // "T.2-1" is an outcome and an output of the same plan, kept apart by level.
    expect(catalogue.items.get('T-2020:output:T.2-1')?.titles.en).toMatch(/^Bridging the standardization gap/);
    expect(catalogue.items.get('T-2020:outcome:T.2-1')?.titles.en).toMatch(/^Increased participation/);
    expect(catalogue.items.get('WTDC-17:initiative:CIS3')).toMatchObject({ region: 'CIS', confirmed: true });
    expect(catalogue.items.get('WTDC-17:initiative:CIS3')?.titles.en).toContain('inclusive, safe and resilient');
    // What no source at hand confirms is loaded, marked so.
    expect(catalogue.items.get('WTDC-17:initiative:CIS1')?.confirmed).toBe(false);
    expect(catalogue.plans.get('T-2020')).toMatchObject({ year: 2020, from: 2020, to: 2023 });
  });

  it('computes the levels above a link: an output gives its objective and the goals that objective serves', () => {
    const links = linksWithUpperLevels(catalogue, ['T-2020:output:T.2-1']);
    expect(links.map((l) => [l.id, l.direct])).toEqual([
      ['T-2020:output:T.2-1', true],
      ['T-2020:objective:T.2', false],
      ['SP-2020:goal:2', false],
    ]);
    // Linked twice over (the output and its goal), each level is given once, the direct link as direct.
    const twice = linksWithUpperLevels(catalogue, ['SP-2020:goal:2', 'T-2020:output:T.2-1']);
    expect(twice.filter((l) => l.id === 'SP-2020:goal:2')).toEqual([expect.objectContaining({ direct: true })]);
  });

  it('filters by a goal through its targets and the objectives serving it, with their outputs', () => {
    const [goal] = itemsNamed(catalogue, 'goal', 'SP-2020:2');
    const under = itemsUnder(catalogue, [goal!]);
    expect(under).toEqual(expect.arrayContaining(['SP-2020:goal:2', 'SP-2020:target:2.1', 'T-2020:objective:T.2', 'T-2020:output:T.2-1']));
    expect(under).not.toContain('T-2020:output:T.1-1');
    // A label alone names it in every plan that has it; the level decides.
    expect(itemsNamed(catalogue, 'output', 'T.2-1')).toEqual(expect.arrayContaining(['T-2017:output:T.2-1', 'T-2020:output:T.2-1', 'T-2024:output:T.2-1']));
    expect(itemsNamed(catalogue, 'initiative', 'cis3')).toEqual(['WTDC-17:initiative:CIS3']);
    expect(itemsNamed(catalogue, 'output', 'CIS3')).toEqual([]);
  });

  it("finds items for the picker by label or by title words in the user's language", () => {
    expect(searchItems(catalogue, { q: 'CIS3', language: 'en', limit: 5 }).map((i) => i.id)).toEqual(['WTDC-17:initiative:CIS3']);
    const gap = searchItems(catalogue, { q: 'écart normalisation', language: 'fr', levels: ['output'], year: 2021, limit: 5 });
    expect(gap.map((i) => i.id)).toEqual(['T-2020:output:T.2-1']);
  });
});

describe('copying a plan year forward', () => {
  it('makes the plan of N+1 covering N+1…N+4, leaving behind what is retired by then', () => {
    const plan = catalogue.plans.get('T-2020')!;
    const items = data.items.map((i) => (i.id === 'T-2020:output:T.4-4' ? { ...i, retiredFrom: 2021 } : i.id === 'T-2020:output:T.4-2' ? { ...i, retiredFrom: 2023 } : i));
    const copy = copiedForward(plan, items, { at: '2026-12-07T10:00:00.000Z', by: 'fp@example.org' });
    expect(copy.plan).toMatchObject({ code: 'T-2021', year: 2021, from: 2021, to: 2024, copiedFrom: 'T-2020', version: 1 });
    expect(copy.plan.names.en).toBe('ITU-T operational plan 2021-2024');
    const ids = copy.items.map((i) => i.id);
    expect(ids).toContain('T-2021:output:T.2-1');
    expect(ids).not.toContain('T-2021:output:T.4-4');
    expect(copy.items.find((i) => i.id === 'T-2021:output:T.4-2')?.retiredFrom).toBe(2023);
    expect(copy.items.find((i) => i.id === 'T-2021:output:T.2-1')?.parent).toBe('T-2021:objective:T.2');
  });
});

describe('checking plan files', () => {
  const file = (items: unknown[], extra: Record<string, unknown> = {}) => ({
    file: 'data/reference/plans/x.json',
    text: JSON.stringify({ code: 'T-2030', kind: 'operational', sector: 'ITU-T', year: 2030, from: 2030, to: 2033, name: { en: 'x' }, confirmed: false, items, ...extra }),
  });
  const objective = { level: 'objective', label: 'T.1', title: { en: 'Standards' }, confirmed: false };
  const problem = (f: { file: string; text: string }) => {
    try {
      checkPlanData([f], stamp);
    } catch (error) {
      if (error instanceof ReferenceDataError) return error.message;
      throw error;
    }
    return 'no problem';
  };

  it('names the file, the record and the field of a fault', () => {
    expect(problem(file([objective, { level: 'output', label: 'T.1-1', title: { en: 'x' }, confirmed: true }]))).toBe(
      'data/reference/plans/x.json: item 2 ("T.1-1"): field parent: an output needs its objective',
    );
    expect(problem(file([objective, { level: 'output', label: 'T.1-1', parent: 'T.9', title: { en: 'x' }, confirmed: true }]))).toMatch(/item 2 \("T.1-1"\): field parent: no objective "T.9"/);
    expect(problem(file([{ ...objective, title: {} }]))).toMatch(/item 1 \("T.1"\): field title.en/);
    expect(problem(file([{ level: 'goal', label: '1', title: { en: 'x' }, confirmed: true }]))).toMatch(/field level: an operational plan holds objective, outcome, output/);
    expect(problem(file([{ ...objective, serves: ['SP-1999:1'] }]))).toMatch(/field serves: no goal "SP-1999:1"/);
    expect(problem(file([], { to: 2040 }))).toMatch(/plan "T-2030": field to: the plan of 2030 covers 2030-2033/);
    expect(problem({ file: 'data/reference/plans/x.json', text: '{' })).toMatch(/^data\/reference\/plans\/x.json: not valid JSON/);
  });
});
