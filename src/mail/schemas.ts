/** What a request about the outbox may say. */
import { z } from 'zod';
import { MAIL_STATES } from './model.ts';

export const outboxQuery = z.object({
  state: z.enum(MAIL_STATES).optional().describe('Only messages in this state'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().describe('The `next` of the previous page'),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;
