/**
 * The workspace's words, from the same catalogues as the public site (locales/<lang>/*.json).
 * Only the chosen language's files are fetched; `<html lang dir>` follows the choice.
 */
import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '#src/platform/i18n.ts';
import { DISPLAY_LOCALES } from '#src/platform/intl.ts';
import { setRequestLanguage } from './api.ts';

export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const satisfies readonly Language[];
export type { Language };

/** The direction a language is written in. */
export const directionOf = (language: Language): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');

/** Each language named in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', ar: 'العربية', zh: '中文' };

type Catalogue = Record<string, string>;
const files = import.meta.glob<Catalogue>(['../../locales/*/common.json', '../../locales/*/app.json', '../../locales/*/mail.json', '../../locales/*/rounds.json', '../../locales/*/sheets.json', '../../locales/*/accounts.json', '../../locales/*/review.json', '../../locales/*/duplicates.json', '../../locales/*/meetings.json', '../../locales/*/briefings.json', '../../locales/*/registryedit.json', '../../locales/*/vacancies.json', '../../locales/*/plans.json', '../../locales/*/opendata.json', '../../locales/*/coverage.json', '../../locales/*/annualplan.json'], { import: 'default' });

async function loadCatalogue(language: Language): Promise<Catalogue> {
  const own = Object.entries(files).filter(([path]) => path.includes(`/locales/${language}/`));
  const parts = await Promise.all(own.map(([, load]) => load()));
  return Object.assign({}, ...parts) as Catalogue;
}

const STORAGE_KEY = 'fieldbook.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  const wanted = [stored, ...navigator.languages.map((tag) => tag.toLowerCase().split('-')[0])];
  return (wanted.find((tag): tag is Language => (LANGUAGES as readonly (string | null | undefined)[]).includes(tag)) ?? 'en');
}

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

export interface I18n {
  language: Language;
  direction: 'ltr' | 'rtl';
  t: Translate;
  /** Whether the catalogue has a message (for codes from the server, which may be newer than the bundle). */
  has(key: string): boolean;
  /** A number written the way the language writes it. */
  formatNumber(value: number): string;
  setLanguage(language: Language): void;
  /** A day (yyyy-mm-dd) or an instant, written the way the language writes it. */
  formatDate(iso: string, withTime?: boolean): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [catalogue, setCatalogue] = useState<{ language: Language; messages: Catalogue } | null>(null);

  useEffect(() => {
    let current = true;
    void loadCatalogue(language).then((messages) => {
      if (current) setCatalogue({ language, messages });
    });
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
    setRequestLanguage(language);
    return () => {
      current = false;
    };
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n | null>(() => {
    if (!catalogue) return null;
    const { messages } = catalogue;
    // The same display locale as the server's pages and reports: English dates day first (en-GB).
    const locale = DISPLAY_LOCALES[catalogue.language];
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(catalogue.language);
    return {
      language: catalogue.language,
      direction: directionOf(catalogue.language),
      setLanguage,
      t: (key, params) => {
        const message = messages[key];
        if (message === undefined) throw new Error(`No message "${key}" in the catalogue`);
        return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : message;
      },
      has: (key) => Object.hasOwn(messages, key),
      formatNumber: (value) => number.format(value),
      formatDate: (iso, withTime = false) => (withTime ? instant : day).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    };
  }, [catalogue, setLanguage]);

  // The catalogue of the first language arrives in a few milliseconds; nothing is shown without words.
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Unicode isolates around a value put into a message: a Latin code keeps its own direction (and brackets) inside Arabic text. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/**
 * A message whose placeholders are elements, e.g. `<bdi>` around an ISO date, so a Latin value
 * keeps its own direction inside Arabic text.
 */
export function Message({ id, values }: { id: string; values: Readonly<Record<string, ReactNode>> }) {
  const { t } = useI18n();
  const parts = t(id).split(/\{(\w+)\}/g);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <Fragment key={index}>{values[part] ?? `{${part}}`}</Fragment> : part))}</>;
}
