/** Every change to an activity: who, when, each field before and after; a deleted one can be restored here. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { historyResponse } from '../../../src/activities/schemas.ts';
import type { z } from 'zod';
import { api } from '../api.ts';
import { titleOf, type Activity } from '../activities.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';

type HistoryEntry = z.infer<typeof historyResponse>['data'][number];

/** Audit actions with words of their own; any other is shown as recorded. */
const ACTIONS: Record<string, string> = {
  'activity.create': 'app.history.created',
  'activity.update': 'app.history.updated',
  'activity.delete': 'app.history.deletedAction',
  'activity.restore': 'app.history.restoredAction',
};

const show = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

export default function History() {
  const { t, language, formatDate } = useI18n();
  const { id = '' } = useParams();
  const [activity, setActivity] = useState<Activity | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    Promise.all([api<Activity>('GET', `/api/activities/${id}`), api<{ data: HistoryEntry[] }>('GET', `/api/activities/${id}/history`)]).then(([current, history]) => {
      setActivity(current);
      setEntries(history.data);
    }, setError);
  }, [id]);
  useEffect(load, [load]);

  async function restore() {
    setError(null);
    try {
      await api<Activity>('POST', `/api/activities/${id}/restore`);
      load();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <h1>{t('app.history.title', { title: activity ? titleOf(activity, language) : '' })}</h1>
      <p className="actions">
        <Link to={`/activities/${id}`}>{t('app.history.back')}</Link>
        {activity?.deletedAt ? (
          <button type="button" onClick={() => void restore()}>
            {t('app.editor.restore')}
          </button>
        ) : null}
      </p>
      <ErrorAlert error={error} />
      <ol className="history">
        {entries?.map((entry, index) => (
          <li key={index}>
            <h2>
              {ACTIONS[entry.action] ? t(ACTIONS[entry.action] ?? '') : entry.action} · {formatDate(entry.at, true)} · {entry.actor}
            </h2>
            {entry.changes.length > 0 ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('app.editor.conflictField')}</th>
                    <th scope="col">{t('app.history.before')}</th>
                    <th scope="col">{t('app.history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{change.field}</th>
                      <td dir="auto">{show(change.before)}</td>
                      <td dir="auto">{show(change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
