/**
 * A message of the outbox may carry an iCalendar part (a meeting's invitation, update or
 * cancellation): its METHOD and its text, sent as text/calendar beside the plain text. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('calendar_method', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('calendar', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('calendar').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('calendar_method').execute();
}
