import { describe, expect, it } from 'vitest';
import { batchCounts, batchDone, countsOf, emptyReasonOf, passagesOf } from './model.ts';

const section = (office: string | null) => ({ number: '4', heading: 'h', region: office ? ('AFR' as const) : null, office, head: null, city: null, line: 1, context: [] });

describe('the review of a batch', () => {
  it('counts proposals by state and is done only when nothing waits and nothing is left unplaced', () => {
    const proposals = countsOf([{ state: 'proposed' }, { state: 'accepted' }, { state: 'accepted' }, { state: 'rejected' }]);
    expect(proposals).toEqual({ proposed: 1, accepted: 2, rejected: 1 });
    expect(batchDone(batchCounts({ unplacedCount: 0 }, proposals, 0))).toBe(false);
    const decided = { proposed: 0, accepted: 3, rejected: 1 };
    expect(batchCounts({ unplacedCount: 5 }, decided, 3)).toEqual({ ...decided, unplaced: 5, unplacedOpen: 2 });
    expect(batchDone(batchCounts({ unplacedCount: 5 }, decided, 3))).toBe(false);
    expect(batchDone(batchCounts({ unplacedCount: 5 }, decided, 5))).toBe(true);
  });

  it('gives each listed passage its decision, open at version 0 when there is none', () => {
    const batch = { id: 'b', unplaced: [{ text: 'one', section: null, line: 1 }, { text: 'two', section: '2', line: 4 }] };
    const passages = passagesOf(batch, [{ batchId: 'b', position: 1, state: 'dismissed', proposal: null, decidedAt: 't', decidedBy: 'x', version: 1 }]);
    expect(passages.map((p) => [p.text, p.state, p.version])).toEqual([
      ['one', 'open', 0],
      ['two', 'dismissed', 1],
    ]);
  });

  it('says why a document gave no proposal', () => {
    const read = (activities: number, sections: ReturnType<typeof section>[], unplacedCount: number) => ({ activities: Array.from({ length: activities }) as never[], sections, unplacedCount });
    expect(emptyReasonOf(read(3, [section('dakar')], 0), 3, 1)).toBeNull();
    expect(emptyReasonOf(read(3, [section('dakar')], 0), 3, 0)).toBe('already_proposed');
    expect(emptyReasonOf(read(3, [section('dakar')], 0), 0, 0)).toBe('other_offices');
    expect(emptyReasonOf(read(0, [], 0), 0, 0)).toBe('no_text');
    expect(emptyReasonOf(read(0, [], 4), 0, 0)).toBe('no_sections');
    expect(emptyReasonOf(read(0, [section(null)], 4), 0, 0)).toBe('no_sections');
    expect(emptyReasonOf(read(0, [section('dakar')], 4), 0, 0)).toBe('no_items');
  });
});
