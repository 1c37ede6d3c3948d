/**
 * Mail as the domain sees it: what a capability asks to send, the states of a message in the
 * outbox, and the pure rules of sending: when to try again, when to give up, the Message-ID a
 * key always gets, when the daily digest goes and what it says.
 */
import { createHash } from 'node:crypto';
import type { Language } from '#src/platform/i18n.ts';
import { translator } from '#src/platform/messages.ts';

/** A notice a capability wants sent, in the recipient's language, written inside its own transaction. */
export interface OutgoingMail {
  /** The address. */
  to: string;
  toName?: string;
  language: Language;
  subject: string;
  text: string;
  html?: string;
  /**
   * Unique for the notice (e.g. `round:tsag-2021:due-in-7:addis-ababa:<user id>`): enqueuing a
   * key that is already in the outbox does nothing, so a notice is written once however many
   * instances or retries decide to write it.
   */
  key: string;
  /** A notice the recipient may get in the daily digest instead, if they chose it. */
  digestible?: boolean;
  /** An iCalendar part (a meeting's invitation, update or cancellation), sent as text/calendar; never digested. */
  calendar?: CalendarPart;
}

export interface CalendarPart {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

export const MAIL_STATES = ['pending', 'sending', 'sent', 'failed', 'held', 'digested'] as const;
export type MailState = (typeof MAIL_STATES)[number];

export interface OutboxMessage {
  id: string;
  key: string;
  to: string;
  toName: string | null;
  language: Language;
  subject: string;
  text: string;
  html: string | null;
  digestible: boolean;
  state: MailState;
  messageId: string;
  createdAt: string;
  nextAttemptAt: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  digestId: string | null;
  calendar: CalendarPart | null;
}

export interface RetryPolicy {
  /** The wait after the first failure; each further failure waits twice as long. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
  /** After this many attempts the message is failed for good. */
  maxAttempts: number;
}

/** What becomes of a message whose attempt number `attempts` (1 = the first) failed. */
export function afterFailure(
  attempts: number,
  permanent: boolean,
  policy: RetryPolicy,
  now: Date,
): { state: 'failed' } | { state: 'pending'; nextAttemptAt: string } {
  if (permanent || attempts >= policy.maxAttempts) return { state: 'failed' };
  const delay = Math.min(policy.baseDelayMs * 2 ** (attempts - 1), policy.maxDelayMs);
  return { state: 'pending', nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
}

/**
 * The Message-ID of the message with this key, the same on every attempt: a message sent twice
 * (the worker stopped between the server's "250 OK" and marking it sent) is the same message to
 * the recipient's mail system, which may drop the copy.
 */
export function messageIdFor(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

/** The domain of a From address (`Fieldbook <noreply@example.org>` → example.org). */
export function domainOf(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return match?.[1]?.toLowerCase() ?? 'fieldbook.invalid';
}

/** The next daily digest after `now`: today's at `hourUtc` if still to come, else tomorrow's. */
export function nextDigestAt(now: Date, hourUtc: number): string {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString();
}

/**
 * One message listing the held notices of one recipient, oldest first, in their language: each
 * notice's subject as a heading and its text beneath.
 */
export function composeDigest(
  recipient: { to: string; toName: string | null; language: Language },
  held: readonly Pick<OutboxMessage, 'id' | 'subject' | 'text' | 'createdAt'>[],
  digestAt: string,
): OutgoingMail {
  const { t } = translator(recipient.language);
  const date = new Intl.DateTimeFormat(recipient.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(digestAt));
  const subject = t('mail.digest.subject', { count: held.length, date });
  const intro = t('mail.digest.intro', { count: held.length });
  const sections = held.map((message) => `${message.subject}\n${'-'.repeat(Math.min(message.subject.length, 72))}\n\n${message.text.trim()}`);
  const text = [intro, ...sections, t('mail.digest.footer')].join('\n\n\n');
  return {
    to: recipient.to,
    ...(recipient.toName ? { toName: recipient.toName } : {}),
    language: recipient.language,
    subject,
    text,
    // The first held notice's id makes the key unique to this set, so the digest is written once.
    key: `digest:${recipient.to}:${digestAt}:${held[0]?.id ?? ''}`,
  };
}
