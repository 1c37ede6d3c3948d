/** The SQL of managing accounts: an admin's changes (versioned), signing out everywhere, one-time password links. */
import type { Executor } from '#src/db/schema.ts';
import type { PasswordLink, PasswordLinkPurpose } from '../model.ts';
import type { PasswordLinkRow } from '../tables.ts';

export interface AccountChange {
  role?: string;
  office_code?: string | null;
  bureau_code?: string | null;
  display_name?: string;
  disabled_at?: string | null;
}

/** Writes the change when the account is still at `version`, raising it; false when someone changed it meanwhile. */
export async function updateAccount(ex: Executor, id: string, version: number, change: AccountChange): Promise<boolean> {
  const result = await ex
    .updateTable('app_user')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setPasswordHash(ex: Executor, userId: string, passwordHash: string): Promise<void> {
  await ex.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function findPasswordHash(ex: Executor, userId: string): Promise<string | null> {
  const row = await ex.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Ends the account's sessions, all but the one with `keepHash` when given. */
export async function deleteSessionsOf(ex: Executor, userId: string, keepHash: string | null = null): Promise<void> {
  let query = ex.deleteFrom('session').where('user_id', '=', userId);
  if (keepHash !== null) query = query.where('id_hash', '!=', keepHash);
  await query.execute();
}

/** Revokes every token of the account still in force; the ids revoked. */
export async function revokeTokensOf(ex: Executor, userId: string, at: string): Promise<string[]> {
  const rows = await ex.selectFrom('api_token').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  if (rows.length > 0) await ex.updateTable('api_token').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  return rows.map((row) => row.id);
}

const toLink = (row: PasswordLinkRow): PasswordLink => ({
  id: row.id,
  userId: row.user_id,
  purpose: row.purpose as PasswordLinkPurpose,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

export async function insertLink(ex: Executor, link: PasswordLink & { tokenHash: string }): Promise<void> {
  await ex
    .insertInto('password_link')
    .values({ id: link.id, user_id: link.userId, token_hash: link.tokenHash, purpose: link.purpose, created_at: link.createdAt, expires_at: link.expiresAt, used_at: link.usedAt })
    .execute();
}

export async function findLinkByHash(ex: Executor, tokenHash: string): Promise<PasswordLink | null> {
  const row = await ex.selectFrom('password_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? toLink(row) : null;
}

/** Marks the link used, if nobody used it first; false when someone did. */
export async function spendLink(ex: Executor, id: string, at: string): Promise<boolean> {
  const result = await ex.updateTable('password_link').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A new link, a password set or a disabled account makes the account's unused links worthless: they are spent. */
export async function spendLinksOf(ex: Executor, userId: string, at: string): Promise<void> {
  await ex.updateTable('password_link').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
