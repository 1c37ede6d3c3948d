import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '#src/plans/model.ts';
import { readPlanData } from '#src/plans/reference-data.ts';
import { translator } from '#src/platform/messages.ts';
import { testActivity, testBody, testOffice } from '../../test/support/factories.ts';
import { annexByOutput } from './annex.ts';
import { annualPlanDocument } from './document.ts';
import { annualPlanByOutput, contributableItems, emptyContribution, entryIssues, plannedUnder, type PlanContribution } from './model.ts';

const data = await readPlanData('data/reference/plans', { at: '2026-12-07T00:00:00.000Z', by: 'fieldbook seed' });
const catalogue = buildCatalogue(data.plans, data.items);
const T21 = 'T-2020:output:T.2-1';
const CIS3 = 'WTDC-17:initiative:CIS3';

const contribution = (entries: PlanContribution['entries'], sector = 'ITU-T'): PlanContribution => ({ ...emptyContribution('moscow', sector, 2020), entries, version: 1 });
const moscow = (overrides: Parameters<typeof testActivity>[0] = {}) => testActivity({ offices: [{ office: 'moscow', role: 'organised' }], ...overrides });

describe('what an office may name in its plan contribution', () => {
  it("offers the outputs of the Sector's plan of the year and its region's initiatives in force that year", () => {
    const ids = contributableItems(catalogue, 'ITU-T', 2020, 'CIS').map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([T21, 'T-2020:output:T.1-1', CIS3]));
    // Not the outcome of the same label, nor another year's plan, nor another region's initiative.
    expect(ids).not.toContain('T-2020:outcome:T.2-1');
    expect(ids.some((id) => id.startsWith('T-2017:') || id.startsWith('T-2024:'))).toBe(false);
    expect(ids.some((id) => id.includes(':initiative:AFR'))).toBe(false);
  });

  it('names every entry at fault by its path', () => {
    const issues = entryIssues(catalogue, { sector: 'ITU-T', year: 2020, region: 'CIS' }, [
      { item: T21, text: { en: 'ok' } },
      { item: 'T-2020:output:T.9-9', text: { en: 'unknown' } },
      { item: 'T-2024:output:T.2-1', text: { en: 'another year' } },
      { item: T21, text: { en: 'twice' } },
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['body.entries.1.item', 'unknown_plan_item'],
      ['body.entries.2.item', 'not_allowed'],
      ['body.entries.3.item', 'given_twice'],
    ]);
  });
});

describe("an office's annual plan by output", () => {
  const meeting = moscow({ title: { en: 'Regional group meeting' }, status: 'planned', plans: [T21] });
  // Linked to the same output in another plan year of the Sector: still T.2-1.
  const fellowship = moscow({ title: { en: 'Fellowships' }, status: 'confirmed', plans: ['T-2017:output:T.2-1'] });
  const forum = moscow({ title: { en: 'Forum' }, plans: [CIS3, T21] });
  const outreach = moscow({ title: { en: 'Outreach' }, plans: ['T-2020:output:T.4-3'] });
  const loose = moscow({ title: { en: 'Loose' } });

  it('lists the entries in the office order with their activities, then items only activities link, then the unlinked', () => {
    const plan = annualPlanByOutput(catalogue, [contribution([{ item: CIS3, text: { en: 'Cities' } }, { item: T21, text: { ru: 'Разрыв' } }])], [meeting, fellowship, forum, outreach, loose], ['ITU-R', 'ITU-T', 'ITU-D']);
    expect(plan.groups.map((g) => g.sector)).toEqual(['ITU-T']);
    const [cities, gap, extra] = plan.groups[0]!.entries;
    expect([cities!.item.id, cities!.text, cities!.activities.map((a) => a.title.en)]).toEqual([CIS3, { en: 'Cities' }, ['Forum']]);
    expect([gap!.item.id, gap!.activities.map((a) => a.title.en)]).toEqual([T21, ['Regional group meeting', 'Fellowships', 'Forum']]);
    expect([extra!.item.label, extra!.text, extra!.activities.map((a) => a.title.en)]).toEqual(['T.4-3', null, ['Outreach']]);
    expect(plan.unlinked.map((a) => a.title.en)).toEqual(['Loose']);
  });

  it('puts each Sector in the registry order and an initiative nobody wrote for under ITU-D', () => {
    const plan = annualPlanByOutput(catalogue, [contribution([{ item: T21, text: { en: 'Gap' } }])], [forum], ['ITU-R', 'ITU-T', 'ITU-D']);
    expect(plan.groups.map((g) => [g.sector, g.entries.map((e) => e.item.label)])).toEqual([
      ['ITU-T', ['T.2-1']],
      ['ITU-D', ['CIS3']],
    ]);
  });

  it("lists under an entry in the editor only the office's planned and confirmed activities", () => {
    expect(plannedUnder(catalogue, catalogue.items.get(T21)!, [meeting, fellowship, forum]).map((a) => a.title.en)).toEqual(['Regional group meeting', 'Fellowships']);
  });
});

