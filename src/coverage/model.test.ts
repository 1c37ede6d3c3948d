import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '#src/plans/model.ts';
import { readPlanData } from '#src/plans/reference-data.ts';
import { countCoverage, coverageScope, coverageSheet, coverageView, planFor, registerFilter, type CoverageCount, type CoverageRegistry } from './model.ts';
import { regionsOnly } from './render.ts';

const data = await readPlanData('data/reference/plans', { at: '2026-12-07T00:00:00.000Z', by: 'fieldbook seed' });
const catalogue = buildCatalogue(data.plans, data.items);

const registry: CoverageRegistry = {
  regions: [
    { code: 'AFR', names: { en: 'Africa' } },
    { code: 'CIS', names: { en: 'CIS' } },
  ],
  offices: [
    { code: 'addis-ababa', region: 'AFR', names: { en: 'Addis Ababa' }, openedOn: null, closedOn: null },
    { code: 'dakar', region: 'AFR', names: { en: 'Dakar' }, openedOn: null, closedOn: null },
    { code: 'later', region: 'AFR', names: { en: 'Later' }, openedOn: '2023-03-22', closedOn: null },
    { code: 'closed', region: 'AFR', names: { en: 'Closed' }, openedOn: null, closedOn: '2019-06-30' },
    { code: 'moscow', region: 'CIS', names: { en: 'Moscow' }, openedOn: null, closedOn: null },
  ],
};

const count = (partial: Partial<CoverageCount> & Pick<CoverageCount, 'count'>): CoverageCount => ({
  level: 'output',
  section: null,
  label: null,
  office: null,
  region: null,
  bucket: 'planned',
  ...partial,
});

describe('which plan and items a coverage counts', () => {
  it('takes the latest operational plan of the Sector adopted on or before the year and covering it', () => {
    expect(planFor(catalogue, 'ITU-T', 2020)?.code).toBe('T-2020');
    expect(planFor(catalogue, 'ITU-T', 2023)?.code).toBe('T-2020');
    expect(planFor(catalogue, 'ITU-T', 2019)?.code).toBe('T-2017');
    expect(planFor(catalogue, 'ITU-T', 2024)?.code).toBe('T-2024');
    expect(planFor(catalogue, 'ITU-T', 2016)).toBeNull();
    expect(planFor(catalogue, 'ITU-R', 2020)?.code).toBe('R-2020');
    // No ITU-R plan adopted for 2024 or later is loaded: nothing covers 2024.
    expect(planFor(catalogue, 'ITU-R', 2024)).toBeNull();
  });

  it('rows are the plan\'s outputs in plan order; an output counts in every plan of the Sector that has its label', () => {
    const scope = coverageScope(catalogue, 'ITU-T', 2020);
    expect(scope.outputs.map((o) => o.label)).toEqual(['T.1-1', 'T.1-2', 'T.1-3', 'T.2-1', 'T.3-1', 'T.4-1', 'T.4-2', 'T.4-3', 'T.4-4']);
    expect(scope.countedItems).toContain('T-2020:output:T.2-1');
    // The same output in each rolling window covering the year (T-2017 covers 2017-2020), not in later ones.
    expect(scope.countedItems.filter((id) => id.endsWith(':output:T.2-1')).sort()).toEqual(['T-2017:output:T.2-1', 'T-2020:output:T.2-1']);
    expect(scope.countedPlans).toEqual({ output: ['T-2017', 'T-2020'], initiative: ['WTDC-17'] });
    expect(coverageScope(catalogue, 'ITU-T', 2021).countedItems.filter((id) => id.endsWith(':output:T.2-1'))).toEqual(['T-2020:output:T.2-1']);
    // Outcomes, objectives and goals are never counted as rows: an output link counts for its output.
    expect(scope.countedItems.some((id) => /:(outcome|objective|goal):/.test(id))).toBe(false);
    // The initiatives of the action plan covering the year, with their region.
    expect(scope.initiatives.map((i) => i.label)).toContain('CIS3');
    expect(scope.initiatives.every((i) => i.region !== null)).toBe(true);
  });

  it('leaves out an output retired before the year', () => {
    const retired = buildCatalogue(
      data.plans,
      data.items.map((i) => (i.id === 'T-2020:output:T.4-4' ? { ...i, retiredFrom: 2021 } : i)),
    );
    expect(coverageScope(retired, 'ITU-T', 2020).outputs.map((o) => o.label)).toContain('T.4-4');
    expect(coverageScope(retired, 'ITU-T', 2021).outputs.map((o) => o.label)).not.toContain('T.4-4');
  });
});

