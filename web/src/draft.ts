/**
 * `useActivityDraft` loads, saves and guards one activity's draft (draft-model.ts) for the editor,
 * and after a 409 merges it with what someone else saved meanwhile.
 */
import { useEffect, useState } from 'react';
import { useNavigate, type Blocker } from 'react-router';
import { api, ApiError } from './api.ts';
import type { Activity } from './activities.ts';
import { bodyOf, draftOf, emptyDraft, mergeDrafts, patchOf, type Draft } from './draft-model.ts';
import { useI18n } from './i18n.tsx';
import { useUser } from './session.tsx';
import { useUnsavedChanges } from './UnsavedChanges.tsx';

/** After a 409: the activity as someone else saved it, and how the draft was merged with it. */
export interface Conflict {
  theirs: Activity;
  /** Fields only they changed, taken into the draft. */
  taken: Array<keyof Draft>;
  /** Fields both changed: the user's kept until they choose. */
  clashes: Array<keyof Draft>;
}

export interface ActivityDraft {
  /** The activity as last loaded or saved; null for a new one not saved yet. */
  saved: Activity | null;
  draft: Draft;
  /** Changes one field; the draft then has unsaved changes. */
  change<K extends keyof Draft>(field: K, value: Draft[K]): void;
  /** Changes the draft as a whole (a translation added or removed, the original language). */
  update(next: (draft: Draft) => Draft): void;
  /** The activity the draft is based on: the one loaded, or after a 409 the one saved by someone else. */
  base: Activity | null;
  /** After a 409: what someone else saved, whose version the next save goes over. */
  conflict: Conflict | null;
  /** The last request's error, for the form and beside its fields. */
  error: unknown;
  /** What the last action did, as a catalogue key, until the next change. */
  notice: 'app.editor.saved' | 'app.editor.deleted' | 'app.editor.restored' | 'duplicates.editor.joined' | null;
  busy: boolean;
  /** Saves the draft (or `override`, which then becomes the draft): the activity saved, null when refused. */
  save(override?: Draft): Promise<Activity | null>;
  /** Takes an activity saved elsewhere instead of the draft (a new one joined to an entry already in the register). */
  adopt(activity: Activity): void;
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
  const typed = draft;
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
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

  const blocker = useUnsavedChanges(dirty);

  // A new activity, once saved, gets its own address (after `dirty` is cleared, so nothing blocks it).
  useEffect(() => {
    if (!id && created && !dirty) navigate(`/activities/${created}`, { replace: true });
  }, [id, created, dirty, navigate]);

  const update = (next: (current: Draft) => Draft) => {
    setDraft(next);
    setDirty(true);
    setNotice(null);
  };
  const change = <K extends keyof Draft>(field: K, value: Draft[K]) => update((current) => ({ ...current, [field]: value }));
  const base = conflict?.theirs ?? saved;

  async function save(override?: Draft): Promise<Activity | null> {
    const draft = override ?? typed;
    if (override) setDraft(override);
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const activity = base
        ? await api<Activity>('PATCH', `/api/activities/${base.id}`, { body: patchOf(draft, base.version) })
        : await api<Activity>('POST', '/api/activities', { body: bodyOf(draft) });
      setSaved(activity);
      if (!base) setCreated(activity.id);
      setConflict(null);
      setDraft({ ...draftOf(activity), statusReason: '' });
      setDirty(false);
      setNotice('app.editor.saved');
      return activity;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.current && base) {
        // Compared with the version this draft started from, so only what the user changed is "theirs".
        const theirs = caught.current as Activity;
        const merge = mergeDrafts(draftOf(base), draft, draftOf(theirs));
        setDraft({ ...merge.draft, statusReason: draft.statusReason, pendingBody: draft.pendingBody });
        setConflict({ theirs, taken: merge.taken, clashes: merge.clashes });
      }
      setError(caught);
      return null;
    } finally {
      setBusy(false);
    }
  }

  function adopt(activity: Activity) {
    setSaved(activity);
    setCreated(activity.id);
    setConflict(null);
    setError(null);
    setDraft(draftOf(activity));
    setDirty(false);
    setNotice('duplicates.editor.joined');
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

  return { saved, draft, change, update, base, conflict, error, notice, busy, save, adopt, removeOrRestore, blocker };
}
