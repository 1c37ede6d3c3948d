/**
 * Failed sign-ins are counted per account *and* client address, so repeated failures slow down
 * that address only and never lock the owner out from their own. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_failure').addColumn('address', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.dropIndex('login_failure_email_at_idx').execute();
  await db.schema.createIndex('login_failure_email_address_at_idx').on('login_failure').columns(['email', 'address', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_failure_email_address_at_idx').execute();
  await db.schema.createIndex('login_failure_email_at_idx').on('login_failure').columns(['email', 'at']).execute();
  await db.schema.alterTable('login_failure').dropColumn('address').execute();
}
