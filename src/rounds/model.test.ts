import { describe, expect, it } from 'vitest';
import { isAppError } from '#src/platform/errors.ts';
import { testActivity, testOffice } from '../../test/support/factories.ts';
import type { ActivitySeen, ContributionContent } from './content.ts';
import {
  actionsIn,
  activitySeen,
  changedLinks,
  copiedDates,
  defaultRoundCode,
  isLate,
  moveDay,
  nextState,
  officesAskedByDefault,
  outsidePeriod,
  possibleOmissions,
  reminderDue,
  repeatedIds,
  requireOpen,
  roundCounts,
} from './model.ts';

const seen = (overrides: Partial<ActivitySeen> = {}): ActivitySeen => ({ version: 1, title: 'Workshop', date: '2 - 3 March 2020', place: 'Abuja, Nigeria', status: 'held', ...overrides });

function content(...items: Array<{ id: string; links: Array<{ id: string; seen?: ActivitySeen }> }>): ContributionContent {
  return {
    language: 'en',
    blocks: [
      { id: 'lead', kind: 'paragraph', text: 'During the period …', activities: [] },
      { id: 'list', kind: 'list', items: items.map((i) => ({ id: i.id, text: `Item ${i.id}`, activities: i.links.map((l) => ({ id: l.id, seen: l.seen ?? seen() })) })) },
    ],
  };
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an app error';
  }
  return undefined;
};

describe('the states of a contribution', () => {
  it('goes not started → draft → submitted → changes requested → draft → submitted → accepted → (reopened) draft', () => {
    let state = nextState('not_started', 'start');
    expect(state).toBe('draft');
    state = nextState(state, 'submit');
    expect(state).toBe('submitted');
    state = nextState(state, 'request_changes');
    expect(state).toBe('changes_requested');
    state = nextState(state, 'edit');
    expect(state).toBe('draft');
    state = nextState(nextState(state, 'submit'), 'accept');
    expect(state).toBe('accepted');
    expect(nextState(state, 'reopen')).toBe('draft');
  });

  it('refuses accepting a draft, editing a submitted or an accepted one, naming the state', () => {
    expect(codeOf(() => nextState('draft', 'accept'))).toBe('contribution_state');
    expect(codeOf(() => nextState('submitted', 'edit'))).toBe('contribution_state');
    expect(codeOf(() => nextState('accepted', 'edit'))).toBe('contribution_state');
    expect(codeOf(() => nextState('not_started', 'submit'))).toBe('contribution_state');
    expect(() => nextState('submitted', 'edit')).toThrow(/submitted/);
  });

  it('lists the actions open in each state', () => {
    expect(actionsIn('submitted')).toEqual(['request_changes', 'accept']);
    expect(actionsIn('changes_requested')).toEqual(['edit', 'submit']);
  });

  it('refuses anything in a closed round', () => {
    expect(codeOf(() => requireOpen({ state: 'closed', code: 'tsag-2020' }))).toBe('round_closed');
    expect(codeOf(() => requireOpen({ state: 'open', code: 'tsag-2021' }))).toBeUndefined();
  });
});

describe('the round board', () => {
  it('counts states and lateness: late is past the due day and not handed in', () => {
    const rows = [
      ...Array.from({ length: 9 }, () => ({ state: 'accepted' as const })),
      { state: 'submitted' as const },
      { state: 'submitted' as const },
      { state: 'changes_requested' as const },
      { state: 'not_started' as const },
    ];
    expect(roundCounts(rows, '2020-09-01', '2020-09-02')).toEqual({ asked: 13, notStarted: 1, draft: 0, submitted: 2, changesRequested: 1, accepted: 9, late: 2 });
    expect(roundCounts(rows, '2020-09-01', '2020-09-01').late).toBe(0);
    expect(isLate('submitted', '2020-09-01', '2020-10-01')).toBe(false);
    expect(isLate('draft', '2020-09-01', '2020-10-01')).toBe(true);
  });
});

