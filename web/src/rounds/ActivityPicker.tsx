/**
 * Links register activities to an item or paragraph: the office's activities found by words (the
 * existing activities API), each linked with what it says now, so a later change can be shown.
 */
import { useEffect, useId, useState } from 'react';
import { countryName } from '#src/registry/countries.ts';
import { api, queryString } from '../api.ts';
import { textIn, titleOf, type Activity, type Page } from '../activities.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { useI18n, type Language } from '../i18n.tsx';
import type { ActivityLink, ActivitySeen } from './model.ts';

const SEARCH_AFTER_MS = 300;

/** What the activity says now, in the language the office writes in, worded as the server words it (so a link is not flagged as changed for its wording). */
export function seenOf(activity: Activity, language: Language): ActivitySeen {
  const country = activity.place?.country ? countryName(activity.place.country, language, 'display') : null;
  const place = [activity.place?.city, country].filter(Boolean).join(', ');
  return {
    version: activity.version,
    title: textIn(activity.title, language, activity.originalLanguage),
    date: activity.date.text,
    place: place || null,
    status: activity.status,
  };
}

interface PickerProps {
  office: string;
  /** The language the contribution is written in. */
  language: Language;
  /** The ids already linked to the item, shown as such. */
  linked: readonly string[];
  onPick(link: ActivityLink): void;
  onClose(): void;
}

export function ActivityPicker({ office, language, linked, onPick, onClose }: PickerProps) {
  const { t, language: uiLanguage } = useI18n();
  const [words, setWords] = useState('');
  const [found, setFound] = useState<Activity[] | null>(null);
  const titleId = useId();
  const resultsId = useId();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api<Page<Activity>>('GET', `/api/activities${queryString({ office, q: words.trim() || undefined, limit: '12', lang: language })}`).then(
        (page) => current && setFound(page.data),
        () => current && setFound([]),
      );
    }, SEARCH_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [office, words, language]);

  return (
    <Dialog labelledBy={titleId} onEscape={onClose}>
      <h2 id={titleId}>{t('rounds.picker.title')}</h2>
      <Field label={t('rounds.picker.search')}>
        <input type="search" value={words} onChange={(e) => setWords(e.target.value)} aria-controls={resultsId} />
      </Field>
      <ul id={resultsId} className="cards picker-results" aria-live="polite">
        {found?.length === 0 ? <li>{t('rounds.picker.none')}</li> : null}
        {found?.map((activity) => {
          const title = titleOf(activity, uiLanguage);
          const already = linked.includes(activity.id);
          return (
            <li key={activity.id}>
              <button type="button" disabled={already} onClick={() => onPick({ id: activity.id, seen: seenOf(activity, language) })}>
                {already ? t('rounds.picker.linked', { title }) : t('rounds.picker.link', { title })}
              </button>
              <span className="meta">
                {activity.date.text} · {t(`app.status.${activity.status}`)}
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onClose}>
        {t('rounds.picker.close')}
      </button>
    </Dialog>
  );
}
