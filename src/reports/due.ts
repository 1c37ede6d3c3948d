/**
 * Pure: what an office still owes the register before the report of the current reporting period.
 * There is no reporting-period entity yet; the saved report definitions stand for it.
 */
import type { Activity } from '#src/activities/model.ts';

/** Why an activity is due: its status was not brought up to date, or the report would say only the generated sentence. */
export const DUE_REASONS = ['status_not_updated', 'no_description'] as const;
export type DueReason = (typeof DUE_REASONS)[number];

/** The statuses the due list reads: those that can be due. */
export const DUE_STATUSES = ['planned', 'confirmed', 'held'] as const;

/**
 * The current reporting period: the definitions whose period contains `today` (any Sector); when
 * none does, those ending soonest after today; none when every saved period is over.
 */
export function currentPeriods<T extends { from: string; to: string }>(definitions: readonly T[], today: string): T[] {
  const open = definitions.filter((d) => d.from <= today && today <= d.to);
  if (open.length > 0) return open;
  const later = definitions.filter((d) => d.to > today);
  if (later.length === 0) return [];
  const soonest = later.reduce((min, d) => (d.to < min ? d.to : min), later[0]!.to);
  return later.filter((d) => d.to === soonest);
}

/**
 * What an activity needs before the report: a past date still planned or confirmed (it was held,
 * postponed or cancelled, and the register should say which); held with no description in any
 * language (the report would print only the sentence it generates from the fields).
 */
export function dueReasons(activity: Pick<Activity, 'status' | 'date' | 'description'>, today: string): DueReason[] {
  const reasons: DueReason[] = [];
  if ((activity.status === 'planned' || activity.status === 'confirmed') && activity.date.end < today) reasons.push('status_not_updated');
  if (activity.status === 'held' && !Object.values(activity.description).some((text) => text !== undefined && text.trim() !== '')) {
    reasons.push('no_description');
  }
  return reasons;
}

/** The activities that are due, each once, in date order, with their reasons. */
export function dueActivities<A extends Pick<Activity, 'id' | 'status' | 'date' | 'description'>>(
  activities: readonly A[],
  today: string,
): Array<{ activity: A; reasons: DueReason[] }> {
  const seen = new Set<string>();
  const due: Array<{ activity: A; reasons: DueReason[] }> = [];
  for (const activity of activities) {
    if (seen.has(activity.id)) continue;
    seen.add(activity.id);
    const reasons = dueReasons(activity, today);
    if (reasons.length > 0) due.push({ activity, reasons });
  }
  return due.sort((a, b) => a.activity.date.start.localeCompare(b.activity.date.start) || a.activity.id.localeCompare(b.activity.id));
}
