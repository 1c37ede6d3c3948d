/**
 * The first draft of an office's contribution, from the register: what the quick printout would
 * write for the office (its lead-in, its activities of the period in date order, the "Furthermore"
 * outlook after it), as blocks the office then makes its own. Items keep links to the activities
 * they were written from. Postponed and cancelled events whose original date fell in the period
 * are listed and say so. Pure: no I/O.
 */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import type { Activity } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { inDateOrder, itemText } from '#src/reports/build.ts';
import { PHRASES } from '#src/reports/phrases.ts';
import type { ContributionBlock, ContributionContent, ContributionItem } from './content.ts';
import { activitySeen } from './model.ts';

export interface DraftInput {
  language: Language;
  /**
   * The sentence before the list, as the printout words it: the regional office's period sentence
   * ("During the January – August 2020 timeframe, the Regional Office for Africa participated …"),
   * an area office's "based in" sentence and "It took part in …".
   */
  lead: string;
  /** The office's activities of the round's Sector dated in the period, whatever their status. */
  inPeriod: readonly Activity[];
  /** Its activities of the months after the period (not cancelled), for the outlook. */
  after: readonly Activity[];
  /** Activities that postponed ones were postponed as (their `postponed-as` relation), by id. */
  related: ReadonlyMap<string, Activity>;
}

/** What the item says of one activity: the printout's sentence, and for an event that did not take place, what became of it. */
export function draftText(activity: Activity, language: Language, related: ReadonlyMap<string, Activity>): string {
  const phrases = PHRASES[language];
  if (activity.status !== 'postponed' && activity.status !== 'cancelled') return itemText(activity, language, 'description');
  // The sentence is written from the activity as if it had happened, then says what became of it.
  const text = itemText({ ...activity, status: 'held' }, language, 'description');
  if (activity.status === 'cancelled') return `${text} ${phrases.eventCancelled}`;
  const later = activity.related.find((r) => r.kind === 'postponed-as');
  const to = later ? related.get(later.activity) : undefined;
  return `${text} ${phrases.eventPostponed(to ? formatFuzzyDate(to.date, language) : null)}`;
}

/** Numbered items in date order; activities the printout words alike (one event recorded twice, or in parts) share one item. */
function items(activities: readonly Activity[], prefix: string, input: DraftInput): ContributionItem[] {
  const byText = new Map<string, ContributionItem>();
  for (const activity of inDateOrder(activities)) {
    const text = draftText(activity, input.language, input.related);
    const link = { id: activity.id, seen: activitySeen(activity, input.language) };
    const existing = byText.get(text);
    if (existing) existing.activities.push(link);
    else byText.set(text, { id: `${prefix}${byText.size + 1}`, text, activities: [link] });
  }
  return [...byText.values()];
}

export function draftContribution(input: DraftInput): ContributionContent {
  const phrases = PHRASES[input.language];
  const inPeriod = new Set(input.inPeriod.map((a) => a.id));
  const listed = items(input.inPeriod, 'item-', input);
  const outlook = items(
    input.after.filter((a) => !inPeriod.has(a.id) && a.status !== 'cancelled'),
    'later-',
    input,
  );
  const blocks: ContributionBlock[] = [];
  if (listed.length > 0) {
    blocks.push({ id: 'lead', kind: 'paragraph', text: input.lead, activities: [] }, { id: 'period', kind: 'list', items: listed });
  } else {
    blocks.push({ id: 'lead', kind: 'paragraph', text: phrases.nothingReported, activities: [] });
  }
  if (outlook.length > 0) {
    blocks.push({ id: 'furthermore', kind: 'paragraph', text: phrases.afterPeriod, activities: [] }, { id: 'outlook', kind: 'list', items: outlook });
  }
  return { language: input.language, blocks };
}
