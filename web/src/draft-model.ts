/**
 * The activity form's state as pure data: what the user types, as plain strings, each text in
 * its own language; turned into the API's body; and merged, three ways, with what someone else
 * saved meanwhile. No text ever moves from one language to another unless the user moves it.
 */
import { dayOrderOf, type DayOrder } from '#src/activities/fuzzy-date.ts';
import type { CreateActivityBody, PatchActivityBody } from '#src/activities/schemas.ts';
import type { Activity } from './activities.ts';
import type { Language } from './i18n.tsx';
import type { ActivityKind, OfficeRole, PlaceMode, RelationKind, Status, Visibility } from './vocabulary.ts';

/** One text in each language it is written in. */
export type Texts = Partial<Record<Language, string>>;

export const TEXT_FIELDS = ['title', 'description', 'outcome'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface Draft {
  originalLanguage: Language;
  /** The languages the form shows a field for: the original, then each translation. */
  languages: Language[];
  title: Texts;
  kind: ActivityKind;
  status: Status;
  statusReason: string;
  visibility: Visibility;
  offices: Array<{ office: string; role: OfficeRole }>;
  sectors: string[];
  bodies: string[];
  /** A body typed into the finder but not added yet: saving adds it, so typing is never dropped. */
  pendingBody: string;
  dateText: string;
  /** How an ambiguous numeric date ("05/06/2020") is read: day first unless the user flips it. */
  dateOrder: DayOrder;
  placeMode: PlaceMode;
  city: string;
  country: string;
  description: Texts;
  outcome: Texts;
  participants: string;
  links: Array<{ url: string; title: string }>;
  related: Array<{ activity: string; kind: RelationKind }>;
  /** Plan items linked (ids); the levels above are the server's to compute. */
  plans: string[];
}

/** Fields that are the user's working state, not the activity's: never compared or merged. */
const WORKING_FIELDS: ReadonlyArray<keyof Draft> = ['statusReason', 'pendingBody'];

export function emptyDraft(language: Language, office: string | null): Draft {
  return {
    originalLanguage: language,
    languages: [language],
    title: {},
    kind: 'workshop',
    status: 'planned',
    statusReason: '',
    visibility: 'public',
    offices: office ? [{ office, role: 'organised' }] : [],
    sectors: [],
    bodies: [],
    pendingBody: '',
    dateText: '',
    dateOrder: 'dmy',
    placeMode: 'in-person',
    city: '',
    country: '',
    description: {},
    outcome: {},
    participants: '',
    links: [],
    related: [],
    plans: [],
  };
}

/** The original first, then every other language any of the texts is written in, in the order given. */
function languagesOf(original: Language, texts: readonly Texts[], order: readonly Language[] = []): Language[] {
  const written = texts.flatMap((text) => (Object.keys(text) as Language[]).filter((language) => text[language]));
  return [...new Set([original, ...order, ...written])];
}

export function draftOf(activity: Activity): Draft {
  const original = activity.originalLanguage;
  return {
    originalLanguage: original,
    languages: languagesOf(original, [activity.title, activity.description, activity.outcome]),
    title: { ...activity.title },
    kind: activity.kind,
    status: activity.status,
    statusReason: '',
    visibility: activity.visibility,
    offices: activity.offices,
    sectors: activity.sectors,
    bodies: activity.bodies,
    pendingBody: '',
    dateText: activity.date.text,
    dateOrder: dayOrderOf(activity.date),
    placeMode: activity.place?.mode ?? 'in-person',
    city: activity.place?.city ?? '',
    country: activity.place?.country ?? '',
    description: { ...activity.description },
    outcome: { ...activity.outcome },
    participants: activity.participants === null ? '' : String(activity.participants),
    links: activity.links.map((link) => ({ url: link.url, title: link.title ?? '' })),
    related: activity.related,
    plans: activity.plans,
  };
}

/** The texts of the languages shown, trimmed, empty ones left out; undefined when none is left. */
function textsOf(texts: Texts, languages: readonly Language[]): Texts | undefined {
  const kept = Object.fromEntries(languages.map((language) => [language, texts[language]?.trim()]).filter(([, text]) => text)) as Texts;
  return Object.keys(kept).length ? kept : undefined;
}

/** "Written in" another language: only the mark of the original moves; the texts stay in their languages. */
export function withOriginal(draft: Draft, language: Language): Draft {
  return { ...draft, originalLanguage: language, languages: [language, ...draft.languages.filter((shown) => shown !== language)] };
}

/** A field for each text in one more language, empty. */
export function withTranslation(draft: Draft, language: Language): Draft {
  return draft.languages.includes(language) ? draft : { ...draft, languages: [...draft.languages, language] };
}

/** A translation removed, its texts with it (the user asked); the original cannot be removed. */
export function withoutTranslation(draft: Draft, language: Language): Draft {
  if (language === draft.originalLanguage) return draft;
  const without = (texts: Texts): Texts => Object.fromEntries(Object.entries(texts).filter(([shown]) => shown !== language));
  return { ...draft, languages: draft.languages.filter((shown) => shown !== language), title: without(draft.title), description: without(draft.description), outcome: without(draft.outcome) };
}

/** The draft's bodies with the one typed but not added. */
export function bodiesOf(draft: Draft): string[] {
  const pending = draft.pendingBody.trim();
  return pending && !draft.bodies.includes(pending) ? [...draft.bodies, pending] : draft.bodies;
}

/** The body of POST /api/activities. */
export function bodyOf(draft: Draft): CreateActivityBody {
  const place = draft.placeMode === 'online' && !draft.city ? { mode: draft.placeMode } : { mode: draft.placeMode, city: draft.city.trim() || null, country: draft.country.trim().toUpperCase() || null };
  const description = textsOf(draft.description, draft.languages);
  const outcome = textsOf(draft.outcome, draft.languages);
  return {
    title: textsOf(draft.title, draft.languages) ?? {},
    originalLanguage: draft.originalLanguage,
    kind: draft.kind,
    status: draft.status,
    ...(draft.statusReason.trim() ? { statusReason: draft.statusReason.trim() } : {}),
    visibility: draft.visibility,
    offices: draft.offices,
    sectors: draft.sectors,
    bodies: bodiesOf(draft),
    date: { text: draft.dateText, ...(draft.dateOrder === 'mdy' ? { order: 'mdy' as const } : {}) },
    place: draft.placeMode === 'in-person' && !draft.city && !draft.country ? null : place,
    ...(description ? { description } : {}),
    ...(outcome ? { outcome } : {}),
    participants: draft.participants.trim() === '' ? null : Number(draft.participants),
    links: draft.links.filter((link) => link.url.trim()).map((link) => ({ url: link.url.trim(), title: link.title.trim() || null })),
    related: draft.related.filter((relation) => relation.activity.trim()),
    plans: draft.plans,
  };
}

/** The body of PATCH over `version`: a description or outcome emptied (or its last translation removed) is cleared. */
export function patchOf(draft: Draft, version: number): PatchActivityBody {
  const body = bodyOf(draft);
  return { ...body, description: body.description ?? null, outcome: body.outcome ?? null, version };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The activity's fields, without the working ones. */
const MERGED_FIELDS = (draft: Draft) => (Object.keys(draft) as Array<keyof Draft>).filter((field) => !WORKING_FIELDS.includes(field) && field !== 'languages');

export interface Merge {
  /** The user's draft with every change of the other person taken in where the user left the field alone. */
  draft: Draft;
  /** Fields only the other person changed, now taken from their version. */
  taken: Array<keyof Draft>;
  /** Fields both changed differently: the user's value is kept until they choose. */
  clashes: Array<keyof Draft>;
}

/** One text, language by language: a language only one side changed takes that side; both → a clash (mine kept). */
function mergeTexts(base: Texts, mine: Texts, theirs: Texts): { texts: Texts; clash: boolean; taken: boolean } {
  const languages = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])] as Language[];
  const texts: Texts = {};
  let clash = false;
  let taken = false;
  for (const language of languages) {
    const [b, m, t] = [base[language] ?? '', mine[language] ?? '', theirs[language] ?? ''];
    const value = m !== b && t !== b && m !== t ? ((clash = true), m) : m === b && t !== b ? ((taken = true), t) : m;
    if (value) texts[language] = value;
  }
  return { texts, clash, taken };
}

