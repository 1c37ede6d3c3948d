/**
 * A real SMTP server in the test process (the `smtp-server` package) on a free loopback port:
 * it receives what Fieldbook sends and keeps each message, parsed. It can be told to refuse the
 * next messages with a status (451: try later; 550: never), as a real server does.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
  /** The Content-Language header. */
  language: string | null;
  /** The To header as written (name and address). */
  toHeader: string;
  /** The text/calendar part (a meeting's invitation), with its METHOD, if the message has one. */
  calendar: { method: string; content: string } | null;
}

export interface TestSmtp {
  /** For SMTP_URL. */
  url: string;
  /** Every message accepted, in order. */
  received: ReceivedMail[];
  /** How many messages were refused so far. */
  refused: number;
  /** Refuse the next `count` messages with this status. */
  refuseNext(count: number, status?: number): void;
  /** Resolves once `count` messages have been accepted (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Forgets what was received and refused, for the next test. */
  reset(): void;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let refusals: { count: number; status: number } = { count: 0, status: 451 };
  const state = { refused: 0 };

  const server = new SMTPServer({
    // Loopback, plain text: no TLS to negotiate, no account to sign in with.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      simpleParser(stream).then(
        (parsed) => {
          if (refusals.count > 0) {
            refusals = { ...refusals, count: refusals.count - 1 };
            state.refused += 1;
            const error = Object.assign(new Error(refusals.status >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: refusals.status });
            callback(error);
            return;
          }
          received.push({
            to: envelopeTo,
            from,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            language: typeof parsed.headers.get('content-language') === 'string' ? (parsed.headers.get('content-language') as string) : null,
            calendar: calendarPart(parsed.attachments),
            toHeader: parsed.headers.get('to') && typeof parsed.headers.get('to') === 'object' ? ((parsed.headers.get('to') as { text: string }).text ?? '') : '',
          });
          callback();
          waiters.splice(0).forEach((wake) => wake());
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refused() {
      return state.refused;
    },
    refuseNext(count, status = 451) {
      refusals = { count, status };
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} messages at the test SMTP server, got ${received.length} in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    reset() {
      received.length = 0;
      refusals = { count: 0, status: 451 };
      state.refused = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text/calendar part mailparser hands over as an attachment, with the METHOD of its Content-Type or of its text. */
function calendarPart(attachments: ReadonlyArray<{ contentType: string; content: Buffer; headers: Map<string, unknown> }>): ReceivedMail['calendar'] {
  const part = attachments.find((attachment) => attachment.contentType.toLowerCase().startsWith('text/calendar'));
  if (!part) return null;
  const content = part.content.toString('utf8');
  const method = /^METHOD:(\S+)/m.exec(content)?.[1] ?? '';
  return { method, content };
}
