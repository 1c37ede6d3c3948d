/**
 * The reminders job of a running server: every interval it asks the rounds service to write the
 * reminders and late notices that are due. Several instances may run it at once: each notice's
 * outbox key makes it written once. The first pass comes one interval after the start.
 */
import type { RoundService } from './service.ts';

export interface RemindersJob {
  stop(): Promise<void>;
}

export function startRoundReminders(options: { rounds: Pick<RoundService, 'remind'>; intervalMs: number; onError: (error: unknown) => void }): RemindersJob {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = options.rounds.remind().catch(options.onError).then(schedule);
    }, options.intervalMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
