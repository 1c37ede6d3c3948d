/** All SQL of accounts, sessions, API tokens and login failures. */
import type { Role } from '#src/platform/access.ts';
import type { Executor } from '#src/db/schema.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { ApiToken, Preferences, Recipient, User } from './model.ts';
import type { ApiTokenRow, AppUserRow, AppUserTable } from './tables.ts';

function toUser(row: AppUserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    office: row.office_code,
    bureau: row.bureau_code,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    version: row.version,
    lastSignInAt: row.last_sign_in_at,
  };
}

function toToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

export async function insertUser(ex: Executor, row: AppUserTable): Promise<User> {
  await ex.insertInto('app_user').values(row).execute();
  return toUser(row);
}

export async function findUserByEmail(ex: Executor, email: string): Promise<(User & { passwordHash: string | null }) | null> {
  const row = await ex.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

/** The accounts of these ids (unknown ids are left out). */
export async function findUsersByIds(ex: Executor, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await ex.selectFrom('app_user').selectAll().where('id', 'in', [...ids]).orderBy('email').execute();
  return rows.map(toUser);
}

export async function listUsers(ex: Executor): Promise<User[]> {
  const rows = await ex.selectFrom('app_user').selectAll().orderBy('email').execute();
  return rows.map(toUser);
}

export async function insertSession(
  ex: Executor,
  session: { idHash: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await ex
    .insertInto('session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findLiveSession(
  ex: Executor,
  idHash: string,
  now: string,
): Promise<{ user: User; csrfToken: string; expiresAt: string } | null> {
  const row = await ex
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .selectAll('app_user')
    .select(['session.csrf_token', 'session.expires_at'])
    .where('session.id_hash', '=', idHash)
    .where('session.expires_at', '>', now)
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

export async function recordSignIn(ex: Executor, userId: string, at: string): Promise<void> {
  await ex.updateTable('app_user').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

export async function deleteSession(ex: Executor, idHash: string): Promise<void> {
  await ex.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(ex: Executor, now: string): Promise<void> {
  await ex.deleteFrom('session').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(ex: Executor, token: ApiToken & { tokenHash: string }): Promise<void> {
  await ex
    .insertInto('api_token')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      last_used_at: token.lastUsedAt,
      revoked_at: token.revokedAt,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** The token with this hash and its account, when it is neither revoked nor expired at `now` and the account is enabled. */
export async function findLiveApiToken(ex: Executor, tokenHash: string, now: string): Promise<{ user: User; token: ApiToken } | null> {
  const row = await ex
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .selectAll('app_user')
    .select([
      'api_token.id as token_id',
      'api_token.name as token_name',
      'api_token.created_at as token_created_at',
      'api_token.last_used_at',
      'api_token.revoked_at',
      'api_token.expires_at as token_expires_at',
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_token.expires_at', 'is', null), eb('api_token.expires_at', '>', now)]))
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    user: toUser(row),
    token: {
      id: row.token_id,
      userId: row.id,
      name: row.token_name,
      createdAt: row.token_created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      expiresAt: row.token_expires_at,
    },
  };
}

export async function touchApiToken(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function listApiTokens(ex: Executor, userId: string): Promise<ApiToken[]> {
  const rows = await ex.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map(toToken);
}

export async function findApiToken(ex: Executor, id: string): Promise<ApiToken | null> {
  const row = await ex.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function revokeApiToken(ex: Executor, id: string, at: string): Promise<void> {
  await ex.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** When this address failed to sign in to this account since `since`, oldest first. */
export async function loginFailureTimes(ex: Executor, email: string, address: string, since: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('login_failure')
    .select('at')
    .where('email', '=', email)
    .where('address', '=', address)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

export async function insertLoginFailure(ex: Executor, email: string, address: string, at: string): Promise<void> {
  await ex.insertInto('login_failure').values({ email, address, at }).execute();
}

/** A successful sign-in forgets the failures from that address, and any older than the window. */
export async function clearLoginFailures(ex: Executor, email: string, address: string, before: string): Promise<void> {
  await ex
    .deleteFrom('login_failure')
    .where('email', '=', email)
    .where((eb) => eb.or([eb('address', '=', address), eb('at', '<=', before)]))
    .execute();
}

const toPreferences = (row: Pick<AppUserRow, 'language' | 'daily_digest'>): Preferences => ({
  language: row.language as Language,
  dailyDigest: row.daily_digest === 1,
});

export async function findPreferences(ex: Executor, userId: string): Promise<Preferences | null> {
  const row = await ex.selectFrom('app_user').select(['language', 'daily_digest']).where('id', '=', userId).executeTakeFirst();
  return row ? toPreferences(row) : null;
}

export async function updatePreferences(ex: Executor, userId: string, change: Partial<Preferences>): Promise<void> {
  const set = {
    ...(change.language !== undefined ? { language: change.language } : {}),
    ...(change.dailyDigest !== undefined ? { daily_digest: change.dailyDigest ? 1 : 0 } : {}),
  };
  if (Object.keys(set).length > 0) await ex.updateTable('app_user').set(set).where('id', '=', userId).execute();
}

/** The enabled accounts a notice may go to: by id, the editors of some offices, the focal points of a bureau. */
export async function findRecipients(ex: Executor, filter: { ids?: readonly string[]; editorsOf?: readonly string[]; focalPointsOf?: string }): Promise<Recipient[]> {
  const { ids = [], editorsOf = [], focalPointsOf } = filter;
  if (ids.length === 0 && editorsOf.length === 0 && focalPointsOf === undefined) return [];
  const rows = await ex
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'language', 'daily_digest'])
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('id', 'in', [...ids])] : []),
        ...(editorsOf.length > 0 ? [eb.and([eb('role', '=', 'editor'), eb('office_code', 'in', [...editorsOf])])] : []),
        ...(focalPointsOf !== undefined ? [eb.and([eb('role', '=', 'focal-point'), eb('bureau_code', '=', focalPointsOf)])] : []),
      ]),
    )
    .orderBy('email')
    .execute();
  return rows.map((row) => ({ id: row.id, email: row.email, displayName: row.display_name, ...toPreferences(row) }));
}

/** The choices of the accounts with these addresses (lower-case), by address. */
export async function preferencesByEmail(ex: Executor, emails: readonly string[]): Promise<Map<string, Preferences>> {
  if (emails.length === 0) return new Map();
  const rows = await ex.selectFrom('app_user').select(['email', 'language', 'daily_digest']).where('email', 'in', [...emails]).execute();
  return new Map(rows.map((row) => [row.email, toPreferences(row)]));
}
