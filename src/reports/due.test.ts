import { describe, expect, it } from 'vitest';
import type { Status } from '#src/activities/model.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { allMessages } from '#src/platform/messages.ts';
import { testActivity } from '../../test/support/factories.ts';
import { currentPeriods, DUE_REASONS, dueActivities, dueReasons } from './due.ts';

const period = (id: string, from: string, to: string) => ({ id, from, to });
const activity = (id: string, status: Status, start: string, end: string, description: Record<string, string> = {}) =>
  testActivity({ id, status, date: { start, end, precision: 'day' }, description });

describe('currentPeriods', () => {
  const definitions = [period('t', '2026-01-01', '2026-08-31'), period('d', '2026-03-01', '2026-12-31'), period('old', '2025-01-01', '2025-12-31'), period('next', '2027-01-01', '2027-06-30')];

  it('takes every period that contains today, whatever the Sector', () => {
    expect(currentPeriods(definitions, '2026-05-10').map((d) => d.id)).toEqual(['t', 'd']);
    expect(currentPeriods(definitions, '2026-08-31').map((d) => d.id)).toEqual(['t', 'd']);
    expect(currentPeriods(definitions, '2026-09-01').map((d) => d.id)).toEqual(['d']);
  });

  it('else the ones ending soonest after today', () => {
    const later = [period('a', '2027-01-01', '2027-06-30'), period('b', '2027-02-01', '2027-03-31'), period('c', '2027-03-01', '2027-03-31')];
    expect(currentPeriods(later, '2026-12-01').map((d) => d.id)).toEqual(['b', 'c']);
  });

  it('none when every saved period is over, or none is saved', () => {
    expect(currentPeriods([period('old', '2025-01-01', '2025-12-31')], '2026-01-01')).toEqual([]);
    expect(currentPeriods([], '2026-01-01')).toEqual([]);
  });
});

describe('dueReasons', () => {
  const today = '2026-05-10';
  it('a past activity still planned or confirmed needs its status', () => {
    expect(dueReasons(activity('a', 'planned', '2026-04-01', '2026-04-02'), today)).toEqual(['status_not_updated']);
    expect(dueReasons(activity('a', 'confirmed', '2026-05-01', '2026-05-09'), today)).toEqual(['status_not_updated']);
  });

  it('not while it is going on or ahead, nor once postponed or cancelled', () => {
    expect(dueReasons(activity('a', 'planned', '2026-05-08', '2026-05-10'), today)).toEqual([]);
    expect(dueReasons(activity('a', 'confirmed', '2026-06-01', '2026-06-02'), today)).toEqual([]);
    expect(dueReasons(activity('a', 'postponed', '2026-04-01', '2026-04-02'), today)).toEqual([]);
    expect(dueReasons(activity('a', 'cancelled', '2026-04-01', '2026-04-02'), today)).toEqual([]);
  });

  it('a held activity with no description in any language', () => {
    expect(dueReasons(activity('a', 'held', '2026-04-01', '2026-04-02'), today)).toEqual(['no_description']);
    expect(dueReasons(activity('a', 'held', '2026-04-01', '2026-04-02', { fr: '  ' }), today)).toEqual(['no_description']);
    expect(dueReasons(activity('a', 'held', '2026-04-01', '2026-04-02', { fr: 'Atelier tenu à Dakar.' }), today)).toEqual([]);
  });
});

describe('dueActivities', () => {
  it('lists each due activity once, in date order, and leaves out those up to date', () => {
    const today = '2026-05-10';
    const held = activity('h', 'held', '2026-02-01', '2026-02-01');
    const list = dueActivities([activity('p', 'planned', '2026-03-01', '2026-03-02'), held, activity('ok', 'held', '2026-01-01', '2026-01-01', { en: 'Done.' }), held], today);
    expect(list.map((d) => [d.activity.id, d.reasons])).toEqual([
      ['h', ['no_description']],
      ['p', ['status_not_updated']],
    ]);
  });
});

describe('the words for what is due', () => {
  it.each(LANGUAGES)('%s words every reason an activity can be due for', (language) => {
    const messages = allMessages()[language];
    for (const reason of DUE_REASONS) expect(Object.keys(messages)).toContain(`app.home.dueReason.${reason}`);
  });
});
