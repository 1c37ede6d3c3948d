/**
 * Coordination meetings as the domain sees them (decision 22): a series of a bureau with its
 * recurrence read in its own time zone, the occurrences the recurrence makes (each movable or
 * cancellable alone), the agenda Fieldbook drafts for an occurrence from what each office taking
 * part recorded, the minutes (draft, then approved and frozen) and the action items that follow
 * their owner until closed. Pure: no I/O.
 */
import * as rrulePackage from 'rrule';
import { conflict, invalid, issue, type FieldIssue } from '#src/platform/errors.ts';

/**
 * rrule is a CommonJS (UMD) package: Node's ESM loader hands it over under `default`, a CommonJS
 * loader as it is; the workspace's bundle (which expands a rule to preview it) gets its ES module,
 * which has no `default`, looked up by a computed key so the bundler does not warn of it.
 */
const DEFAULT_EXPORT = 'default';
const { RRule } = ((rrulePackage as Record<string, unknown>)[DEFAULT_EXPORT] as typeof rrulePackage | undefined) ?? rrulePackage;

export const MEETING_KINDS = ['regular-call', 'monthly-review', 'face-to-face', 'inter-regional'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The bureaux and the General Secretariat, which own series. */
export const MEETING_BUREAUX = ['BR', 'TSB', 'BDT', 'SG'] as const;

export const OCCURRENCE_STATES = ['scheduled', 'cancelled'] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];

