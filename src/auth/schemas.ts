/** Zod schemas of account requests, shared by the HTTP routes and the command line. */
import { z } from 'zod';
import { ROLES } from '#src/platform/access.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './model.ts';

export const loginBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof loginBody>;

export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

export const createUserBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES),
  office: z.string().min(1).max(64).nullable().optional(),
  bureau: z.string().min(1).max(64).nullable().optional(),
  /** Omitted for accounts that only use API tokens. */
  password: password.optional(),
  /** The language of the mail they get; English unless told. */
  language: z.enum(LANGUAGES).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(100).default('API token'),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('The token stops working at this instant (ISO 8601); without it, it works until revoked'),
});
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const tokenParams = z.object({ id: z.uuid() });

/** One's own choices; only what is sent changes. */
export const preferencesBody = z.object({
  language: z.enum(LANGUAGES).optional().describe('The language of the mail you get: en fr es ru ar zh'),
  dailyDigest: z.boolean().optional().describe('Notices that allow it come once a day, in one message'),
});
export type PreferencesBody = z.infer<typeof preferencesBody>;
