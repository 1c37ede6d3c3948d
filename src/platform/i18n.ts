/** The six official languages, and which one a request wants. */
import { z } from 'zod';

export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const languageParam = z.enum(LANGUAGES).optional().describe('Language of names: en fr es ru ar zh (default: Accept-Language, then en)');

/** An explicit `lang` wins; otherwise the first supported language of Accept-Language; otherwise English. */
export function pickLanguage(explicit: Language | undefined, acceptLanguage: string | undefined): Language {
  if (explicit) return explicit;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted.find((entry) => (LANGUAGES as readonly string[]).includes(entry.base))?.base as Language | undefined) ?? 'en';
}