describe('the coverage tables from the grouped counts', () => {
  const scope = coverageScope(catalogue, 'ITU-T', 2020);
  const counts: CoverageCount[] = [
    count({ label: 'T.2-1', office: 'addis-ababa', count: 2 }),
    count({ label: 'T.2-1', office: 'addis-ababa', bucket: 'held', count: 1 }),
    count({ label: 'T.2-1', office: 'dakar', count: 1 }),
    // Two offices of one activity: the region counts it once.
    count({ label: 'T.2-1', region: 'AFR', count: 2 }),
    count({ label: 'T.2-1', region: 'AFR', bucket: 'held', count: 1 }),
    count({ label: 'T.2-1', count: 2 }),
    count({ label: 'T.2-1', bucket: 'held', count: 1 }),
    // An office closed before the year that still has counts keeps its column.
    count({ label: 'T.3-1', office: 'closed', bucket: 'held', count: 1 }),
    count({ office: 'addis-ababa', count: 2 }),
    count({ region: 'AFR', count: 2 }),
    count({ count: 2 }),
    count({ level: 'initiative', section: 'CIS', label: 'CIS3', office: 'moscow', bucket: 'held', count: 1 }),
    count({ level: 'initiative', section: 'CIS', label: 'CIS3', bucket: 'held', count: 1 }),
  ];
  const view = coverageView(scope, registry, counts);

  it('puts each region before its offices open in the year, and any office with counts', () => {
    expect(view.outputs.columns.map((c) => c.code)).toEqual(['AFR', 'addis-ababa', 'dakar', 'closed', 'CIS', 'moscow']);
  });

  it('gives every cell its planned and held figures, zero (a gap) where nothing was counted, and the totals', () => {
    const row = view.outputs.rows.find((r) => r.label === 'T.2-1')!;
    expect(row.objective).toBe('T.2');
    expect(row.cells).toEqual([
      { planned: 2, held: 1 },
      { planned: 2, held: 1 },
      { planned: 1, held: 0 },
      { planned: 0, held: 0 },
      { planned: 0, held: 0 },
      { planned: 0, held: 0 },
    ]);
    expect(row.total).toEqual({ planned: 2, held: 1 });
    expect(view.outputs.totals[1]).toEqual({ planned: 2, held: 0 });
    expect(view.outputs.total).toEqual({ planned: 2, held: 0 });
  });

  it('makes one initiatives table per region, against that region\'s offices only', () => {
    expect(view.initiatives.map((t) => t.region)).toEqual(['AFR', 'CIS']);
    const cis = view.initiatives[1]!;
    expect(cis.columns.map((c) => c.code)).toEqual(['moscow']);
    expect(cis.rows.find((r) => r.label === 'CIS3')).toMatchObject({ cells: [{ planned: 0, held: 1 }], total: { planned: 0, held: 1 } });
  });

  it('keeps the regions alone for the public summary', () => {
    const regions = regionsOnly(view.outputs);
    expect(regions.columns.map((c) => c.code)).toEqual(['AFR', 'CIS']);
    expect(regions.rows.find((r) => r.label === 'T.2-1')!.cells).toEqual([
      { planned: 2, held: 1 },
      { planned: 0, held: 0 },
    ]);
  });

  it('links a figure to the register filtered to the activities it counts', () => {
    expect(registerFilter(view.outputs, 2020, 'planned', 'T.2-1', { kind: 'office', code: 'dakar' })).toEqual({
      output: 'T-2017:T.2-1,T-2020:T.2-1',
      office: 'dakar',
      from: '2020-01-01',
      to: '2020-12-31',
      status: 'planned,confirmed',
    });
    // A column's total: every row of the table.
    expect(registerFilter(view.initiatives[1]!, 2020, 'held', null, { kind: 'region', code: 'CIS' })).toMatchObject({ initiative: view.initiatives[1]!.rows.map((r) => `WTDC-17:${r.label}`).join(','), region: 'CIS', status: 'held' });
  });

  it('lays the view out as a sheet, one figure pair a row, totals included', () => {
    const rows = coverageSheet(view, 'en', 'Total');
    expect(rows).toContainEqual(['T-2020', 'output', 'T.2-1', expect.stringMatching(/^Bridging/), 'office', 'dakar', 'Dakar', 1, 0, 'no']);
    expect(rows).toContainEqual(['T-2020', 'output', 'T.2-1', expect.any(String), 'total', '', 'Total', 2, 1, 'no']);
    expect(rows).toContainEqual(['T-2020', 'output', 'T.1-1', expect.any(String), 'region', 'AFR', 'Africa', 0, 0, 'yes']);
    expect(rows).toContainEqual(['CIS', 'initiative', 'CIS3', expect.any(String), 'office', 'moscow', 'Moscow', 0, 1, 'no']);
    const cells = view.outputs.rows.length * (view.outputs.columns.length + 1) + view.outputs.columns.length + 1;
    expect(rows.filter((r) => r[0] === 'T-2020')).toHaveLength(cells);
  });
});

