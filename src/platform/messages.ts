/**
 * The UI catalogue: one per language, shared by the public site, the workspace and any other
 * screen. Each language is a folder under `locales/` holding one flat JSON file per area
 * (`common.json`, `site.json`, `app.json`, …); keys are dotted and start with the area's name,
 * values may hold `{name}` placeholders. English is complete by definition; the catalogue test
 * requires every other language to have exactly English's keys and placeholders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export type Messages = Readonly<Record<string, string>>;

/** Reads every area file of one language into one flat map; a key defined twice is an error. */
export function readMessages(language: Language, dir: string = LOCALES_DIR): Messages {
  const folder = join(dir, language);
  const merged: Record<string, string> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const parsed: unknown = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${language}/${file}: expected one flat object of strings`);
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') throw new Error(`${language}/${file}: ${key} is not a string`);
      if (key in merged) throw new Error(`${language}/${file}: ${key} is defined twice`);
      merged[key] = value;
    }
  }
  return merged;
}

let cache: Record<Language, Messages> | undefined;

/** All six catalogues, read once per process. */
export function allMessages(): Record<Language, Messages> {
  cache ??= Object.fromEntries(LANGUAGES.map((language) => [language, readMessages(language)])) as Record<Language, Messages>;
  return cache;
}

/** The `{name}` placeholders of a message, sorted, for comparing languages. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export interface Translator {
  language: Language;
  direction: 'ltr' | 'rtl';
  /** The message for `key` with its placeholders filled; unknown keys are a programming error. */
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
}

export function translator(language: Language): Translator {
  const messages = allMessages();
  const own = messages[language];
  const english = messages.en;
  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    t(key, params) {
      const message = own[key] ?? english[key];
      if (message === undefined) throw new Error(`No message "${key}" in the catalogue`);
      if (!params) return message;
      return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
  };
}
