/**
 * One contribution on screen: loaded, its content saved with the version it was based on (a 409
 * keeps the typing and holds what the other person saved), its state moved on (submit, request
 * changes, accept, reopen), comments added and resolved. Shared by the editor and the review.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { contributionPath, type Comment, type Contribution, type ContributionContent } from './model.ts';

export type Transition = 'start' | 'submit' | 'request-changes' | 'accept' | 'reopen';

export interface ContributionHandle {
  contribution: Contribution | null;
  /** The last request's error, shown where the action was. */
  error: unknown;
  /** After a 409 on saving: the contribution as someone else left it; the text typed here stays. */
  conflict: Contribution | null;
  busy: boolean;
  /** Saves the content over the loaded version (or, after a conflict, over theirs). */
  save(content: ContributionContent): Promise<Contribution | null>;
  move(transition: Transition, comment?: string): Promise<boolean>;
  comment(itemId: string | null, text: string): Promise<boolean>;
  resolve(comment: Comment): Promise<void>;
  /** After a conflict: theirs becomes the loaded contribution. */
  takeTheirs(): void;
  reload(): void;
}

export function useContribution(code: string, office: string): ContributionHandle {
  const [contribution, setContribution] = useState<Contribution | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Contribution | null>(null);
  const [busy, setBusy] = useState(false);
  const path = contributionPath(code, office);

  const reload = useCallback(() => {
    api<Contribution>('GET', path).then(setContribution, setError);
  }, [path]);
  useEffect(reload, [reload]);

  /**
   * Runs one request; its answer becomes the contribution shown, its error the one shown. A stale
   * version keeps the typing beside theirs; another refusal that says the current state (the
   * focal point accepted it meanwhile) shows that state, except when saving text (`keepText`),
   * where the text typed stays on screen with the message.
   */
  const run = useCallback(async (request: () => Promise<Contribution>, keepText = false): Promise<Contribution | null> => {
    setBusy(true);
    setError(null);
    try {
      const next = await request();
      setContribution(next);
      setConflict(null);
      return next;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.current) {
        if (caught.code === 'version_conflict') setConflict(caught.current as Contribution);
        else if (!keepText) setContribution(caught.current as Contribution);
      }
      setError(caught);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const save = (content: ContributionContent) => {
    const base = conflict ?? contribution;
    return run(() => api<Contribution>('PUT', `${path}/content`, { body: { version: base?.version ?? 0, content } }), true);
  };

  const move = async (transition: Transition, comment?: string) => {
    const body = transition === 'start' ? {} : { version: contribution?.version ?? 0, ...(comment?.trim() ? { comment: comment.trim() } : {}) };
    return (await run(() => api<Contribution>('POST', `${path}/${transition}`, { body }))) !== null;
  };

  const comment = async (itemId: string | null, text: string) => {
    setError(null);
    try {
      await api<Comment>('POST', `${path}/comments`, { body: { itemId, text } });
      reload();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const resolve = async (target: Comment) => {
    setError(null);
    try {
      await api('POST', `${path}/comments/${encodeURIComponent(target.id)}/resolve`, { body: {} });
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setContribution(conflict);
    setConflict(null);
    setError(null);
  };

  return { contribution, error, conflict, busy, save, move, comment, resolve, takeTheirs, reload };
}
