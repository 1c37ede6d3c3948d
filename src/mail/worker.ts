/**
 * The mail worker of a running server: every poll interval it gathers the daily digests that are
 * due and sends what is due, one pass at a time. Several instances may run it at once on
 * PostgreSQL (claims skip each other's locked rows); on SQLite there is one process.
 */
import type { MailService } from './service.ts';
import type { MailTransport } from './transport.ts';

export interface MailWorker {
  /** One pass now (the timer's passes never overlap with it). */
  runOnce(): Promise<void>;
  /** Waits for a pass under way, then stops; nothing is lost, the outbox keeps what is left. */
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  mail: MailService;
  transport: MailTransport;
  intervalMs: number;
  /** Where a failed pass is told (the database was away, say); the next pass tries again. */
  onError: (error: unknown) => void;
  now?: () => Date;
}

export function startMailWorker({ mail, transport, intervalMs, onError, now = () => new Date() }: MailWorkerOptions): MailWorker {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const pass = async (): Promise<void> => {
    await mail.gatherDigests(now());
    await mail.deliverDue(transport, now);
  };
  const runOnce = (): Promise<void> => {
    running = running.then(pass).catch(onError);
    return running;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().then(schedule), intervalMs);
  };
  void runOnce().then(schedule);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
