/**
 * An activity's texts (title, description, outcome) in each language they are written in: the
 * original's fields first and marked, then each translation in its own group with "remove", and a
 * way to add one. Typing goes to the language of its field only.
 */
import { useState } from 'react';
import { Field, FieldGroup } from './Field.tsx';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from './i18n.tsx';
import { withoutTranslation, withTranslation, type Draft, type TextField, type Texts } from './draft-model.ts';
import { Select } from './Select.tsx';

interface TextsProps {
  draft: Draft;
  language: Language;
  onText(field: TextField, texts: Texts): void;
  errorOf(field: string): string | undefined;
  /** The field names as the form shows them in this language ("Title (Français)"), or plain for the original. */
  labelOf(field: TextField): string;
  hint?: string;
}

/** The three texts of one language. */
function LanguageTexts({ draft, language, onText, errorOf, labelOf, hint }: TextsProps) {
  const set = (field: TextField, value: string) => onText(field, { ...draft[field], [language]: value });
  return (
    <>
      <Field label={labelOf('title')} error={errorOf(`title.${language}`) ?? (language === draft.originalLanguage ? errorOf('title') : undefined)} hint={hint}>
        <input dir="auto" value={draft.title[language] ?? ''} onChange={(e) => set('title', e.target.value)} lang={language} required={language === draft.originalLanguage} />
      </Field>
      <Field label={labelOf('description')} error={errorOf(`description.${language}`) ?? (language === draft.originalLanguage ? errorOf('description') : undefined)}>
        <textarea dir="auto" value={draft.description[language] ?? ''} onChange={(e) => set('description', e.target.value)} rows={4} lang={language} />
      </Field>
      <Field label={labelOf('outcome')} error={errorOf(`outcome.${language}`) ?? (language === draft.originalLanguage ? errorOf('outcome') : undefined)}>
        <textarea dir="auto" value={draft.outcome[language] ?? ''} onChange={(e) => set('outcome', e.target.value)} rows={3} lang={language} />
      </Field>
    </>
  );
}

const FIELD_KEYS: Record<TextField, string> = { title: 'app.field.title', description: 'app.field.description', outcome: 'app.field.outcome' };

/** The original's texts, where the form has them. */
export function OriginalTexts({ draft, onText, errorOf }: Pick<TextsProps, 'draft' | 'onText' | 'errorOf'>) {
  const { t } = useI18n();
  const language = draft.originalLanguage;
  return <LanguageTexts draft={draft} language={language} onText={onText} errorOf={errorOf} labelOf={(field) => t(FIELD_KEYS[field])} hint={t('app.editor.originalMarked', { language: LANGUAGE_NAMES[language] })} />;
}

/** Every translation, each removable, and the adder. */
export function TranslationTexts({ draft, onText, onChange, errorOf }: Pick<TextsProps, 'draft' | 'onText' | 'errorOf'> & { onChange(next: (draft: Draft) => Draft): void }) {
  const { t } = useI18n();
  const missing = LANGUAGES.filter((language) => !draft.languages.includes(language));
  const [adding, setAdding] = useState<Language | ''>('');
  const choice = adding && missing.includes(adding) ? adding : (missing[0] ?? '');
  return (
    <FieldGroup legend={t('app.editor.translations')}>
      {draft.languages
        .filter((language) => language !== draft.originalLanguage)
        .map((language) => (
          <fieldset key={language} className="translation">
            <legend lang={language}>{LANGUAGE_NAMES[language]}</legend>
            <LanguageTexts
              draft={draft}
              language={language}
              onText={onText}
              errorOf={errorOf}
              labelOf={(field) => t('app.editor.inLanguage', { field: t(FIELD_KEYS[field]), language: LANGUAGE_NAMES[language] })}
            />
            <button type="button" onClick={() => onChange((current) => withoutTranslation(current, language))}>
              {t('app.editor.removeTranslation', { language: LANGUAGE_NAMES[language] })}
            </button>
          </fieldset>
        ))}
      {choice ? (
        <div className="row">
          <Field label={t('app.editor.translationLanguage')}>
            <Select value={choice} onChange={setAdding} options={missing} labelOf={(code) => LANGUAGE_NAMES[code]} langOf={(code) => code} />
          </Field>
          <button type="button" onClick={() => onChange((current) => withTranslation(current, choice))}>
            {t('app.editor.addTranslation')}
          </button>
        </div>
      ) : null}
    </FieldGroup>
  );
}
