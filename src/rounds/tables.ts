/** Kysely table interfaces of reporting rounds and contributions. Contents are JSON text. */
import type { Selectable } from 'kysely';

export interface ReportingRoundTable {
  id: string;
  code: string;
  report_id: string;
  sector_code: string;
  advisory_group_code: string;
  period_start: string;
  period_end: string;
  meeting: string;
  due: string;
  state: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface ReportingRoundReviewerTable {
  round_id: string;
  user_id: string;
}

export interface ContributionTable {
  id: string;
  round_id: string;
  office_code: string;
  state: string;
  content: string | null;
  version: number;
  accepted_content: string | null;
  accepted_version: number | null;
  accepted_at: string | null;
  accepted_by: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface ContributionTransitionTable {
  id: string;
  contribution_id: string;
  at: string;
  by_id: string | null;
  by_label: string;
  from_state: string;
  to_state: string;
  comment: string | null;
}

export interface ContributionCommentTable {
  id: string;
  contribution_id: string;
  item_id: string | null;
  text: string;
  author_id: string | null;
  author_label: string;
  at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface RoundTables {
  reporting_round: ReportingRoundTable;
  reporting_round_reviewer: ReportingRoundReviewerTable;
  contribution: ContributionTable;
  contribution_transition: ContributionTransitionTable;
  contribution_comment: ContributionCommentTable;
}

export type RoundRow = Selectable<ReportingRoundTable>;
export type ContributionRow = Selectable<ContributionTable>;
export type TransitionRow = Selectable<ContributionTransitionTable>;
export type CommentRow = Selectable<ContributionCommentTable>;
