/** The outbox as the API lists it. */
import type { z } from 'zod';
import type { MailState } from '#src/mail/model.ts';
import type { outboxMessageResponse } from '#src/mail/present.ts';

export type OutboxMessage = z.infer<typeof outboxMessageResponse>;
export type { MailState };

/** The states, in the order a message goes through them (the server's list, restated for the bundle). */
export const MAIL_STATES = ['pending', 'sending', 'sent', 'failed', 'held', 'digested'] as const satisfies readonly MailState[];
