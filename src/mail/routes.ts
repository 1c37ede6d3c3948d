/** The outbox over HTTP, for admins. */
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { outboxMessageResponse, presentOutboxMessage } from './present.ts';
import { outboxQuery } from './schemas.ts';
import type { MailService } from './service.ts';

const tags = ['mail'];

export function mailRoutes(mail: MailService) {
  return (app: TypedApp): void => {
    app.get(
      '/api/mail/outbox',
      { schema: { tags, summary: 'The mail outbox, newest first: every notice and whether it went (admins)', querystring: outboxQuery, response: { 200: listOf(outboxMessageResponse) } } },
      async (request) => {
        const page = await mail.listOutbox(request.actor, request.query);
        return { data: page.messages.map(presentOutboxMessage), next: page.next };
      },
    );
  };
}
