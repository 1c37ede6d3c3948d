/**
 * The activity form's state: what the user types, as plain strings, turned into the API's body.
 * Texts in languages the form does not show (a title also in French) are carried over untouched.
 */
import type { CreateActivityBody } from '#src/activities/schemas.ts';
import type { Activity } from './activities.ts';
import type { Language } from './i18n.tsx';
import type { ActivityKind, OfficeRole, PlaceMode, RelationKind, Status, Visibility } from './vocabulary.ts';

export interface Draft {
  originalLanguage: Language;
  title: string;
  kind: ActivityKind;
  status: Status;
  statusReason: string;
  visibility: Visibility;
  offices: Array<{ office: string; role: OfficeRole }>;
  sectors: string[];
  bodies: string[];
  dateText: string;
  placeMode: PlaceMode;
  city: string;
  country: string;
  description: string;
  outcome: string;
  participants: string;
  links: Array<{ url: string; title: string }>;
  related: Array<{ activity: string; kind: RelationKind }>;
}

export function emptyDraft(language: Language, office: string | null): Draft {
  return {
    originalLanguage: language,
    title: '',
    kind: 'workshop',
    status: 'planned',
    statusReason: '',
    visibility: 'public',
    offices: office ? [{ office, role: 'organised' }] : [],
    sectors: [],
    bodies: [],
    dateText: '',
    placeMode: 'in-person',
    city: '',
    country: '',
    description: '',
    outcome: '',
    participants: '',
    links: [],
    related: [],
  };
}

export function draftOf(activity: Activity): Draft {
  const language = activity.originalLanguage;
  return {
    originalLanguage: language,
    title: activity.title[language] ?? '',
    kind: activity.kind,
    status: activity.status,
    statusReason: '',
    visibility: activity.visibility,
    offices: activity.offices,
    sectors: activity.sectors,
    bodies: activity.bodies,
    dateText: activity.date.text,
    placeMode: activity.place?.mode ?? 'in-person',
    city: activity.place?.city ?? '',
    country: activity.place?.country ?? '',
    description: activity.description[language] ?? '',
    outcome: activity.outcome[language] ?? '',
    participants: activity.participants === null ? '' : String(activity.participants),
    links: activity.links.map((link) => ({ url: link.url, title: link.title ?? '' })),
    related: activity.related,
  };
}

type Texts = Partial<Record<Language, string>>;
const textsWith = (base: Texts | undefined, language: Language, value: string): Texts | undefined => {
  const merged: Texts = { ...base, [language]: value.trim() || undefined };
  return Object.values(merged).some(Boolean) ? merged : undefined;
};

/** The body of POST /api/activities (and, with a version, of PATCH). */
export function bodyOf(draft: Draft, base?: Activity): CreateActivityBody {
  const language = draft.originalLanguage;
  const place = draft.placeMode === 'online' && !draft.city ? { mode: draft.placeMode } : { mode: draft.placeMode, city: draft.city.trim() || null, country: draft.country.trim().toUpperCase() || null };
  return {
    title: textsWith(base?.title, language, draft.title) ?? {},
    originalLanguage: language,
    kind: draft.kind,
    status: draft.status,
    ...(draft.statusReason.trim() ? { statusReason: draft.statusReason.trim() } : {}),
    visibility: draft.visibility,
    offices: draft.offices,
    sectors: draft.sectors,
    bodies: draft.bodies,
    date: { text: draft.dateText },
    place: draft.placeMode === 'in-person' && !draft.city && !draft.country ? null : place,
    ...(textsWith(base?.description, language, draft.description) ? { description: textsWith(base?.description, language, draft.description) } : {}),
    ...(textsWith(base?.outcome, language, draft.outcome) ? { outcome: textsWith(base?.outcome, language, draft.outcome) } : {}),
    participants: draft.participants.trim() === '' ? null : Number(draft.participants),
    links: draft.links.filter((link) => link.url.trim()).map((link) => ({ url: link.url.trim(), title: link.title.trim() || null })),
    related: draft.related.filter((relation) => relation.activity.trim()),
  };
}

/** The fields whose values differ between two drafts, for the conflict view. */
export function differingFields(mine: Draft, theirs: Draft): Array<keyof Draft> {
  return (Object.keys(mine) as Array<keyof Draft>).filter((field) => field !== 'statusReason' && JSON.stringify(mine[field]) !== JSON.stringify(theirs[field]));
}
