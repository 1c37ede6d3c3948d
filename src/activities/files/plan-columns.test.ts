import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '#src/plans/model.ts';
import { readPlanData } from '#src/plans/reference-data.ts';
import { computedGoals, planLinksAfterRow, readPlanCell } from './plan-columns.ts';

const data = await readPlanData('data/reference/plans', { at: '2026-12-07T00:00:00.000Z', by: 'fieldbook seed' });
const { items } = buildCatalogue(data.plans, data.items);

describe('the plan columns of a spreadsheet row', () => {
  it('reads plan:label, item ids and labels only one plan has, and names every other value', () => {
    expect(readPlanCell('outputs', 'T-2020:T.2-1; T-2024:output:T.1-1', items)).toEqual({ ids: ['T-2020:output:T.2-1', 'T-2024:output:T.1-1'], issues: [] });
    expect(readPlanCell('initiatives', 'CIS3; WTDC-22:AFR1', items).ids).toEqual(['WTDC-17:initiative:CIS3', 'WTDC-22:initiative:AFR1']);
    expect(readPlanCell('outputs', '', items)).toEqual({ ids: [], issues: [] });
    const read = readPlanCell('outputs', 'T.2-1; X-1:T.2-1; T-2020:T.2', items);
    expect(read.ids).toEqual([]);
    expect(read.issues.map((i) => [i.column, i.code, i.params?.value])).toEqual([
      ['outputs', 'plan_label_ambiguous', 'T.2-1'],
      ['outputs', 'unknown_plan_item', 'X-1:T.2-1'],
      // T.2 is an objective: the outputs column names outputs only.
      ['outputs', 'unknown_plan_item', 'T-2020:T.2'],
    ]);
  });

  it('replaces the links of the changed columns only, keeping the order of what stays and leaving computed goals out', () => {
    const current = ['T-2020:output:T.2-1', 'SP-2020:goal:5', 'SP-2020:target:3.1'];
    // Outputs changed: the direct goal and the target stay.
    expect(planLinksAfterRow(current, { outputs: ['R-2020:output:R.1-1'] }, items)).toEqual(['SP-2020:goal:5', 'SP-2020:target:3.1', 'R-2020:output:R.1-1']);
    // Goals changed: goal 5 dropped from the cell is no longer linked; goal 2, computed from T.2-1, is not linked itself; goal 1 is.
    expect(planLinksAfterRow(current, { goals: ['SP-2020:goal:2', 'SP-2020:goal:1'] }, items)).toEqual(['T-2020:output:T.2-1', 'SP-2020:target:3.1', 'SP-2020:goal:1']);
    // A goal computed when the file was made stays out even when the output giving it is taken away in the same row.
    const before = computedGoals(current, items);
    expect([...before].sort()).toEqual(['SP-2020:goal:2', 'SP-2020:goal:3']);
    expect(planLinksAfterRow(current, { outputs: [], goals: ['SP-2020:goal:2', 'SP-2020:goal:5'] }, items, before)).toEqual(['SP-2020:goal:5', 'SP-2020:target:3.1']);
  });
});
