/**
 * The plan items an activity serves: linked items as chips (label and title in the user's
 * language), a search by label or title words, and, read-only, the levels the server computes
 * above the links (an output's objective, the goals it serves).
 */
import { useEffect, useId, useState } from 'react';
import { api, queryString } from '../api.ts';
import type { Activity, Page } from '../activities.ts';
import { Field } from '../Field.tsx';
import { ListField } from '../ListField.tsx';
import { useI18n } from '../i18n.tsx';
import { itemText, type PlanItem } from './model.ts';

/** How long typing may pause before the plans are searched. */
const SEARCH_AFTER_MS = 250;

interface PlanPickerProps {
  items: readonly string[];
  onChange(next: string[]): void;
  /** The saved activity's links with the levels computed above them. */
  saved: Activity['planLinks'] | null;
  error?: string | undefined;
  /** Only these items may be picked (an office's plan contribution: its Sector's outputs and its region's initiatives of the year). */
  allowed?: ReadonlySet<string> | undefined;
  /** Only items in force that year. */
  year?: number | undefined;
  legend?: string | undefined;
  hint?: string | undefined;
}

export function PlanPicker({ items, onChange, saved, error, allowed, year, legend, hint }: PlanPickerProps) {
  const { t, language } = useI18n();
  const [words, setWords] = useState('');
  const [found, setFound] = useState<PlanItem[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  const resultsId = useId();

  useEffect(() => {
    if (words.trim().length < 1) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api<Page<PlanItem>>('GET', `/api/plans/items${queryString({ q: words, limit: allowed ? '50' : '10', lang: language, year: year === undefined ? undefined : String(year) })}`).then(
        (page) => current && setFound(allowed ? page.data.filter((item) => allowed.has(item.id)).slice(0, 10) : page.data),
        () => undefined,
      );
    }, SEARCH_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [words, language, allowed, year]);

  // Linked items are named by their label and title, fetched once each in the user's language.
  useEffect(() => {
    for (const id of items) {
      if (known[id]) continue;
      api<PlanItem>('GET', `/api/plans/items/${encodeURIComponent(id)}${queryString({ lang: language })}`).then(
        (item) => setKnown((names) => ({ ...names, [id]: itemText(item, t(`plans.level.${item.level}`)) })),
        () => undefined,
      );
    }
  }, [items, known, language, t]);

  const computed = (saved ?? []).filter((link) => !link.direct);
  return (
    <>
      <ListField
        layout="chips"
        legend={legend ?? t('plans.field.label')}
        error={error}
        items={items}
        onChange={onChange}
        nameOf={(id) => known[id] ?? id}
        adder={(add) => (
          <>
            <p className="hint">{hint ?? t('plans.field.hint')}</p>
            <Field label={t('plans.picker.search')}>
              <input type="search" value={words} onChange={(e) => setWords(e.target.value)} aria-controls={resultsId} dir="auto" />
            </Field>
            <ul id={resultsId} className="cards" aria-live="polite">
              {words.trim() && found.length === 0 ? <li>{t('plans.picker.nothing')}</li> : null}
              {found.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setKnown((names) => ({ ...names, [item.id]: itemText(item, t(`plans.level.${item.level}`)) }));
                      add(item.id);
                      setWords('');
                    }}
                  >
                    {itemText(item, t(`plans.level.${item.level}`))}
                    {item.confirmed ? null : ` (${t('plans.unconfirmed')})`}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      />
      {computed.length > 0 ? (
        <p className="hint" data-testid="plan-computed">
          {t('plans.computed')}:{' '}
          {computed.map((link) => `${t(`plans.level.${link.level}`)} ${link.label} (${link.plan})`).join('; ')}
        </p>
      ) : null}
    </>
  );
}
