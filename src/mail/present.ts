/** What of the outbox leaves the server (to admins): everything but the HTML body, which the text says too. */
import { z } from 'zod';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { MAIL_STATES, type OutboxMessage } from './model.ts';

export const outboxMessageResponse = z.object({
  id: z.string(),
  key: z.string(),
  to: z.string(),
  toName: z.string().nullable(),
  language: z.enum(LANGUAGES),
  subject: z.string(),
  text: z.string(),
  digestible: z.boolean(),
  state: z.enum(MAIL_STATES),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable().describe('When it is tried next (pending), or its digest goes (held)'),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  digestId: z.string().nullable().describe('The digest that carried it (digested)'),
});

export const presentOutboxMessage = (message: OutboxMessage): z.infer<typeof outboxMessageResponse> => ({
  id: message.id,
  key: message.key,
  to: message.to,
  toName: message.toName,
  language: message.language,
  subject: message.subject,
  text: message.text,
  digestible: message.digestible,
  state: message.state,
  createdAt: message.createdAt,
  nextAttemptAt: message.state === 'pending' || message.state === 'held' || message.state === 'sending' ? message.nextAttemptAt : null,
  attempts: message.attempts,
  lastError: message.lastError,
  sentAt: message.sentAt,
  digestId: message.digestId,
});
