/** Coordination meetings as the workspace reads them from the API, and the few rules of showing them. */
import type { ActionResponse, OccurrenceResponse, OccurrenceSummaryResponse, SeriesResponse } from '#src/meetings/schemas.ts';

export type Series = SeriesResponse;
export type Occurrence = OccurrenceResponse;
export type OccurrenceSummary = OccurrenceSummaryResponse;
export type ActionItem = ActionResponse;

export const screens = {
  list: '/meetings',
  occurrence: (id: string) => `/meetings/occurrences/${encodeURIComponent(id)}`,
};

/** The viewer's own time zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A start in the viewer's zone, in the workspace language. */
export function formatInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** The value of a datetime-local input for an instant, in the viewer's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Lines of a textarea, trimmed, empty ones left out. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
