/**
 * All SQL of the outbox. Claiming is the one place the dialects differ: on PostgreSQL the due
 * rows are locked `FOR UPDATE SKIP LOCKED`, so workers of several instances each take different
 * messages; SQLite has one writer, so its plain transaction is enough.
 */
import type { Dialect } from '#src/platform/database.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Executor } from '#src/db/schema.ts';
import type { MailState, OutboxMessage } from './model.ts';
import type { MailOutboxRow, MailOutboxTable } from './tables.ts';

function toMessage(row: MailOutboxRow): OutboxMessage {
  return {
    id: row.id,
    key: row.key,
    to: row.recipient,
    toName: row.recipient_name,
    language: row.language as Language,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    digestible: row.digestible === 1,
    state: row.state as MailState,
    messageId: row.message_id,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at,
    digestId: row.digest_id,
    calendar: row.calendar && row.calendar_method ? { method: row.calendar_method === 'CANCEL' ? 'CANCEL' : 'REQUEST', content: row.calendar } : null,
  };
}

/** Writes the messages; a key already in the outbox is left as it is. */
export async function insertMessages(ex: Executor, rows: MailOutboxTable[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.insertInto('mail_outbox').values(rows).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/**
 * Takes up to `limit` messages due at `now` (pending, or sending with a lapsed lease: a worker
 * that stopped mid-send), counts the attempt and leases them until `leaseUntil`. Run it in a
 * transaction: the lock is held only until the lease is written.
 */
export async function claimDue(ex: Executor, dialect: Dialect, now: string, leaseUntil: string, limit: number): Promise<OutboxMessage[]> {
  let query = ex
    .selectFrom('mail_outbox')
    .selectAll()
    .where('state', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit);
  if (dialect === 'postgres') query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  if (rows.length === 0) return [];
  await ex
    .updateTable('mail_outbox')
    .set((eb) => ({ state: 'sending', next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', rows.map((row) => row.id))
    .execute();
  return rows.map((row) => ({ ...toMessage(row), state: 'sending', nextAttemptAt: leaseUntil, attempts: row.attempts + 1 }));
}

/** The attempt's outcome; a message another worker took over after a lapsed lease is not touched. */
export async function recordOutcome(
  ex: Executor,
  message: Pick<OutboxMessage, 'id' | 'attempts'>,
  outcome: { state: 'sent'; at: string } | { state: 'failed'; error: string } | { state: 'pending'; nextAttemptAt: string; error: string },
): Promise<void> {
  const set =
    outcome.state === 'sent'
      ? { state: 'sent', sent_at: outcome.at }
      : outcome.state === 'failed'
        ? { state: 'failed', last_error: outcome.error }
        : { state: 'pending', next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error };
  await ex
    .updateTable('mail_outbox')
    .set(set)
    .where('id', '=', message.id)
    .where('state', '=', 'sending')
    .where('attempts', '=', message.attempts)
    .execute();
}

/**
 * Every held message whose digest is due, locked (PostgreSQL `FOR UPDATE`, waiting rather than
 * skipping: a second instance then finds them already digested, never half of them).
 */
export async function takeDueHeld(ex: Executor, dialect: Dialect, now: string): Promise<OutboxMessage[]> {
  let query = ex
    .selectFrom('mail_outbox')
    .selectAll()
    .where('state', '=', 'held')
    .where('next_attempt_at', '<=', now)
    .orderBy('recipient')
    .orderBy('created_at')
    .orderBy('id');
  if (dialect === 'postgres') query = query.forUpdate();
  return (await query.execute()).map(toMessage);
}

export async function markDigested(ex: Executor, ids: readonly string[], digestId: string): Promise<void> {
  if (ids.length === 0) return;
  await ex.updateTable('mail_outbox').set({ state: 'digested', digest_id: digestId }).where('id', 'in', ids).where('state', '=', 'held').execute();
}

export async function findByKey(ex: Executor, key: string): Promise<OutboxMessage | null> {
  const row = await ex.selectFrom('mail_outbox').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toMessage(row) : null;
}

export interface OutboxPosition {
  createdAt: string;
  id: string;
}

/** Newest first, after `position` when given; one more than `limit` tells whether a next page exists. */
export async function listMessages(ex: Executor, filter: { state?: MailState; after?: OutboxPosition; limit: number }): Promise<OutboxMessage[]> {
  let query = ex.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.state) query = query.where('state', '=', filter.state);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    );
  }
  return (await query.execute()).map(toMessage);
}
