/** What of accounts and tokens leaves the server: never a hash, never a stored secret. */
import { z } from 'zod';
import { ROLES } from '#src/platform/access.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import type { ApiToken, Preferences, User } from './model.ts';

export const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  office: z.string().nullable(),
  bureau: z.string().nullable(),
  createdAt: z.string(),
});

export const tokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('The token stops working at this instant; null: until revoked'),
});

/** An account as admins manage it. */
export const accountResponse = userResponse.extend({
  disabledAt: z.string().nullable().describe('When the account was disabled; null while it may sign in'),
  lastSignInAt: z.string().nullable(),
  version: z.number().int().describe('Send it back with a change; a stale one gets 409'),
});

export const sessionResponse = z.object({
  user: userResponse.omit({ createdAt: true }).nullable().describe('Null when nobody is signed in'),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z.string().nullable().describe('Send as the x-csrf-token header on changes made with the session cookie'),
  expiresAt: z.string().nullable(),
});

export const presentUser = (user: User): z.infer<typeof userResponse> => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  office: user.office,
  bureau: user.bureau,
  createdAt: user.createdAt,
});

export const presentToken = (token: ApiToken): z.infer<typeof tokenResponse> => ({
  id: token.id,
  name: token.name,
  createdAt: token.createdAt,
  lastUsedAt: token.lastUsedAt,
  revokedAt: token.revokedAt,
  expiresAt: token.expiresAt,
});

export const presentAccount = (user: User): z.infer<typeof accountResponse> => ({
  ...presentUser(user),
  disabledAt: user.disabledAt,
  lastSignInAt: user.lastSignInAt,
  version: user.version,
});

export const preferencesResponse = z.object({
  language: z.enum(LANGUAGES),
  dailyDigest: z.boolean(),
});

export const presentPreferences = (preferences: Preferences): z.infer<typeof preferencesResponse> => ({
  language: preferences.language,
  dailyDigest: preferences.dailyDigest,
});
