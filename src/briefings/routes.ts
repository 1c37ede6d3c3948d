/** Director briefings over HTTP: list, generate, the note, send; the director's account. Signed-in users only. */
import { z } from 'zod';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { sendDownload } from '#src/platform/representation.ts';
import { presentBriefing, presentBriefingSummary } from './present.ts';
import * as schemas from './schemas.ts';
import type { BriefingService } from './service.ts';

const tags = ['briefings'];

export function briefingRoutes(briefings: BriefingService) {
  return (app: TypedApp): void => {
    const params = schemas.briefingParams;
    const response = { 200: schemas.briefingResponse };
    const current = (request: { actor: Parameters<BriefingService['get']>[0]; params: { id: string } }) => async () => presentBriefing(await briefings.get(request.actor, request.params.id));

    app.get(
      '/api/briefings',
      { schema: { tags, summary: "Directors' briefings, newest month first (of a bureau, in a state)", querystring: schemas.briefingsQuery, response: { 200: listOf(schemas.briefingSummaryResponse) } } },
      async (request) => ({ data: (await briefings.list(request.actor, request.query)).map(presentBriefingSummary), next: null }),
    );

    app.post(
      '/api/briefings',
      { schema: { tags, summary: "Generate a bureau's briefing for a month (its focal points, admins): one per bureau and month; a draft is composed again, a sent one stays as sent", body: schemas.generateBody, response: { 200: schemas.briefingResponse, 201: schemas.briefingResponse } } },
      async (request, reply) => {
        const { details, created } = await briefings.generate(request.actor, request.body);
        return reply.status(created ? 201 : 200).header('location', `/api/briefings/${details.briefing.id}`).send(presentBriefing(details));
      },
    );

    app.get(
      '/api/briefings/:id',
      { schema: { tags, summary: 'One briefing: per region what the offices held and plan, contributions, meetings, open action items', params, response } },
      async (request) => current(request)(),
    );

    app.get(
      '/api/briefings/:id/briefing.:format',
      { schema: { tags, summary: "The briefing as a document in the organisation's style (docx, pdf, html or md), in its own language; a draft is marked so", params: schemas.documentParams, response: { 200: z.any().describe('The document') } } },
      async (request, reply) => {
        const { id, format } = request.params;
        const rendered = await briefings.document(request.actor, id, format);
        return sendDownload(reply, { ...rendered, disposition: format === 'docx' || format === 'pdf' ? 'attachment' : 'inline' });
      },
    );

    app.put(
      '/api/briefings/:id/note',
      { schema: { tags, summary: "The focal point's note, while the briefing is a draft", params, body: schemas.noteBody, response } },
      async (request) => withCurrentOnConflict(async () => presentBriefing(await briefings.updateNote(request.actor, request.params.id, request.body)), current(request)),
    );

    app.post(
      '/api/briefings/:id/send',
      { schema: { tags, summary: 'Send: composed afresh, frozen, and mailed to the director and the focal points', params, body: schemas.sendBody, response } },
      async (request) => withCurrentOnConflict(async () => presentBriefing(await briefings.send(request.actor, request.params.id, request.body)), current(request)),
    );

    app.get(
      '/api/briefings/directors',
      { schema: { tags, summary: "Each bureau's account that receives its briefings in the director's name (null: none named)", response: { 200: schemas.directorAccountsResponse } } },
      async (request) => ({ data: await briefings.directorAccounts(request.actor) }),
    );

    app.put(
      '/api/briefings/directors/:bureau',
      { schema: { tags, summary: "The account that receives a bureau's briefings in the director's name (its focal points, admins)", params: schemas.bureauParams, body: schemas.directorAccountBody, response: { 200: schemas.directorAccountResponse } } },
      async (request) => briefings.setDirectorAccount(request.actor, request.params.bureau, request.body.userId),
    );
  };
}
