import { describe, expect, it } from 'vitest';
import { comparePositions, holderProblem, referencePositionId, vacancyOverview, type Nomination, type Outreach, type Position } from './model.ts';

const position = (over: Partial<Position>): Position => ({
  id: 'p',
  body: 'SG12',
  studyPeriod: '2025-2028',
  role: 'chair',
  label: null,
  status: 'unknown',
  holder: null,
  source: null,
  confirmed: false,
  ...over,
});
const outreach = (over: Partial<Outreach>): Outreach => ({
  id: 'o',
  office: 'addis-ababa',
  country: 'KE',
  kind: 'consulted',
  body: 'SG12',
  studyPeriod: '2025-2028',
  position: null,
  on: '2024-06-01',
  note: null,
  activity: 'a',
  createdAt: '2024-06-01T00:00:00Z',
  createdBy: 'x',
  ...over,
});
const nomination = (over: Partial<Nomination>): Nomination => ({
  id: 'n',
  office: 'addis-ababa',
  country: 'KE',
  position: 'p',
  candidate: 'C',
  outreach: null,
  state: 'proposed',
  on: '2024-07-01',
  version: 1,
  updatedAt: '2024-07-01T00:00:00Z',
  updatedBy: 'x',
  ...over,
});
const REGIONS = { KE: 'AFR', NG: 'AFR', EG: 'ARB', FR: 'EUR' } as const;
const regionOf = (c: string) => (REGIONS as Record<string, 'AFR' | 'ARB' | 'EUR'>)[c] ?? null;
const ORDER = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'] as const;

describe('vacancyOverview', () => {
  const positions = [
    position({ id: 'chair-12', status: 'vacant' }),
    position({ id: 'vc-12', role: 'vice-chair', label: '1', status: 'filled', holder: { name: 'H', country: 'EG' } }),
    position({ id: 'old', studyPeriod: '2022-2024', status: 'vacant' }),
  ];

  it('counts positions of the period and lists the vacant ones; outreach, nominations and holders by region and country', () => {
    const view = vacancyOverview(
      '2025-2028',
      positions,
      [outreach({ country: 'NG' }), outreach({ country: 'KE', kind: 'encouraged-to-nominate' }), outreach({ country: 'KE', studyPeriod: '2022-2024' }), outreach({ country: 'XK' })],
      [nomination({ position: 'chair-12', state: 'appointed' }), nomination({ position: 'old', country: 'FR' })],
      regionOf,
      ORDER,
    );
    expect(view.positions).toEqual({ total: 2, filled: 1, vacant: 1, unknown: 0 });
    expect(view.vacant.map((p) => p.id)).toEqual(['chair-12']);
    expect(view.regions).toEqual([
      {
        region: 'AFR',
        countries: [
          { country: 'KE', consulted: 0, encouraged: 1, nominations: 1, appointed: 1, holding: 0 },
          { country: 'NG', consulted: 1, encouraged: 0, nominations: 0, appointed: 0, holding: 0 },
        ],
      },
      { region: 'ARB', countries: [{ country: 'EG', consulted: 0, encouraged: 0, nominations: 0, appointed: 0, holding: 1 }] },
      { region: null, countries: [{ country: 'XK', consulted: 1, encouraged: 0, nominations: 0, appointed: 0, holding: 0 }] },
    ]);
  });

  it('keeps one region when asked', () => {
    const view = vacancyOverview('2025-2028', positions, [outreach({ country: 'NG' })], [], regionOf, ORDER, 'ARB');
    expect(view.regions.map((r) => r.region)).toEqual(['ARB']);
  });
});

describe('positions', () => {
  it('needs a holder exactly when filled', () => {
    expect(holderProblem('filled', null)).toBe('holder_needed');
    expect(holderProblem('vacant', { name: 'X', country: null })).toBe('holder_not_expected');
    expect(holderProblem('vacant', null)).toBeNull();
    expect(holderProblem('filled', { name: 'X', country: 'CA' })).toBeNull();
  });

  it('orders by period, group in natural order, then chair before vice-chairs before working parties', () => {
    const list = [
      position({ id: 'wp', body: 'SG2', role: 'working-party-chair', label: 'WP2/2' }),
      position({ id: 'sg12', body: 'SG12' }),
      position({ id: 'vc2', body: 'SG2', role: 'vice-chair', label: '2' }),
      position({ id: 'sg2', body: 'SG2' }),
    ];
    expect([...list].sort(comparePositions).map((p) => p.id)).toEqual(['sg2', 'vc2', 'wp', 'sg12']);
  });

  it('gives reference positions a stable id', () => {
    expect(referencePositionId({ body: 'TSAG', studyPeriod: '2017-2020', role: 'chair', label: null })).toBe('TSAG:2017-2020:chair:-');
  });
});
