/** Importing reports over HTTP: upload, review, accept, edit, reject. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tooLarge } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { acceptUploads, receiveUpload } from '#src/platform/upload.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { presentBatch, presentBatchSummary, presentPassage, presentProposal, presentProposalDuplicates } from './present.ts';
import * as schemas from './schemas.ts';
import type { ImportService } from './service.ts';

const tags = ['imports'];
export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

const uploadLimits = {
  maxBytes: IMPORT_LIMIT_BYTES,
  fallbackName: 'document',
  tooLarge: (name: string) =>
    tooLarge('document_too_large', `"${name}" is larger than the ${IMPORT_LIMIT_BYTES / (1024 * 1024)} MB an import may be; split the document or send its text only.`),
};

export function importRoutes(imports: ImportService, activities: ActivityService) {
  return async (app: TypedApp): Promise<void> => {
    await app.register(async (scoped) => {
      await acceptUploads(scoped, IMPORT_LIMIT_BYTES);
      const typed = scoped.withTypeProvider<ZodTypeProvider>();

      typed.post(
        '/api/imports',
        {
          schema: {
            tags,
            summary: 'Upload a report (DOCX or text, up to 20 MB) as multipart/form-data: `file`, optional `office` and `language`',
            consumes: ['multipart/form-data'],
            response: { 200: schemas.batchResponse, 201: schemas.batchResponse },
          },
        },
        async (request, reply) => {
          const upload = await receiveUpload(request, schemas.uploadFields, uploadLimits);
          const result = await imports.importDocument(request.actor, { name: upload.name, bytes: upload.bytes }, upload.fields);
          return reply
            .status(result.existing ? 200 : 201)
            .send(presentBatch(result, { existing: result.existing, duplicates: result.duplicates }));
        },
      );
    });

    app.get('/api/imports', { schema: { tags, summary: 'Import batches, newest first', response: { 200: listOf(schemas.batchSummaryResponse) } } }, async (request) => ({
      data: (await imports.list(request.actor)).map(({ batch, counts }) => presentBatchSummary(batch, counts)),
      next: null,
    }));

    app.get(
      '/api/imports/:id',
      { schema: { tags, summary: 'A batch: proposed activities and what could not be placed', params: schemas.batchParams, response: { 200: schemas.batchResponse } } },
      async (request) => presentBatch(await imports.get(request.actor, request.params.id)),
    );

    app.patch(
      '/api/imports/:id/proposals/:position',
      { schema: { tags, summary: 'Edit a proposal before accepting it', params: schemas.proposalParams, body: schemas.editProposalBody, response: { 200: schemas.proposalResponse } } },
      async (request) => {
        const { version, ...changes } = request.body;
        return presentProposal(await imports.edit(request.actor, request.params.id, request.params.position, version, changes));
      },
    );

    app.post(
      '/api/imports/:id/proposals/:position/accept',
      { schema: { tags, summary: 'Accept a proposal: it enters the register', params: schemas.proposalParams, querystring: schemas.acceptQuery, response: { 200: schemas.proposalResponse } } },
      async (request) => presentProposal(await imports.accept(request.actor, request.params.id, request.params.position, request.query.language, request.query.version)),
    );

    app.post(
      '/api/imports/:id/proposals/:position/reject',
      { schema: { tags, summary: 'Reject a proposal', params: schemas.proposalParams, response: { 200: schemas.proposalResponse } } },
      async (request) => presentProposal(await imports.reject(request.actor, request.params.id, request.params.position)),
    );

    app.post(
      '/api/imports/:id/proposals/:position/reopen',
      { schema: { tags, summary: 'Undo a rejection', params: schemas.proposalParams, response: { 200: schemas.proposalResponse } } },
      async (request) => presentProposal(await imports.reopen(request.actor, request.params.id, request.params.position)),
    );

    app.post(
      '/api/imports/:id/accept-all',
      { schema: { tags, summary: 'Accept every open proposal that can be; the rest stay open with their reasons', params: schemas.batchParams, querystring: schemas.languageQuery, response: { 200: schemas.acceptAllResponse } } },
      async (request) => {
        const outcome = await imports.acceptAll(request.actor, request.params.id, request.query.language);
        return { accepted: outcome.accepted.map(presentProposal), refused: outcome.refused };
      },
    );

    app.get(
      '/api/imports/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'For each open proposal, the activities of any office or headquarters that may be the same event, each with why (the duplicates check)',
          description:
            'Link one (POST …/link with `activity`: the proposal\'s office joins it), or accept the proposal and then relate it or keep it apart with a reason (POST /api/duplicates/decisions). ' +
            'Accept-all leaves proposals with candidates open (possible_duplicate).',
          params: schemas.batchParams,
          querystring: schemas.languageQuery,
          response: { 200: schemas.duplicatesResponse },
        },
      },
      async (request) => {
        const found = await imports.duplicates(request.actor, request.params.id, request.query.language);
        return presentProposalDuplicates(request.actor, activities, found);
      },
    );

    app.post(
      '/api/imports/:id/proposals/:position/link',
      {
        schema: {
          tags,
          summary: 'Settle a proposal that repeats a register activity by linking it to that activity (its match, or `activity`: the office joins it)',
          params: schemas.proposalParams,
          body: schemas.linkBody,
          response: { 200: schemas.proposalResponse },
        },
      },
      async (request) => presentProposal(await imports.link(request.actor, request.params.id, request.params.position, request.body.version, false, request.body.activity)),
    );

    app.post(
      '/api/imports/:id/proposals/:position/merge',
      { schema: { tags, summary: 'Add what the register activity lacks (bodies, place, description) from the proposal, then link them', params: schemas.proposalParams, body: schemas.linkBody, response: { 200: schemas.proposalResponse } } },
      async (request) => presentProposal(await imports.link(request.actor, request.params.id, request.params.position, request.body.version, true, request.body.activity)),
    );

    app.post(
      '/api/imports/:id/passages/:position/propose',
      { schema: { tags, summary: 'Make an unplaced passage a proposal for an office, read for its date, place and bodies', params: schemas.passageParams, body: schemas.proposePassageBody, response: { 200: schemas.proposedPassageResponse } } },
      async (request) => {
        const { passage, proposal } = await imports.proposePassage(request.actor, request.params.id, request.params.position, request.body.version, request.body.office);
        return { passage: presentPassage(passage), proposal: presentProposal(proposal) };
      },
    );

    app.post(
      '/api/imports/:id/passages/dismiss-open',
      { schema: { tags, summary: 'Dismiss every listed passage still open, all or nothing', params: schemas.batchParams, response: { 200: listOf(schemas.passageResponse) } } },
      async (request) => ({ data: (await imports.dismissOpenPassages(request.actor, request.params.id)).map(presentPassage), next: null }),
    );

    app.post(
      '/api/imports/:id/passages/:position/dismiss',
      { schema: { tags, summary: 'Dismiss an unplaced passage: it holds no activity', params: schemas.passageParams, body: schemas.passageDecisionBody, response: { 200: schemas.passageResponse } } },
      async (request) => presentPassage(await imports.setPassageDismissed(request.actor, request.params.id, request.params.position, request.body.version, true)),
    );

    app.post(
      '/api/imports/:id/passages/:position/restore',
      { schema: { tags, summary: 'Undo a dismissal', params: schemas.passageParams, body: schemas.passageDecisionBody, response: { 200: schemas.passageResponse } } },
      async (request) => presentPassage(await imports.setPassageDismissed(request.actor, request.params.id, request.params.position, request.body.version, false)),
    );

    app.post(
      '/api/imports/:id/reject-all',
      { schema: { tags, summary: 'Reject every open proposal', params: schemas.batchParams, response: { 200: listOf(schemas.proposalResponse) } } },
      async (request) => ({ data: (await imports.rejectAll(request.actor, request.params.id)).map(presentProposal), next: null }),
    );
  };
}
