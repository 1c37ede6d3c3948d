/**
 * The activity form's state: what the user types, as plain strings, turned into the API's body.
 * Texts in languages the form does not show (a title also in French) are carried over untouched.
 * `useActivityDraft` loads, saves and guards one draft for the editor.
 */
import { useEffect, useState } from 'react';
import { useBlocker, useNavigate, type Blocker } from 'react-router';
import { dayOrderOf, type DayOrder } from '#src/activities/fuzzy-date.ts';
import type { CreateActivityBody } from '#src/activities/schemas.ts';
import { api, ApiError } from './api.ts';
import type { Activity } from './activities.ts';
import { useI18n, type Language } from './i18n.tsx';
import { useUser } from './session.tsx';
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
  /** How an ambiguous numeric date ("05/06/2020") is read: day first unless the user flips it. */
  dateOrder: DayOrder;
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
    dateOrder: 'dmy',
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
    dateOrder: dayOrderOf(activity.date),
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
    date: { text: draft.dateText, ...(draft.dateOrder === 'mdy' ? { order: 'mdy' as const } : {}) },
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

export interface ActivityDraft {
  /** The activity as last loaded or saved; null for a new one not saved yet. */
  saved: Activity | null;
  draft: Draft;
  /** Changes one field; the draft then has unsaved changes. */
  change<K extends keyof Draft>(field: K, value: Draft[K]): void;
  /** After a 409: the activity as someone else saved it, whose version the next save goes over. */
  conflict: Activity | null;
  /** The last request's error, for the form and beside its fields. */
  error: unknown;
  /** What the last action did, as a catalogue key, until the next change. */
  notice: 'app.editor.saved' | 'app.editor.deleted' | 'app.editor.restored' | null;
  busy: boolean;
  save(): Promise<void>;
  /** Deletes the saved activity, or restores it when it is deleted. */
  removeOrRestore(): Promise<void>;
  /** Holds a move to another screen while there are unsaved changes, until the user answers. */
  blocker: Blocker;
}

/** The draft of the activity at `id` (a new one without), with its saving, conflicts and unsaved changes. */
export function useActivityDraft(id: string | undefined): ActivityDraft {
  const { language } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<Activity | null>(null);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(language, user.office));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Activity | null>(null);
  const [notice, setNotice] = useState<ActivityDraft['notice']>(null);
  const [busy, setBusy] = useState(false);
  // The id of an activity just created here, to move to its own address once saved.
  const [created, setCreated] = useState<string | null>(null);

  // The router keeps the editor mounted from one activity to another and to "New activity", so
  // each address starts afresh: nothing of the previous activity (its version, a conflict) may be
  // saved onto this one, and a late answer for the previous address is dropped.
  useEffect(() => {
    let current = true;
    setConflict(null);
    setError(null);
    setDirty(false);
    if (!id) {
      setSaved(null);
      setCreated(null);
      setNotice(null);
      setDraft(emptyDraft(language, user.office));
      return;
    }
    api<Activity>('GET', `/api/activities/${id}`).then(
      (activity) => {
        if (!current) return;
        setSaved(activity);
        setDraft(draftOf(activity));
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
    // The language and office only shape an empty draft when the address changes, not later.
  }, [id]);

  // Leaving with unsaved changes asks first, inside the workspace and when closing the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // A new activity, once saved, gets its own address (after `dirty` is cleared, so nothing blocks it).
  useEffect(() => {
    if (!id && created && !dirty) navigate(`/activities/${created}`, { replace: true });
  }, [id, created, dirty, navigate]);

  const change = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setDirty(true);
    setNotice(null);
  };

  async function save() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const base = conflict ?? saved;
      const activity = base
        ? await api<Activity>('PATCH', `/api/activities/${base.id}`, { body: { ...bodyOf(draft, base), version: base.version } })
        : await api<Activity>('POST', '/api/activities', { body: bodyOf(draft) });
      setSaved(activity);
      if (!base) setCreated(activity.id);
      setConflict(null);
      setDraft({ ...draftOf(activity), statusReason: '' });
      setDirty(false);
      setNotice('app.editor.saved');
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.current) setConflict(caught.current as Activity);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function removeOrRestore() {
    if (!saved) return;
    setError(null);
    try {
      const activity = saved.deletedAt
        ? await api<Activity>('POST', `/api/activities/${saved.id}/restore`)
        : await api<Activity>('DELETE', `/api/activities/${saved.id}`);
      setSaved(activity);
      setNotice(activity.deletedAt ? 'app.editor.deleted' : 'app.editor.restored');
    } catch (caught) {
      setError(caught);
    }
  }

  return { saved, draft, change, conflict, error, notice, busy, save, removeOrRestore, blocker };
}
