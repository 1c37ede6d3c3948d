/** Kysely table interfaces of vacancies and nominations. Booleans are 0/1. */
import type { Generated, Selectable } from 'kysely';

export interface LeadershipPositionTable {
  id: string;
  body_code: string;
  study_period: string;
  role: string;
  label: string | null;
  status: string;
  holder_name: string | null;
  holder_country: string | null;
  source: string | null;
  confirmed: number;
  version: Generated<number>;
  edited_at: string | null;
  edited_by: string | null;
}

export interface OutreachTable {
  id: string;
  office_code: string;
  country: string;
  kind: string;
  body_code: string;
  study_period: string;
  position_id: string | null;
  on_day: string;
  note: string | null;
  activity_id: string;
  created_at: string;
  created_by: string;
}

export interface NominationTable {
  id: string;
  office_code: string;
  country: string;
  position_id: string;
  candidate: string;
  outreach_id: string | null;
  state: string;
  on_day: string;
  version: Generated<number>;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface VacancyTables {
  leadership_position: LeadershipPositionTable;
  outreach: OutreachTable;
  nomination: NominationTable;
}

export type LeadershipPositionRow = Selectable<LeadershipPositionTable>;
export type OutreachRow = Selectable<OutreachTable>;
export type NominationRow = Selectable<NominationTable>;
