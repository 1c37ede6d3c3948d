/** The activity register over HTTP. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '#src/platform/access.ts';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { pickLanguage } from '#src/platform/i18n.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { withEveryFault } from '#src/platform/problem.ts';
import { mediaTypeOf, negotiate, sendDownload, sendJsonText } from '#src/platform/representation.ts';
import { CSV_TYPE } from './files/csv.ts';
import { XLSX_TYPE } from './files/xlsx.ts';
import type { Activity, StatusChange } from './model.ts';
import { listPages } from './page-cache.ts';
import { activityPresenterFor, presentHistory } from './present.ts';
import * as schemas from './schemas.ts';
import type { ActivityService } from './service.ts';

const tags = ['activities'];
/** Large enough that an oversized description is refused by field (400), not by size (413). */
const BODY_LIMIT = 16 * 1024 * 1024;
/** The largest CSV or XLSX file an import takes. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** The list's representations by media type, for the Accept header. */
const LIST_TYPES: Readonly<Record<string, schemas.ListFormat>> = { 'application/json': 'json', [CSV_TYPE]: 'csv', [XLSX_TYPE]: 'xlsx' };

/**
 * A read route answers what the presenter built from stored rows, typed as the response
 * schema, so checking it again with Zod on the way out only costs time. It is serialised as it
 * is; the schema still describes the answer in the OpenAPI document, and routes that answer with
 * what a request composed keep the checking serializer. (The list sends JSON text it made once
 * per register change: `listPages`.)
 */
const presentedJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

/** The body of an import as the file it is, CSV or XLSX by its Content-Type. */
const importedFile = (contentType: string | undefined, bytes: Buffer) => ({ bytes, format: mediaTypeOf(contentType) === XLSX_TYPE ? ('xlsx' as const) : ('csv' as const) });

