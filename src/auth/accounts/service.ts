/**
 * Managing accounts: an admin invites people, changes their role or office, disables and
 * re-enables them, resets their password; the holder of a one-time link sets their password;
 * everyone changes their own. Every change is audited in its transaction.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '#src/audit/service.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { MailService } from '#src/mail/service.ts';
import { actorLabel, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound, unauthenticated, type FieldIssue } from '#src/platform/errors.ts';
import { newId } from '#src/platform/ids.ts';
import type { Language } from '#src/platform/i18n.ts';
import { hashSecret, linkWorks, newSecret, PASSWORD_LINK_HOURS, passwordLinkUrl, type PasswordLink, type PasswordLinkPurpose, type User } from '../model.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import type { AuthService } from '../service.ts';
import * as authStore from '../store.ts';
import { passwordLinkMail } from './notices.ts';
import type { ChangePasswordBody, InviteBody, UpdateUserBody, UseLinkBody } from './schemas.ts';
import * as store from './store.ts';

export interface AccountSettings {
  /** Where the workspace is reached from outside: the links point there. */
  publicUrl: string;
  /** With a mail server the link goes by mail only; without one the admin is shown it to pass on. */
  mailConfigured: boolean;
}

/** A link just made: its address only when no mail carries it, so the admin can pass it on. */
export interface IssuedLink {
  purpose: PasswordLinkPurpose;
  expiresAt: string;
  mailed: boolean;
  url: string | null;
}

