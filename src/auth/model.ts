/** Pure rules of accounts: who a user may be, and the shape of secrets. */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '#src/platform/access.ts';
import type { FieldIssue } from '#src/platform/errors.ts';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  office: string | null;
  bureau: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** An editor belongs to one office, a focal point to one bureau; admins and readers to neither. */
export function checkRoleScope(role: Role, office: string | null, bureau: string | null, at = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (role === 'editor' && !office) issues.push({ path: `${at}.office`, message: 'an editor needs the office they write for' });
  if (role !== 'editor' && office) issues.push({ path: `${at}.office`, message: `only editors belong to an office, not a ${role}` });
  if (role === 'focal-point' && !bureau) issues.push({ path: `${at}.bureau`, message: 'a focal point needs their bureau, e.g. TSB' });
  if (role !== 'focal-point' && bureau) issues.push({ path: `${at}.bureau`, message: `only focal points belong to a bureau, not a ${role}` });
  return issues;
}

/** A random secret for a session cookie, a CSRF token or an API token. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** API tokens carry a prefix so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'fbt_';
export const newApiToken = (): string => `${API_TOKEN_PREFIX}${newSecret()}`;

/** Only hashes of sessions and tokens are stored, so a copy of the database grants nothing. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
