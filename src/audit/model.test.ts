import { describe, expect, it } from 'vitest';
import { changedFields } from './model.ts';

describe('changedFields', () => {
  it('lists each changed field with its values before and after', () => {
    expect(changedFields({ title: 'A', status: 'planned', version: 1 }, { title: 'A', status: 'held', version: 2 }, ['version'])).toEqual([
      { field: 'status', before: 'planned', after: 'held' },
    ]);
  });

  it('compares nested values by content and sees added and removed fields', () => {
    expect(changedFields({ offices: [{ office: 'cairo' }] }, { offices: [{ office: 'cairo' }], outcome: 'x' })).toEqual([
      { field: 'outcome', before: null, after: 'x' },
    ]);
    expect(changedFields(null, { title: 'A' })).toEqual([{ field: 'title', before: null, after: 'A' }]);
  });
});
