/** All SQL of reporting rounds, contributions, their transitions and comments. Each function takes the executor first. */
import type { Executor } from '#src/db/schema.ts';
import type { ContributionContent } from './content.ts';
import type { Contribution, ContributionState, ReviewComment, Round, RoundState, Transition } from './model.ts';
import type { CommentRow, ContributionRow, ContributionTable, ReportingRoundTable, RoundRow, TransitionRow } from './tables.ts';

// ---- rounds ----

function roundRow(round: Round): ReportingRoundTable {
  return {
    id: round.id,
    code: round.code,
    report_id: round.reportId,
    sector_code: round.sector,
    advisory_group_code: round.advisoryGroup,
    period_start: round.from,
    period_end: round.to,
    meeting: round.meeting,
    due: round.due,
    state: round.state,
    version: round.version,
    created_at: round.createdAt,
    created_by: round.createdBy,
    updated_at: round.updatedAt,
    updated_by: round.updatedBy,
    closed_at: round.closedAt,
    closed_by: round.closedBy,
  };
}

function toRound(row: RoundRow): Round {
  return {
    id: row.id,
    code: row.code,
    reportId: row.report_id,
    sector: row.sector_code,
    advisoryGroup: row.advisory_group_code,
    from: row.period_start,
    to: row.period_end,
    meeting: row.meeting,
    due: row.due,
    state: row.state as RoundState,
    version: Number(row.version),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
  };
}

export async function insertRound(ex: Executor, round: Round): Promise<void> {
  await ex.insertInto('reporting_round').values(roundRow(round)).execute();
}

export async function findRound(ex: Executor, code: string): Promise<Round | null> {
  const row = await ex.selectFrom('reporting_round').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toRound(row) : null;
}

export async function findRoundsByIds(ex: Executor, ids: readonly string[]): Promise<Round[]> {
  if (ids.length === 0) return [];
  return (await ex.selectFrom('reporting_round').selectAll().where('id', 'in', [...ids]).execute()).map(toRound);
}

/** Newest period first. */
export async function listRounds(ex: Executor, filter: { state?: RoundState } = {}): Promise<Round[]> {
  let query = ex.selectFrom('reporting_round').selectAll();
  if (filter.state) query = query.where('state', '=', filter.state);
  const rows = await query.orderBy('period_end', 'desc').orderBy('code').execute();
  return rows.map(toRound);
}

/** Codes starting with a prefix, to number a default code that is taken. */
export async function roundCodesLike(ex: Executor, prefix: string): Promise<Set<string>> {
  const rows = await ex.selectFrom('reporting_round').select('code').where('code', 'like', `${prefix}%`).execute();
  return new Set(rows.map((r) => r.code));
}

