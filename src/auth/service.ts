/** Use cases of accounts: users, sign-in sessions, API tokens. */
import type { Kysely } from 'kysely';
import { recordAudit } from '#src/audit/service.ts';
import { can, requireAccess, type Actor, type Role } from '#src/platform/access.ts';
import { invalid, issue, notFound, rateLimited, unauthenticated, type FieldIssue } from '#src/platform/errors.ts';
import { newId } from '#src/platform/ids.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { checkRoleScope, hashSecret, newApiToken, newSecret, normaliseEmail, SIGN_IN_BACKOFF, signInWait, type ApiToken, type Preferences, type Recipient, type User } from './model.ts';
import type { CreateTokenBody, CreateUserBody, LoginBody, PreferencesBody } from './schemas.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as store from './store.ts';

/** Token use is recorded at most this often, so reads do not become writes. */
const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

export interface AuthSettings {
  sessionTtlHours: number;
  loginFailuresPerAccount: number;
}

export interface SignedIn {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(db: Kysely<Database>, registry: RegistryService, settings: AuthSettings) {
  let dummyHash: Promise<string> | undefined;
  /** Unknown accounts cost as much as known ones, so timing does not tell which exist. */
  const hashForUnknownAccounts = () => (dummyHash ??= hashPassword(newSecret()));

  function userActor(user: User, via: 'session' | 'token'): Actor {
    return { kind: 'user', id: user.id, email: user.email, displayName: user.displayName, role: user.role, office: user.office, bureau: user.bureau, via };
  }

  return {
    /**
     * Creates an account. `alongside` runs in the same transaction, so what must come with the
     * account (an invitation, its mail) exists exactly when the account does.
     */
    async createUser(actor: Actor, input: CreateUserBody, alongside?: (trx: Executor, user: User) => Promise<void>): Promise<User> {
      requireAccess(actor, 'users:manage');
      const office = input.office ?? null;
      const bureau = input.bureau ?? null;
      const issues = await placementIssues(actor, input.role, office, bureau);
      const email = normaliseEmail(input.email);
      if (await store.findUserByEmail(db, email)) issues.push(issue('body.email', 'email_taken', `an account for ${email} already exists`, { value: email }));
      if (issues.length > 0) throw invalid(issues);

      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction().execute(async (trx) => {
        const user = await store.insertUser(trx, {
          id: newId(),
          email,
          display_name: input.displayName ?? email,
          password_hash: passwordHash,
          role: input.role,
          office_code: office,
          bureau_code: bureau,
          created_at: new Date().toISOString(),
          disabled_at: null,
          language: input.language ?? 'en',
          daily_digest: 0,
          version: 1,
          last_sign_in_at: null,
        });
        await recordAudit(trx, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: user });
        await alongside?.(trx, user);
        return user;
      });
    },

    /** What is wrong with putting an account in this role, office and bureau (all at once). */
    placementIssues,

    /** Accounts by id, as colleagues see each other (a round's reviewers): signed-in users only. */
    async usersByIds(actor: Actor, ids: readonly string[]): Promise<User[]> {
      requireAccess(actor, 'internal:read');
      return store.findUsersByIds(db, ids);
    },

    async listUsers(actor: Actor): Promise<User[]> {
      requireAccess(actor, 'users:manage');
      return store.listUsers(db);
    },

