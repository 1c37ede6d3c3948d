import { describe, expect, it } from 'vitest';
import { nextStarts, pickOf, ruleOf, weekdayName } from './recurrence.ts';

describe('the recurrence picker', () => {
  it('writes "first Tuesday of every month" and "every two weeks on Friday" as RRULEs, and reads them back', () => {
    expect(ruleOf({ frequency: 'monthly', interval: 1, weekday: 'TU', week: 1 })).toBe('FREQ=MONTHLY;BYDAY=1TU');
    expect(ruleOf({ frequency: 'monthly', interval: 3, weekday: 'TH', week: -1 })).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=-1TH');
    expect(ruleOf({ frequency: 'weekly', interval: 2, weekday: 'FR', week: 1 })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR');
    expect(pickOf('FREQ=MONTHLY;INTERVAL=3;BYDAY=-1TH')).toEqual({ frequency: 'monthly', interval: 3, weekday: 'TH', week: -1 });
    expect(pickOf('freq=weekly;byday=fr')).toEqual({ frequency: 'weekly', interval: 1, weekday: 'FR', week: 1 });
  });

  it('leaves a rule it cannot show as written (a day of the month, several weekdays, daily)', () => {
    for (const rule of ['FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=WEEKLY;BYDAY=MO,TH', 'FREQ=DAILY', 'FREQ=MONTHLY;BYDAY=5TU', 'nonsense']) expect(pickOf(rule)).toBeNull();
  });

  it('shows the next meetings as the server plans them: first Tuesday, 14:00 Geneva time, across summer time', () => {
    const next = nextStarts({ rule: 'FREQ=MONTHLY;BYDAY=1TU', startsLocal: '2026-01-06T14:00', timeZone: 'Europe/Zurich', durationMinutes: 60, exceptions: ['2026-05-05'] }, new Date('2026-02-10T00:00:00Z'), 3);
    expect(next).toEqual(['2026-03-03T13:00:00.000Z', '2026-04-07T12:00:00.000Z', '2026-06-02T12:00:00.000Z']);
    expect(nextStarts({ rule: 'FREQ=NOPE', startsLocal: '2026-01-06T14:00', timeZone: 'Europe/Zurich', durationMinutes: 60, exceptions: [] }, new Date(), 3)).toEqual([]);
  });

  it('names weekdays in the workspace language', () => {
    expect(weekdayName('TU', 'en')).toBe('Tuesday');
    expect(weekdayName('TU', 'fr')).toBe('mardi');
  });
});
