/** Kysely table interfaces of the plans (migration 0080). Names, titles and `serves` are JSON text; booleans 0/1. */
import type { Selectable } from 'kysely';

export interface PlanTable {
  code: string;
  kind: string;
  sector_code: string | null;
  /** Operational plans: the year N whose plan covers N…N+3. */
  year: number | null;
  year_from: number;
  year_to: number;
  name: string;
  copied_from: string | null;
  confirmed: number;
  source: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface PlanItemTable {
  id: string;
  plan_code: string;
  level: string;
  label: string;
  parent_id: string | null;
  /** Objectives: the ids of the strategic goals they serve, as a JSON array. */
  serves: string;
  region_code: string | null;
  title: string;
  position: number;
  /** The first year the item is no longer in the plan; null while it is. */
  retired_from: number | null;
  confirmed: number;
  source: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface ActivityPlanItemTable {
  activity_id: string;
  item_id: string;
  position: number;
  /** The activity's date range, copied so the coverage walks an item's links of a year (migration 0130). */
  date_start: string;
  date_end: string;
  /** What the coverage counts of the activity, copied with it (migration 0142): its seq, status, visibility, deletion and office codes (space-separated). */
  seq: number;
  status: string;
  visibility: string;
  deleted_at: string | null;
  offices: string;
}

export interface PlanTables {
  plan: PlanTable;
  plan_item: PlanItemTable;
  activity_plan_item: ActivityPlanItemTable;
}

export type PlanRow = Selectable<PlanTable>;
export type PlanItemRow = Selectable<PlanItemTable>;
