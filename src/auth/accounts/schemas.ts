/** What a request to manage accounts may say. */
import { z } from 'zod';
import { ROLES } from '#src/platform/access.ts';
import { PASSWORD_MAX_LENGTH } from '../model.ts';
import { createUserBody, password } from '../schemas.ts';

export const userParams = z.object({ id: z.uuid() });
export const userTokenParams = z.object({ id: z.uuid(), tokenId: z.uuid() });

/** An invitation: the account without a password; the invited person sets it through the link. */
export const inviteBody = createUserBody.omit({ password: true });
export type InviteBody = z.infer<typeof inviteBody>;

/** An admin's change of an account: only the fields sent change; `version` is the one the admin saw. */
export const updateUserBody = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  office: z.string().min(1).max(64).nullable().optional(),
  bureau: z.string().min(1).max(64).nullable().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const versionBody = z.object({ version: z.number().int().min(1) });
export type VersionBody = z.infer<typeof versionBody>;

/** The secret of a one-time link, as the set-password page read it from the link. */
const linkToken = z.string().min(1).max(200);
export const linkBody = z.object({ token: linkToken });
export const useLinkBody = z.object({ token: linkToken, password });
export type UseLinkBody = z.infer<typeof useLinkBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: password,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
