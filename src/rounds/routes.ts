/** Reporting rounds and the offices' contributions over HTTP (docs: /work/notes/rounds-api.md, the OpenAPI at /api/docs). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { sendDownload } from '#src/platform/representation.ts';
import { pickLanguage, type Language } from '#src/platform/i18n.ts';
import { presentBoard, presentComment, presentContribution, presentMine, presentRound, presentRoundSummary } from './present.ts';
import * as schemas from './schemas.ts';
import type { RoundService } from './service.ts';

const tags = ['rounds'];
const languageOf = (request: FastifyRequest): Language => pickLanguage(undefined, request.headers['accept-language']);
const emptyBody = z.object({}).strict().nullish().describe('Nothing, or {}');

export function roundRoutes(rounds: RoundService) {
  return (app: TypedApp): void => {
    app.get(
      '/api/rounds',
      { schema: { tags, summary: 'Reporting rounds, newest period first, with the counts of their contributions (signed-in users)', response: { 200: listOf(schemas.roundSummaryResponse) } } },
      async (request) => ({ data: (await rounds.list(request.actor)).map(presentRoundSummary), next: null }),
    );

    app.post(
      '/api/rounds',
      {
        schema: {
          tags,
          summary: "Open a round, or copy one (focal points of the Sector's bureau and admins)",
          description: 'Creates the round\'s report definition (cover and common sections, edited at /api/reports/{reportId}) and a not-started contribution for each office asked.',
          body: schemas.createRoundBody,
          response: { 201: schemas.roundResponse },
        },
      },
      async (request, reply) => {
        const round = presentRound(await rounds.create(request.actor, request.body), languageOf(request));
        return reply.status(201).header('location', `/api/rounds/${round.code}`).send(round);
      },
    );

    app.get(
      '/api/rounds/:code',
      { schema: { tags, summary: 'One round: offices asked, reviewers, counts', params: schemas.roundParams, response: { 200: schemas.roundResponse } } },
      async (request) => presentRound(await rounds.get(request.actor, request.params.code), languageOf(request)),
    );

    /** The round as a read shows it, for a 409's current state. */
    const currentRound = (request: FastifyRequest & { params: { code: string } }) => async () => presentRound(await rounds.get(request.actor, request.params.code), languageOf(request));

    app.patch(
      '/api/rounds/:code',
      { schema: { tags, summary: 'Change the meeting, due day, offices or reviewers of an open round (stale version: 409 with the current state)', params: schemas.roundParams, body: schemas.patchRoundBody, response: { 200: schemas.roundResponse } } },
      async (request) => withCurrentOnConflict(async () => presentRound(await rounds.update(request.actor, request.params.code, request.body), languageOf(request)), currentRound(request)),
    );

    app.post(
      '/api/rounds/:code/close',
      { schema: { tags, summary: 'Close a round when its report is issued: read-only from then on', params: schemas.roundParams, body: schemas.versionBody, response: { 200: schemas.roundResponse } } },
      async (request) => withCurrentOnConflict(async () => presentRound(await rounds.close(request.actor, request.params.code, request.body.version), languageOf(request)), currentRound(request)),
    );

    app.post(
      '/api/rounds/:code/reopen',
      { schema: { tags, summary: 'Open a closed round again', params: schemas.roundParams, body: schemas.versionBody, response: { 200: schemas.roundResponse } } },
      async (request) => withCurrentOnConflict(async () => presentRound(await rounds.reopen(request.actor, request.params.code, request.body.version), languageOf(request)), currentRound(request)),
    );

    app.get(
      '/api/rounds/:code/board',
      { schema: { tags, summary: 'The round board: every office asked, its state, last change, items, possible omissions, lateness', params: schemas.roundParams, response: { 200: schemas.boardResponse } } },
      async (request) => presentBoard(await rounds.board(request.actor, request.params.code), languageOf(request)),
    );

    app.get(
      '/api/rounds/:code/report.:format',
      {
        schema: {
          tags,
          summary: "The round's report: cover, common sections and the accepted contributions (docx, pdf, html or md)",
          description: 'With offices not accepted: 409 round_incomplete naming them, unless draft=true, which marks DRAFT on every page and lists the offices missing.',
          params: schemas.compileParams,
          querystring: schemas.compileQuery,
          response: { 200: z.any().describe('The document') },
        },
      },
      async (request, reply) => {
        const { code, format } = request.params;
        const rendered = await rounds.compile(request.actor, code, format, { language: request.query.lang, draft: request.query.draft, annexes: request.query.annex });
        return sendDownload(reply, { ...rendered, disposition: format === 'docx' || format === 'pdf' ? 'attachment' : 'inline' });
      },
    );

    // ---- contributions ----

    /** The contribution as a read shows it, for a 409's current state. */
    const currentContribution = (request: FastifyRequest & { params: { code: string; office: string } }) => async () =>
      presentContribution(await rounds.getContribution(request.actor, request.params.code, request.params.office), languageOf(request));
    const path = '/api/rounds/:code/contributions/:office';
    const params = schemas.contributionParams;
    const response = { 200: schemas.contributionResponse };

    app.get(
      path,
      { schema: { tags, summary: "An office's contribution: its text, history, comments, possible omissions and register changes", params, response } },
      async (request) => currentContribution(request)(),
    );

    app.post(
      `${path}/start`,
      { schema: { tags, summary: "Start the office's contribution: a first draft from the register (the office's editors)", params, body: emptyBody, response } },
      async (request) => withCurrentOnConflict(async () => presentContribution(await rounds.start(request.actor, request.params.code, request.params.office), languageOf(request)), currentContribution(request)),
    );

    app.put(
      `${path}/content`,
      { schema: { tags, summary: 'Save the text (draft or changes requested; the latter becomes a draft again)', params, body: schemas.contentBody, response } },
      async (request) =>
        withCurrentOnConflict(async () => presentContribution(await rounds.saveContent(request.actor, request.params.code, request.params.office, request.body), languageOf(request)), currentContribution(request)),
    );

    app.post(
      `${path}/submit`,
      { schema: { tags, summary: 'Submit for review (400 contribution_empty when nothing is written)', params, body: schemas.submitBody, response } },
      async (request) =>
        withCurrentOnConflict(async () => presentContribution(await rounds.submit(request.actor, request.params.code, request.params.office, request.body), languageOf(request)), currentContribution(request)),
    );

    app.post(
      `${path}/request-changes`,
      { schema: { tags, summary: 'Send a submitted contribution back to the office with a comment (reviewers)', params, body: schemas.requiredCommentBody, response } },
      async (request) =>
        withCurrentOnConflict(async () => presentContribution(await rounds.requestChanges(request.actor, request.params.code, request.params.office, request.body), languageOf(request)), currentContribution(request)),
    );

    app.post(
      `${path}/accept`,
      { schema: { tags, summary: 'Accept a submitted contribution: its text is frozen as what the report prints (reviewers)', params, body: schemas.decisionBody, response } },
      async (request) =>
        withCurrentOnConflict(async () => presentContribution(await rounds.accept(request.actor, request.params.code, request.params.office, request.body), languageOf(request)), currentContribution(request)),
    );

    app.post(
      `${path}/reopen`,
      { schema: { tags, summary: 'Reopen an accepted contribution for the office (reviewers)', params, body: schemas.requiredCommentBody, response } },
      async (request) =>
        withCurrentOnConflict(
          async () => presentContribution(await rounds.reopenContribution(request.actor, request.params.code, request.params.office, request.body), languageOf(request)),
          currentContribution(request),
        ),
    );

    app.post(
      `${path}/preview`,
      {
        schema: {
          tags,
          summary: "The office's part of its region's section exactly as the compiled report's HTML prints it (an HTML fragment; nothing is saved)",
          params,
          querystring: schemas.previewQuery,
          body: schemas.previewBody,
          response: { 200: z.string().describe('text/html fragment') },
        },
      },
      async (request, reply) => {
        const html = await rounds.preview(request.actor, request.params.code, request.params.office, request.body.content, request.query.lang);
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );

    app.post(
      `${path}/comments`,
      { schema: { tags, summary: 'Comment on an item or paragraph, or on the whole (reviewers; the office answering)', params, body: schemas.commentBody, response: { 201: schemas.commentResponse } } },
      async (request, reply) => reply.status(201).send(presentComment(await rounds.addComment(request.actor, request.params.code, request.params.office, request.body))),
    );

    app.post(
      `${path}/comments/:id/resolve`,
      { schema: { tags, summary: 'Mark a comment resolved; it stays in the history', params: schemas.commentParams, body: emptyBody, response: { 200: schemas.commentResponse } } },
      async (request) => presentComment(await rounds.resolveComment(request.actor, request.params.code, request.params.office, request.params.id)),
    );

    app.get(
      '/api/me/contributions',
      {
        schema: {
          tags,
          summary: "My office: an editor's contributions in open rounds; a focal point's contributions waiting for review",
          response: { 200: schemas.myContributionsResponse },
        },
      },
      async (request) => presentMine(await rounds.mine(request.actor), languageOf(request)),
    );
  };
}
