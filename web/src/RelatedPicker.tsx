/** Related activities: found by words in the register, linked with the kind of relation. */
import { useEffect, useId, useState } from 'react';
import { api, queryString } from './api.ts';
import { titleOf, type Activity, type Page } from './activities.ts';
import { Field } from './Field.tsx';
import { ListField } from './ListField.tsx';
import { useI18n } from './i18n.tsx';
import type { Draft } from './draft-model.ts';
import { Select } from './Select.tsx';
import { RELATION_KINDS } from './vocabulary.ts';

type Relation = Draft['related'][number];

/** How long typing may pause before the register is searched. */
const SEARCH_AFTER_MS = 300;

export function RelatedPicker({ self, related, onChange, errorOf }: { self: string | null; related: Draft['related']; onChange(next: Draft['related']): void; errorOf(field: string): string | undefined }) {
  const { t, language } = useI18n();
  const [words, setWords] = useState('');
  const [found, setFound] = useState<Activity[]>([]);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const resultsId = useId();

  useEffect(() => {
    if (words.trim().length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api<Page<Activity>>('GET', `/api/activities${queryString({ q: words, limit: '8', lang: language })}`).then(
        (page) => current && setFound(page.data.filter((activity) => activity.id !== self)),
        () => undefined,
      );
    }, SEARCH_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [words, self, language]);

  // Linked activities are named by their titles, fetched once each.
  useEffect(() => {
    for (const { activity } of related) {
      if (titles[activity]) continue;
      api<Activity>('GET', `/api/activities/${activity}`).then(
        (found) => setTitles((known) => ({ ...known, [activity]: titleOf(found, language) })),
        () => undefined,
      );
    }
  }, [related, titles, language]);

  const titleIn = (relation: Relation) => titles[relation.activity] ?? relation.activity;
  return (
    <ListField
      layout="rows"
      legend={t('app.field.related')}
      items={related}
      onChange={onChange}
      keyOf={(relation) => relation.activity}
      nameOf={titleIn}
      entry={(relation, update, index) => (
        <>
          <span className="related-title" dir="auto">
            {titleIn(relation)}
          </span>
          <Field label={t('app.field.relation')} error={errorOf(`related.${index}`)}>
            <Select value={relation.kind} onChange={(kind) => update({ kind })} options={RELATION_KINDS} labelOf={(kind) => t(`app.relation.${kind}`)} />
          </Field>
        </>
      )}
      adder={(add) => (
        <>
          <Field label={t('app.editor.findActivity')}>
            <input type="search" value={words} onChange={(e) => setWords(e.target.value)} aria-controls={resultsId} />
          </Field>
          <ul id={resultsId} className="cards" aria-live="polite">
            {found.map((activity) => (
              <li key={activity.id}>
                <button
                  type="button"
                  onClick={() => {
                    setTitles((known) => ({ ...known, [activity.id]: titleOf(activity, language) }));
                    add({ activity: activity.id, kind: 'back-to-back' });
                    setWords('');
                  }}
                >
                  {t('app.editor.linkActivity', { title: titleOf(activity, language) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    />
  );
}
