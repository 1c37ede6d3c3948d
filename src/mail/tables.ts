/** Kysely table interface of the mail outbox. */
import type { Selectable } from 'kysely';

export interface MailOutboxTable {
  id: string;
  key: string;
  recipient: string;
  recipient_name: string | null;
  language: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  /** 0 or 1. */
  digestible: number;
  state: string;
  message_id: string;
  created_at: string;
  next_attempt_at: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  digest_id: string | null;
  /** An iCalendar part's METHOD (REQUEST, CANCEL) and text, sent as text/calendar. */
  calendar_method: string | null;
  calendar: string | null;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}

export type MailOutboxRow = Selectable<MailOutboxTable>;
