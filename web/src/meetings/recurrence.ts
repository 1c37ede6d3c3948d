/**
 * The recurrence picker's model: the rules a focal point picks from (monthly on the nth weekday,
 * weekly on a weekday, every n months or weeks) as RFC 5545 RRULE text and back, and the next
 * meetings a rule makes, by the same expansion the server plans occurrences with. A rule the
 * picker cannot show (e.g. BYMONTHDAY) stays as written, edited as text.
 */
import { expandRecurrence, type Recurrence } from '#src/meetings/model.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The week of the month: first … fourth, or the last (-1). */
export const WEEKS = [1, 2, 3, 4, -1] as const;
export type Week = (typeof WEEKS)[number];
export const FREQUENCIES = ['monthly', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface PickedRule {
  frequency: Frequency;
  /** Every `interval` months or weeks. */
  interval: number;
  weekday: Weekday;
  /** Monthly only. */
  week: Week;
}

export const DEFAULT_PICK: PickedRule = { frequency: 'monthly', interval: 1, weekday: 'TU', week: 1 };

export function ruleOf(pick: PickedRule): string {
  const interval = pick.interval > 1 ? `;INTERVAL=${pick.interval}` : '';
  return pick.frequency === 'monthly' ? `FREQ=MONTHLY${interval};BYDAY=${pick.week}${pick.weekday}` : `FREQ=WEEKLY${interval};BYDAY=${pick.weekday}`;
}

const isWeekday = (text: string): text is Weekday => (WEEKDAYS as readonly string[]).includes(text);

/** The picker's reading of a rule, or null when the picker cannot show it as it is. */
export function pickOf(rule: string): PickedRule | null {
  const parts = new Map<string, string>();
  for (const part of rule.trim().toUpperCase().split(';').filter(Boolean)) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length > 0 || parts.has(key)) return null;
    parts.set(key, value);
  }
  if ([...parts.keys()].some((key) => !['FREQ', 'INTERVAL', 'BYDAY'].includes(key))) return null;
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) return null;
  const byDay = parts.get('BYDAY') ?? '';
  if (parts.get('FREQ') === 'WEEKLY') return isWeekday(byDay) ? { frequency: 'weekly', interval, weekday: byDay, week: 1 } : null;
  if (parts.get('FREQ') !== 'MONTHLY') return null;
  const match = /^(-1|[1-4])([A-Z]{2})$/.exec(byDay);
  if (!match || !isWeekday(match[2]!)) return null;
  return { frequency: 'monthly', interval, weekday: match[2], week: Number(match[1]) as Week };
}

/** The next `count` starts (UTC ISO) of a recurrence after `now`; none when it is not yet a valid one. */
export function nextStarts(recurrence: Recurrence, now: Date, count = 4): string[] {
  try {
    return expandRecurrence(recurrence, now, new Date(now.getTime() + 2 * 366 * 86_400_000), count).map((p) => p.startAt);
  } catch {
    return [];
  }
}

/** A weekday's name in a language (1 January 2024 was a Monday). */
export function weekdayName(weekday: Weekday, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(weekday))));
}
