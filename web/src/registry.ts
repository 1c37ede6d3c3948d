/** Offices and bodies for pickers, fetched once per language and kept for the session. */
import { useEffect, useState } from 'react';
import type { BodyResponse, OfficeResponse, RegionResponse } from '#src/registry/schemas.ts';
import { api } from './api.ts';
import type { Page } from './activities.ts';
import { useI18n, type Language } from './i18n.tsx';

export type Office = OfficeResponse;
export type Body = BodyResponse;
export type Region = RegionResponse;

const cache = new Map<string, Promise<unknown>>();
/** After an edit of the registry in the workspace: the next screen fetches offices and bodies again. */
export function forgetRegistry(): void {
  cache.clear();
}

function cached<T>(path: string): Promise<T> {
  let promise = cache.get(path);
  if (!promise) {
    promise = api<Page<T>>('GET', path).then((page) => page.data);
    promise.catch(() => cache.delete(path));
    cache.set(path, promise);
  }
  return promise as Promise<T>;
}

function useList<T>(path: (language: Language) => string): T[] {
  const { language } = useI18n();
  const [items, setItems] = useState<T[]>([]);
  const url = path(language);
  useEffect(() => {
    let current = true;
    cached<T[]>(url).then((list) => current && setItems(list), () => undefined);
    return () => {
      current = false;
    };
  }, [url]);
  return items;
}

export const useOffices = (): Office[] => useList<Office>((language) => `/api/offices?lang=${language}`);
export const useBodies = (): Body[] => useList<Body>((language) => `/api/bodies?lang=${language}`);
export const useRegions = (): Region[] => useList<Region>((language) => `/api/regions?lang=${language}`);

/** An office's or body's name by its code: the code itself until the list has arrived, or for a code the registry does not know. */
export const nameOf = (entries: ReadonlyArray<{ code: string; name: string }>, code: string): string => entries.find((entry) => entry.code === code)?.name ?? code;
