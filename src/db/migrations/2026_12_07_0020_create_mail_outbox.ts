/**
 * Mail: the outbox every notice is written to in the same transaction as the change that causes
 * it, sent later by the server's worker; and each account's language and daily-digest choice.
 * Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('language', 'text', (c) => c.notNull().defaultTo('en')).execute();
  await db.schema.alterTable('app_user').addColumn('daily_digest', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Enqueuing a key already there does nothing: a notice is written once, however many instances try.
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('digestible', 'integer', (c) => c.notNull().defaultTo(0))
    // pending | sending | sent | failed | held (for the daily digest) | digested (carried by a digest)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // When a worker may next take it: a retry's time, a claim's lease, or the digest's hour.
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    // A held message: the digest that carried it.
    .addColumn('digest_id', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.alterTable('app_user').dropColumn('daily_digest').execute();
  await db.schema.alterTable('app_user').dropColumn('language').execute();
}
