/**
 * The coverage of a Sector's plan in a year (decision 25), pure: which plan outputs and regional
 * initiatives the regions and offices worked for, counted as planned (planned or confirmed) and
 * held activities, with the gaps where nothing is planned nor held.
 *
 * - The rows are the outputs of the Sector's operational plan for the year (the latest plan
 *   adopted on or before it whose window covers it), in plan order under their objectives; and
 *   the regional initiatives of the action plans covering the year, by region.
 * - A row is a label: an activity counts for "T.2-1" when it links the output T.2-1 of any of the
 *   Sector's operational plans whose window covers the year (in 2020 both T-2017's and T-2020's,
 *   the rolling windows overlapping); the figure's link asks the register for the same
 *   (`output=T-2017:T.2-1,T-2020:T.2-1`). Links to an objective, an outcome or a goal count in
 *   no output's row (an output link counts for its output; the levels above are computed from
 *   it, never the other way).
 * - Every figure counts distinct activities: one of two offices counts in each office's cell but
 *   once in its region's, its row's and the table's totals.
 */
import { localise } from '#src/registry/model.ts';
import type { Names } from '#src/registry/reference.ts';
import type { Language } from '#src/platform/i18n.ts';
import { inPlanIn, type Plan, type PlanCatalogue, type PlanItem } from '#src/plans/model.ts';

