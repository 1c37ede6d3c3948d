import { describe, expect, it } from 'vitest';
import { inTreeOrder, itemText } from './model.ts';

describe('plan items on the plans screen', () => {
  it('lists each objective with its outcomes and outputs under it, in the plan order', () => {
    const items = [
      { id: 'T:objective:T.1', parent: null },
      { id: 'T:objective:T.2', parent: null },
      { id: 'T:output:T.2-1', parent: 'T:objective:T.2' },
      { id: 'T:outcome:T.1-1', parent: 'T:objective:T.1' },
      // An item whose parent is not in the list still shows, at the top.
      { id: 'T:output:T.9-1', parent: 'T:objective:T.9' },
    ];
    expect(inTreeOrder(items).map(({ item, depth }) => `${depth} ${item.id}`)).toEqual([
      '0 T:objective:T.1',
      '1 T:outcome:T.1-1',
      '0 T:objective:T.2',
      '1 T:output:T.2-1',
      '0 T:output:T.9-1',
    ]);
  });

  it('names an item by its level, label, title and plan', () => {
    expect(itemText({ label: 'CIS3', title: 'Smart cities', plan: 'WTDC-17' }, 'Regional initiative')).toBe('Regional initiative CIS3 – Smart cities (WTDC-17)');
  });
});
