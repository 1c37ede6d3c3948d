/**
 * The one set of test factories, each complete with neutral defaults so a test names only the
 * fields it is about.
 * - `build…(server, overrides)`: stored through the real services of a test server, as an
 *   administrator at the command line would make them (HTTP and end-to-end tests).
 * - `test…(overrides)`: domain values in memory, for unit tests of pure code (no database).
 * Offices, bodies and heads of office come from the reference data every test database is
 * seeded with, so only unit tests make their own (`testOffice`, `testBody`, `testHeadOfOffice`).
 */
import type { Activity } from '#src/activities/model.ts';
import type { FuzzyDate } from '#src/activities/fuzzy-date.ts';
import { createActivityBody } from '#src/activities/schemas.ts';
import type { ProposedActivity } from '#src/importer/model.ts';
import type { Actor, Role } from '#src/platform/access.ts';
import type { Assignment, Body, Office } from '#src/registry/model.ts';
import type { TestServer } from './server.ts';

// Stored through the services ------------------------------------------------------------------

const ADMIN_CLI: Actor = { kind: 'system', label: 'test factory' };
let userCounter = 0;

export interface TestUser {
  email: string;
  password: string;
  token: string;
  role: Role;
  office: string | null;
  bureau: string | null;
}

export interface UserOverrides {
  role?: Role;
  office?: string;
  bureau?: string;
  email?: string;
  password?: string;
}

/** An account with a password and an API token; an editor writes for addis-ababa, a focal point for TSB, unless told otherwise. */
export async function buildUser(server: TestServer, overrides: UserOverrides = {}): Promise<TestUser> {
  const role = overrides.role ?? 'reader';
  const office = overrides.office ?? (role === 'editor' ? 'addis-ababa' : null);
  const bureau = overrides.bureau ?? (role === 'focal-point' ? 'TSB' : null);
  const email = overrides.email ?? `${role}-${++userCounter}-${Date.now()}@example.org`;
  const password = overrides.password ?? 'correct horse battery staple';
  const { auth } = server.database.fieldbook.services;
  await auth.createUser(ADMIN_CLI, { email, role, office, bureau, password });
  const { secret } = await auth.createTokenFor(ADMIN_CLI, email, 'test');
  return { email, password, token: secret, role, office, bureau };
}

/** An activity of the seed report, as a create request: the defaults of `buildActivity`. */
export const SEED_AFRICA_WORKSHOP = {
  title: { en: 'Workshop on Quality of Service' },
  originalLanguage: 'en',
  kind: 'workshop',
  status: 'held',
  visibility: 'public',
  offices: [{ office: 'addis-ababa', role: 'supported' }],
  date: { text: '2 - 3 March 2020' },
  place: { city: 'Ndjamena', country: 'TD' },
  sectors: ['ITU-T'],
  bodies: ['SG12RG-AFR'],
  description: { en: 'A workshop was successfully organized on "Quality of Service", 2 - 3 March 2020.' },
} as const;

/** An activity recorded through the register's service, as the factory's system actor. */
export async function buildActivity(server: TestServer, overrides: Record<string, unknown> = {}): Promise<Activity> {
  const input = createActivityBody.parse({ ...SEED_AFRICA_WORKSHOP, ...overrides });
  return server.database.fieldbook.services.activities.create(ADMIN_CLI, input);
}

// In memory, for unit tests ----------------------------------------------------------------------

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

/** A date as a test gives it: the range, with the words and the precision when they matter. */
export type TestDate = Pick<FuzzyDate, 'start' | 'end'> & Partial<FuzzyDate>;

let activityCounter = 0;

/**
 * A register entry as the store gives it back: a held, public ITU-T workshop in which addis-ababa
 * participated on 2–3 March 2020, with a fresh id, unless told otherwise. A date given as a
 * range alone is of one day or several days, written as its range.
 */
export function testActivity(overrides: Omit<Partial<Activity>, 'date'> & { date?: TestDate } = {}): Activity {
  activityCounter += 1;
  const { date = { text: '2 - 3 March 2020', start: '2020-03-02', end: '2020-03-03' }, ...rest } = overrides;
  return {
    id: `00000000-0000-4000-8000-${String(activityCounter).padStart(12, '0')}`,
    title: { en: `Activity ${activityCounter}` },
    originalLanguage: 'en',
    kind: 'workshop',
    status: 'held',
    visibility: 'public',
    offices: [{ office: 'addis-ababa', role: 'participated' }],
    sectors: ['ITU-T'],
    bodies: [],
    plans: [],
    date: {
      start: date.start,
      end: date.end,
      text: date.text ?? (date.start === date.end ? date.start : `${date.start} – ${date.end}`),
      precision: date.precision ?? (date.start === date.end ? 'day' : 'days'),
    },
    place: null,
    description: {},
    outcome: {},
    participants: null,
    links: [],
    related: [],
    provenance: { source: 'manual' },
    version: 1,
    createdAt: '2020-01-01T00:00:00.000Z',
    createdBy: 'test',
    updatedAt: '2020-01-01T00:00:00.000Z',
    updatedBy: 'test',
    deletedAt: null,
    deletedBy: null,
    ...rest,
  };
}

/**
 * An item as the importer reads it from a report: a held ITU-T workshop in which addis-ababa
 * (Africa) participated on 3 and 4 February 2020, in Abuja, unless told otherwise.
 */
export function testProposedActivity(overrides: Partial<ProposedActivity> = {}): ProposedActivity {
  return {
    region: 'AFR',
    office: 'addis-ababa',
    kind: 'workshop',
    status: 'held',
    roles: ['participated'],
    date: { text: '3 and 4 February 2020', start: '2020-02-03', end: '2020-02-04', precision: 'days' },
    place: { city: 'Abuja', country: 'NG', online: false },
    bodies: ['SG13'],
    sectors: ['ITU-T'],
    title: 'Workshop on Standardization of fiber networks',
    description: 'ROA participated in the Workshop on Standardization of fiber networks, Abuja, Nigeria, 3 and 4 February 2020.',
    related: [],
    provenance: { document: 'report.txt', section: '4 Africa', item: '1', text: 'ROA participated in the Workshop on Standardization of fiber networks, Abuja, Nigeria, 3 and 4 February 2020.' },
    ...overrides,
  };
}
