/**
 * Registry domain objects for tests that need no database: an office, a body, a head of office,
 * each complete with neutral defaults, so a test names only the fields it is about.
 */
import type { Assignment, Body, Office } from '#src/registry/model.ts';

/** A regional office in Africa named after its code, open throughout, unless told otherwise. */
export function testOffice(code: string, overrides: Partial<Office> = {}): Office {
  return {
    code,
    kind: 'regional',
    region: 'AFR',
    parent: null,
    names: { en: code },
    cityNames: { en: code },
    country: 'CH',
    coordinates: { lat: 0, lon: 0 },
    countriesCovered: null,
    coverageConfirmed: false,
    openedOn: null,
    closedOn: null,
    confirmed: true,
    note: null,
    ...overrides,
  };
}

/** A body named after its code, without parent, region, dates or study-period terms unless told otherwise. */
export function testBody(code: string, type: Body['type'], overrides: Partial<Body> = {}): Body {
  return {
    code,
    type,
    names: { en: code },
    parent: null,
    region: null,
    aliases: [],
    from: null,
    to: null,
    place: null,
    confirmed: true,
    note: null,
    terms: [],
    ...overrides,
  };
}

/** `person` heads `office` from `from` to `to` (null: open-ended); the person's name is `person` too. */
export function testHeadOfOffice(
  office: string,
  person: string,
  from: string | null,
  to: string | null,
  overrides: { id?: string; honorific?: string } = {},
): Assignment {
  return {
    id: overrides.id ?? `${office}:${person}`,
    person: { id: person, honorific: overrides.honorific ?? 'Mr', name: person, email: null },
    role: 'head-of-office',
    office,
    bureau: null,
    title: null,
    from,
    to,
    source: 'test',
    confirmed: true,
  };
}
