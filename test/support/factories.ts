/** Test fixtures made through the real services, as a user of the command line would make them. */
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
