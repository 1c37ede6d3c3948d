/**
 * Whether a proposed item is already in the register: the same words accepted from an earlier
 * import, or an activity of the same office on overlapping days whose title and text share most
 * of the item's words. Pure: the service hands in the candidates.
 */
import type { Activity } from '#src/activities/model.ts';
import type { ProposedActivity } from './model.ts';

export interface RegisterMatch {
  activity: string;
  /** The activity's title, in its first language, for the reviewer to recognise it. */
  title: string;
  why: 'same_text' | 'same_days_and_words';
}

const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'was', 'were', 'held', 'of', 'on', 'in', 'to', 'a', 'an', 'by', 'at', 'des', 'les', 'del', 'los', 'las', 'et', 'de', 'la', 'le', 'el', 'y']);

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u)) if (w.length > 2 && !STOP.has(w)) out.add(w);
  return out;
}

const firstText = (texts: Readonly<Record<string, string | undefined>>): string => Object.values(texts).find((t) => t) ?? '';

/** Share of the proposal's title words found in the activity's title and description. */
function overlap(proposed: ProposedActivity, activity: Activity): number {
  const mine = words(proposed.title);
  if (mine.size === 0) return 0;
  const theirs = words(`${Object.values(activity.title).join(' ')} ${Object.values(activity.description ?? {}).join(' ')}`);
  let shared = 0;
  for (const w of mine) if (theirs.has(w)) shared += 1;
  return shared / mine.size;
}

/** The register activity `proposed` repeats, if any; `candidates` are the office's activities around its days. */
export function matchInRegister(proposed: ProposedActivity, candidates: readonly Activity[]): RegisterMatch | null {
  const date = proposed.date;
  for (const activity of candidates) {
    if (activity.deletedAt !== null || !activity.offices.some((o) => o.office === proposed.office)) continue;
    const provenance = activity.provenance as { text?: string } | null;
    if (provenance?.text && provenance.text.trim() === proposed.provenance.text.trim()) return { activity: activity.id, title: firstText(activity.title), why: 'same_text' };
    if (!date || activity.date.precision === 'undated') continue;
    const daysOverlap = activity.date.start <= date.end && date.start <= activity.date.end;
    if (daysOverlap && overlap(proposed, activity) >= 0.6) return { activity: activity.id, title: firstText(activity.title), why: 'same_days_and_words' };
  }
  return null;
}
