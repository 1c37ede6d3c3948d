/** The coverage as it leaves the server: names in one language, gaps spelt out. */
import type { Language } from '#src/platform/i18n.ts';
import { localise } from '#src/registry/model.ts';
import { isGap, type CoverageTable, type CoverageView, type Figures } from './model.ts';
import type { CoverageResponse } from './schemas.ts';

const figures = (f: Figures) => ({ planned: f.planned, held: f.held, gap: isGap(f) });

function presentTable(table: CoverageTable, language: Language) {
  return {
    level: table.level,
    region: table.region,
    plans: table.plans,
    columns: table.columns.map((c) => ({ kind: c.kind, code: c.code, region: c.region, name: localise(c.names, language).text })),
    rows: table.rows.map((r) => ({ label: r.label, title: localise(r.titles, language).text, objective: r.objective, cells: r.cells.map(figures), total: figures(r.total) })),
    totals: table.totals.map(figures),
    total: figures(table.total),
  };
}

export function presentCoverage(view: CoverageView, language: Language, internalCounted: boolean): CoverageResponse {
  return {
    sector: view.sector,
    year: view.year,
    plan: view.plan ? { code: view.plan.code, name: localise(view.plan.names, language).text } : null,
    internalCounted,
    outputs: presentTable(view.outputs, language),
    initiatives: view.initiatives.map((t) => presentTable(t, language)),
  };
}
