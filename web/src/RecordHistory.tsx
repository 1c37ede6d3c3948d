/** Who changed what, when: the audit trail of a registry record or a position, as the workspace shows it. */
import type { z } from 'zod';
import type { historyResponse } from '#src/registry/schemas.ts';
import { useI18n } from './i18n.tsx';

export type HistoryEntry = z.infer<typeof historyResponse>['data'][number];

/** Who changed what, when: the audit trail of one registry record. */
export function RecordHistory({ entries }: { entries: HistoryEntry[] }) {
  const { t, formatDate } = useI18n();
  const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('registryedit.history.title')}</h2>
      {entries.length === 0 ? <p>{t('registryedit.history.none')}</p> : null}
      <ol>
        {[...entries].reverse().map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <p>{t('registryedit.history.entry', { at: formatDate(entry.at, true), actor: entry.actor, action: entry.action })}</p>
            <ul>
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {t('registryedit.history.change', { field: change.field, before: show(change.before), after: show(change.after) })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
