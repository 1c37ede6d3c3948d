import { describe, expect, it } from 'vitest';
import { outlookOf, statusesOf } from './definition.ts';

describe('the report definition', () => {
  it('covers the months after the period, ending on the same day or the shorter month\'s last', () => {
    expect(outlookOf({ to: '2020-08-31', outlookMonths: 3 })).toEqual({ from: '2020-09-01', to: '2020-11-30' });
    expect(outlookOf({ to: '2020-11-30', outlookMonths: 3 })).toEqual({ from: '2020-12-01', to: '2021-02-28' });
    expect(outlookOf({ to: '2020-08-31', outlookMonths: 0 })).toBeNull();
  });

  it('counts held activities, planned ones, or every status', () => {
    expect(statusesOf('held')).toEqual(['held']);
    expect(statusesOf('planned')).toEqual(['planned', 'confirmed']);
    expect(statusesOf('all')).toContain('cancelled');
  });
});
