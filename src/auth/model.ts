/** Pure rules of accounts: who a user may be, and the shape of secrets. */
import { createHash, randomBytes } from 'node:crypto';
import type { Role, UserIdentity } from '#src/platform/access.ts';
import { issue, type FieldIssue } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';

export interface User extends UserIdentity {
  createdAt: string;
  disabledAt: string | null;
  /** Raised by every change an admin makes to the account. */
  version: number;
  lastSignInAt: string | null;
}

/** What a user chose for themselves: the language of their mail, and whether notices come as a daily digest. */
export interface Preferences {
  language: Language;
  dailyDigest: boolean;
}

/** Whom a notice goes to: an account's address with its choices. */
export interface Recipient extends Preferences {
  id: string;
  email: string;
  displayName: string;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Past this instant the token no longer works; null: until revoked. */
  expiresAt: string | null;
}

/** Whether a token still lets its holder in at `now`. */
export const tokenWorks = (token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date): boolean =>
  token.revokedAt === null && (token.expiresAt === null || Date.parse(token.expiresAt) > now.getTime());

export const PASSWORD_LINK_PURPOSES = ['invite', 'reset'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];

/**
 * How long a one-time link to set a password works: an invitation a week (people are away), a
 * reset a day (it answers someone asking now).
 */
export const PASSWORD_LINK_HOURS: Record<PasswordLinkPurpose, number> = { invite: 7 * 24, reset: 24 };

export interface PasswordLink {
  id: string;
  userId: string;
  purpose: PasswordLinkPurpose;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A link works once, before it expires. */
export const linkWorks = (link: Pick<PasswordLink, 'usedAt' | 'expiresAt'>, now: Date): boolean =>
  link.usedAt === null && Date.parse(link.expiresAt) > now.getTime();

/** The workspace page a link opens; the secret rides in the fragment, which browsers never send to a server or write to its logs. */
export const passwordLinkUrl = (publicUrl: string, secret: string): string => `${publicUrl.replace(/\/+$/, '')}/app/set-password#${secret}`;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** An editor belongs to one office, a focal point to one bureau; admins and readers to neither. */
export function checkRoleScope(role: Role, office: string | null, bureau: string | null, at = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (role === 'editor' && !office) issues.push(issue(`${at}.office`, 'editor_needs_office', 'an editor needs the office they write for'));
  if (role !== 'editor' && office) issues.push(issue(`${at}.office`, 'office_only_for_editors', `only editors belong to an office, not a ${role}`, { role }));
  if (role === 'focal-point' && !bureau) issues.push(issue(`${at}.bureau`, 'focal_point_needs_bureau', 'a focal point needs their bureau, e.g. TSB'));
  if (role !== 'focal-point' && bureau) issues.push(issue(`${at}.bureau`, 'bureau_only_for_focal_points', `only focal points belong to a bureau, not a ${role}`, { role }));
  return issues;
}

/** A random secret for a session cookie, a CSRF token or an API token. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** API tokens carry a prefix so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'fbt_';
export const newApiToken = (): string => `${API_TOKEN_PREFIX}${newSecret()}`;

/** Only hashes of sessions and tokens are stored, so a copy of the database grants nothing. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * How repeated failed sign-ins slow down. They are counted per account *and* client address: the
 * first `freeFailures` cost nothing, then each further attempt from that address must wait twice
 * as long after the last failure (1 s, 2 s, 4 s … up to 15 minutes). The owner signing in from
 * their own address is never held up by someone else's guesses, and nothing ever locks an account.
 */
export const SIGN_IN_BACKOFF = { firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, windowSeconds: 60 * 60 } as const;

/** Seconds this address must still wait before trying this account again; 0 when it may try now. */
export function signInWait(failureTimes: readonly string[], freeFailures: number, now: Date): number {
  const extra = failureTimes.length - freeFailures;
  const last = failureTimes.at(-1);
  if (extra < 0 || last === undefined) return 0;
  const delaySeconds = Math.min(SIGN_IN_BACKOFF.firstDelaySeconds * 2 ** extra, SIGN_IN_BACKOFF.maxDelaySeconds);
  const waitMs = Date.parse(last) + delaySeconds * 1000 - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/**
 * When a token given `--expires` stops working: "90d" days from now, a day "2027-06-30" (through
 * its end, UTC), or an ISO instant. Null when the text is none of these.
 */
export function readExpiry(text: string, now: Date): string | null {
  const days = /^(\d{1,4})d$/.exec(text.trim());
  if (days) return new Date(now.getTime() + Number(days[1]) * 24 * 3600 * 1000).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    const end = new Date(`${text.trim()}T23:59:59.999Z`);
    return Number.isNaN(end.getTime()) || end.toISOString().slice(0, 10) !== text.trim() ? null : end.toISOString();
  }
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(text.trim()) ? new Date(text.trim()) : null;
  return instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : null;
}
