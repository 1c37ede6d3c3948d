/** Accounts and tokens as the API answers, and the pure rules the screens word them by. */
import type { z } from 'zod';
import type { accountResponse, tokenResponse } from '#src/auth/present.ts';
import type { invitationResponse, issuedLinkResponse, linkHolderResponse } from '#src/auth/accounts/present.ts';
import type { Role } from '#src/platform/access.ts';

export type Account = z.infer<typeof accountResponse>;
export type Token = z.infer<typeof tokenResponse>;
export type CreatedToken = Token & { token: string };
export type IssuedLink = z.infer<typeof issuedLinkResponse>;
export type Invitation = z.infer<typeof invitationResponse>;
export type LinkHolder = z.infer<typeof linkHolderResponse>;
export type { Role };

/** The roles, most powerful first (the server's list, restated for the bundle). */
export const ROLES = ['admin', 'focal-point', 'editor', 'reader'] as const satisfies readonly Role[];

export type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: Pick<Token, 'revokedAt' | 'expiresAt'>, now: Date): TokenState {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** A token chosen to expire on a day works through the end of that day (UTC). */
export const endOfDay = (day: string): string => `${day}T23:59:59.999Z`;
