/** Small helpers of the briefings screens. */
import { DISPLAY_LOCALES } from '#src/platform/intl.ts';
import type { Language } from '#src/platform/i18n.ts';

/** "July 2020" in the language, from "2020-07". */
export function formatMonth(period: string, language: Language): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
}