describe('the register beside the text', () => {
  const period = { from: '2020-01-01', to: '2020-08-31' };

  it('lists the activities of the period that no item names', () => {
    const named = testActivity();
    const forgotten = testActivity();
    expect(possibleOmissions(content({ id: 'a', links: [{ id: named.id }] }), [named, forgotten]).map((a) => a.id)).toEqual([forgotten.id]);
    expect(possibleOmissions(null, [named]).map((a) => a.id)).toEqual([named.id]);
  });

  it('flags items naming activities dated outside the period', () => {
    const inside = testActivity();
    const later = testActivity({ date: { start: '2020-10-05', end: '2020-10-06' } });
    const linked = new Map([inside, later].map((a) => [a.id, a]));
    const c = content({ id: 'a', links: [{ id: inside.id }] }, { id: 'b', links: [{ id: inside.id }, { id: later.id }] });
    expect(outsidePeriod(c, linked, period)).toEqual([{ itemId: 'b', activityId: later.id }]);
  });

  it('says what changed in the register since the item was written, ignoring changes the text does not speak of', () => {
    const c = content({ id: 'a', links: [{ id: 'x' }] }, { id: 'b', links: [{ id: 'y' }] }, { id: 'c', links: [{ id: 'z' }] });
    const now = new Map([
      ['x', seen({ version: 2, status: 'postponed', date: 'October 2020' })],
      ['y', seen({ version: 5 })],
    ]);
    expect(changedLinks(c, now)).toEqual([
      { itemId: 'a', activityId: 'x', before: seen(), now: now.get('x'), fields: ['date', 'status'] },
      { itemId: 'c', activityId: 'z', before: seen(), now: null, fields: ['title', 'date', 'place', 'status'] },
    ]);
  });

  it('remembers an activity by its title, date as written, place and status in the content language', () => {
    const activity = testActivity({ title: { en: 'Forum', fr: 'Forum régional' }, place: { mode: 'in-person', city: 'Abuja', country: 'NG' }, version: 3 });
    expect(activitySeen(activity, 'fr')).toEqual({ version: 3, title: 'Forum régional', date: '2 - 3 March 2020', place: 'Abuja, Nigeria', status: 'held' });
  });

  it('finds ids used twice', () => {
    expect(repeatedIds(content({ id: 'a', links: [] }, { id: 'lead', links: [] }))).toEqual(['lead']);
  });
});

describe('opening and copying rounds', () => {
  it('asks the field offices open at some time in the period', () => {
    const offices = [
      testOffice('open'),
      testOffice('hq', { kind: 'headquarters' }),
      testOffice('closed-before', { closedOn: '2019-12-31' }),
      testOffice('opened-during', { openedOn: '2020-06-01' }),
      testOffice('opened-after', { openedOn: '2020-09-01' }),
    ];
    expect(officesAskedByDefault(offices, { from: '2020-01-01', to: '2020-08-31' }).map((o) => o.code)).toEqual(['open', 'opened-during']);
  });

  it('moves dates by a year, 29 February to 28', () => {
    expect(copiedDates({ from: '2020-01-01', to: '2020-08-31', due: '2020-09-15' })).toEqual({ from: '2021-01-01', to: '2021-08-31', due: '2021-09-15' });
    expect(moveDay('2020-02-29', 1)).toBe('2021-02-28');
  });

  it('names a round after its group and year, numbered when taken', () => {
    expect(defaultRoundCode('TSAG', '2020-08-31', new Set())).toBe('tsag-2020');
    expect(defaultRoundCode('TSAG', '2020-08-31', new Set(['tsag-2020', 'tsag-2020-2']))).toBe('tsag-2020-3');
  });

  it('owes the nearest reminder reached, once the due day is near, none after it', () => {
    expect(reminderDue('2021-09-15', '2021-09-01', [7, 1])).toBeNull();
    expect(reminderDue('2021-09-15', '2021-09-08', [7, 1])).toBe(7);
    expect(reminderDue('2021-09-15', '2021-09-14', [7, 1])).toBe(1);
    expect(reminderDue('2021-09-15', '2021-09-15', [7, 1])).toBe(1);
    expect(reminderDue('2021-09-15', '2021-09-16', [7, 1])).toBeNull();
  });
});
