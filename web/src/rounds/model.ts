/**
 * Reporting rounds and contributions as the API gives them (/work/notes/rounds-api.md, the
 * OpenAPI at /api/docs), and the one way the screens address them.
 */
import type { BoardResponse, CommentResponse, ContributionResponse, MyContributionsResponse, RoundResponse, RoundSummaryResponse } from '#src/rounds/schemas.ts';
import type { ContributionAction as ServerContributionAction, ContributionState as ServerContributionState } from '#src/rounds/model.ts';

export type { ActivityLink, ActivitySeen, ContributionBlock, ContributionContent, ContributionItem } from '#src/rounds/content.ts';

// The shapes are the server's own response schemas, so the screens follow the API as it changes.
export type ContributionState = ServerContributionState;
export type ContributionAction = ServerContributionAction;
export type RoundSummary = RoundSummaryResponse;
export type RoundCounts = RoundSummary['counts'];
export type Round = RoundResponse;
export type Board = BoardResponse;
export type BoardRow = Board['contributions'][number];
export type Comment = CommentResponse;
export type Contribution = ContributionResponse;
export type ActivitySummary = Contribution['omissions'][number];
export type Transition = Contribution['history'][number];
export type MyContribution = MyContributionsResponse['data'][number];

/** The formats a round compiles to (the server's REPORT_FORMATS). */
export const ROUND_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

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
