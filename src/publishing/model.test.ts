import { describe, expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import { testActivity } from '../../test/support/factories.ts';
import { cacheStamp, feedWindow, groupPlan, isNotModified, monthGrid, FEED_MAX_DAYS } from './model.ts';

const activity = (id: string, start: string, end: string, sectors: string[], precision: Activity['date']['precision'] = 'day') =>
  testActivity({ id, sectors, date: { start, end, precision } });

describe('groupPlan', () => {
  it('groups by month of start, then by Sector in the given order, year-only dates first', () => {
    const plan = groupPlan(
      [
        activity('march-d', '2020-03-10', '2020-03-11', ['ITU-D']),
        activity('march-t', '2020-03-02', '2020-03-03', ['ITU-T']),
        activity('both', '2020-03-20', '2020-03-20', ['ITU-T', 'ITU-D']),
        activity('none', '2020-11-08', '2020-11-14', []),
        activity('year', '2020-01-01', '2020-12-31', ['ITU-T'], 'year'),
        activity('from-2019', '2019-12-30', '2020-01-02', ['ITU-T']),
      ],
      2020,
      ['ITU-R', 'ITU-T', 'ITU-D'],
    );
    expect(plan.map((m) => [m.month, m.sectors.map((s) => [s.sector, s.activities.map((a) => a.id)])])).toEqual([
      [null, [['ITU-T', ['year']]]],
      [1, [['ITU-T', ['from-2019']]]],
      [3, [['ITU-T', ['march-t', 'both']], ['ITU-D', ['march-d', 'both']]]],
      [11, [[null, ['none']]]],
    ]);
  });

  it('puts activities with no date yet in a last group of their own, never under December', () => {
    const plan = groupPlan(
      [activity('tbd', '9999-12-31', '9999-12-31', ['ITU-T'], 'undated'), activity('dec', '2020-12-01', '2020-12-02', ['ITU-T']), activity('year', '2020-01-01', '2020-12-31', [], 'year')],
      2020,
      ['ITU-T'],
    );
    expect(plan.map((m) => [m.month, m.sectors.flatMap((s) => s.activities.map((a) => a.id))])).toEqual([
      [null, ['year']],
      [12, ['dec']],
      ['undated', ['tbd']],
    ]);
  });
});

describe('monthGrid', () => {
  it('lays a month out in Monday-first weeks of seven days', () => {
    const weeks = monthGrid({ year: 2020, month: 11 });
    // 1 November 2020 was a Sunday.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2020-11-01']);
    expect(weeks.at(-1)).toEqual(['2020-11-30', null, null, null, null, null, null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });
});

describe('feedWindow', () => {
  it('defaults to a year back and two ahead, moves with from/to and refuses more than the limit', () => {
    expect(feedWindow('2026-11-29')).toEqual({ ok: true, window: { from: '2025-11-29', to: '2028-11-29' } });
    expect(feedWindow('2026-11-29', '2020-01-01')).toEqual({ ok: true, window: { from: '2020-01-01', to: '2023-01-01' } });
    expect(feedWindow('2026-11-29', undefined, '2020-12-31')).toEqual({ ok: true, window: { from: '2017-12-31', to: '2020-12-31' } });
    expect(feedWindow('2026-11-29', '2020-01-01', '2020-12-31')).toEqual({ ok: true, window: { from: '2020-01-01', to: '2020-12-31' } });
    const tooLong = feedWindow('2026-11-29', '2000-01-01', '2020-01-01');
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.days).toBeGreaterThan(FEED_MAX_DAYS);
  });
});

describe('cacheStamp and isNotModified', () => {
  const freshness = { lastChange: '2026-11-28T10:00:00.500Z', changeSeq: 42 };

  it('changes with the register, the version and the day', () => {
    const base = cacheStamp('1.0.0', freshness, '2026-11-29');
    expect(cacheStamp('1.0.0', { ...freshness, changeSeq: 43 }, '2026-11-29').etag).not.toBe(base.etag);
    expect(cacheStamp('1.0.1', freshness, '2026-11-29').etag).not.toBe(base.etag);
    expect(cacheStamp('1.0.0', freshness, '2026-11-30').etag).not.toBe(base.etag);
    expect(cacheStamp('1.0.0', { ...freshness, lastChange: '2026-11-28T10:00:01.000Z' }, '2026-11-29').etag).not.toBe(base.etag);
    // The day's start is later than the last change, so it is the last modification.
    expect(base.lastModified.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('prefers If-None-Match and compares If-Modified-Since to the second', () => {
    const { etag, lastModified } = cacheStamp('1.0.0', freshness, '2026-11-29');
    expect(isNotModified({ ifNoneMatch: `"other", ${etag}` }, etag, lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: lastModified.toUTCString() }, etag, lastModified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: lastModified.toUTCString() }, etag, lastModified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: new Date(lastModified.getTime() - 1000).toUTCString() }, etag, lastModified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'not a date' }, etag, lastModified)).toBe(false);
  });
});
