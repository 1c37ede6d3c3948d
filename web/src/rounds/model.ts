/**
 * Reporting rounds and contributions as the API gives them (/work/notes/rounds-api.md, the
 * OpenAPI at /api/docs), and the one way the screens address them.
 */
import type { ActivitySeen, ContributionContent } from '#src/rounds/content.ts';
import type { Status } from '../vocabulary.ts';

export type { ActivityLink, ActivitySeen, ContributionBlock, ContributionContent, ContributionItem } from '#src/rounds/content.ts';

export const CONTRIBUTION_STATES = ['not_started', 'draft', 'submitted', 'changes_requested', 'accepted'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];
export type ContributionAction = 'start' | 'edit' | 'submit' | 'request_changes' | 'accept' | 'reopen';
export type RoundState = 'open' | 'closed';
export const ROUND_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

export interface RoundCounts {
  asked: number;
  notStarted: number;
  draft: number;
  submitted: number;
  changesRequested: number;
  accepted: number;
  late: number;
}

export interface RoundSummary {
  code: string;
  sector: string;
  advisoryGroup: string;
  meeting: string;
  from: string;
  to: string;
  due: string;
  state: RoundState;
  reportId: string;
  version: number;
  counts: RoundCounts;
}

export interface Round extends RoundSummary {
  offices: Array<{ code: string; name: string }>;
  reviewers: Array<{ id: string; displayName: string }>;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
}

export interface BoardRow {
  office: string;
  officeName: string;
  region: string;
  state: ContributionState;
  lastChange: { at: string; by: string; state: ContributionState } | null;
  items: number;
  linkedActivities: number;
  omissions: number;
  late: boolean;
  version: number;
}

export interface Board {
  round: RoundSummary;
  contributions: BoardRow[];
}

export interface ActivitySummary {
  id: string;
  title: string;
  date: string;
  place: string | null;
  status: Status;
}

export interface Comment {
  id: string;
  itemId: string | null;
  text: string;
  by: string;
  at: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface Transition {
  at: string;
  by: string;
  from: ContributionState;
  to: ContributionState;
  comment: string | null;
}

export interface Contribution {
  round: string;
  office: string;
  officeName: string;
  state: ContributionState;
  version: number;
  content: ContributionContent | null;
  due: string;
  late: boolean;
  history: Transition[];
  comments: Comment[];
  omissions: ActivitySummary[];
  offered: ActivitySummary[];
  outsidePeriod: Array<{ itemId: string; activityId: string }>;
  /** What the state allows next, whoever may do it. */
  actions: ContributionAction[];
  /** Linked activities that read differently now; `now` null: no longer in the register. */
  changed: Array<{ itemId: string; activityId: string; before: ActivitySeen; now: ActivitySeen | null; fields: Array<'title' | 'date' | 'place' | 'status'> }>;
  accepted: { version: number; at: string; by: string; content: ContributionContent } | null;
}

export interface MyContribution {
  round: RoundSummary;
  office: string;
  officeName: string;
  state: ContributionState;
  due: string;
  late: boolean;
  latestComments: Comment[];
}

/** The states in which the office may write (a first save of "changes requested" makes it a draft again). */
export const EDITABLE: readonly ContributionState[] = ['draft', 'changes_requested'];

export const roundPath = (code: string): string => `/api/rounds/${encodeURIComponent(code)}`;
export const contributionPath = (code: string, office: string): string => `${roundPath(code)}/contributions/${encodeURIComponent(office)}`;
/** The compiled report of a round; a draft (with missing offices listed) unless every office is accepted. */
export const compiledUrl = (code: string, format: RoundFormat, language: string, draft: boolean): string =>
  `${roundPath(code)}/report.${format}?lang=${language}${draft ? '&draft=true' : ''}`;

/** The workspace's own addresses. */
export const screens = {
  rounds: '/rounds',
  board: (code: string) => `/rounds/${encodeURIComponent(code)}`,
  cover: (code: string) => `/rounds/${encodeURIComponent(code)}/cover`,
  contribution: (code: string, office: string) => `/rounds/${encodeURIComponent(code)}/offices/${encodeURIComponent(office)}`,
};
