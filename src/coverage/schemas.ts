/** What the coverage's routes may be asked and answer. */
import { z } from 'zod';
import { languageParam } from '#src/platform/i18n.ts';
import { PLAN_SECTORS } from '#src/plans/model.ts';

export const COVERAGE_FORMATS = ['json', 'csv', 'xlsx'] as const;

export const coverageQuery = z
  .object({
    sector: z.enum(PLAN_SECTORS).describe('The Sector (or GS) whose operational plan gives the rows'),
    year: z.coerce.number().int().min(1900).max(2200).describe('The year counted: activities whose date range reaches into it'),
    lang: languageParam,
    format: z.enum(COVERAGE_FORMATS).optional().describe('json (default), or the view as a CSV or XLSX file, one figure pair a row'),
  })
  .strict();
export type CoverageQueryParams = z.infer<typeof coverageQuery>;

export const heatmapQuery = coverageQuery.omit({ format: true });

const figures = z.object({ planned: z.number().int().describe('Planned or confirmed activities'), held: z.number().int().describe('Held activities'), gap: z.boolean().describe('Neither planned nor held') });

const table = z.object({
  level: z.enum(['output', 'initiative']),
  region: z.string().nullable().describe("The initiatives' region; null for the outputs' table"),
  plans: z.array(z.string()).describe('The plans covering the year whose items with a row\'s label are counted ("T-2017", "T-2020" in 2020)'),
  columns: z.array(z.object({ kind: z.enum(['region', 'office']), code: z.string(), region: z.string(), name: z.string() })),
  rows: z.array(z.object({ label: z.string(), title: z.string(), objective: z.string().nullable(), cells: z.array(figures), total: figures })),
  totals: z.array(figures).describe('Per column'),
  total: figures,
});

export const coverageResponse = z.object({
  sector: z.string(),
  year: z.number().int(),
  plan: z.object({ code: z.string(), name: z.string() }).nullable().describe("The operational plan whose outputs are the rows; null when none covers the year"),
  internalCounted: z.boolean().describe('Internal activities are counted (signed-in staff); otherwise public ones only'),
  outputs: table,
  initiatives: z.array(table).describe('One table per region with regional initiatives in the year'),
});
export type CoverageResponse = z.infer<typeof coverageResponse>;
