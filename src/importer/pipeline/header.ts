/**
 * The document's header (title, abstract) and its reporting period.
 */
import { findDates } from './dates.ts';
import { MAX_BLOCK } from './text.ts';

export const LABEL = /^(Title|Abstract|Summary|Source|Purpose|Contact|Keywords|Question\(s\)|Questions?|Study Group|Original|Titre|Résumé|Título|Resumen)\s*:\s*(.*)$/i;
export const PERIOD_PHRASES = [
  /\b(?:during|for|over|covering|in|throughout)\s+the\s+(.{3,60}?)\s+(?:timeframe|time-frame|time\s+frame|reporting\s+period|period)\b/i,
  /\breporting\s+period\s*(?:is|was|:|of|from|covers|covering)?\s*(.{3,60}?)(?:[.;)]|,\s|$)/i,
  /\bthe\s+period\s+(?:from\s+|of\s+)?(.{3,60}?)(?:[.;)]|,\s|$)/i,
  /\bau\s+cours\s+de\s+la\s+p[ée]riode\s+(.{3,60}?)(?:[.;,)]|$)/i,
];

export function findPeriod(texts: string[]): { text: string; start: string; end: string } | null {
  for (const text of texts) {
    if (text.length > MAX_BLOCK) continue;
    for (const re of PERIOD_PHRASES) {
      const m = re.exec(text);
      if (!m?.[1]) continue;
      const hit = findDates(m[1], { defaultYear: undefined, period: null })[0];
      if (hit && hit.value.precision !== 'day') return { text: hit.value.text, start: hit.value.start, end: hit.value.end };
    }
  }
  return null;
}
