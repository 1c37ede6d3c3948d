/**
 * The plan links an imported item's words suggest, each with the words it came from; they are
 * accepted with the proposal, and the reviewer drops those that do not fit (an edit of the proposal).
 */
import { useEffect, useState } from 'react';
import { api, queryString } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { itemText, type PlanItem } from './model.ts';

interface Suggestion {
  item: string;
  words: string;
}

export function PlanSuggestions<P extends { version: number; plans?: Suggestion[] | undefined }>({ path, proposal, editable, onChange, onError }: { path: string; proposal: P; editable: boolean; onChange(p: P): void; onError(error: unknown): void }) {
  const { t, language } = useI18n();
  const [names, setNames] = useState<Record<string, string>>({});
  const suggestions = proposal.plans ?? [];

  useEffect(() => {
    for (const { item } of suggestions) {
      if (names[item]) continue;
      api<PlanItem>('GET', `/api/plans/items/${encodeURIComponent(item)}${queryString({ lang: language })}`).then(
        (found) => setNames((known) => ({ ...known, [item]: itemText(found, t(`plans.level.${found.level}`)) })),
        () => undefined,
      );
    }
  }, [suggestions, names, language, t]);

  if (suggestions.length === 0) return null;
  async function drop(item: string) {
    try {
      onChange(await api<P>('PATCH', path, { body: { version: proposal.version, plans: suggestions.filter((s) => s.item !== item).map((s) => s.item) } }));
    } catch (caught) {
      onError(caught);
    }
  }
  return (
    <>
      <dt>{t('plans.suggest.heading')}</dt>
      <dd>
        <ul className="plain">
          {suggestions.map((s) => (
            <li key={s.item}>
              {names[s.item] ?? s.item}
              {s.words ? <span className="meta"> · {t('plans.suggest.from', { words: s.words })}</span> : null}{' '}
              {editable ? (
                <button type="button" onClick={() => void drop(s.item)} aria-label={`${t('plans.suggest.drop')}: ${names[s.item] ?? s.item}`}>
                  {t('plans.suggest.drop')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}