describe('counting the links', () => {
  it('counts each activity once per office, region, row and table, by bucket, and leaves out what it cannot place', () => {
    const items = new Map([
      ['T-2020:output:T.2-1', { level: 'output' as const, label: 'T.2-1', region: null }],
      ['T-2017:output:T.2-1', { level: 'output' as const, label: 'T.2-1', region: null }],
      ['T-2020:output:T.4-1', { level: 'output' as const, label: 'T.4-1', region: null }],
      ['WTDC-17:initiative:CIS3', { level: 'initiative' as const, label: 'CIS3', region: 'CIS' }],
      ['T-2020:objective:T.2', { level: 'objective' as const, label: 'T.2', region: null }],
    ]);
    const regions = new Map([['addis-ababa', 'AFR'], ['dakar', 'AFR'], ['moscow', 'CIS']]);
    const counts = countCoverage(
      [
        // One activity of two offices of Africa, linked to T.2-1 in both plans: one activity everywhere.
        { item: 'T-2020:output:T.2-1', activity: 1, status: 'planned', offices: ['addis-ababa', 'dakar'] },
        { item: 'T-2017:output:T.2-1', activity: 1, status: 'planned', offices: ['addis-ababa', 'dakar'] },
        { item: 'T-2020:output:T.4-1', activity: 2, status: 'held', offices: ['moscow', 'atlantis'] },
        { item: 'T-2020:output:T.4-1', activity: 3, status: 'confirmed', offices: ['atlantis'] },
        { item: 'WTDC-17:initiative:CIS3', activity: 2, status: 'held', offices: ['moscow'] },
        { item: 'T-2020:objective:T.2', activity: 4, status: 'held', offices: ['moscow'] },
      ],
      (id) => items.get(id),
      (office) => regions.get(office),
    );
    const find = (c: Partial<CoverageCount>) => counts.find((x) => x.level === (c.level ?? 'output') && x.section === (c.section ?? null) && x.label === (c.label ?? null) && x.office === (c.office ?? null) && x.region === (c.region ?? null) && x.bucket === (c.bucket ?? 'planned'))?.count ?? 0;
    expect(find({ label: 'T.2-1', office: 'addis-ababa' })).toBe(1);
    expect(find({ label: 'T.2-1', office: 'dakar' })).toBe(1);
    expect(find({ label: 'T.2-1', region: 'AFR' })).toBe(1);
    expect(find({ label: 'T.2-1' })).toBe(1);
    expect(find({ label: 'T.4-1', office: 'moscow', bucket: 'held' })).toBe(1);
    // The office the registry does not know counts nowhere; an activity only there is not counted.
    expect(find({ label: 'T.4-1' })).toBe(0);
    expect(find({ bucket: 'held' })).toBe(1);
    expect(find({})).toBe(1);
    expect(find({ level: 'initiative', section: 'CIS', label: 'CIS3', office: 'moscow', bucket: 'held' })).toBe(1);
    // Links to an objective count in no row.
    expect(counts.some((c) => c.label === 'T.2')).toBe(false);
  });
});
