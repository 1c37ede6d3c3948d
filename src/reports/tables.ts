/** Kysely table interface of saved report definitions. Header and narrative are JSON text. */
import type { Selectable } from 'kysely';

export interface ReportTable {
  id: string;
  sector_code: string;
  advisory_group_code: string;
  period_start: string;
  period_end: string;
  selection: string;
  visibility: string;
  item_text: string;
  outlook_months: number;
  language: string;
  original_language: string;
  header: string;
  narrative: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface ReportTables {
  report: ReportTable;
}

export type ReportRow = Selectable<ReportTable>;
