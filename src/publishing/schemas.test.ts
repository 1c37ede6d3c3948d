import { describe, expect, it } from 'vitest';
import { isAppError } from '#src/platform/errors.ts';
import { eventId, eventsQuery, feedFilter, feedWindowOf, filterQuery, pageLanguage, parseFilter, planYear } from './schemas.ts';

const known = { offices: new Set(['addis-ababa', 'dakar']), sectors: new Set(['ITU-T', 'ITU-D']), bodies: new Set(['SG12', 'SG12RG-AFR']) };

/** The error a parser throws, for asserting on its kind, code and field issues. */
function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { kind: error.kind, code: error.code, issues: error.extra.issues ?? [] };
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseFilter', () => {
  it('keeps known values (repeated or comma-separated) and reports the others by field', () => {
    const { filter, issues } = parseFilter(
      { region: ['AFR', 'MARS'], office: 'addis-ababa,atlantis', kind: 'workshop', status: 'cancelled', from: '2020-02-30', to: '2020-12-31', body: 'SG12' },
      known,
    );
    expect(filter).toEqual({ region: ['AFR'], office: ['addis-ababa'], sector: [], kind: ['workshop'], body: ['SG12'], status: ['cancelled'], to: '2020-12-31' });
    expect(issues).toEqual([
      { field: 'region', value: 'MARS' },
      { field: 'office', value: 'atlantis' },
      { field: 'from', value: '2020-02-30' },
    ]);
  });

  it('refuses a range that ends before it starts, and round-trips through a shareable query', () => {
    const { filter, issues } = parseFilter({ from: '2020-05-01', to: '2020-04-01', sector: 'ITU-T' }, known);
    expect(issues).toEqual([{ field: 'to', value: '2020-04-01', reason: 'before_from' }]);
    expect(filterQuery(filter, { view: 'month' })).toBe('?sector=ITU-T&from=2020-05-01&view=month');
    expect(parseFilter(Object.fromEntries(new URLSearchParams('sector=ITU-T&from=2020-05-01')), known).filter.from).toBe('2020-05-01');
  });
});

describe('feedFilter', () => {
  it('refuses what a page would only mention: every unknown value by field, and a to before from', () => {
    expect(feedFilter({ office: 'dakar' }, known).office).toEqual(['dakar']);
    const error = thrown(() => feedFilter({ office: 'atlantis', kind: 'party', from: '2020-05-01', to: '2020-04-01' }, known));
    expect(error.kind).toBe('invalid');
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      ['query.office', 'unknown_value'],
      ['query.kind', 'unknown_value'],
      ['query.to', 'before_start'],
    ]);
  });

  it('bounds a feed window to three years, naming the days asked for', () => {
    expect(feedWindowOf({ ...parseFilter({}, known).filter, from: '2020-01-01', to: '2020-12-31' }, '2026-01-01')).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    const error = thrown(() => feedWindowOf({ ...parseFilter({}, known).filter, from: '2010-01-01', to: '2020-12-31' }, '2026-01-01'));
    expect(error).toMatchObject({ code: 'feed_window_too_long', issues: [{ path: 'query.to', code: 'window_too_long' }] });
  });
});

describe('the page addresses', () => {
  it('knows the six languages and nothing else, and only event ids shaped as ids', () => {
    expect(pageLanguage('ar')).toBe('ar');
    expect(thrown(() => pageLanguage('xx')).kind).toBe('not_found');
    expect(eventId('0b5f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b')).toBe('0b5f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(thrown(() => eventId('../etc/passwd')).code).toBe('activity_not_found');
  });

  it("reads an office page's year, this year by default, and names an unreadable one", () => {
    expect(planYear({}, '2026-12-07')).toEqual({ year: 2026, issue: null });
    expect(planYear({ year: '2020' }, '2026-12-07')).toEqual({ year: 2020, issue: null });
    expect(planYear({ year: '20x0' }, '2026-12-07')).toEqual({ year: 2026, issue: { field: 'year', value: '20x0' } });
  });

  it('reads the events view, its month and sort, naming a bad view or month', () => {
    expect(eventsQuery({ view: 'month', month: '2020-03' }, known, '2026-12-07')).toMatchObject({ view: 'month', month: { year: 2020, month: 3 }, issues: [] });
    expect(eventsQuery({ view: 'month', from: '2020-05-10' }, known, '2026-12-07').month).toEqual({ year: 2020, month: 5 });
    const bad = eventsQuery({ view: 'grid', month: 'soon', sort: '-date' }, known, '2026-12-07');
    expect(bad).toMatchObject({ view: 'list', sort: '-date', issues: [{ field: 'view', value: 'grid' }] });
    expect(eventsQuery({ view: 'month', month: 'soon' }, known, '2026-12-07').issues).toEqual([{ field: 'month', value: 'soon' }]);
  });
});
