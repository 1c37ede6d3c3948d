/**
 * The saved definition of a report to an advisory group: its period and Sector, which activities
 * count, the TD header as the author set it and the narrative sections; with the constants the
 * API and the command line accept. Pure: no I/O.
 */
import { STATUSES, type Status } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Purpose } from './phrases.ts';

export const SELECTIONS = ['held', 'planned', 'all'] as const;
/** Which activities count: held ones, planned and confirmed ones, or every status. */
export type Selection = (typeof SELECTIONS)[number];

export const REPORT_VISIBILITIES = ['public', 'all'] as const;
/** Public activities only, or internal ones too. */
export type ReportVisibility = (typeof REPORT_VISIBILITIES)[number];

export const ITEM_TEXTS = ['description', 'fields'] as const;
/** How a list item is written: the activity's description when it has one, or always from its fields. */
export type ItemText = (typeof ITEM_TEXTS)[number];

export const NARRATIVE_KEYS = ['introduction', 'mandate', 'coordination'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface Contact {
  name: string;
  organisation: string | null;
  country: string | null;
  tel: string | null;
  email: string | null;
}

/** The TD header as the author set it; null fields are generated in the asked language. */
export interface ReportHeader {
  documentNumber: string | null;
  studyPeriod: string | null;
  questions: string | null;
  placeAndDate: string | null;
  source: string | null;
  title: string | null;
  purpose: Purpose;
  contacts: Contact[];
  keywords: string | null;
  abstract: string | null;
}

/** A narrative section: one of the three standard ones or the author's own; null means "generated". */
export interface NarrativeSection {
  key: string;
  title: string | null;
  markdown: string | null;
}

export interface ReportDefinition {
  id: string;
  sector: string;
  advisoryGroup: string;
  from: string;
  to: string;
  selection: Selection;
  visibility: ReportVisibility;
  itemText: ItemText;
  /** Months after the period whose activities (any status but cancelled) are listed after each office's own, 0 for none. */
  outlookMonths: number;
  /** Language of the generated parts unless another is asked for. */
  language: Language;
  /** The language the narrative is written in ("Original: English"). */
  originalLanguage: Language;
  header: ReportHeader;
  narrative: NarrativeSection[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export const EMPTY_HEADER: ReportHeader = {
  documentNumber: null,
  studyPeriod: null,
  questions: null,
  placeAndDate: null,
  source: null,
  title: null,
  purpose: 'information',
  contacts: [],
  keywords: null,
  abstract: null,
};

export const DEFAULT_NARRATIVE: readonly NarrativeSection[] = NARRATIVE_KEYS.map((key) => ({ key, title: null, markdown: null }));

export function statusesOf(selection: Selection): Status[] {
  if (selection === 'held') return ['held'];
  if (selection === 'planned') return ['planned', 'confirmed'];
  return [...STATUSES];
}

/** Statuses listed after the period: whatever happened or is still to happen there. */
export const OUTLOOK_STATUSES: readonly Status[] = STATUSES.filter((s) => s !== 'cancelled');

/** The days after the period that the outlook covers, or null when it is off. */
export function outlookOf(definition: Pick<ReportDefinition, 'to' | 'outlookMonths'>): { from: string; to: string } | null {
  if (definition.outlookMonths <= 0) return null;
  const [y, m, d] = definition.to.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d + 1));
  // The same day N months on, or the month's last day when it is shorter.
  const last = new Date(Date.UTC(y, m - 1 + definition.outlookMonths + 1, 0));
  const to = new Date(Date.UTC(y, m - 1 + definition.outlookMonths, Math.min(d, last.getUTCDate())));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
