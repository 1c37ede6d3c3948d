/** Kysely table interface of the offices' plan contributions (migration 0135). `entries` is JSON text. */
import type { Selectable } from 'kysely';

export interface OfficePlanContributionTable {
  office_code: string;
  sector_code: string;
  year: number;
  /** [{ item, text: { en, fr, … } }] in the office's order. */
  entries: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface AnnualPlanTables {
  office_plan_contribution: OfficePlanContributionTable;
}

export type OfficePlanContributionRow = Selectable<OfficePlanContributionTable>;
