/**
 * Director briefings (decision 24), as pure rules: the period a briefing covers, which one is due,
 * and the composition of a briefing from what the register, the reporting rounds and the
 * coordination meetings hold — per region, counted and listed. No I/O: the service gathers the
 * inputs, already worded in the briefing's language (the director's for the stored briefing, a
 * recipient's for their mailed copy), and stores or mails what this returns.
 */
import type { Language } from '#src/platform/i18n.ts';
import { issue, type FieldIssue } from '#src/platform/errors.ts';

export const BRIEFING_STATES = ['draft', 'sent'] as const;
export type BriefingState = (typeof BRIEFING_STATES)[number];

/** How many items of each list a briefing shows per office or region; the counts are always whole. */
export const LIST_LIMIT = 25;
export const NOTE_MAX = 4000;
/** A draft nobody sent goes out by itself this many days after its period ended (the note had that long). */
export const SEND_AFTER_DAYS = 5;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface Period {
  /** YYYY-MM */
  code: string;
  from: string;
  to: string;
}

/** A month as a period: 2020-07 → 2020-07-01 … 2020-07-31. Null when the code is not a month. */
export function periodOf(code: string): Period | null {
  const match = PERIOD.exec(code);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { code, from: `${code}-01`, to: `${code}-${String(last).padStart(2, '0')}` };
}

