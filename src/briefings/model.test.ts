import { describe, expect, it } from 'vitest';
import { composeBriefing, nextPeriod, periodDueOn, periodOf, sendsByItself, type ActivityInput, type BriefingInputs } from './model.ts';

const activity = (id: string, start: string, status: string, offices: string[]): ActivityInput => ({ id, title: `Activity ${id}`, when: start, start, status, offices });

function inputs(overrides: Partial<BriefingInputs> = {}): BriefingInputs {
  return {
    bureau: 'TSB',
    period: periodOf('2020-07')!,
    next: periodOf('2020-08')!,
    language: 'en',
    director: { name: 'Chaesub Lee', title: 'Director, TSB', confirmed: true },
    regions: [
      { code: 'EUR', name: 'Europe', position: 6 },
      { code: 'AFR', name: 'Africa', position: 1 },
    ],
    offices: [
      { code: 'addis-ababa', name: 'Regional Office for Africa', region: 'AFR' },
      { code: 'dakar', name: 'Area Office Dakar', region: 'AFR' },
      { code: 'europe', name: 'Office for Europe', region: 'EUR' },
    ],
    inPeriod: [],
    inNext: [],
    contributions: [],
    meetings: [],
    openActions: [],
    today: '2020-08-03',
    ...overrides,
  };
}

describe('periods', () => {
  it('reads a month and its last day, leap years included, and refuses what is not a month', () => {
    expect(periodOf('2020-02')).toEqual({ code: '2020-02', from: '2020-02-01', to: '2020-02-29' });
    expect(periodOf('2021-02')?.to).toBe('2021-02-28');
    expect(periodOf('2020-13')).toBeNull();
    expect(periodOf('2020-7')).toBeNull();
  });

  it("is due the month after, across the year's end, and goes out by itself five days after it ended", () => {
    expect(periodDueOn('2021-01-01')).toBe('2020-12');
    expect(nextPeriod('2020-12')).toBe('2021-01');
    expect(sendsByItself('2020-12', '2021-01-04')).toBe(false);
    expect(sendsByItself('2020-12', '2021-01-05')).toBe(true);
  });
});

describe('composeBriefing', () => {
  it('counts and lists per region in report order what was held in the month and is planned for the next', () => {
    const content = composeBriefing(
      inputs({
        inPeriod: [
          activity('a', '2020-07-14', 'held', ['addis-ababa', 'dakar']),
          activity('b', '2020-07-02', 'held', ['europe']),
          activity('c', '2020-07-20', 'cancelled', ['europe']),
          // Dated "2020": it began in January, it is not July's news.
          activity('d', '2020-01-01', 'held', ['europe']),
        ],
        inNext: [activity('e', '2020-08-10', 'planned', ['dakar']), activity('f', '2020-08-20', 'confirmed', ['europe']), activity('g', '2020-08-21', 'held', ['europe'])],
      }),
    );
    expect(content.regions.map((r) => r.code)).toEqual(['AFR', 'EUR']);
    const [africa, europe] = content.regions;
    // One activity of two offices of a region counts once for the region, and is listed under each.
    expect(africa?.counts).toEqual({ held: 1, planned: 1, meetings: 0, openActions: 0 });
    expect(africa?.offices.map((o) => [o.code, o.held.map((i) => i.id), o.planned.map((i) => i.id)])).toEqual([
      ['addis-ababa', ['a'], []],
      ['dakar', ['a'], ['e']],
    ]);
    expect(europe?.counts).toEqual({ held: 1, planned: 1, meetings: 0, openActions: 0 });
    expect(content.totals).toEqual({ regions: 2, held: 2, planned: 2, meetings: 0, openActions: 0 });
  });

  it('lists the meetings held in the month under the regions taking part, and the open action items under their owner office; the rest apart', () => {
    const content = composeBriefing(
      inputs({
        meetings: [
          { id: 'm1', series: 'Monthly review', startAt: '2020-07-07T12:00:00.000Z', state: 'scheduled', minutesState: 'approved', offices: ['addis-ababa', 'europe'] },
          { id: 'm2', series: 'Call', startAt: '2020-07-21T12:00:00.000Z', state: 'cancelled', minutesState: 'none', offices: ['europe'] },
        ],
        openActions: [
          { id: 'x', text: 'Share the proposals', ownerOffice: 'addis-ababa', ownerLabel: 'Regional Office for Africa', due: '2020-07-31', status: 'open' },
          { id: 'y', text: 'Send the guide', ownerOffice: 'europe', ownerLabel: 'Office for Europe', due: '2020-09-01', status: 'done' },
          { id: 'z', text: 'Prepare TSAG', ownerOffice: null, ownerLabel: 'A. Person', due: '2020-09-30', status: 'open' },
        ],
      }),
    );
    const [africa, europe] = content.regions;
    expect(africa?.meetings.map((m) => m.id)).toEqual(['m1']);
    expect(europe?.meetings.map((m) => m.id)).toEqual(['m1']);
    expect(africa?.openActions).toEqual([{ id: 'x', text: 'Share the proposals', owner: 'Regional Office for Africa', due: '2020-07-31', overdue: true }]);
    expect(europe?.openActions).toEqual([]);
    expect(content.otherActions.map((a) => [a.id, a.overdue])).toEqual([['z', false]]);
    expect(content.totals).toMatchObject({ meetings: 1, openActions: 2 });
  });

  it('keeps the regions with nothing to say, with zeros', () => {
    const content = composeBriefing(inputs());
    expect(content.regions.map((r) => r.counts)).toEqual([
      { held: 0, planned: 0, meetings: 0, openActions: 0 },
      { held: 0, planned: 0, meetings: 0, openActions: 0 },
    ]);
  });
});