/** The two figures of a cell, by the statuses they count. */
export const BUCKETS = ['planned', 'held'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_STATUSES: Record<Bucket, readonly string[]> = { planned: ['planned', 'confirmed'], held: ['held'] };

export type SectionLevel = 'output' | 'initiative';

/** What the coverage of a Sector and year is made of, chosen from the plans. */
export interface CoverageScope {
  sector: string;
  year: number;
  /** The operational plan whose outputs are the rows; null when the Sector has none covering the year. */
  plan: Plan | null;
  outputs: PlanItem[];
  /** The action plans covering the year, and their initiatives still in them that year. */
  actionPlans: Plan[];
  initiatives: PlanItem[];
  /** Every item whose links are counted: each row's label in every plan of its kind covering the year. */
  countedItems: string[];
  /** Those plans, per level: the Sector's operational plans and the action plans covering the year. */
  countedPlans: Record<SectionLevel, string[]>;
}

/** The latest operational plan of the Sector adopted on or before the year whose window covers it. */
export function planFor(catalogue: Pick<PlanCatalogue, 'plans'>, sector: string, year: number): Plan | null {
  let best: Plan | null = null;
  for (const plan of catalogue.plans.values()) {
    if (plan.kind !== 'operational' || plan.sector !== sector || plan.year === null) continue;
    if (plan.year > year || plan.to < year) continue;
    if (!best || plan.year > (best.year ?? 0)) best = plan;
  }
  return best;
}

export function coverageScope(catalogue: PlanCatalogue, sector: string, year: number): CoverageScope {
  const plan = planFor(catalogue, sector, year);
  const items = [...catalogue.items.values()];
  const byPosition = (a: PlanItem, b: PlanItem) => a.position - b.position || a.label.localeCompare(b.label);
  const outputs = plan ? items.filter((i) => i.plan === plan.code && i.level === 'output' && inPlanIn(i, year)).sort(byPosition) : [];
  const actionPlans = [...catalogue.plans.values()].filter((p) => p.kind === 'action' && p.from <= year && year <= p.to);
  const actionCodes = new Set(actionPlans.map((p) => p.code));
  const initiatives = items.filter((i) => actionCodes.has(i.plan) && i.level === 'initiative' && inPlanIn(i, year)).sort(byPosition);
  const outputLabels = new Set(outputs.map((i) => i.label));
  const initiativeLabels = new Set(initiatives.map((i) => i.label));
  const sectorPlans = [...catalogue.plans.values()].filter((p) => p.kind === 'operational' && p.sector === sector && p.from <= year && year <= p.to).map((p) => p.code);
  const countedPlans = { output: sectorPlans, initiative: [...actionCodes] };
  const countedItems = items
    .filter((i) => (i.level === 'output' && sectorPlans.includes(i.plan) && outputLabels.has(i.label)) || (i.level === 'initiative' && actionCodes.has(i.plan) && initiativeLabels.has(i.label)))
    .map((i) => i.id);
  return { sector, year, plan, outputs, actionPlans, initiatives, countedItems, countedPlans };
}

/**
 * One grouped count from the database: distinct activities of a bucket, for a row (label) or a
 * whole section (label null), by office, by region, or over all (both null). `section` is the
 * initiative's region for the initiatives' tables, null for the outputs'.
 */
export interface CoverageCount {
  level: SectionLevel;
  section: string | null;
  label: string | null;
  office: string | null;
  region: string | null;
  bucket: Bucket;
  count: number;
}

const key = (...parts: Array<string | null>) => parts.map((p) => p ?? '').join('\u0000');

/** A year's link to a counted item, as the coverage reads it (store.ts `coverageLinks`). */
export interface CoverageLink {
  item: string;
  /** The activity's seq: what is counted distinct. */
  activity: number;
  status: string;
  offices: readonly string[];
}

/** What a counted item's row is: its level, its section (an initiative's region), its label. */
export type CountedItem = Pick<PlanItem, 'level' | 'label' | 'region'>;

const bucketOf = (status: string): Bucket => (BUCKET_STATUSES.held.includes(status) ? 'held' : 'planned');

/** More links than a year's coverage reads (~35,000 at 1M activities): the packing below keeps an index below it. */
const LINKS_AT_MOST = 2 ** 21;

/**
 * The distinct activities of each bucket, counted six ways: per row (label) and per table (label
 * null), each by office, by region and over all. An activity counts through its offices: once in
 * each of its offices' cells, once in each of their regions', once in a row's or a table's total.
 * Offices the registry does not know are left out, and an activity with none is not counted.
 */
export function countCoverage(links: readonly CoverageLink[], itemOf: (id: string) => CountedItem | undefined, regionOf: (office: string) => string | undefined): CoverageCount[] {
  // A cell's two figures, each remembering the last activity it counted: links are visited by
  // activity, so an activity reaching a cell through several links (two plans' T.2-1, two offices
  // of one region) counts once.
  type Figure = { count: CoverageCount; last: number };
  type Pair = Record<Bucket, Figure>;
  const counted: CoverageCount[] = [];
  const pair = (at: Omit<CoverageCount, 'count' | 'bucket'>): Pair => {
    const figure = (bucket: Bucket): Figure => {
      const count = { ...at, bucket, count: 0 };
      counted.push(count);
      return { count, last: -1 };
    };
    return { planned: figure('planned'), held: figure('held') };
  };
  interface Row {
    all: Pair;
    /** By the slot of an office, of a region (`slotOf`). */
    byOffice: Array<Pair | undefined>;
    byRegion: Array<Pair | undefined>;
    at: Omit<CoverageCount, 'count' | 'bucket' | 'office' | 'region'>;
  }
  const rowsByKey = new Map<string, Row>();
  const rowAt = (level: SectionLevel, section: string | null, label: string | null): Row => {
    const k = key(level, section, label);
    let row = rowsByKey.get(k);
    if (!row) {
      const at = { level, section, label };
      rowsByKey.set(k, (row = { all: pair({ ...at, office: null, region: null }), byOffice: [], byRegion: [], at }));
    }
    return row;
  };
  // Each item's row and its table, worked out once.
  const rowsOfItem = new Map<string, Row[] | null>();
  const rowsOf = (id: string): Row[] | null => {
    if (!rowsOfItem.has(id)) {
      const item = itemOf(id);
      const level = item?.level;
      rowsOfItem.set(id, item && (level === 'output' || level === 'initiative') ? [rowAt(level, item.region, item.label), rowAt(level, item.region, null)] : null);
    }
    return rowsOfItem.get(id)!;
  };
  // Each office code once: its region, and numbers for both (offices the registry does not know: null).
  type Slot = { office: string; region: string; officeSlot: number; regionSlot: number };
  const slots = new Map<string, Slot | null>();
  const regionSlots = new Map<string, number>();
  const slotOf = (office: string): Slot | null => {
    let slot = slots.get(office);
    if (slot === undefined) {
      const region = regionOf(office);
      if (region !== undefined && !regionSlots.has(region)) regionSlots.set(region, regionSlots.size);
      slots.set(office, (slot = region === undefined ? null : { office, region, officeSlot: slots.size, regionSlot: regionSlots.get(region)! }));
    }
    return slot;
  };
  const mark = (p: Pair, bucket: Bucket, activity: number) => {
    const figure = p[bucket];
    if (figure.last !== activity) {
      figure.last = activity;
      figure.count.count += 1;
    }
  };
  // The links in activity order: each link's activity and index packed in one number, sorted as numbers.
  const order = new Float64Array(links.length);
  for (let i = 0; i < links.length; i++) order[i] = links[i]!.activity * LINKS_AT_MOST + i;
  order.sort();
  for (let i = 0; i < order.length; i++) {
    const link = links[order[i]! % LINKS_AT_MOST]!;
    const rows = rowsOf(link.item);
    if (!rows) continue;
    const bucket = bucketOf(link.status);
    for (const row of rows) {
      let placed = false;
      for (const office of link.offices) {
        const slot = slotOf(office);
        if (!slot) continue;
        placed = true;
        const byOffice = (row.byOffice[slot.officeSlot] ??= pair({ ...row.at, office: slot.office, region: null }));
        const byRegion = (row.byRegion[slot.regionSlot] ??= pair({ ...row.at, office: null, region: slot.region }));
        mark(byOffice, bucket, link.activity);
        mark(byRegion, bucket, link.activity);
      }
      if (placed) mark(row.all, bucket, link.activity);
    }
  }
  return counted.filter((c) => c.count > 0);
}

export interface Figures {
  planned: number;
  held: number;
}

export interface CoverageColumn {
  kind: 'region' | 'office';
  code: string;
  /** The region of an office column (its own code for a region column). */
  region: string;
  names: Names;
}

export interface CoverageRow {
  label: string;
  titles: Names;
  /** The objective an output is under (its label), for grouping; null for initiatives. */
  objective: string | null;
  cells: Figures[];
  total: Figures;
}

export interface CoverageTable {
  level: SectionLevel;
  /** The plans whose items with a row's label are counted (the register's filter names them). */
  plans: string[];
  /** The initiatives' region; null for the outputs' table. */
  region: string | null;
  columns: CoverageColumn[];
  rows: CoverageRow[];
  /** Per column, over every row. */
  totals: Figures[];
  total: Figures;
}

export interface CoverageView {
  sector: string;
  year: number;
  plan: { code: string; names: Names } | null;
  outputs: CoverageTable;
  /** One table per region that has initiatives, in the regions' order. */
  initiatives: CoverageTable[];
}

export interface CoverageRegistry {
  regions: ReadonlyArray<{ code: string; names: Names }>;
  offices: ReadonlyArray<{ code: string; region: string; names: Names; openedOn: string | null; closedOn: string | null }>;
}

/** An office open at some time in the year. */
export const openIn = (office: { openedOn: string | null; closedOn: string | null }, year: number): boolean =>
  (office.openedOn === null || office.openedOn <= `${year}-12-31`) && (office.closedOn === null || office.closedOn >= `${year}-01-01`);

export const isGap = (figures: Figures): boolean => figures.planned === 0 && figures.held === 0;


/** The counts looked up by what they count. */
function lookup(counts: readonly CoverageCount[]) {
  const map = new Map<string, number>();
  for (const c of counts) map.set(key(c.level, c.section, c.label, c.office, c.region, c.bucket), c.count);
  return (level: SectionLevel, section: string | null, label: string | null, column: CoverageColumn | null): Figures => {
    const office = column?.kind === 'office' ? column.code : null;
    const region = column?.kind === 'region' ? column.code : null;
    const at = (bucket: Bucket) => map.get(key(level, section, label, office, region, bucket)) ?? 0;
    return { planned: at('planned'), held: at('held') };
  };
}

/**
 * The view's tables from the scope and the counts: the outputs against every region followed by
 * its offices (those open in the year, and any other that has counts), each initiative of a
 * region against that region's offices.
 */
export function coverageView(scope: CoverageScope, registry: CoverageRegistry, counts: readonly CoverageCount[]): CoverageView {
  const figures = lookup(counts);
  const counted = new Set(counts.filter((c) => c.office !== null).map((c) => c.office));
  const officeColumns = (region: string): CoverageColumn[] =>
    registry.offices
      .filter((o) => o.region === region && (openIn(o, scope.year) || counted.has(o.code)))
      .map((o) => ({ kind: 'office', code: o.code, region, names: o.names }));
  const objectiveOf = (item: PlanItem) => (item.parent ? item.parent.slice(item.parent.lastIndexOf(':') + 1) : null);
  const table = (level: SectionLevel, section: string | null, columns: CoverageColumn[], items: readonly PlanItem[]): CoverageTable => ({
    level,
    plans: scope.countedPlans[level],
    region: section,
    columns,
    rows: items.map((item) => ({
      label: item.label,
      titles: item.titles,
      objective: level === 'output' ? objectiveOf(item) : null,
      cells: columns.map((column) => figures(level, section, item.label, column)),
      total: figures(level, section, item.label, null),
    })),
    totals: columns.map((column) => figures(level, section, null, column)),
    total: figures(level, section, null, null),
  });
  const outputColumns = registry.regions.flatMap((r): CoverageColumn[] => [{ kind: 'region', code: r.code, region: r.code, names: r.names }, ...officeColumns(r.code)]);
  const initiatives = registry.regions
    .map((r) => ({ region: r.code, items: scope.initiatives.filter((i) => i.region === r.code) }))
    .filter((group) => group.items.length > 0)
    .map((group) => table('initiative', group.region, officeColumns(group.region), group.items));
  return {
    sector: scope.sector,
    year: scope.year,
    plan: scope.plan ? { code: scope.plan.code, names: scope.plan.names } : null,
    outputs: table('output', null, outputColumns, scope.outputs),
    initiatives,
  };
}

/**
 * The register's filter (GET /api/activities, the workspace's register) for the activities a
 * figure counts: the row's label (or every row's), the column's office or region, the year and
 * the bucket's statuses.
 */
export function registerFilter(
  table: { level: SectionLevel; plans: readonly string[]; rows: ReadonlyArray<{ label: string }> },
  year: number,
  bucket: Bucket,
  row: string | null,
  column: Pick<CoverageColumn, 'kind' | 'code'> | null,
): Record<string, string> {
  const filter: Record<string, string> = {};
  const labels = row === null ? table.rows.map((r) => r.label) : [row];
  // "plan:label" for each plan counted: the register's output=T.2-1 alone would match every plan year.
  filter[table.level] = table.plans.flatMap((plan) => labels.map((label) => `${plan}:${label}`)).join(',');
  if (column) filter[column.kind] = column.code;
  filter.from = `${year}-01-01`;
  filter.to = `${year}-12-31`;
  filter.status = BUCKET_STATUSES[bucket].join(',');
  return filter;
}

/** The columns of the view as a spreadsheet (stable; new ones only appended). */
export const SHEET_COLUMNS = ['table', 'level', 'label', 'title', 'column_kind', 'column', 'column_name', 'planned', 'held', 'gap'] as const;

/**
 * The view as the rows of a spreadsheet, one figure pair a row: every cell, then each row's
 * total (column_kind "total"), each column's total (label "total") and the table's. Texts are
 * neutralised by the writer's caller (they come from plan titles that users edit).
 */
export function coverageSheet(view: CoverageView, language: Language, totalWord: string): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const push = (table: CoverageTable, label: string, title: string, column: CoverageColumn | null, figures: Figures) =>
    out.push([
      table.region ?? view.plan?.code ?? view.sector,
      table.level,
      label,
      title,
      column?.kind ?? 'total',
      column?.code ?? '',
      column ? localise(column.names, language).text : totalWord,
      figures.planned,
      figures.held,
      isGap(figures) ? 'yes' : 'no',
    ]);
  for (const table of [view.outputs, ...view.initiatives]) {
    for (const row of table.rows) {
      const title = localise(row.titles, language).text;
      row.cells.forEach((cell, i) => push(table, row.label, title, table.columns[i]!, cell));
      push(table, row.label, title, null, row.total);
    }
    table.totals.forEach((cell, i) => push(table, 'total', totalWord, table.columns[i]!, cell));
    push(table, 'total', totalWord, null, table.total);
  }
  return out;
}