    /**
     * Signs in with email and password from a client address. The same answer for an unknown
     * account and a wrong password; repeated failures slow down that address (`signInWait`).
     */
    async login(input: LoginBody, address: string, now = new Date()): Promise<SignedIn> {
      const email = normaliseEmail(input.email);
      const since = new Date(now.getTime() - SIGN_IN_BACKOFF.windowSeconds * 1000).toISOString();
      const wait = signInWait(await store.loginFailureTimes(db, email, address, since), settings.loginFailuresPerAccount, now);
      if (wait > 0) {
        throw rateLimited(`Too many failed sign-in attempts for this account from this address. Try again in ${wait} s.`, wait);
      }
      const user = await store.findUserByEmail(db, email);
      const passwordOk = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : (await verifyPassword(await hashForUnknownAccounts(), input.password), false);
      if (!user || !passwordOk || user.disabledAt) {
        await store.insertLoginFailure(db, email, address, now.toISOString());
        throw unauthenticated('The email or password is not correct.', 'invalid_credentials');
      }
      const { passwordHash: _omit, ...account } = user;
      const sessionToken = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3600 * 1000).toISOString();
      await db.transaction().execute(async (trx) => {
        await store.clearLoginFailures(trx, email, address, since);
        await store.deleteExpiredSessions(trx, now.toISOString());
        await store.insertSession(trx, { idHash: hashSecret(sessionToken), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt });
        await store.recordSignIn(trx, user.id, now.toISOString());
      });
      return { user: { ...account, lastSignInAt: now.toISOString() }, sessionToken, csrfToken, expiresAt };
    },

    async logout(sessionToken: string): Promise<void> {
      await store.deleteSession(db, hashSecret(sessionToken));
    },

    /** The actor behind a session cookie, or null when the session is unknown or expired. */
    async actorForSession(sessionToken: string, now = new Date()): Promise<{ actor: Actor; csrfToken: string; expiresAt: string } | null> {
      const session = await store.findLiveSession(db, hashSecret(sessionToken), now.toISOString());
      return session ? { actor: userActor(session.user, 'session'), csrfToken: session.csrfToken, expiresAt: session.expiresAt } : null;
    },

    /** The actor behind a bearer token, or null when the token is unknown, revoked or expired, or its account disabled. */
    async actorForToken(token: string, now = new Date()): Promise<Actor | null> {
      const found = await store.findLiveApiToken(db, hashSecret(token), now.toISOString());
      if (!found) return null;
      const last = found.token.lastUsedAt ? Date.parse(found.token.lastUsedAt) : 0;
      if (now.getTime() - last > TOKEN_TOUCH_INTERVAL_MS) await store.touchApiToken(db, found.token.id, now.toISOString());
      return userActor(found.user, 'token');
    },

    /** Creates an API token for the actor; the secret is returned once and only its hash is kept. */
    async createToken(actor: Actor, input: CreateTokenBody): Promise<{ token: ApiToken; secret: string }> {
      requireAccess(actor, 'account:self');
      if (actor.kind !== 'user') throw unauthenticated();
      return issueToken(actor, actor.id, input.name, input.expiresAt ?? null);
    },

    /** For the command line: a token for the account with this email, working until `expiresAt` when given. */
    async createTokenFor(actor: Actor, email: string, name: string, expiresAt: string | null = null): Promise<{ token: ApiToken; secret: string; user: User }> {
      requireAccess(actor, 'users:manage');
      const user = await store.findUserByEmail(db, normaliseEmail(email));
      if (!user) throw notFound('user_not_found', `There is no account for ${normaliseEmail(email)}.`);
      const { passwordHash: _omit, ...account } = user;
      return { ...(await issueToken(actor, user.id, name, expiresAt)), user: account };
    },

    async listTokens(actor: Actor): Promise<ApiToken[]> {
      requireAccess(actor, 'account:self');
      if (actor.kind !== 'user') throw unauthenticated();
      return store.listApiTokens(db, actor.id);
    },

    /** The API tokens of any account (admins), newest last; unknown accounts are "not found". */
    async listTokensOf(actor: Actor, userId: string): Promise<ApiToken[]> {
      requireAccess(actor, 'users:manage');
      if ((await store.findUsersByIds(db, [userId])).length === 0) throw notFound('user_not_found', 'There is no such account.');
      return store.listApiTokens(db, userId);
    },

