/**
 * Use cases of mail. Capabilities `enqueue` notices inside their own transaction (the outbox
 * pattern: the notice exists exactly when the change that causes it does); the server's worker
 * gathers daily digests and delivers what is due; admins read the outbox.
 */
import type { Kysely } from 'kysely';
import type { Database, Executor } from '#src/db/schema.ts';
import type { AuthService } from '#src/auth/service.ts';
import { requireAccess, type Actor } from '#src/platform/access.ts';
import type { Dialect } from '#src/platform/database.ts';
import { invalid, issue } from '#src/platform/errors.ts';
import { newId } from '#src/platform/ids.ts';
import { afterFailure, composeDigest, domainOf, messageIdFor, nextDigestAt, type OutboxMessage, type OutgoingMail, type RetryPolicy } from './model.ts';
import type { OutboxQuery } from './schemas.ts';
import * as store from './store.ts';
import type { MailOutboxTable } from './tables.ts';
import { DeliveryError, type MailTransport } from './transport.ts';

export interface MailSettings {
  /** The From address; its domain names the Message-IDs. */
  from: string;
  retry: RetryPolicy;
  digestHourUtc: number;
}

/** Messages taken per claim: few, so a slow server holds few of them under its lease. */
const CLAIM_BATCH = 10;
/** How long a claimed message is the claiming worker's; past it, another worker may take it. */
const LEASE_MS = 10 * 60 * 1000;
/** Rows per insert, well under SQLite's limit of bound parameters. */
const INSERT_CHUNK = 500;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export type MailService = ReturnType<typeof createMailService>;

export function createMailService(db: Kysely<Database>, dialect: Dialect, auth: Pick<AuthService, 'preferencesByEmail'>, settings: MailSettings) {
  const domain = domainOf(settings.from);

  function toRow(mail: OutgoingMail, held: boolean, now: Date): MailOutboxTable {
    return {
      id: newId(),
      key: mail.key,
      recipient: mail.to,
      recipient_name: mail.toName ?? null,
      language: mail.language,
      subject: mail.subject,
      body_text: mail.text,
      body_html: mail.html ?? null,
      digestible: mail.digestible ? 1 : 0,
      state: held ? 'held' : 'pending',
      message_id: messageIdFor(mail.key, domain),
      created_at: now.toISOString(),
      next_attempt_at: held ? nextDigestAt(now, settings.digestHourUtc) : now.toISOString(),
      attempts: 0,
      last_error: null,
      sent_at: null,
      digest_id: null,
      calendar_method: mail.calendar?.method ?? null,
      calendar: mail.calendar?.content ?? null,
    };
  }

  async function deliverOne(transport: MailTransport, message: OutboxMessage, now: () => Date): Promise<keyof DeliveryReport> {
    try {
      await transport.send(message);
      await store.recordOutcome(db, message, { state: 'sent', at: now().toISOString() });
      return 'sent';
    } catch (error) {
      const delivery = error instanceof DeliveryError ? error : new DeliveryError(error instanceof Error ? error.message : String(error), false);
      const next = afterFailure(message.attempts, delivery.permanent, settings.retry, now());
      await store.recordOutcome(db, message, { ...next, error: delivery.message.slice(0, 2000) });
      return next.state === 'failed' ? 'failed' : 'retrying';
    }
  }

  return {
    /**
     * Writes notices to the outbox in the caller's transaction `ex` (or the database), so they
     * exist exactly when the caller's change commits. A key already in the outbox is skipped.
     * A digestible notice to someone who chose the daily digest is held for it.
     */
    async enqueue(ex: Executor, messages: readonly OutgoingMail[], now = new Date()): Promise<void> {
      // The caller builds these from accounts, not from a request: a bad one is a bug there.
      const wrong = messages.find((mail) => !/^[^\s@]+@[^\s@]+$/.test(mail.to) || !mail.key.trim() || mail.key.length > 500);
      if (wrong) throw new Error(`mail.enqueue: a message needs an address and a key of 1 to 500 characters (key ${JSON.stringify(wrong.key)}, to ${JSON.stringify(wrong.to)})`);
      // The first message with a key wins, as against the outbox.
      const unique = messages.filter((mail, index) => messages.findIndex((other) => other.key === mail.key) === index);
      const digestible = unique.filter((mail) => mail.digestible).map((mail) => mail.to);
      const preferences = await auth.preferencesByEmail(ex, digestible);
      const rows = unique.map((mail) => toRow(mail, Boolean(mail.digestible && !mail.calendar && preferences.get(mail.to.trim().toLowerCase())?.dailyDigest), now));
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) await store.insertMessages(ex, rows.slice(start, start + INSERT_CHUNK));
    },

    /** The outbox, newest first (admins). */
    async listOutbox(actor: Actor, query: OutboxQuery): Promise<{ messages: OutboxMessage[]; next: string | null }> {
      requireAccess(actor, 'mail:read');
      const after = query.cursor === undefined ? undefined : decodePosition(query.cursor);
      if (after === null) throw invalid([issue('query.cursor', 'invalid_cursor', 'is not a cursor of this list (start again without it)')]);
      const rows = await store.listMessages(db, { ...(query.state ? { state: query.state } : {}), ...(after ? { after } : {}), limit: query.limit });
      const messages = rows.slice(0, query.limit);
      const last = messages.at(-1);
      return { messages, next: rows.length > query.limit && last ? encodePosition({ createdAt: last.createdAt, id: last.id }) : null };
    },

    /** One message, by its key (for the capability that wrote it and for tests). */
    findByKey(key: string): Promise<OutboxMessage | null> {
      return store.findByKey(db, key);
    },

    /**
     * Replaces each recipient's held notices whose digest hour has come with one digest message,
     * in one transaction: the notices are marked as carried by it, so none is sent twice or lost.
     */
    async gatherDigests(now = new Date()): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const held = await store.takeDueHeld(trx, dialect, now.toISOString());
        const byRecipient = new Map<string, OutboxMessage[]>();
        for (const message of held) {
          const address = message.to.trim().toLowerCase();
          byRecipient.set(address, [...(byRecipient.get(address) ?? []), message]);
        }
        const preferences = await auth.preferencesByEmail(trx, [...byRecipient.keys()]);
        for (const [address, messages] of byRecipient) {
          const first = messages[0];
          if (!first) continue;
          const language = preferences.get(address)?.language ?? messages.at(-1)?.language ?? first.language;
          const digest = composeDigest({ to: first.to, toName: first.toName, language }, messages, first.nextAttemptAt);
          const row = toRow(digest, false, now);
          await store.insertMessages(trx, [row]);
          await store.markDigested(
            trx,
            messages.map((message) => message.id),
            row.id,
          );
        }
        return byRecipient.size;
      });
    },

    /**
     * Sends what is due through `transport` until nothing is left: claim a few (a short
     * transaction), send them one by one, record each outcome. A message whose sending was
     * interrupted is taken again when its lease ends: delivery is at least once, with the same
     * Message-ID.
     */
    async deliverDue(transport: MailTransport, now: () => Date = () => new Date()): Promise<DeliveryReport> {
      const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
      for (;;) {
        const at = now();
        const claimed = await db
          .transaction()
          .execute((trx) => store.claimDue(trx, dialect, at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString(), CLAIM_BATCH));
        if (claimed.length === 0) return report;
        for (const message of claimed) report[await deliverOne(transport, message, now)] += 1;
      }
    },
  };
}

function encodePosition(position: store.OutboxPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

function decodePosition(cursor: string): store.OutboxPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { createdAt: value[0], id: value[1] };
  } catch {
    // Not base64 JSON: not ours.
  }
  return null;
}
