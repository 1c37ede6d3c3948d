/**
 * Vacancies and nominations (issue 21): the leadership positions of the advisory groups and study
 * groups per study period, the offices' outreach to countries about them and the nominations that
 * followed, and the pure rules over them. Nothing of it is public.
 */
import type { RegionCode } from '#src/registry/reference.ts';

/** Chair, vice-chairs and working party chairs "where known": elected per study period at the assembly. */
export const POSITION_ROLES = ['chair', 'vice-chair', 'working-party-chair'] as const;
export type PositionRole = (typeof POSITION_ROLES)[number];

/** Filled (by whom, from which country), vacant, or not known (no public source at hand says). */
export const POSITION_STATUSES = ['filled', 'vacant', 'unknown'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

/** What an office did with a country: consulted it, or encouraged it to nominate. */
export const OUTREACH_KINDS = ['consulted', 'encouraged-to-nominate'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

export const NOMINATION_STATES = ['proposed', 'withdrawn', 'appointed', 'not-appointed'] as const;
export type NominationState = (typeof NOMINATION_STATES)[number];

export const STUDY_PERIOD = /^\d{4}-\d{4}$/;

export interface Holder {
  name: string;
  /** ISO 3166 alpha-2. */
  country: string | null;
}

export interface Position {
  id: string;
  body: string;
  studyPeriod: string;
  role: PositionRole;
  /** Which one: "WP1/12" for a working party chair, a number among vice-chairs; null when there is one. */
  label: string | null;
  status: PositionStatus;
  holder: Holder | null;
  source: string | null;
  confirmed: boolean;
}

export interface Outreach {
  id: string;
  office: string;
  country: string;
  kind: OutreachKind;
  body: string;
  studyPeriod: string;
  position: string | null;
  on: string;
  note: string | null;
  /** The activity of kind consultation the outreach is in the register as. */
  activity: string;
  createdAt: string;
  createdBy: string;
}

export interface Nomination {
  id: string;
  office: string;
  country: string;
  position: string;
  candidate: string;
  outreach: string | null;
  state: NominationState;
  on: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Pure: whether a position's status and holder agree; the field at fault, or null. */
export function holderProblem(status: PositionStatus, holder: Holder | null): 'holder_needed' | 'holder_not_expected' | null {
  if (status === 'filled' && holder === null) return 'holder_needed';
  if (status !== 'filled' && holder !== null) return 'holder_not_expected';
  return null;
}

/** Positions in the order a list shows them: by body (natural: SG2 before SG12), then chair, vice-chairs, working parties. */
export function comparePositions(a: Position, b: Position): number {
  return (
    a.studyPeriod.localeCompare(b.studyPeriod) ||
    a.body.localeCompare(b.body, 'en', { numeric: true }) ||
    POSITION_ROLES.indexOf(a.role) - POSITION_ROLES.indexOf(b.role) ||
    (a.label ?? '').localeCompare(b.label ?? '', 'en', { numeric: true })
  );
}

export interface CountryLine {
  country: string;
  consulted: number;
  encouraged: number;
  nominations: number;
  /** Nominations that led to an appointment. */
  appointed: number;
  /** Positions held by someone from the country. */
  holding: number;
}

export interface RegionLine {
  region: RegionCode | null;
  countries: CountryLine[];
}

export interface VacancyOverview {
  studyPeriod: string | null;
  positions: { total: number; filled: number; vacant: number; unknown: number };
  vacant: Position[];
  regions: RegionLine[];
}

/**
 * Pure: vacancies, outreach and nominations by region and country. A country appears when an
 * office reached out to it, it nominated, or someone from it holds a position; regions in the order
 * given, countries by code; a country no region holds is under `region: null`.
 */
export function vacancyOverview(
  studyPeriod: string | null,
  positions: readonly Position[],
  outreach: readonly Outreach[],
  nominations: readonly Nomination[],
  regionOf: (country: string) => RegionCode | null,
  regionOrder: readonly RegionCode[],
  onlyRegion?: RegionCode,
): VacancyOverview {
  const inPeriod = positions.filter((p) => studyPeriod === null || p.studyPeriod === studyPeriod);
  const ids = new Set(inPeriod.map((p) => p.id));
  const lines = new Map<string, CountryLine>();
  const line = (country: string): CountryLine => {
    let found = lines.get(country);
    if (!found) {
      found = { country, consulted: 0, encouraged: 0, nominations: 0, appointed: 0, holding: 0 };
      lines.set(country, found);
    }
    return found;
  };
  for (const o of outreach) {
    if (studyPeriod !== null && o.studyPeriod !== studyPeriod) continue;
    if (o.kind === 'consulted') line(o.country).consulted += 1;
    else line(o.country).encouraged += 1;
  }
  for (const n of nominations) {
    if (!ids.has(n.position)) continue;
    line(n.country).nominations += 1;
    if (n.state === 'appointed') line(n.country).appointed += 1;
  }
  for (const p of inPeriod) if (p.status === 'filled' && p.holder?.country) line(p.holder.country).holding += 1;

  const byRegion = new Map<RegionCode | null, CountryLine[]>();
  for (const l of [...lines.values()].sort((a, b) => a.country.localeCompare(b.country))) {
    const region = regionOf(l.country);
    if (onlyRegion && region !== onlyRegion) continue;
    byRegion.set(region, [...(byRegion.get(region) ?? []), l]);
  }
  const regions: RegionLine[] = [...regionOrder, null]
    .filter((r) => byRegion.has(r))
    .map((region) => ({ region, countries: byRegion.get(region)! }));
  const count = (status: PositionStatus) => inPeriod.filter((p) => p.status === status).length;
  return {
    studyPeriod,
    positions: { total: inPeriod.length, filled: count('filled'), vacant: count('vacant'), unknown: count('unknown') },
    vacant: inPeriod.filter((p) => p.status === 'vacant').sort(comparePositions),
    regions,
  };
}

/** The id of a position loaded from the reference files: stable, so a second seed finds it again. */
export const referencePositionId = (p: Pick<Position, 'body' | 'studyPeriod' | 'role' | 'label'>): string =>
  [p.body, p.studyPeriod, p.role, p.label ?? '-'].join(':');
