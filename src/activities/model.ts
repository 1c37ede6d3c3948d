/** The activity register's domain: what an activity is, and the pure rules over it. */
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import type { FuzzyDate } from './fuzzy-date.ts';
import { indexedWords } from './search-words.ts';

export const ACTIVITY_KINDS = [
  'workshop',
  'study-group-meeting',
  'regional-group-meeting',
  'preparatory-meeting',
  'forum',
  'training',
  'webinar',
  'project',
  'consultation',
  'coordination',
  'promotion',
  'presentation',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const OFFICE_ROLES = [
  'organised',
  'co-organised',
  'hosted',
  'supported',
  'participated',
  'contributed',
  'presented',
  'facilitated',
] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

export const STATUSES = ['planned', 'confirmed', 'held', 'postponed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const PLACE_MODES = ['in-person', 'online', 'hybrid'] as const;
export type PlaceMode = (typeof PLACE_MODES)[number];

export const RELATION_KINDS = ['back-to-back', 'postponed-as', 'follow-up-of', 'part-of'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Text in one or more of the six languages. */
export type Texts = Partial<Record<Language, string>>;

export interface Place {
  mode: PlaceMode;
  city: string | null;
  /** ISO 3166 alpha-2. */
  country: string | null;
}

export type Provenance =
  | { source: 'manual' }
  | { source: 'import'; document: string; section: string | null; item: string | null; text: string | null; batch: string | null };

export interface Link {
  url: string;
  title: string | null;
}

export interface OfficeParticipation {
  office: string;
  role: OfficeRole;
}

export interface Relation {
  activity: string;
  kind: RelationKind;
}

export interface Activity {
  id: string;
  title: Texts;
  originalLanguage: Language;
  kind: ActivityKind;
  status: Status;
  visibility: Visibility;
  offices: OfficeParticipation[];
  sectors: string[];
  bodies: string[];
  /** The plan items the activity serves, as linked (outputs, regional initiatives, goals or targets); the levels above are computed (plans/model.ts). */
  plans: string[];
  date: FuzzyDate;
  place: Place | null;
  description: Texts;
  outcome: Texts;
  participants: number | null;
  links: Link[];
  related: Relation[];
  provenance: Provenance;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
}

/** Activities counted by the month they start in and the region of their offices (`monthRegionCounts`). */
export interface MonthRegionCount {
  /** 1–12, or 0 for those dated by the whole year only. */
  month: number;
  region: string;
  count: number;
}

export interface StatusChange {
  from: Status | null;
  to: Status;
  reason: string | null;
  at: string;
  by: string;
}

/**
 * One state of the register, as the public site's ETags and the list's page cache key it: the
 * change number moves on every write of activities (add, edit, delete, restore, import), in the
 * write's transaction, even for two writes in one millisecond; `lastChange` (the latest
 * `updated_at`) dates it for Last-Modified and is no version.
 */
export interface RegisterFreshness {
  changeSeq: number;
  lastChange: string | null;
}

export interface ShownText {
  text: string;
  language: Language;
  /** True when the text is shown in its original language because the asked one is missing. */
  untranslated: boolean;
}

/** A text in the asked language, else the original (marked), else any language there is. */
export function textIn(texts: Texts, language: Language, original: Language): ShownText | null {
  const asked = texts[language];
  if (asked !== undefined) return { text: asked, language, untranslated: false };
  const inOriginal = texts[original];
  if (inOriginal !== undefined) return { text: inOriginal, language: original, untranslated: true };
  const any = LANGUAGES.find((l) => texts[l] !== undefined);
  return any ? { text: texts[any]!, language: any, untranslated: true } : null;
}

/** Lower case, accents off, punctuation to spaces: the form both databases index and search. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The terms of a search box, normalised like the index; at most ten, each at most 64 characters.
 * What the box separates by spaces is one term; a term of several words ("e-waste", "RG-AFR")
 * is a phrase, "e waste", whose words must follow each other.
 */
export function searchTerms(q: string): string[] {
  const terms = q
    .slice(0, 500)
    .split(/\s+/)
    .map((chunk) => normaliseForSearch(chunk).split(' ').map((w) => w.slice(0, 64)).join(' '))
    .filter(Boolean);
  return [...new Set(terms)].slice(0, 10);
}

/**
 * Everything an activity is found by, as the index holds it: its texts, each stemmed in its own
 * language, and its date words, place and the names of the bodies it links (`search-words.ts`).
 */
export function searchDocument(
  activity: Pick<Activity, 'title' | 'description' | 'place' | 'bodies' | 'offices' | 'date'>,
  namesOf: (code: string) => readonly string[],
  countryNames: (country: string) => readonly string[],
): string {
  const texts = [...Object.entries(activity.title), ...Object.entries(activity.description)] as Array<[Language, string]>;
  const rest: string[] = [
    activity.date.text,
    activity.place?.city ?? '',
    ...(activity.place?.country ? [activity.place.country, ...countryNames(activity.place.country)] : []),
    ...(activity.place && activity.place.mode !== 'in-person' ? [activity.place.mode] : []),
    ...activity.bodies.flatMap((code) => [code, ...namesOf(code)]),
  ];
  return [...texts.map(([language, text]) => indexedWords(normaliseForSearch(text), language)), indexedWords(normaliseForSearch(rest.join(' ')), 'en')]
    .filter(Boolean)
    .join(' ');
}

/** Whether an editor's office takes part in the activity (editors write only those). */
export const involvesOffice = (activity: Pick<Activity, 'offices'>, office: string): boolean =>
  activity.offices.some((o) => o.office === office);

/**
 * An activity's fuzzy date and place as flat columns, named and filled alike in the register's
 * table and in its spreadsheet files (no place: the three place columns empty).
 */
export function flatDateAndPlace(activity: Pick<Activity, 'date' | 'place'>) {
  return {
    date_text: activity.date.text,
    date_start: activity.date.start,
    date_end: activity.date.end,
    date_precision: activity.date.precision,
    place_mode: activity.place?.mode ?? null,
    place_city: activity.place?.city ?? null,
    place_country: activity.place?.country ?? null,
  };
}

/**
 * Whom a change of an activity needs to write for: one of its offices; and when its offices
 * change, each office taken off (only its own people, or focal points, take an office off; they
 * may also simply leave a shared activity) and, when one is added, one of the offices after.
 */
export function scopesOfChange(current: Pick<Activity, 'offices'>, nextOffices: ReadonlyArray<{ office: string }> | undefined): Array<{ office?: string; offices?: string[] }> {
  const before = new Set(current.offices.map((o) => o.office));
  const scopes: Array<{ office?: string; offices?: string[] }> = [{ offices: [...before] }];
  if (!nextOffices) return scopes;
  const after = new Set(nextOffices.map((o) => o.office));
  for (const removed of [...before].filter((o) => !after.has(o))) scopes.push({ office: removed });
  if ([...after].some((o) => !before.has(o))) scopes.push({ offices: [...after] });
  return scopes;
}
