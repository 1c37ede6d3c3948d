/** The activity register over HTTP. */
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '#src/platform/access.ts';
import { isAppError } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { CSV_TYPE, writeCsv } from './files/csv.ts';
import type { Activity } from './model.ts';
import { PageCache } from './page-cache.ts';
import { presentActivity, presentHistory } from './present.ts';
import * as schemas from './schemas.ts';
import type { ActivityService } from './service.ts';
import { activityCells, HEADER } from './files/table-format.ts';
import { writeXlsx, XLSX_TYPE } from './files/xlsx.ts';

const tags = ['activities'];
/** Large enough that an oversized description is refused by field (400), not by size (413). */
const BODY_LIMIT = 16 * 1024 * 1024;
/** The largest CSV or XLSX file an import takes. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** The format an Accept header prefers among JSON, CSV and XLSX (JSON when it names none of them first). */
export function formatFromAccept(accept: string | undefined): schemas.ListFormat {
  let best: { format: schemas.ListFormat; q: number } = { format: 'json', q: 0 };
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const format = type === CSV_TYPE ? 'csv' : type === XLSX_TYPE ? 'xlsx' : type === 'application/json' ? 'json' : null;
    if (format && Number.isFinite(q) && q > best.q) best = { format, q };
  }
  return best.format;
}

/**
 * A read route answers what `presentActivity` built from stored rows, typed as the response
 * schema, so checking it again with Zod on the way out only costs time. It is serialised as it
 * is; the schema still describes the answer in the OpenAPI document, and routes that answer with
 * what a request composed keep the checking serializer. (The list sends JSON text it made once
 * per register change: `PageCache`.)
 */
const presentedJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

export function activityRoutes(activities: ActivityService) {
  const pages = new PageCache();
  return async (app: TypedApp): Promise<void> => {
    const options = async (actor: Parameters<typeof can>[0]) => ({ staff: can(actor, 'internal:read'), bureauOfSector: await activities.bureauOfSector() });

    /** A 409 carries the current activity, presented like any other. */
    const presentingConflicts = async <T>(actor: Parameters<typeof can>[0], work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        if (isAppError(error) && error.kind === 'conflict' && error.extra.current) {
          (error.extra as { current: unknown }).current = presentActivity(error.extra.current as Activity, await options(actor));
        }
        throw error;
      }
    };

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
        const format = request.query.format ?? formatFromAccept(request.headers.accept);
        if (format === 'json') {
          const opts = await options(request.actor);
          const key = PageCache.key(await activities.freshness(), opts.staff ? 'staff' : 'public', request.url);
          let body = pages.get(key);
          if (body === undefined) {
            const page = await activities.list(request.actor, request.query);
            body = JSON.stringify({ data: page.activities.map((a) => presentActivity(a, opts)), next: page.next });
            pages.set(key, body);
          }
          // Already JSON text: Fastify sends a string with a JSON content type as it is.
          return (reply as unknown as FastifyReply).type('application/json; charset=utf-8').send(body);
        }
        const rows = await activities.listAll(request.actor, request.query, activityCells);
        const file = format === 'csv' ? writeCsv(HEADER, rows) : await writeXlsx(HEADER, rows);
        const name = `activities-${new Date().toISOString().slice(0, 10)}.${format}`;
        // A file is sent as bytes, past the JSON serializer; the typed reply only knows the JSON shape.
        const untyped = reply as unknown as FastifyReply;
        return untyped
          .header('content-type', format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          .send(file);
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
            summary: 'Add the activities of a CSV or XLSX file (the columns of the export), with a report row by row',
            description:
              'The file is the request body (Content-Type text/csv, UTF-8, or the XLSX type; up to 20 MB). Each row is checked like POST /api/activities; ' +
              'an editor may add only activities of their office. A row whose id is already in the register is refused: files only add. ' +
              'mode=all-or-nothing (default) stores nothing when any row is refused; mode=valid-rows stores the rows that pass; dryRun=true stores nothing. ' +
              '200 when nothing was stored, 201 when something was; a file that cannot be read (not CSV/XLSX, no header row, missing columns, no rows) is a 400.',
            consumes: [CSV_TYPE, XLSX_TYPE],
            querystring: schemas.importQuery,
            body: schemas.importFileBody,
            response: { 200: schemas.importReportResponse, 201: schemas.importReportResponse },
          },
        },
        async (request, reply) => {
          const format = mediaType(request.headers['content-type']) === XLSX_TYPE ? 'xlsx' : 'csv';
          const report = await activities.importFile(request.actor, { bytes: request.body, format }, request.query);
          return reply.status(report.stored > 0 ? 201 : 200).send(report);
        },
      );
    });

    app.post(
      '/api/activities',
      { bodyLimit: BODY_LIMIT, schema: { tags, summary: 'Record an activity', body: schemas.createActivityBody, response: { 201: schemas.activityResponse } } },
      async (request, reply) => {
        const activity = await activities.create(request.actor, request.body);
        return reply.status(201).header('location', `/api/activities/${activity.id}`).send(presentActivity(activity, await options(request.actor)));
      },
    );

    app.get(
      '/api/activities/:id',
      { ...presentedJson, schema: { tags, summary: 'One activity with its status history', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
      async (request) => {
        const { activity, statusHistory } = await activities.get(request.actor, request.params.id);
        return presentActivity(activity, { ...(await options(request.actor)), statusHistory });
      },
    );

    app.patch(
      '/api/activities/:id',
      {
        bodyLimit: BODY_LIMIT,
        schema: { tags, summary: 'Change an activity; send the version it is based on (stale: 409 with the current state)', params: schemas.activityParams, body: schemas.patchActivityBody, response: { 200: schemas.activityResponse } },
      },
      async (request) =>
        presentingConflicts(request.actor, async () =>
          presentActivity(await activities.update(request.actor, request.params.id, request.body), await options(request.actor)),
        ),
    );

    app.delete(
      '/api/activities/:id',
      { schema: { tags, summary: 'Mark an activity deleted (restorable, audited)', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
      async (request) =>
        presentingConflicts(request.actor, async () => presentActivity(await activities.remove(request.actor, request.params.id), await options(request.actor))),
    );

    app.post(
      '/api/activities/:id/restore',
      { schema: { tags, summary: 'Undo the deletion of an activity', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
      async (request) =>
        presentingConflicts(request.actor, async () => presentActivity(await activities.restore(request.actor, request.params.id), await options(request.actor))),
    );

    app.get(
      '/api/activities/:id/history',
      { schema: { tags, summary: 'Every change: who, when, each field before and after', params: schemas.activityParams, response: { 200: schemas.historyResponse } } },
      async (request) => presentHistory(await activities.history(request.actor, request.params.id)),
    );
  };
}