export function activityRoutes(activities: ActivityService) {
  const listJson = listPages(activities);
  /** An activity as this caller may see it. */
  const present = async (actor: Actor, activity: Activity, statusHistory?: StatusChange[]) =>
    (await activityPresenterFor(actor, activities, [activity]))(activity, statusHistory);
  /** A change whose 409 carries the activity as it is now, presented for this caller. */
  const change = (actor: Actor, id: string, work: () => Promise<Activity>) =>
    withCurrentOnConflict(
      async () => present(actor, await work()),
      async () => present(actor, (await activities.get(actor, id)).activity),
    );

  return async (app: TypedApp): Promise<void> => {
    app.get(
      '/api/activities',
      {
        schema: {
          tags,
          summary: 'The register, filtered; anonymous callers see public activities',
          description:
            'JSON pages by default. With format=csv or format=xlsx (or Accept: text/csv or the XLSX type) every matching activity in one file, ' +
            'up to 100000 (more: 400, narrow the filter). Columns: ' +
            'id, title, original_language, kind, status, visibility, offices ("addis-ababa:supported; cairo:participated"), sectors, bodies ("SG12RG-AFR; ATU"), ' +
            'date_text, date_start, date_end, date_precision, place_mode, place_city, place_country, participants, description, outcome, links (space-separated URLs), ' +
            'version, updated_at, deleted_at. Texts are in the original language. CSV is UTF-8 with a byte order mark; a text starting with = + - @ gets a leading apostrophe.',
          produces: ['application/json', CSV_TYPE, XLSX_TYPE],
          querystring: schemas.activitiesQuery,
          response: { 200: listOf(schemas.activityResponse) },
        },
      },
      async (request, reply) => {
        reply.header('vary', 'Accept');
        const format = request.query.format ?? negotiate(request.headers.accept, LIST_TYPES, 'json');
        if (format === 'json') return sendJsonText(reply, await listJson(request.actor, request.query, request.url));
        return sendDownload(reply, await activities.exportFile(request.actor, request.query, format));
      },
    );

    // Files come as the raw body; their parsers live only in this scope.
    await app.register(async (scoped) => {
      scoped.addContentTypeParser([CSV_TYPE, XLSX_TYPE], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
      scoped.withTypeProvider<ZodTypeProvider>().post(
        '/api/activities/import',
        {
          bodyLimit: IMPORT_BODY_LIMIT,
          schema: {
            tags,
            summary: 'Add and update the activities of a CSV or XLSX file, with a report row by row',
            description:
              'The file is the request body (Content-Type text/csv, UTF-8, or the XLSX type; up to 20 MB). The headings may be the export\'s column names or ' +
              'their usual words in any of the six languages ("Titre", "Fecha", "Город"); `columns` says what each holds when the guess (see /import/preview) is not right. ' +
              'A row without an id, or with an id not in the register, adds an activity, checked like POST /api/activities; a row with the id and version of an activity ' +
              '(as the export writes them) updates it in the columns that differ, like PATCH (texts in other languages, link titles and related activities kept), ' +
              'or is unchanged; an older version is refused as version_conflict. An editor may add and change only activities of their office. ' +
              'mode=all-or-nothing (default) stores nothing when any row is refused; mode=valid-rows stores the rows that pass; dryRun=true stores nothing. ' +
              'Everything stored is stored in one transaction. 200 when nothing was stored, 201 when something was; a file that cannot be read (not CSV/XLSX, no header row, ' +
              'a required column not found, no rows) is a 400; an activity changed by someone else during the import is a 409 and nothing is stored.',
            consumes: [CSV_TYPE, XLSX_TYPE],
            querystring: schemas.importQuery,
            body: schemas.importFileBody,
            response: { 200: schemas.importReportResponse, 201: schemas.importReportResponse },
          },
        },
        async (request, reply) => {
          const report = await activities.importFile(request.actor, importedFile(request.headers['content-type'], request.body), request.query);
          return reply.status(report.stored > 0 ? 201 : 200).send(report);
        },
      );
      scoped.withTypeProvider<ZodTypeProvider>().post(
        '/api/activities/import/preview',
        {
          bodyLimit: IMPORT_BODY_LIMIT,
          schema: {
            tags,
            summary: 'What a CSV or XLSX file would do to the register, row by row; stores nothing',
            description:
              'The same body and `columns` as POST /api/activities/import. Answers the headings, what each is taken to hold (guessed from their words in any of the six languages ' +
              'unless `columns` says), what is wrong with that choice (then no row is read), and for every row: create, update (with the columns that change), unchanged, ' +
              'or refused with each problem by column (version_conflict when the activity changed since the file was exported).',
            consumes: [CSV_TYPE, XLSX_TYPE],
            querystring: schemas.importPreviewQuery,
            body: schemas.importFileBody,
            response: { 200: schemas.importPreviewResponse },
          },
        },
        async (request) => activities.previewFile(request.actor, importedFile(request.headers['content-type'], request.body), request.query.columns),
      );
    });

    app.get(
      '/api/activities/import/template',
      {
        schema: {
          tags,
          summary: 'The import template: headings in the language asked for, one example row',
          description: 'The headings are read back by POST /api/activities/import in any language. lang: the language (default: Accept-Language, then en); format: csv (default) or xlsx.',
          produces: [CSV_TYPE, XLSX_TYPE],
          querystring: schemas.templateQuery,
        },
      },
      async (request, reply) => sendDownload(reply, await activities.templateFile(pickLanguage(request.query.lang, request.headers['accept-language']), request.query.format)),
    );

    app.post(
      '/api/activities',
      { bodyLimit: BODY_LIMIT, attachValidation: true, schema: { tags, summary: 'Record an activity', body: schemas.createActivityBody, response: { 201: schemas.activityResponse } } },
      async (request, reply) => {
        if (request.validationError) {
          throw await withEveryFault(request.validationError, request, () => activities.fieldFaults(request.actor, schemas.fieldsThatParse(schemas.createActivityBody, request.body)));
        }
        const activity = await activities.create(request.actor, request.body);
        return reply.status(201).header('location', `/api/activities/${activity.id}`).send(await present(request.actor, activity));
      },
    );

    app.get(
      '/api/activities/:id',
      { ...presentedJson, schema: { tags, summary: 'One activity with its status history', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
      async (request) => {
        const { activity, statusHistory } = await activities.get(request.actor, request.params.id);
        return present(request.actor, activity, statusHistory);
      },
    );

    app.patch(
      '/api/activities/:id',
      {
        bodyLimit: BODY_LIMIT,
        attachValidation: true,
        schema: { tags, summary: 'Change an activity; send the version it is based on (stale: 409 with the current state)', params: schemas.activityParams, body: schemas.patchActivityBody, response: { 200: schemas.activityResponse } },
      },
      async (request) => {
        if (request.validationError) {
          const { id } = request.params as { id: string };
          throw await withEveryFault(request.validationError, request, () => activities.fieldFaults(request.actor, schemas.fieldsThatParse(schemas.patchActivityBody, request.body), id));
        }
        return change(request.actor, request.params.id, () => activities.update(request.actor, request.params.id, request.body));
      },
    );

    app.delete(
      '/api/activities/:id',
      { schema: { tags, summary: 'Mark an activity deleted (restorable, audited)', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
      async (request) => change(request.actor, request.params.id, () => activities.remove(request.actor, request.params.id)),
    );

    app.post(
      '/api/activities/:id/restore',
      { schema: { tags, summary: 'Undo the deletion of an activity', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
      async (request) => change(request.actor, request.params.id, () => activities.restore(request.actor, request.params.id)),
    );

    app.get(
      '/api/activities/:id/history',
      { schema: { tags, summary: 'Every change: who, when, each field before and after', params: schemas.activityParams, response: { 200: schemas.historyResponse } } },
      async (request) => presentHistory(await activities.history(request.actor, request.params.id)),
    );
  };
}