/** Who a link is for, as the set-password page greets them. */
export interface LinkHolder {
  email: string;
  displayName: string;
  purpose: PasswordLinkPurpose;
  expiresAt: string;
}

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService(
  db: Kysely<Database>,
  deps: { auth: Pick<AuthService, 'createUser' | 'placementIssues'>; mail: Pick<MailService, 'enqueue'> },
  settings: AccountSettings,
) {
  async function findUser(ex: Executor, id: string): Promise<User> {
    const [user] = await authStore.findUsersByIds(ex, [id]);
    if (!user) throw notFound('user_not_found', 'There is no such account.');
    return user;
  }

  /** A fresh link for the account, replacing its unused ones, mailed when mail goes out. */
  async function issueLink(trx: Executor, actor: Actor, user: User, language: Language, purpose: PasswordLinkPurpose, now: Date): Promise<IssuedLink> {
    const secret = newSecret();
    const link: PasswordLink = {
      id: newId(),
      userId: user.id,
      purpose,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PASSWORD_LINK_HOURS[purpose] * 3600 * 1000).toISOString(),
      usedAt: null,
    };
    await store.spendLinksOf(trx, user.id, now.toISOString());
    await store.insertLink(trx, { ...link, tokenHash: hashSecret(secret) });
    const url = passwordLinkUrl(settings.publicUrl, secret);
    if (settings.mailConfigured) {
      await deps.mail.enqueue(trx, [passwordLinkMail({ ...user, language }, link, url, actorLabel(actor))], now);
    }
    await recordAudit(trx, actor, { action: `user.${purpose === 'invite' ? 'invite' : 'password_reset'}`, entityType: 'user', entityId: user.id, after: { link: link.id, expiresAt: link.expiresAt, mailed: settings.mailConfigured } }, now);
    return { purpose, expiresAt: link.expiresAt, mailed: settings.mailConfigured, url: settings.mailConfigured ? null : url };
  }

  /** An admin may not lock themselves out: no demoting or disabling one's own account. */
  function refuseOwn(actor: Actor, user: User, path: string): void {
    if (actor.kind === 'user' && actor.id === user.id) throw invalid([issue(path, 'own_account', 'you cannot take away your own administration or disable your own account')]);
  }

  /**
   * One admin change of an account at the version the admin saw: decided (and checked against the
   * registry) before the transaction, written in it with what must come with it (`alongside`).
   */
  async function changeAccount(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    decide: (user: User) => Promise<store.AccountChange>,
    alongside?: (trx: Executor) => Promise<void>,
  ): Promise<User> {
    const before = await findUser(db, id);
    if (before.version !== version) throw conflict('version_conflict', `The account changed since version ${version}; it is now at version ${before.version}.`);
    const change = await decide(before);
    return db.transaction().execute(async (trx) => {
      if (!(await store.updateAccount(trx, id, version, change))) throw conflict('version_conflict', 'The account changed at the same time; try again.');
      await alongside?.(trx);
      const after = await findUser(trx, id);
      await recordAudit(trx, actor, { action, entityType: 'user', entityId: id, before, after });
      return after;
    });
  }

  return {
    async get(actor: Actor, id: string): Promise<User> {
      requireAccess(actor, 'users:manage');
      return findUser(db, id);
    },

    /** Makes the account without a password, and a week-long link to set one. */
    async invite(actor: Actor, input: InviteBody, now = new Date()): Promise<{ user: User; link: IssuedLink }> {
      requireAccess(actor, 'users:manage');
      let link: IssuedLink | undefined;
      const user = await deps.auth.createUser(actor, { ...input, password: undefined }, async (trx, created) => {
        link = await issueLink(trx, actor, created, input.language ?? 'en', 'invite', now);
      });
      return { user, link: link! };
    },

    /** Changes the role, office, bureau or name; the others follow at once (sessions read the account on every request). */
    async update(actor: Actor, id: string, input: UpdateUserBody): Promise<User> {
      requireAccess(actor, 'users:manage');
      return changeAccount(actor, id, input.version, 'user.update', async (user) => {
        const role = input.role ?? user.role;
        // A new role takes the office or bureau it needs; one the role does not have goes.
        const office = input.office !== undefined ? input.office : role === 'editor' ? user.office : null;
        const bureau = input.bureau !== undefined ? input.bureau : role === 'focal-point' ? user.bureau : null;
        if (role !== 'admin' && user.role === 'admin') refuseOwn(actor, user, 'body.role');
        const issues: FieldIssue[] = await deps.auth.placementIssues(actor, role, office, bureau);
        if (issues.length > 0) throw invalid(issues);
        return { role, office_code: office, bureau_code: bureau, ...(input.displayName !== undefined ? { display_name: input.displayName } : {}) };
      });
    },

    /** Disables the account and signs it out everywhere: its sessions end, its tokens and links are revoked. */
    async disable(actor: Actor, id: string, version: number, now = new Date()): Promise<User> {
      requireAccess(actor, 'users:manage');
      const at = now.toISOString();
      return changeAccount(
        actor,
        id,
        version,
        'user.disable',
        async (user) => {
          refuseOwn(actor, user, 'params.id');
          return { disabled_at: user.disabledAt ?? at };
        },
        async (trx) => {
          await store.deleteSessionsOf(trx, id);
          const revoked = await store.revokeTokensOf(trx, id, at);
          for (const token of revoked) await recordAudit(trx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: token, after: { revokedAt: at, because: 'user.disable' } }, now);
          await store.spendLinksOf(trx, id, at);
        },
      );
    },

    /** Lets the account sign in again with its password; revoked tokens stay revoked. */
    async enable(actor: Actor, id: string, version: number): Promise<User> {
      requireAccess(actor, 'users:manage');
      return changeAccount(actor, id, version, 'user.enable', async () => ({ disabled_at: null }));
    },

    /** A day-long link to set a new password; the old one works until the link is used. */
    async resetPassword(actor: Actor, id: string, now = new Date()): Promise<IssuedLink> {
      requireAccess(actor, 'users:manage');
      return db.transaction().execute(async (trx) => {
        const user = await findUser(trx, id);
        if (user.disabledAt) throw conflict('user_disabled', 'The account is disabled: enable it first.');
        const language = (await authStore.findPreferences(trx, id))?.language ?? 'en';
        return issueLink(trx, actor, user, language, 'reset', now);
      });
    },

    /** Who the link is for, while it works; a used, replaced, expired or unknown link is "not found" alike. */
    async checkLink(token: string, now = new Date()): Promise<LinkHolder> {
      const { link, user } = await workingLink(db, token, now);
      return { email: user.email, displayName: user.displayName, purpose: link.purpose, expiresAt: link.expiresAt };
    },

    /** Sets the password through the link, once; every session of the account ends. */
    async useLink(input: UseLinkBody, now = new Date()): Promise<void> {
      // A link that does not work costs no hashing: anonymous callers cannot make the server spend argon2 on junk.
      const { link, user } = await workingLink(db, input.token, now);
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        // Spent only if nobody used, replaced or revoked it meanwhile.
        if (!(await store.spendLink(trx, link.id, now.toISOString()))) throw linkNotValid();
        await store.spendLinksOf(trx, user.id, now.toISOString());
        await store.setPasswordHash(trx, user.id, passwordHash);
        await store.deleteSessionsOf(trx, user.id);
        const holder: Actor = { kind: 'system', label: `${user.email} (${link.purpose} link)` };
        await recordAudit(trx, holder, { action: 'user.password_set', entityType: 'user', entityId: user.id, after: { link: link.id } }, now);
      });
    },

    /** Changes one's own password, given the current one; one's other sessions end (API tokens stay). */
    async changeOwnPassword(actor: Actor, input: ChangePasswordBody, currentSession: string | null): Promise<void> {
      requireAccess(actor, 'account:self');
      if (actor.kind !== 'user') throw unauthenticated();
      const stored = await store.findPasswordHash(db, actor.id);
      if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
        throw invalid([issue('body.currentPassword', 'password_incorrect', 'this is not your current password')]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await store.setPasswordHash(trx, actor.id, passwordHash);
        await store.deleteSessionsOf(trx, actor.id, currentSession === null ? null : hashSecret(currentSession));
        await store.spendLinksOf(trx, actor.id, new Date().toISOString());
        await recordAudit(trx, actor, { action: 'user.password_change', entityType: 'user', entityId: actor.id });
      });
    },
  };

  async function workingLink(ex: Executor, token: string, now: Date): Promise<{ link: PasswordLink; user: User }> {
    const link = await store.findLinkByHash(ex, hashSecret(token));
    if (!link || !linkWorks(link, now)) throw linkNotValid();
    const [user] = await authStore.findUsersByIds(ex, [link.userId]);
    if (!user || user.disabledAt) throw linkNotValid();
    return { link, user };
  }
}

const linkNotValid = () => notFound('link_not_valid', 'This link is not valid: it was used, replaced by a newer one, or has expired. Ask an administrator for a new one.');
