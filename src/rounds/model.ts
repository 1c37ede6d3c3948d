/**
 * Reporting rounds and the offices' contributions: the states and who moves them, what the round
 * board counts, lateness, what a contribution may have left out, and what changed in the register
 * since an office wrote about it. Pure: no I/O.
 */
import type { Activity } from '#src/activities/model.ts';
import { textIn } from '#src/activities/model.ts';
import { conflict } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { countryName } from '#src/registry/countries.ts';
import type { Office } from '#src/registry/model.ts';
import { linkedActivityIds, textUnits, type ActivitySeen, type ContributionContent } from './content.ts';

export const ROUND_STATES = ['open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const CONTRIBUTION_STATES = ['not_started', 'draft', 'submitted', 'changes_requested', 'accepted'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

/** What moves a contribution, and who may: the office writes, the round's reviewers review. */
export const CONTRIBUTION_ACTIONS = ['start', 'edit', 'submit', 'request_changes', 'accept', 'reopen'] as const;
export type ContributionAction = (typeof CONTRIBUTION_ACTIONS)[number];
export type ContributionRole = 'office' | 'reviewer';

export const ACTION_ROLE: Record<ContributionAction, ContributionRole> = {
  start: 'office',
  edit: 'office',
  submit: 'office',
  request_changes: 'reviewer',
  accept: 'reviewer',
  reopen: 'reviewer',
};

/** From each state, where each action leads; an action missing here is refused in that state. */
const TRANSITIONS: Record<ContributionState, Partial<Record<ContributionAction, ContributionState>>> = {
  not_started: { start: 'draft' },
  draft: { edit: 'draft', submit: 'submitted' },
  // The office answers a request by editing (back to draft) or by submitting again as it is.
  changes_requested: { edit: 'draft', submit: 'submitted' },
  submitted: { request_changes: 'changes_requested', accept: 'accepted' },
  accepted: { reopen: 'draft' },
};

/** The actions open in a state (for the workspace's buttons). */
export function actionsIn(state: ContributionState): ContributionAction[] {
  return CONTRIBUTION_ACTIONS.filter((action) => TRANSITIONS[state][action] !== undefined);
}

/** The state an action leads to, or a `contribution_state` conflict naming the current state. */
export function nextState(state: ContributionState, action: ContributionAction): ContributionState {
  const next = TRANSITIONS[state][action];
  if (next === undefined) {
    throw conflict('contribution_state', `The contribution is ${state.replace('_', ' ')}: it cannot be ${ACTION_WORDS[action]} now.`);
  }
  return next;
}

const ACTION_WORDS: Record<ContributionAction, string> = {
  start: 'started',
  edit: 'edited',
  submit: 'submitted',
  request_changes: 'sent back for changes',
  accept: 'accepted',
  reopen: 'reopened',
};

/** A closed round is read-only: nothing in it moves. */
export function requireOpen(round: { state: RoundState; code: string }): void {
  if (round.state === 'closed') throw conflict('round_closed', `The round ${round.code} is closed: it is read-only.`);
}

/** Late: the due day has passed and the office has not handed its contribution in. */
export function isLate(state: ContributionState, due: string, today: string): boolean {
  return today > due && state !== 'submitted' && state !== 'accepted';
}

export interface RoundCounts {
  asked: number;
  notStarted: number;
  draft: number;
  submitted: number;
  changesRequested: number;
  accepted: number;
  late: number;
}

/** The board's line on top: "9 of 13 accepted, 2 submitted, 1 changes requested, 1 not started — 1 late". */
export function roundCounts(contributions: ReadonlyArray<{ state: ContributionState }>, due: string, today: string): RoundCounts {
  const count = (state: ContributionState) => contributions.filter((c) => c.state === state).length;
  return {
    asked: contributions.length,
    notStarted: count('not_started'),
    draft: count('draft'),
    submitted: count('submitted'),
    changesRequested: count('changes_requested'),
    accepted: count('accepted'),
    late: contributions.filter((c) => isLate(c.state, due, today)).length,
  };
}

// ---- what is stored ----

export interface Round {
  id: string;
  code: string;
  /** The round's report definition: Sector, advisory group, period, cover and common sections. */
  reportId: string;
  sector: string;
  advisoryGroup: string;
  from: string;
  to: string;
  meeting: string;
  due: string;
  state: RoundState;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  closedAt: string | null;
  closedBy: string | null;
}

export interface AcceptedSnapshot {
  content: ContributionContent;
  version: number;
  at: string;
  by: string;
}

export interface Contribution {
  id: string;
  roundId: string;
  office: string;
  state: ContributionState;
  /** Null until the office starts. */
  content: ContributionContent | null;
  version: number;
  /** What was accepted, frozen: the compiled report prints this, whatever the register says later. */
  accepted: AcceptedSnapshot | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Transition {
  id: string;
  contributionId: string;
  at: string;
  byId: string | null;
  by: string;
  from: ContributionState;
  to: ContributionState;
  comment: string | null;
}

export interface ReviewComment {
  id: string;
  contributionId: string;
  /** The item or paragraph commented on; null: the whole contribution. */
  itemId: string | null;
  text: string;
  authorId: string | null;
  by: string;
  at: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

// ---- the register beside the text ----

export interface Period {
  from: string;
  to: string;
}

const overlaps = (activity: Pick<Activity, 'date'>, period: Period): boolean => activity.date.start <= period.to && activity.date.end >= period.from;

/** The office's activities in the period that no paragraph or item names ("in the register but not in your section"). */
export function possibleOmissions(content: ContributionContent | null, inPeriod: readonly Activity[]): Activity[] {
  const named = new Set(content ? linkedActivityIds(content) : []);
  return inPeriod.filter((activity) => !named.has(activity.id));
}

/**
 * Items naming an activity dated wholly before or after the period (a "Furthermore" outlook names
 * later ones on purpose; the flag lets the office see it, not refuse it). Activities no longer in
 * the register are not judged here: `changedLinks` shows them.
 */
export function outsidePeriod(content: ContributionContent | null, linked: ReadonlyMap<string, Activity>, period: Period): Array<{ itemId: string; activityId: string }> {
  if (!content) return [];
  return textUnits(content).flatMap((unit) =>
    unit.activities.flatMap((link) => {
      const activity = linked.get(link.id);
      return activity && !overlaps(activity, period) ? [{ itemId: unit.id, activityId: link.id }] : [];
    }),
  );
}

/** What an activity says now, as an item remembers it. */
export function activitySeen(activity: Activity, language: Language): ActivitySeen {
  const title = textIn(activity.title, language, activity.originalLanguage)?.text ?? '';
  const place = activity.place;
  const where = place ? [place.city, place.country ? countryName(place.country, language, 'display') : null].filter(Boolean).join(', ') : '';
  return { version: activity.version, title, date: activity.date.text, place: where === '' ? null : where, status: activity.status };
}

const SEEN_FIELDS = ['title', 'date', 'place', 'status'] as const;

export interface ChangedLink {
  itemId: string;
  activityId: string;
  before: ActivitySeen;
  /** Null: the activity is no longer in the register (deleted). */
  now: ActivitySeen | null;
  /** Which of title, date, place, status differ. */
  fields: Array<(typeof SEEN_FIELDS)[number]>;
}

/**
 * "Changed in the register since you wrote this": links whose activity now reads differently in
 * what an item says of it (title, date, place, status); a new version that changed none of those
 * (a description, a document link) is no news for the text.
 */
export function changedLinks(content: ContributionContent | null, now: ReadonlyMap<string, ActivitySeen>): ChangedLink[] {
  if (!content) return [];
  return textUnits(content).flatMap((unit) =>
    unit.activities.flatMap((link): ChangedLink[] => {
      const current = now.get(link.id) ?? null;
      if (current === null) return [{ itemId: unit.id, activityId: link.id, before: link.seen, now: null, fields: [...SEEN_FIELDS] }];
      const fields = SEEN_FIELDS.filter((field) => current[field] !== link.seen[field]);
      return fields.length > 0 ? [{ itemId: unit.id, activityId: link.id, before: link.seen, now: current, fields }] : [];
    }),
  );
}

/** Every item and paragraph id used more than once (they must be unique within a content). */
export function repeatedIds(content: ContributionContent): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of content.blocks.flatMap((block) => [block.id, ...(block.kind === 'list' ? block.items.map((i) => i.id) : [])])) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

/** Whether an item or paragraph of that id is in the content (comments attach to one). */
export function hasUnit(content: ContributionContent | null, id: string): boolean {
  return content !== null && (content.blocks.some((b) => b.id === id) || textUnits(content).some((u) => u.id === id));
}

// ---- opening and copying rounds ----

/** The field offices open at some time during the period: who is asked unless the focal point says otherwise. */
export function officesAskedByDefault(offices: readonly Office[], period: Period): Office[] {
  return offices.filter(
    (o) => o.kind !== 'headquarters' && (o.openedOn === null || o.openedOn <= period.to) && (o.closedOn === null || o.closedOn >= period.from),
  );
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function moveDay(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A copied round's dates: the previous ones moved by a year unless the focal point says otherwise. */
export function copiedDates(previous: { from: string; to: string; due: string }, years = 1): { from: string; to: string; due: string } {
  return { from: moveDay(previous.from, years), to: moveDay(previous.to, years), due: moveDay(previous.due, years) };
}

/** Codes are lower-case slugs: "tsag-2020". */
export const ROUND_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `<group>-<year the period ends>`, e.g. "tsag-2020"; "-2", "-3" … after it when taken. */
export function defaultRoundCode(advisoryGroup: string, to: string, taken: ReadonlySet<string>): string {
  const base = `${advisoryGroup.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${to.slice(0, 4)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The reminder a contribution is owed today: of the configured days before the due day (e.g. 7
 * and 1), the nearest one already reached; null before the first or after the due day. Sent once
 * each (the outbox's key), so a server that was down sends the most urgent one, not all.
 */
export function reminderDue(due: string, today: string, daysBefore: readonly number[]): number | null {
  const left = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (left < 0) return null;
  const reached = daysBefore.filter((d) => left <= d);
  return reached.length > 0 ? Math.min(...reached) : null;
}