describe('the annex "Activities by plan output"', () => {
  it('has a table per output in label order, each office once, and counts the activities linked to none', () => {
    const offices = [testOffice('moscow', { names: { en: 'Moscow office' } })];
    const twice = moscow({ title: { en: 'Twice' }, offices: [{ office: 'moscow', role: 'organised' }, { office: 'moscow', role: 'hosted' }], plans: [T21], date: { start: '2020-03-04', end: '2020-03-05', text: '4-5 March 2020' } });
    const annex = annexByOutput({ activities: [twice, moscow({ title: { en: 'Cities' }, plans: [CIS3] }), moscow({ title: { en: 'None' } })], catalogue, offices, number: 7 }, translator('en'));
    expect(annex).toMatchObject({ number: 7, title: 'Annex: Activities by plan output' });
    const tables = annex.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.caption.split(' ')[0])).toEqual(['CIS3', 'T.2-1']);
    expect(tables[1]).toMatchObject({ columns: ['Office', 'Activity', 'Date', 'Status'], rows: [['Moscow office', 'Twice', expect.stringMatching(/^4\s–\s5 March 2020$/), 'Held']] });
    expect(annex.blocks.at(-1)).toMatchObject({ kind: 'paragraph', inlines: [{ text: 'Activities of this report linked to no plan output: 1.' }] });
  });
});

describe('the annual plan as a report tree', () => {
  const office = testOffice('moscow', { names: { en: 'Moscow office', ar: 'مكتب موسكو' }, cityNames: { en: 'Moscow', ar: 'موسكو' } });
  const sector = testBody('ITU-T', 'sector', { names: { en: 'Telecommunication Standardization Sector', ar: 'قطاع تقييس الاتصالات' } });

  it('has a section per Sector with the office text and a table of activities per item, then the unlinked', () => {
    const meeting = moscow({ title: { en: 'Regional group meeting' }, status: 'planned', plans: [T21] });
    const plan = annualPlanByOutput(catalogue, [contribution([{ item: T21, text: { en: 'Gap' } }])], [meeting, moscow({ title: { en: 'Loose' } })], ['ITU-T']);
    const tree = annualPlanDocument({ office, year: 2020, plan, bodies: [sector], today: '2026-12-07' }, 'en');
    expect(tree.fileName).toBe('annual-plan-moscow-2020');
    expect(tree.header).toMatchObject({ documentType: 'ANNUAL PLAN 2020', title: 'Moscow office: annual plan 2020' });
    expect(tree.sections.map((s) => s.title)).toEqual(['ITU-T – Telecommunication Standardization Sector', 'Activities not linked to a plan output']);
    expect(tree.sections[0]!.blocks.map((b) => b.kind)).toEqual(['subheading', 'paragraph', 'table']);
    expect(tree.sections[0]!.blocks[2]).toMatchObject({ columns: ['Activity', 'Date', 'Status'], rows: [['Regional group meeting', expect.any(String), 'Planned']] });
    expect(tree.activityCount).toBe(2);
  });

  it('reads right to left in Arabic and says when nothing is planned', () => {
    const tree = annualPlanDocument({ office, year: 2020, plan: { groups: [], unlinked: [] }, bodies: [sector], today: '2026-12-07' }, 'ar');
    expect(tree.direction).toBe('rtl');
    expect(tree.header.title).toBe('مكتب موسكو: الخطة السنوية لعام 2020');
    expect(tree.sections).toEqual([expect.objectContaining({ blocks: [{ kind: 'paragraph', inlines: [{ text: 'لم تُنشر أي مساهمة في الخطة ولا أي نشاط مرتبط لعام 2020.' }] }] })]);
  });
});