function shiftMonth(code: string, months: number): string {
  const [year, month] = code.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, month - 1 + months, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const nextPeriod = (code: string): string => shiftMonth(code, 1);

/** The period whose briefing is due on a day: the month before it (July's briefing is made from 1 August). */
export const periodDueOn = (day: string): string => shiftMonth(day.slice(0, 7), -1);

/** Whether a draft of this period has waited long enough for its note and goes out by itself. */
export function sendsByItself(period: string, today: string, days = SEND_AFTER_DAYS): boolean {
  const ended = periodOf(period);
  if (!ended) return false;
  const due = new Date(Date.parse(`${ended.to}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return today >= due;
}

// ---- inputs, worded by the service in the briefing's language ----

export interface RegionInput {
  code: string;
  name: string;
  position: number;
}

export interface OfficeInput {
  code: string;
  name: string;
  region: string;
}

export interface ActivityInput {
  id: string;
  title: string;
  when: string;
  /** Sortable start day. */
  start: string;
  status: string;
  offices: string[];
}

export interface ContributionInput {
  office: string;
  round: string;
  state: string;
  due: string;
}

export interface MeetingInput {
  id: string;
  series: string;
  startAt: string;
  state: string;
  minutesState: string;
  offices: string[];
}

export interface ActionInput {
  id: string;
  text: string;
  ownerOffice: string | null;
  ownerLabel: string;
  due: string;
  status: string;
}

export interface DirectorInput {
  name: string;
  title: string | null;
  confirmed: boolean;
}

export interface BriefingInputs {
  bureau: string;
  period: Period;
  next: Period;
  language: Language;
  director: DirectorInput | null;
  regions: readonly RegionInput[];
  offices: readonly OfficeInput[];
  /** Activities of the bureau's Sector(s) dated in the period. */
  inPeriod: readonly ActivityInput[];
  /** Activities of the bureau's Sector(s) dated in the next period. */
  inNext: readonly ActivityInput[];
  contributions: readonly ContributionInput[];
  /** The bureau's meetings (every state) starting in the period. */
  meetings: readonly MeetingInput[];
  /** The bureau's action items still open when composed. */
  openActions: readonly ActionInput[];
  /** The day the briefing is composed: overdue is reckoned on it. */
  today: string;
}

// ---- the composed briefing, stored as JSON ----

export interface BriefingItem {
  id: string;
  title: string;
  when: string;
  status: string;
}

export interface OfficeSection {
  code: string;
  name: string;
  held: BriefingItem[];
  planned: BriefingItem[];
  contributions: ContributionInput[];
}

export interface MeetingItem {
  id: string;
  series: string;
  startAt: string;
  minutesState: string;
}

export interface ActionLine {
  id: string;
  text: string;
  owner: string;
  due: string;
  overdue: boolean;
}

export interface Counts {
  held: number;
  planned: number;
  meetings: number;
  openActions: number;
}

export interface RegionSection {
  code: string;
  name: string;
  counts: Counts;
  offices: OfficeSection[];
  meetings: MeetingItem[];
  openActions: ActionLine[];
}

export interface BriefingContent {
  bureau: string;
  period: Period;
  next: Period;
  language: Language;
  director: DirectorInput | null;
  totals: Counts & { regions: number };
  regions: RegionSection[];
  /** Open action items owned by a person or by headquarters, in no region. */
  otherActions: ActionLine[];
}

const byStart = (a: ActivityInput, b: ActivityInput): number => a.start.localeCompare(b.start) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
const item = (a: ActivityInput): BriefingItem => ({ id: a.id, title: a.title, when: a.when, status: a.status });
const actionLine = (a: ActionInput, today: string): ActionLine => ({ id: a.id, text: a.text, owner: a.ownerLabel, due: a.due, overdue: a.due < today });

/**
 * The briefing: for each region in report order, its offices with what they held in the period
 * and plan for the next (planned or confirmed), their contributions in open rounds, the meetings
 * held in the period that the region's offices took part in, and the open action items its
 * offices own; counts are of every item, lists stop at LIST_LIMIT. An activity of two offices
 * of one region counts once for the region. Regions with nothing to say are kept, with zeros.
 */
export function composeBriefing(inputs: BriefingInputs): BriefingContent {
  const regionOf = new Map(inputs.offices.map((o) => [o.code, o.region]));
  // An activity belongs to the month its date begins in: one dated "2020" is not news every month of the year.
  const begins = (a: ActivityInput, p: Period): boolean => a.start >= p.from && a.start <= p.to;
  const held = inputs.inPeriod.filter((a) => a.status === 'held' && begins(a, inputs.period));
  const planned = inputs.inNext.filter((a) => (a.status === 'planned' || a.status === 'confirmed') && begins(a, inputs.next));
  const meetingsHeld = inputs.meetings.filter((m) => m.state !== 'cancelled' && m.startAt.slice(0, 10) <= inputs.today);
  const open = inputs.openActions.filter((a) => a.status === 'open').sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
  const inRegion = (codes: readonly string[], region: string): boolean => codes.some((c) => regionOf.get(c) === region);

  const regions = [...inputs.regions]
    .sort((a, b) => a.position - b.position)
    .map((region): RegionSection => {
      const offices = inputs.offices.filter((o) => o.region === region.code);
      const regionHeld = held.filter((a) => inRegion(a.offices, region.code)).sort(byStart);
      const regionPlanned = planned.filter((a) => inRegion(a.offices, region.code)).sort(byStart);
      const meetings = meetingsHeld.filter((m) => inRegion(m.offices, region.code)).sort((a, b) => a.startAt.localeCompare(b.startAt));
      const actions = open.filter((a) => a.ownerOffice !== null && regionOf.get(a.ownerOffice) === region.code);
      return {
        code: region.code,
        name: region.name,
        counts: { held: regionHeld.length, planned: regionPlanned.length, meetings: meetings.length, openActions: actions.length },
        offices: offices.map((office) => ({
          code: office.code,
          name: office.name,
          held: regionHeld.filter((a) => a.offices.includes(office.code)).slice(0, LIST_LIMIT).map(item),
          planned: regionPlanned.filter((a) => a.offices.includes(office.code)).slice(0, LIST_LIMIT).map(item),
          contributions: inputs.contributions.filter((c) => c.office === office.code),
        })),
        meetings: meetings.slice(0, LIST_LIMIT).map((m) => ({ id: m.id, series: m.series, startAt: m.startAt, minutesState: m.minutesState })),
        openActions: actions.slice(0, LIST_LIMIT).map((a) => actionLine(a, inputs.today)),
      };
    });
  const regional = new Set(regions.flatMap((r) => r.offices.map((o) => o.code)));
  const otherActions = open.filter((a) => a.ownerOffice === null || !regional.has(a.ownerOffice)).map((a) => actionLine(a, inputs.today));
  const counted = (list: readonly ActivityInput[]): number => list.filter((a) => a.offices.some((c) => regional.has(c))).length;
  return {
    bureau: inputs.bureau,
    period: inputs.period,
    next: inputs.next,
    language: inputs.language,
    director: inputs.director,
    totals: {
      regions: regions.length,
      held: counted(held),
      planned: counted(planned),
      meetings: meetingsHeld.length,
      openActions: open.length,
    },
    regions,
    otherActions,
  };
}

/** Who a sent briefing went to, kept with it. */
export interface Recipient {
  email: string;
  name: string;
  language: Language;
  role: 'director' | 'focal-point';
}

/** Whether the briefing can reach its director: `ready`, or why not. */
export type Delivery = 'ready' | 'no-director' | 'no-address';

export function deliveryOf(director: DirectorInput | null, address: string | null): Delivery {
  if (!director) return 'no-director';
  return address ? 'ready' : 'no-address';
}

export interface Briefing {
  id: string;
  bureau: string;
  period: string;
  state: BriefingState;
  note: string | null;
  content: BriefingContent;
  language: Language;
  composedAt: string;
  recipients: Recipient[];
  sentAt: string | null;
  sentBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export function periodIssues(code: string, path: string): FieldIssue[] {
  return periodOf(code) ? [] : [issue(path, 'invalid_format', 'must be a month, YYYY-MM', { value: code, format: 'YYYY-MM' })];
}
