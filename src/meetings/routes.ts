/** Coordination meetings over HTTP: series, occurrences (agenda, minutes, attendance), action items. Signed-in users only. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { pickLanguage, type Language } from '#src/platform/i18n.ts';
import { sendDownload } from '#src/platform/representation.ts';
import type { ActionItem } from './model.ts';
import { presentAction, presentOccurrence, presentOccurrenceSummary, presentSeries } from './present.ts';
import * as schemas from './schemas.ts';
import type { MeetingService, OccurrenceDetails } from './service.ts';

const tags = ['meetings'];
const languageOf = (request: FastifyRequest): Language => pickLanguage(undefined, request.headers['accept-language']);
const today = (): string => new Date().toISOString().slice(0, 10);

export function meetingRoutes(meetings: MeetingService) {
  return (app: TypedApp): void => {
    const occurrence = (request: FastifyRequest, details: OccurrenceDetails) =>
      presentOccurrence(details, (item: ActionItem) => meetings.canEditAction(request.actor, item, details.series), languageOf(request), today());
    const current = (request: FastifyRequest & { params: { id: string } }) => async () => occurrence(request, await meetings.getOccurrence(request.actor, request.params.id));
    const params = schemas.occurrenceParams;
    const response = { 200: schemas.occurrenceResponse };

    app.get(
      '/api/meetings/series',
      { schema: { tags, summary: 'Coordination meeting series, with their next occurrence', querystring: z.object({ office: z.string().max(64).optional() }).strict(), response: { 200: listOf(schemas.seriesResponse) } } },
      async (request) => ({ data: (await meetings.listSeries(request.actor, request.query.office ? { office: request.query.office } : {})).map((s) => presentSeries(s, languageOf(request))), next: null }),
    );

    app.post(
      '/api/meetings/series',
      { schema: { tags, summary: "Create a series: kind, offices, chair, recurrence in a time zone (the bureau's focal points, admins); invites everyone taking part", body: schemas.createSeriesBody, response: { 201: schemas.seriesResponse } } },
      async (request, reply) => {
        const series = presentSeries(await meetings.createSeries(request.actor, request.body), languageOf(request));
        return reply.status(201).header('location', `/api/meetings/series/${series.code}`).send(series);
      },
    );

    app.get(
      '/api/meetings/series/:code',
      { schema: { tags, summary: 'One series', params: schemas.seriesParams, response: { 200: schemas.seriesResponse } } },
      async (request) => presentSeries(await meetings.getSeries(request.actor, request.params.code), languageOf(request)),
    );

    app.patch(
      '/api/meetings/series/:code',
      { schema: { tags, summary: 'Change a series; occurrences to come follow a new recurrence (moved or prepared ones are kept)', params: schemas.seriesParams, body: schemas.patchSeriesBody, response: { 200: schemas.seriesResponse } } },
      async (request) =>
        withCurrentOnConflict(
          async () => presentSeries(await meetings.updateSeries(request.actor, request.params.code, request.body), languageOf(request)),
          async () => presentSeries(await meetings.getSeries(request.actor, request.params.code), languageOf(request)),
        ),
    );

    app.get(
      '/api/meetings/series/:code/occurrences',
      { schema: { tags, summary: "A series' occurrences, by start", params: schemas.seriesParams, response: { 200: listOf(schemas.occurrenceSummaryResponse) } } },
      async (request) => ({ data: (await meetings.listSeriesOccurrences(request.actor, request.params.code)).map(presentOccurrenceSummary), next: null }),
    );

    app.get(
      '/api/meetings/occurrences',
      { schema: { tags, summary: 'Occurrences of every series (or those an office takes part in): upcoming by start, past newest first', querystring: schemas.occurrencesQuery, response: { 200: listOf(schemas.occurrenceSummaryResponse) } } },
      async (request) => ({ data: (await meetings.listOccurrences(request.actor, request.query)).map(presentOccurrenceSummary), next: null }),
    );

    app.get(
      '/api/meetings/occurrences/:id',
      { schema: { tags, summary: 'One occurrence: agenda, minutes and their history, attendance, action items raised and carried', params, response } },
      async (request) => current(request)(),
    );

    app.post(
      '/api/meetings/occurrences/:id/move',
      { schema: { tags, summary: 'Move one occurrence (the others stay); the update reaches the calendars', params, body: schemas.moveBody, response } },
      async (request) => withCurrentOnConflict(async () => occurrence(request, await meetings.moveOccurrence(request.actor, request.params.id, request.body)), current(request)),
    );

    app.post(
      '/api/meetings/occurrences/:id/cancel',
      { schema: { tags, summary: 'Cancel one occurrence (the others stay); the cancellation reaches the calendars', params, body: schemas.versionBody, response } },
      async (request) => withCurrentOnConflict(async () => occurrence(request, await meetings.cancelOccurrence(request.actor, request.params.id, request.body.version)), current(request)),
    );

    app.post(
      '/api/meetings/occurrences/:id/agenda/draft',
      { schema: { tags, summary: 'Draft the agenda from what each office recorded, its next three months, its contributions and the open action items', params, body: schemas.draftAgendaBody, response } },
      async (request) => withCurrentOnConflict(async () => occurrence(request, await meetings.draftAgenda(request.actor, request.params.id, request.body, languageOf(request))), current(request)),
    );

    app.put(
      '/api/meetings/occurrences/:id/agenda',
      { schema: { tags, summary: 'Save the agenda as the chair edited it', params, body: schemas.agendaBody, response } },
      async (request) => withCurrentOnConflict(async () => occurrence(request, await meetings.saveAgenda(request.actor, request.params.id, request.body)), current(request)),
    );

    app.put(
      '/api/meetings/occurrences/:id/minutes',
      { schema: { tags, summary: 'Save the minutes (notes and decisions per agenda item); each save is kept', params, body: schemas.minutesBody, response } },
      async (request) => withCurrentOnConflict(async () => occurrence(request, await meetings.saveMinutes(request.actor, request.params.id, request.body)), current(request)),
    );

    app.post(
      '/api/meetings/occurrences/:id/minutes/approve',
      { schema: { tags, summary: 'The chair approves the minutes: frozen from then on', params, body: schemas.versionBody, response } },
      async (request) => withCurrentOnConflict(async () => occurrence(request, await meetings.approveMinutes(request.actor, request.params.id, request.body.version)), current(request)),
    );

    app.get(
      '/api/meetings/occurrences/:id/minutes.:format',
      { schema: { tags, summary: "The minutes as a document in the organisation's style (docx, pdf, html or md); a draft is marked so", params: schemas.minutesDownloadParams, querystring: schemas.minutesDownloadQuery, response: { 200: z.any().describe('The document') } } },
      async (request, reply) => {
        const { id, format } = request.params;
        const rendered = await meetings.minutesDocument(request.actor, id, format, request.query.lang ?? languageOf(request));
        return sendDownload(reply, { ...rendered, disposition: format === 'docx' || format === 'pdf' ? 'attachment' : 'inline' });
      },
    );

    app.put(
      '/api/meetings/occurrences/:id/attendance/:office',
      { schema: { tags, summary: "An office's attendance (its editors; the bureau's focal points for any office)", params: schemas.attendanceParams, body: schemas.attendanceBody, response } },
      async (request) => occurrence(request, await meetings.setAttendance(request.actor, request.params.id, request.params.office, request.body)),
    );

    app.post(
      '/api/meetings/occurrences/:id/actions',
      { schema: { tags, summary: 'Raise an action item: what, owner (an office or a person), due day, links', params, body: schemas.createActionBody, response: { 201: schemas.actionResponse } } },
      async (request, reply) => {
        const item = await meetings.createAction(request.actor, request.params.id, request.body);
        const series = (await meetings.seriesById([item.seriesId])).get(item.seriesId);
        return reply.status(201).send(presentAction(item, series, true, today()));
      },
    );

    app.get(
      '/api/meetings/actions',
      { schema: { tags, summary: "Action items by due day: an office's (editors: their office's and their own by default)", querystring: schemas.actionsQuery, response: { 200: listOf(schemas.actionResponse) } } },
      async (request) => {
        const items = await meetings.listActions(request.actor, request.query);
        const series = await meetings.seriesById([...new Set(items.map((i) => i.seriesId))]);
        return { data: items.map((i) => presentAction(i, series.get(i.seriesId), meetings.canEditAction(request.actor, i, series.get(i.seriesId)), today())), next: null };
      },
    );

    app.patch(
      '/api/meetings/actions/:id',
      { schema: { tags, summary: 'Change an action item: its owner its status and links; the series\' focal points anything', params: schemas.actionParams, body: schemas.patchActionBody, response: { 200: schemas.actionResponse } } },
      async (request) => {
        const item = await meetings.updateAction(request.actor, request.params.id, request.body);
        const series = (await meetings.seriesById([item.seriesId])).get(item.seriesId);
        return presentAction(item, series, meetings.canEditAction(request.actor, item, series), today());
      },
    );
  };
}
