/**
 * The way out: messages of the outbox handed to an SMTP server with nodemailer. The only file
 * that knows SMTP; the worker sees `MailTransport` and a failure that is or is not permanent.
 */
import type { Transporter } from 'nodemailer';
import type { OutboxMessage } from './model.ts';

export interface MailTransport {
  send(message: OutboxMessage): Promise<void>;
  close(): void;
}

/** Why an attempt failed, and whether trying again can help (an SMTP 5xx answer: no). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Bounded waits for each step, so a server that does not answer fails the attempt instead of holding the worker. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpTransport(url: string, from: string): MailTransport {
  // Options in the URL's query (e.g. ?ignoreTLS=true) win over these.
  // nodemailer is loaded with the first message, not at start-up (a fifth of the server's start, issue 19).
  let transporter: Promise<Transporter> | null = null;
  const connect = () => (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport({ url, ...TIMEOUTS })));
  return {
    async send(message) {
      try {
        await (await connect()).sendMail({
          from,
          to: message.toName ? { name: message.toName, address: message.to } : message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          // A meeting's invitation: the calendar applies it by its UID and SEQUENCE.
          ...(message.calendar ? { icalEvent: { method: message.calendar.method, content: message.calendar.content } } : {}),
          messageId: message.messageId,
          headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw asDeliveryError(error);
      }
    },
    close: () => void transporter?.then((t) => t.close()),
  };
}

function asDeliveryError(error: unknown): DeliveryError {
  const smtp = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const code = smtp.responseCode;
  const text = smtp.response ?? smtp.message ?? String(error);
  return new DeliveryError(code ? `${text}` : `${smtp.code ? `${smtp.code}: ` : ''}${text}`, code !== undefined && code >= 500 && code < 600);
}
