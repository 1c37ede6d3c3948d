/**
 * Accounts people can manage: a version on each account (stale edits get 409), the last sign-in,
 * an expiry on API tokens, and one-time links to set a password (invitations and resets; only
 * their hashes are kept). Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('app_user').addColumn('last_sign_in_at', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('expires_at', 'text').execute();
  await db.schema.createIndex('api_token_user_idx').on('api_token').column('user_id').execute();

  await db.schema
    .createTable('password_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** 'invite' or 'reset'. */
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_link_user_idx').on('password_link').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_link').execute();
  await db.schema.dropIndex('api_token_user_idx').execute();
  await db.schema.alterTable('api_token').dropColumn('expires_at').execute();
  await db.schema.alterTable('app_user').dropColumn('last_sign_in_at').execute();
  await db.schema.alterTable('app_user').dropColumn('version').execute();
}
