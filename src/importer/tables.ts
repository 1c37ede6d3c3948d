/** Kysely table interfaces of import batches and their proposals. */
import type { Selectable } from 'kysely';

export interface ImportBatchTable {
  id: string;
  document_name: string;
  document_hash: string;
  format: string;
  office_code: string | null;
  header: string;
  period: string | null;
  sections: string;
  unplaced: string;
  unplaced_count: number;
  empty_reason: string | null;
  created_at: string;
  created_by: string;
}

export interface ImportProposalTable {
  id: string;
  batch_id: string;
  position: number;
  fingerprint: string;
  proposal: string;
  state: string;
  activity_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
  match: string | null;
}

export interface ImportPassageTable {
  batch_id: string;
  position: number;
  state: string;
  proposal_position: number | null;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
}

export interface ImportTables {
  import_batch: ImportBatchTable;
  import_proposal: ImportProposalTable;
  import_passage: ImportPassageTable;
}

export type ImportBatchRow = Selectable<ImportBatchTable>;
export type ImportProposalRow = Selectable<ImportProposalTable>;
export type ImportPassageRow = Selectable<ImportPassageTable>;
