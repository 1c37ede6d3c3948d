/** Reports to the advisory groups over HTTP: definitions as JSON, documents as files. */
import { z } from 'zod';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { sendDownload } from '#src/platform/representation.ts';
import { presentDue, presentReport } from './present.ts';
import * as schemas from './schemas.ts';
import type { ReportService } from './service.ts';

const tags = ['reports'];

export function reportRoutes(reports: ReportService) {
  return (app: TypedApp): void => {
    // The PDF printer's browser goes with the server.
    app.addHook('onClose', async () => reports.close());

    app.post(
      '/api/reports',
      { schema: { tags, summary: 'Save a report definition (focal points and admins)', body: schemas.createReportBody, response: { 201: schemas.reportResponse } } },
      async (request, reply) => {
        const report = presentReport(await reports.create(request.actor, request.body));
        return reply.status(201).header('location', `/api/reports/${report.id}`).send(report);
      },
    );

    app.get(
      '/api/reports',
      { schema: { tags, summary: 'Saved report definitions, newest period first', response: { 200: listOf(schemas.reportResponse) } } },
      async (request) => {
        const data = (await reports.list(request.actor)).map(presentReport);
        return { data, next: null };
      },
    );

    app.get(
      '/api/offices/:code/due',
      {
        schema: {
          tags,
          summary: "What an office still owes the register before the current reporting period's report (signed-in users)",
          description:
            'The current reporting period is the saved report definitions whose period contains the day (any Sector), else those ending soonest after it. ' +
            "Due: the office's activities of that Sector and period dated in the past but still planned or confirmed, and held ones with no description in any language.",
          params: schemas.dueParams,
          querystring: schemas.dueQuery,
          response: { 200: schemas.dueResponse },
        },
      },
      async (request) => presentDue(await reports.due(request.actor, request.params.code, request.query.on)),
    );

    app.get(
      '/api/reports/:id',
      { schema: { tags, summary: 'One report definition, with its narrative as it prints', params: schemas.reportParams, response: { 200: schemas.reportResponse } } },
      async (request) => presentReport(await reports.get(request.actor, request.params.id)),
    );

    app.patch(
      '/api/reports/:id',
      {
        schema: { tags, summary: 'Change a definition; send the version it is based on (stale: 409 with the current state)', params: schemas.reportParams, body: schemas.patchReportBody, response: { 200: schemas.reportResponse } },
      },
      async (request) =>
        withCurrentOnConflict(
          async () => presentReport(await reports.update(request.actor, request.params.id, request.body)),
          async () => presentReport(await reports.get(request.actor, request.params.id)),
        ),
    );

    app.get(
      '/api/reports/:id.:format',
      {
        schema: {
          tags,
          summary: 'The report as a document: docx, pdf, html or md',
          params: schemas.renderParams,
          querystring: schemas.renderQuery,
          response: { 200: z.any().describe('The document') },
        },
      },
      async (request, reply) => {
        const { id, format } = request.params;
        const rendered = await reports.render(request.actor, id, format, request.query.lang, request.query.annex);
        return sendDownload(reply, { ...rendered, disposition: format === 'docx' || format === 'pdf' ? 'attachment' : 'inline' });
      },
    );
  };
}