    /** Revokes one's own token; admins revoke anyone's. */
    async revokeToken(actor: Actor, id: string): Promise<void> {
      requireAccess(actor, 'account:self');
      const token = await store.findApiToken(db, id);
      // Someone else's token is "not found" to all but admins: nobody can probe which tokens exist.
      const mayRevoke = token !== null && actor.kind === 'user' && (token.userId === actor.id || can(actor, 'users:manage'));
      if (!token || !mayRevoke) throw notFound('token_not_found', 'There is no such token.');
      await db.transaction().execute(async (trx) => {
        await store.revokeApiToken(trx, id, new Date().toISOString());
        await recordAudit(trx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: id, before: token });
      });
    },

    /** The signed-in user's own choices: the language of their mail and the daily digest. */
    async getPreferences(actor: Actor): Promise<Preferences> {
      requireAccess(actor, 'account:self');
      if (actor.kind !== 'user') throw unauthenticated();
      const preferences = await store.findPreferences(db, actor.id);
      if (!preferences) throw unauthenticated();
      return preferences;
    },

    async updatePreferences(actor: Actor, change: PreferencesBody): Promise<Preferences> {
      requireAccess(actor, 'account:self');
      if (actor.kind !== 'user') throw unauthenticated();
      return db.transaction().execute(async (trx) => {
        const before = await store.findPreferences(trx, actor.id);
        if (!before) throw unauthenticated();
        const after: Preferences = { language: change.language ?? before.language, dailyDigest: change.dailyDigest ?? before.dailyDigest };
        if (after.language !== before.language || after.dailyDigest !== before.dailyDigest) {
          await store.updatePreferences(trx, actor.id, after);
          await recordAudit(trx, actor, { action: 'user.preferences', entityType: 'user', entityId: actor.id, before, after });
        }
        return after;
      });
    },

    /**
     * Whom a notice goes to, with their language and digest choice, read in the caller's
     * transaction (`ex`): accounts by id, the editors of offices, the focal points of a bureau.
     * Disabled accounts get nothing.
     */
    recipients(ex: Executor, filter: { ids?: readonly string[]; editorsOf?: readonly string[]; focalPointsOf?: string }): Promise<Recipient[]> {
      return store.findRecipients(ex, filter);
    },

    /** The choices of the accounts behind these addresses (for mail), read in the caller's transaction. */
    preferencesByEmail(ex: Executor, emails: readonly string[]): Promise<Map<string, Preferences>> {
      return store.preferencesByEmail(ex, [...new Set(emails.map(normaliseEmail))]);
    },
  };

  async function placementIssues(actor: Actor, role: Role, office: string | null, bureau: string | null): Promise<FieldIssue[]> {
    const issues = checkRoleScope(role, office, bureau);
    if (office) await registry.getOffice(actor, office).catch(() => issues.push(issue('body.office', 'unknown_office', `unknown office "${office}"`, { value: office })));
    if (bureau) {
      const body = await registry.getBody(actor, bureau).catch(() => null);
      if (body?.type !== 'bureau') issues.push(issue('body.bureau', 'unknown_bureau', `unknown bureau "${bureau}" (one of BR, TSB, BDT, SG)`, { value: bureau }));
    }
    return issues;
  }

  async function issueToken(actor: Actor, userId: string, name: string, expiresAt: string | null, now = new Date()): Promise<{ token: ApiToken; secret: string }> {
    if (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()) {
      throw invalid([issue('body.expiresAt', 'in_the_past', `${expiresAt} has already passed`, { value: expiresAt })]);
    }
    const secret = newApiToken();
    const token: ApiToken = { id: newId(), userId, name, createdAt: now.toISOString(), lastUsedAt: null, revokedAt: null, expiresAt };
    await db.transaction().execute(async (trx) => {
      await store.insertApiToken(trx, { ...token, tokenHash: hashSecret(secret) });
      await recordAudit(trx, actor, { action: 'token.create', entityType: 'api_token', entityId: token.id, after: token });
    });
    return { token, secret };
  }
}
