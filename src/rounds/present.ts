/** What of rounds and contributions leaves the server (only signed-in users ever see any). */
import type { Activity } from '#src/activities/model.ts';
import { textIn } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { localise, type Office } from '#src/registry/model.ts';
import { actionsIn, type ReviewComment } from './model.ts';
import type { BoardResponse, CommentResponse, ContributionResponse, MyContributionsResponse, RoundResponse, RoundSummaryResponse } from './schemas.ts';
import type { Board, ContributionDetails, MyContribution, RoundDetails, RoundSummary } from './service.ts';

const officeName = (office: Office, language: Language): string => localise(office.names, language).text;

export function presentRoundSummary({ round: r, counts }: RoundSummary): RoundSummaryResponse {
  return {
    code: r.code,
    sector: r.sector,
    advisoryGroup: r.advisoryGroup,
    meeting: r.meeting,
    from: r.from,
    to: r.to,
    due: r.due,
    state: r.state,
    reportId: r.reportId,
    version: r.version,
    counts,
  };
}

export function presentRound(details: RoundDetails, language: Language): RoundResponse {
  const { round: r } = details;
  return {
    ...presentRoundSummary(details),
    offices: details.offices.map((o) => ({ code: o.code, name: officeName(o, language) })),
    reviewers: details.reviewers.map((u) => ({ id: u.id, displayName: u.displayName })),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    closedAt: r.closedAt,
  };
}

export function presentBoard(board: Board, language: Language): BoardResponse {
  return {
    round: presentRoundSummary(board.summary),
    contributions: board.rows.map((row) => ({
      office: row.office.code,
      officeName: officeName(row.office, language),
      region: row.office.region,
      state: row.contribution.state,
      lastChange: row.lastChange ? { at: row.lastChange.at, by: row.lastChange.by, state: row.lastChange.to } : null,
      items: row.items,
      linkedActivities: row.linkedActivities,
      omissions: row.omissions,
      late: row.late,
      version: row.contribution.version,
    })),
  };
}

export function presentComment(c: ReviewComment): CommentResponse {
  return { id: c.id, itemId: c.itemId, text: c.text, by: c.by, at: c.at, resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy };
}

function activitySummary(a: Activity, language: Language) {
  const place = a.place ? [a.place.city, a.place.country].filter(Boolean).join(', ') : '';
  return { id: a.id, title: textIn(a.title, language, a.originalLanguage)?.text ?? '', date: a.date.text, place: place === '' ? null : place, status: a.status };
}

export function presentContribution(d: ContributionDetails, language: Language): ContributionResponse {
  const c = d.contribution;
  return {
    round: d.round.code,
    office: c.office,
    officeName: officeName(d.office, language),
    state: c.state,
    version: c.version,
    content: c.content,
    due: d.round.due,
    late: d.late,
    actions: actionsIn(c.state),
    history: d.history.map((t) => ({ at: t.at, by: t.by, from: t.from, to: t.to, comment: t.comment })),
    comments: d.comments.map(presentComment),
    omissions: d.omissions.map((a) => activitySummary(a, language)),
    offered: d.offered.map((a) => activitySummary(a, language)),
    outsidePeriod: d.outsidePeriod,
    changed: d.changed,
    accepted: c.accepted ? { version: c.accepted.version, at: c.accepted.at, by: c.accepted.by, content: c.accepted.content } : null,
  };
}

export function presentMine(list: readonly MyContribution[], language: Language): MyContributionsResponse {
  return {
    data: list.map((m) => ({
      round: presentRoundSummary(m.summary),
      office: m.contribution.office,
      officeName: officeName(m.office, language),
      state: m.contribution.state,
      due: m.summary.round.due,
      late: m.late,
      latestComments: m.latestComments.map(presentComment),
    })),
  };
}