export const MINUTES_STATES = ['none', 'draft', 'approved'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ATTENDANCE_STATES = ['present', 'absent', 'excused'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/** How far ahead occurrences are made from the recurrence. */
export const HORIZON_DAYS = 183;
/** No series makes more occurrences than this in one go (a daily rule over years is a mistake). */
export const MAX_OCCURRENCES = 400;
/** Days before its due day an open action item is reminded to its owner. */
export const ACTION_REMINDER_DAYS = 3;
/** The agenda's look ahead at an office's events. */
export const UPCOMING_MONTHS = 3;

export interface Recurrence {
  /** RFC 5545 RRULE without DTSTART: FREQ=MONTHLY;BYDAY=1TU */
  rule: string;
  /** The first occurrence's wall-clock time in `timeZone`: 2020-09-01T14:00 */
  startsLocal: string;
  /** IANA zone: Europe/Zurich */
  timeZone: string;
  durationMinutes: number;
  /** Local days (YYYY-MM-DD) the recurrence skips. */
  exceptions: string[];
}

export interface Series extends Recurrence {
  id: string;
  code: string;
  bureau: string;
  kind: MeetingKind;
  title: string;
  chairId: string | null;
  chairLabel: string;
  offices: string[];
  room: string | null;
  onlineUrl: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export type ActionLink = { kind: 'activity'; id: string } | { kind: 'contribution'; round: string; office: string };

export interface AgendaItem {
  id: string;
  kind: 'office' | 'actions' | 'chair';
  /** The office the item is about (kind office). */
  office: string | null;
  title: string;
  points: string[];
}

export interface Agenda {
  items: AgendaItem[];
}

export interface MinutesItem {
  /** The agenda item noted, or null for a point outside the agenda. */
  agendaItemId: string | null;
  title: string;
  notes: string;
  decisions: string[];
}

export interface Minutes {
  items: MinutesItem[];
}

export interface Occurrence {
  id: string;
  seriesId: string;
  recurrenceStart: string;
  startAt: string;
  endAt: string;
  state: OccurrenceState;
  sequence: number;
  agenda: Agenda | null;
  agendaDraftedAt: string | null;
  minutes: Minutes | null;
  minutesState: MinutesState;
  minutesApprovedAt: string | null;
  minutesApprovedBy: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface ActionItem {
  id: string;
  seriesId: string;
  occurrenceId: string;
  agendaItem: string | null;
  text: string;
  ownerOffice: string | null;
  ownerUserId: string | null;
  ownerLabel: string;
  due: string;
  status: ActionStatus;
  links: ActionLink[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  closedAt: string | null;
}

export interface Attendance {
  office: string;
  state: AttendanceState;
  people: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface MinutesRevision {
  at: string;
  by: string;
  state: MinutesState;
  minutes: Minutes;
}

// ---- time zones ----

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, as milliseconds of a UTC date with the same fields. */
function wallClockMs(instant: number, zone: string): number {
  const fields: Record<string, number> = {};
  for (const part of partsIn(zone).formatToParts(new Date(instant))) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
}

/**
 * The instant (ISO, UTC) of a wall-clock time in a zone: 2020-09-01T14:00 in Europe/Zurich →
 * 2020-09-01T12:00:00.000Z. A time the clocks skip (spring forward) is read as the one after it;
 * a time they pass twice, as the first.
 */
export function zonedToUtc(local: string, zone: string): string {
  const match = LOCAL.exec(local);
  if (!match) throw new Error(`zonedToUtc: not a local time "${local}"`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds find the offset in force at the instant itself, across a change of offset.
  let instant = wall - (wallClockMs(wall, zone) - wall);
  instant = wall - (wallClockMs(instant, zone) - instant);
  const earlier = instant - 3_600_000;
  if (wallClockMs(earlier, zone) === wall) instant = earlier;
  return new Date(instant).toISOString();
}

/** The wall-clock time (YYYY-MM-DDTHH:mm) of an instant in a zone. */
export function utcToZoned(iso: string, zone: string): string {
  return new Date(wallClockMs(Date.parse(iso), zone)).toISOString().slice(0, 16);
}

// ---- recurrence ----

export function recurrenceIssues(recurrence: Partial<Recurrence>, path = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (recurrence.timeZone !== undefined && !isTimeZone(recurrence.timeZone)) issues.push(issue(`${path}.timeZone`, 'invalid_format', `"${recurrence.timeZone}" is not a time zone (e.g. Europe/Zurich)`, { format: 'IANA time zone' }));
  if (recurrence.startsLocal !== undefined && !LOCAL.test(recurrence.startsLocal)) issues.push(issue(`${path}.startsLocal`, 'invalid_format', 'expected a local time written yyyy-mm-ddThh:mm', { format: 'yyyy-mm-ddThh:mm' }));
  if (recurrence.rule !== undefined) {
    try {
      if (/DTSTART/i.test(recurrence.rule)) throw new Error('DTSTART is given by startsLocal');
      const options = RRule.parseString(recurrence.rule);
      if (options.freq === undefined) throw new Error('FREQ is missing');
      if (options.freq > RRule.DAILY) throw new Error('a meeting recurs daily at most');
    } catch (error) {
      issues.push(issue(`${path}.rule`, 'invalid_format', `not a recurrence rule: ${error instanceof Error ? error.message : String(error)}`, { format: 'RFC 5545 RRULE' }));
    }
  }
  return issues;
}

export interface Planned {
  /** Where the recurrence puts it (UTC ISO): the occurrence's identity. */
  recurrenceStart: string;
  startAt: string;
  endAt: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** A floating date (UTC fields = wall clock) as local text. */
const floatingText = (date: Date): string => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;

/**
 * The occurrences of a recurrence whose start is in [from, until): the rule is expanded on the
 * wall clock of the series' zone (so "first Tuesday, 14:00 Geneva time" stays 14:00 in Geneva
 * across summer time), then each is placed in UTC. Exception days are left out.
 */
export function expandRecurrence(recurrence: Recurrence, from: Date, until: Date, max = MAX_OCCURRENCES): Planned[] {
  const match = LOCAL.exec(recurrence.startsLocal);
  if (!match) return [];
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const rule = new RRule({ ...RRule.parseString(recurrence.rule), dtstart: new Date(Date.UTC(y, mo - 1, d, h, mi)) });
  const skipped = new Set(recurrence.exceptions);
  // Floating wall-clock dates are at most 14 hours off the instants: widen the window by a day.
  const dates = rule.between(new Date(from.getTime() - 86_400_000), new Date(until.getTime() + 86_400_000), true);
  const planned: Planned[] = [];
  for (const date of dates) {
    const local = floatingText(date);
    if (skipped.has(local.slice(0, 10))) continue;
    const startAt = zonedToUtc(local, recurrence.timeZone);
    const start = Date.parse(startAt);
    if (start < from.getTime() || start >= until.getTime()) continue;
    planned.push({ recurrenceStart: startAt, startAt, endAt: new Date(start + recurrence.durationMinutes * 60_000).toISOString() });
    if (planned.length >= max) break;
  }
  return planned;
}

export interface Existing {
  id: string;
  recurrenceStart: string;
  startAt: string;
  state: OccurrenceState;
  /** Moved by hand, or with an agenda or minutes: kept when the recurrence changes. */
  kept: boolean;
}

/**
 * What a (changed) recurrence does to the occurrences still to come: those it plans that do not
 * exist are made; those that exist and it no longer plans are cancelled, unless kept (moved by
 * hand, or already with an agenda or minutes). The past is never touched, except when a series is
 * new (`withPast`): then its past meetings are made too, so their minutes can be recorded.
 */
export function reconcile(existing: readonly Existing[], planned: readonly Planned[], now: Date, withPast = false): { create: Planned[]; cancel: string[] } {
  const have = new Set(existing.map((o) => o.recurrenceStart));
  const wanted = new Set(planned.map((p) => p.recurrenceStart));
  const create = planned.filter((p) => !have.has(p.recurrenceStart) && (withPast || Date.parse(p.startAt) > now.getTime()));
  const cancel = existing.filter((o) => o.state === 'scheduled' && !o.kept && !wanted.has(o.recurrenceStart) && Date.parse(o.startAt) > now.getTime()).map((o) => o.id);
  return { create, cancel };
}

/** The window of occurrences kept made: from the series' first to HORIZON_DAYS after now. */
export function planningWindow(recurrence: Recurrence, now: Date): { from: Date; until: Date } {
  const first = Date.parse(zonedToUtc(recurrence.startsLocal, recurrence.timeZone));
  return { from: new Date(first), until: new Date(now.getTime() + HORIZON_DAYS * 86_400_000) };
}

// ---- occurrences ----

export function requireScheduled(occurrence: Occurrence): void {
  if (occurrence.state === 'cancelled') throw conflict('occurrence_cancelled', 'This occurrence is cancelled.');
}

/** A move keeps the occurrence's identity and raises its SEQUENCE so calendars replace it. */
export function moved(occurrence: Occurrence, startAt: string, durationMinutes: number): Pick<Occurrence, 'startAt' | 'endAt' | 'sequence'> {
  return { startAt, endAt: new Date(Date.parse(startAt) + durationMinutes * 60_000).toISOString(), sequence: occurrence.sequence + 1 };
}

/** The occurrence before `at` that was held (not cancelled), for "since the previous meeting". */
export function previousHeld<T extends Pick<Occurrence, 'startAt' | 'state'>>(occurrences: readonly T[], at: string): T | null {
  let best: T | null = null;
  for (const o of occurrences) if (o.state === 'scheduled' && o.startAt < at && (!best || o.startAt > best.startAt)) best = o;
  return best;
}

// ---- minutes ----

export type MinutesAction = 'save' | 'approve';

/**
 * The minutes' states: none → draft on the first save; draft stays draft on saves; approve
 * (the chair, once the meeting has begun) freezes them. Approved minutes change no more.
 */
export function nextMinutesState(occurrence: Pick<Occurrence, 'minutesState' | 'state' | 'startAt' | 'minutes'>, action: MinutesAction, now: Date): MinutesState {
  if (occurrence.state === 'cancelled') throw conflict('occurrence_cancelled', 'A cancelled occurrence has no minutes.');
  if (occurrence.minutesState === 'approved') throw conflict('minutes_frozen', 'The minutes are approved and frozen.');
  if (action === 'save') return 'draft';
  if (Date.parse(occurrence.startAt) > now.getTime()) throw conflict('meeting_not_held', 'Minutes are approved after the meeting has begun.');
  if (occurrence.minutesState !== 'draft' || !occurrence.minutes) throw conflict('minutes_missing', 'There are no minutes to approve.');
  return 'approved';
}

export function minutesIssues(minutes: Minutes, agenda: Agenda | null): FieldIssue[] {
  const known = new Set((agenda?.items ?? []).map((item) => item.id));
  return minutes.items.flatMap((item, n) =>
    item.agendaItemId !== null && !known.has(item.agendaItemId) ? [issue(`body.minutes.items.${n}.agendaItemId`, 'invalid', `"${item.agendaItemId}" is no item of this occurrence's agenda`)] : [],
  );
}

// ---- action items ----

export function closedAt(status: ActionStatus, before: ActionItem | null, now: Date): string | null {
  if (status === 'open') return null;
  return before && before.status !== 'open' ? before.closedAt : now.toISOString();
}

export type ActionReminder = { kind: 'due-soon'; days: number } | { kind: 'overdue' };

/** Whether an open action item is reminded today: `days` before its due day, or once it has passed. */
export function actionReminder(item: Pick<ActionItem, 'status' | 'due'>, today: string, daysBefore: number): ActionReminder | null {
  if (item.status !== 'open') return null;
  if (item.due < today) return { kind: 'overdue' };
  const left = Math.round((Date.parse(`${item.due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return left <= daysBefore ? { kind: 'due-soon', days: left } : null;
}

export const isOpenAction = (item: Pick<ActionItem, 'status'>): boolean => item.status === 'open';

/** The action items an agenda carries: open ones raised in the series before the occurrence. */
export function carriedActions(items: readonly ActionItem[], occurrence: Pick<Occurrence, 'id' | 'startAt'>, startOf: (occurrenceId: string) => string | undefined): ActionItem[] {
  return items.filter((item) => item.status === 'open' && item.occurrenceId !== occurrence.id && (startOf(item.occurrenceId) ?? '') < occurrence.startAt);
}

// ---- agenda ----

export interface OfficeRecord {
  office: { code: string; name: string };
  /** Activities of the bureau's Sector recorded (added or changed) since the previous occurrence. */
  recorded: Array<{ id: string; title: string; when: string; status: string; isNew: boolean }>;
  /** Its events in the next three months. */
  upcoming: Array<{ id: string; title: string; when: string }>;
  /** Its contributions in open reporting rounds of the Sector. */
  contributions: Array<{ round: string; state: string; due: string }>;
}

export interface AgendaWords {
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
}

/**
 * The agenda Fieldbook drafts for an occurrence: the chair's own items first, then one item per
 * office taking part (what it recorded since the previous occurrence, its next three months, its
 * contributions in open rounds, its open action items), then the action items of nobody's office.
 * Item ids are stable for an office (office:<code>) so the minutes and a redraft find them.
 */
export function draftAgenda(input: { records: readonly OfficeRecord[]; openActions: readonly ActionItem[]; chairItems: readonly string[]; words: AgendaWords; statusLabel: (status: string) => string }): Agenda {
  const { t } = input.words;
  const actionPoint = (a: ActionItem): string => t('meetings.agenda.action', { text: a.text, owner: a.ownerLabel, due: a.due });
  const chair: AgendaItem[] = input.chairItems.map((title, n) => ({ id: `chair:${n + 1}`, kind: 'chair', office: null, title, points: [] }));
  const offices: AgendaItem[] = input.records.map((record) => {
    const held = record.recorded.filter((a) => a.status === 'held');
    const added = record.recorded.filter((a) => a.status !== 'held' && a.isNew);
    const actions = input.openActions.filter((a) => a.ownerOffice === record.office.code);
    const points = [
      ...held.map((a) => t('meetings.agenda.held', { title: a.title, when: a.when })),
      ...added.map((a) => t('meetings.agenda.new', { title: a.title, when: a.when })),
      ...record.upcoming.map((a) => t('meetings.agenda.upcoming', { title: a.title, when: a.when })),
      ...record.contributions.map((c) => t('meetings.agenda.contribution', { round: c.round, state: input.statusLabel(c.state), due: c.due })),
      ...actions.map(actionPoint),
    ];
    return { id: `office:${record.office.code}`, kind: 'office', office: record.office.code, title: record.office.name, points: points.length > 0 ? points : [t('meetings.agenda.nothing')] };
  });
  const others = input.openActions.filter((a) => a.ownerOffice === null || !input.records.some((r) => r.office.code === a.ownerOffice));
  const actions: AgendaItem[] = others.length > 0 ? [{ id: 'actions', kind: 'actions', office: null, title: t('meetings.agenda.actionsTitle'), points: others.map(actionPoint) }] : [];
  return { items: [...chair, ...offices, ...actions] };
}

export function agendaIssues(agenda: Agenda): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  agenda.items.forEach((item, n) => {
    if (seen.has(item.id)) issues.push(issue(`body.agenda.items.${n}.id`, 'given_twice', `${item.id} is given twice`, { value: item.id }));
    seen.add(item.id);
  });
  return issues;
}

export const requireValid = (issues: FieldIssue[]): void => {
  if (issues.length > 0) throw invalid(issues);
};
