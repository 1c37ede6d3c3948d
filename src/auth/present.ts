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
});

export const preferencesResponse = z.object({
  language: z.enum(LANGUAGES),
  dailyDigest: z.boolean(),
});

export const presentPreferences = (preferences: Preferences): z.infer<typeof preferencesResponse> => ({
  language: preferences.language,
  dailyDigest: preferences.dailyDigest,
});
