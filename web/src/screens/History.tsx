/** Every change to an activity: who, when, each field before and after; a deleted one can be restored here. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { historyResponse } from '#src/activities/schemas.ts';
import type { z } from 'zod';
import { api } from '../api.ts';
import { textIn, titleOf, type Activity } from '../activities.ts';
import { Comparison } from '../Comparison.tsx';
import { ErrorAlert } from '../errors.tsx';
import { LANGUAGES, useI18n, type Language } from '../i18n.tsx';

type HistoryEntry = z.infer<typeof historyResponse>['data'][number];

/** Audit actions with words of their own; any other is shown as recorded. */
const ACTIONS: Record<string, string> = {
  'activity.create': 'app.history.created',
  'activity.update': 'app.history.updated',
  'activity.delete': 'app.history.deletedAction',
  'activity.restore': 'app.history.restoredAction',
};

/** Who-and-when bookkeeping the entry's heading already says; not worth a row. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy']);
/** Fields with a label in the catalogue (the editor's); others are shown by their API name. */
const LABELLED = new Set(['title', 'kind', 'status', 'visibility', 'offices', 'sectors', 'bodies', 'date', 'place', 'description', 'outcome', 'participants', 'links', 'related']);

/** A stored value as a person reads it: texts in their language, lists joined, a date as written. */
function show(value: unknown, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => show(item, language)).join('; ');
  const record = value as Record<string, unknown>;
  if ('text' in record && 'start' in record) return String(record.text);
  if ('office' in record && 'role' in record) return `${String(record.office)} (${String(record.role)})`;
  if ('url' in record) return String(record.url);
  const texts = record as Partial<Record<Language, string>>;
  if (LANGUAGES.some((l) => typeof texts[l] === 'string')) return textIn(texts, language);
  const parts = Object.values(record).filter((part) => part !== null && part !== undefined && part !== '');
  return parts.length === 0 ? '—' : parts.map((part) => show(part, language)).join(', ');
}

const changesOf = (entry: HistoryEntry) => entry.changes.filter((change) => !BOOKKEEPING.has(change.field));

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

  /** Closed-list values (a status, a kind) in the user's words; everything else as stored. */
  const shown = (field: string, value: unknown) =>
    typeof value === 'string' && (field === 'status' || field === 'kind' || field === 'visibility') ? t(`app.${field}.${value}`) : show(value, language);

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
            {entry.action !== 'activity.create' && changesOf(entry).length > 0 ? (
              <Comparison
                headings={[t('app.history.before'), t('app.history.after')]}
                rows={changesOf(entry).map((change) => ({
                  field: change.field,
                  label: LABELLED.has(change.field) ? t(`app.field.${change.field}`) : change.field,
                  first: shown(change.field, change.before),
                  second: shown(change.field, change.after),
                }))}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
