/** Test fixtures made through the real services, as a user of the command line would make them. */
import type { Activity } from '#src/activities/model.ts';
import { createActivityBody } from '#src/activities/schemas.ts';
import type { Role, Actor } from '#src/platform/access.ts';
import type { TestServer } from './server.ts';

const ADMIN_CLI: Actor = { kind: 'system', label: 'test factory' };
let counter = 0;

export interface TestUser {
  email: string;
  password: string;
  token: string;
  role: Role;
  office: string | null;
  bureau: string | null;
}

export async function buildUser(
  server: TestServer,
  overrides: { role?: Role; office?: string; bureau?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  const role = overrides.role ?? 'reader';
  const office = overrides.office ?? (role === 'editor' ? 'addis-ababa' : null);
  const bureau = overrides.bureau ?? (role === 'focal-point' ? 'TSB' : null);
  const email = overrides.email ?? `${role}-${++counter}-${Date.now()}@example.org`;
  const password = overrides.password ?? 'correct horse battery staple';
  const { auth } = server.database.fieldbook.services;
  await auth.createUser(ADMIN_CLI, { email, role, office, bureau, password });
  const { secret } = await auth.createTokenFor(ADMIN_CLI, email, 'test');
  return { email, password, token: secret, role, office, bureau };
}

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
