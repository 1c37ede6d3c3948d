/** Kysely table interfaces of director briefings. Content and recipients are JSON text. */
import type { Selectable } from 'kysely';

export interface BriefingTable {
  id: string;
  bureau_code: string;
  period: string;
  state: string;
  note: string | null;
  content: string;
  language: string;
  composed_at: string;
  recipients: string;
  sent_at: string | null;
  sent_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface BriefingDirectorAccountTable {
  bureau_code: string;
  user_id: string;
  updated_at: string;
  updated_by: string;
}

export interface BriefingTables {
  briefing: BriefingTable;
  briefing_director_account: BriefingDirectorAccountTable;
}

export type BriefingRow = Selectable<BriefingTable>;