/**
 * After a 409: the user's draft merged with what someone else saved, both compared with the
 * version the user started from. Fields only the user changed stay theirs; fields only the
 * other person changed are taken from the server; fields both changed are clashes to choose.
 */
export function mergeDrafts(base: Draft, mine: Draft, theirs: Draft): Merge {
  const draft: Draft = { ...mine };
  const taken: Array<keyof Draft> = [];
  const clashes: Array<keyof Draft> = [];
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    draft[field] = value;
  };
  for (const field of MERGED_FIELDS(mine)) {
    if (field === 'title' || field === 'description' || field === 'outcome') {
      const merged = mergeTexts(base[field], mine[field], theirs[field]);
      set(field, merged.texts);
      if (merged.clash) clashes.push(field);
      else if (merged.taken) taken.push(field);
      continue;
    }
    const mineChanged = !same(mine[field], base[field]);
    const theirsChanged = !same(theirs[field], base[field]);
    if (theirsChanged && !mineChanged) {
      set(field, theirs[field]);
      taken.push(field);
    } else if (theirsChanged && mineChanged && !same(mine[field], theirs[field])) clashes.push(field);
  }
  // A language stays shown unless one side removed it and the other did not add text to it since.
  const kept = (language: Language) => (base.languages.includes(language) ? mine.languages.includes(language) && theirs.languages.includes(language) : true);
  const candidates = [...mine.languages, ...theirs.languages.filter((language) => !base.languages.includes(language))];
  draft.languages = languagesOf(draft.originalLanguage, [draft.title, draft.description, draft.outcome], candidates.filter(kept));
  return { draft, taken, clashes };
}

/** The clashes the user has not settled yet: those where the draft still differs from their version. */
export function openClashes(clashes: ReadonlyArray<keyof Draft>, mine: Draft, theirs: Draft): Array<keyof Draft> {
  return clashes.filter((field) => !same(mine[field], theirs[field]));
}
