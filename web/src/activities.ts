/** Reading activities as the API gives them. */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import type { ActivityResponse } from '#src/activities/schemas.ts';
import type { Language } from './i18n.tsx';

export type Activity = ActivityResponse;
export interface Page<T> {
  data: T[];
  next: string | null;
}

type Texts = Partial<Record<Language, string>>;

/** The text in the reader's language, else in the language it was written in, else any. */
export function textIn(texts: Texts, language: Language, original?: Language): string {
  return texts[language] ?? (original ? texts[original] : undefined) ?? Object.values(texts).find(Boolean) ?? '';
}

export const titleOf = (activity: Pick<Activity, 'title' | 'originalLanguage'>, language: Language): string => textIn(activity.title, language, activity.originalLanguage);

/** The language the shown title is in, for `lang` (screen readers pronounce it accordingly). */
export const titleLanguage = (activity: Pick<Activity, 'title' | 'originalLanguage'>, language: Language): Language => (activity.title[language] ? language : activity.originalLanguage);

/** The date as written and, where it reads differently, as understood in the reader's language. */
export function dateLabel(date: Activity['date'], language: Language): { written: string; understood: string | null } {
  const understood = formatFuzzyDate(date, language);
  return { written: date.text, understood: understood === date.text ? null : understood };
}