/** Writes a changed round if it is still at `expectedVersion`; false when someone changed it first. */
export async function updateRound(ex: Executor, round: Round, expectedVersion: number): Promise<boolean> {
  const { id, created_at: _a, created_by: _b, code: _c, report_id: _d, ...changes } = roundRow(round);
  const result = await ex.updateTable('reporting_round').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listReviewers(ex: Executor, roundId: string): Promise<string[]> {
  const rows = await ex.selectFrom('reporting_round_reviewer').select('user_id').where('round_id', '=', roundId).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

export async function setReviewers(ex: Executor, roundId: string, userIds: readonly string[]): Promise<void> {
  await ex.deleteFrom('reporting_round_reviewer').where('round_id', '=', roundId).execute();
  if (userIds.length > 0) await ex.insertInto('reporting_round_reviewer').values(userIds.map((user_id) => ({ round_id: roundId, user_id }))).execute();
}

// ---- contributions ----

function contributionRow(c: Contribution): ContributionTable {
  return {
    id: c.id,
    round_id: c.roundId,
    office_code: c.office,
    state: c.state,
    content: c.content === null ? null : JSON.stringify(c.content),
    version: c.version,
    accepted_content: c.accepted ? JSON.stringify(c.accepted.content) : null,
    accepted_version: c.accepted?.version ?? null,
    accepted_at: c.accepted?.at ?? null,
    accepted_by: c.accepted?.by ?? null,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    updated_by: c.updatedBy,
  };
}

function toContribution(row: ContributionRow): Contribution {
  return {
    id: row.id,
    roundId: row.round_id,
    office: row.office_code,
    state: row.state as ContributionState,
    content: row.content === null ? null : (JSON.parse(row.content) as ContributionContent),
    version: Number(row.version),
    accepted:
      row.accepted_content === null || row.accepted_version === null || row.accepted_at === null || row.accepted_by === null
        ? null
        : { content: JSON.parse(row.accepted_content) as ContributionContent, version: Number(row.accepted_version), at: row.accepted_at, by: row.accepted_by },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function insertContributions(ex: Executor, contributions: readonly Contribution[]): Promise<void> {
  if (contributions.length > 0) await ex.insertInto('contribution').values(contributions.map(contributionRow)).execute();
}

/** Takes offices off a round: only contributions nobody started (the service checks). */
export async function deleteUnstartedContributions(ex: Executor, roundId: string, offices: readonly string[]): Promise<void> {
  if (offices.length === 0) return;
  await ex.deleteFrom('contribution').where('round_id', '=', roundId).where('office_code', 'in', [...offices]).where('state', '=', 'not_started').execute();
}

export async function listContributions(ex: Executor, roundIds: readonly string[]): Promise<Contribution[]> {
  if (roundIds.length === 0) return [];
  const rows = await ex.selectFrom('contribution').selectAll().where('round_id', 'in', [...roundIds]).orderBy('office_code').execute();
  return rows.map(toContribution);
}

export async function findContribution(ex: Executor, roundId: string, office: string): Promise<Contribution | null> {
  const row = await ex.selectFrom('contribution').selectAll().where('round_id', '=', roundId).where('office_code', '=', office).executeTakeFirst();
  return row ? toContribution(row) : null;
}

export async function listContributionsOfOffices(ex: Executor, offices: readonly string[]): Promise<Contribution[]> {
  if (offices.length === 0) return [];
  const rows = await ex.selectFrom('contribution').selectAll().where('office_code', 'in', [...offices]).orderBy('round_id').execute();
  return rows.map(toContribution);
}

/** Writes a changed contribution if it is still at `expectedVersion`; false when someone changed it first. */
export async function updateContribution(ex: Executor, c: Contribution, expectedVersion: number): Promise<boolean> {
  const { id, round_id: _r, office_code: _o, created_at: _c, ...changes } = contributionRow(c);
  const result = await ex.updateTable('contribution').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- history and comments ----

const toTransition = (row: TransitionRow): Transition => ({
  id: row.id,
  contributionId: row.contribution_id,
  at: row.at,
  byId: row.by_id,
  by: row.by_label,
  from: row.from_state as ContributionState,
  to: row.to_state as ContributionState,
  comment: row.comment,
});

export async function insertTransition(ex: Executor, t: Transition): Promise<void> {
  await ex
    .insertInto('contribution_transition')
    .values({ id: t.id, contribution_id: t.contributionId, at: t.at, by_id: t.byId, by_label: t.by, from_state: t.from, to_state: t.to, comment: t.comment })
    .execute();
}

/** Oldest first. */
export async function listTransitions(ex: Executor, contributionIds: readonly string[]): Promise<Transition[]> {
  if (contributionIds.length === 0) return [];
  const rows = await ex.selectFrom('contribution_transition').selectAll().where('contribution_id', 'in', [...contributionIds]).orderBy('at').orderBy('id').execute();
  return rows.map(toTransition);
}

const toComment = (row: CommentRow): ReviewComment => ({
  id: row.id,
  contributionId: row.contribution_id,
  itemId: row.item_id,
  text: row.text,
  authorId: row.author_id,
  by: row.author_label,
  at: row.at,
  resolvedAt: row.resolved_at,
  resolvedBy: row.resolved_by,
});

export async function insertComment(ex: Executor, c: ReviewComment): Promise<void> {
  await ex
    .insertInto('contribution_comment')
    .values({ id: c.id, contribution_id: c.contributionId, item_id: c.itemId, text: c.text, author_id: c.authorId, author_label: c.by, at: c.at, resolved_at: c.resolvedAt, resolved_by: c.resolvedBy })
    .execute();
}

/** Oldest first. */
export async function listComments(ex: Executor, contributionIds: readonly string[]): Promise<ReviewComment[]> {
  if (contributionIds.length === 0) return [];
  const rows = await ex.selectFrom('contribution_comment').selectAll().where('contribution_id', 'in', [...contributionIds]).orderBy('at').orderBy('id').execute();
  return rows.map(toComment);
}

/** Marks a comment resolved once; false when it was already (or is not of this contribution). */
export async function resolveComment(ex: Executor, contributionId: string, id: string, at: string, by: string): Promise<boolean> {
  const result = await ex
    .updateTable('contribution_comment')
    .set({ resolved_at: at, resolved_by: by })
    .where('id', '=', id)
    .where('contribution_id', '=', contributionId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
