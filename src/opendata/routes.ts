/**
 * Open data over HTTP: `/open-data/iati.xml`, the IATI activity file of the public register,
 * filtered like the events list (`region`, `office`, `sector`, `kind`, `body`, `status`, `from`,
 * `to`, `q`; an unknown value is a 400 naming it). A conditional GET like the site's feeds, then
 * streamed as it is written. Errors are problem+json (the app's one error mapper).
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '#src/platform/errors.ts';
import type { TypedApp } from '#src/platform/http.ts';
import { pickLanguage } from '#src/platform/i18n.ts';
import { isNotModified } from '#src/publishing/model.ts';
import { feedFilter, type RawQuery } from '#src/publishing/schemas.ts';
import { yearCountsResponse, yearQuery } from './schemas.ts';
import type { OpenDataService } from './service.ts';

const tags = ['open data'];

export const IATI_TYPE = 'application/xml; charset=utf-8';

/** Sets the validators; true when the client already has this state of the register (a 304 is sent). */
async function notModified(request: FastifyRequest, reply: FastifyReply, stamp: { etag: string; lastModified: Date }): Promise<boolean> {
  reply.header('etag', stamp.etag).header('last-modified', stamp.lastModified.toUTCString()).header('cache-control', 'public, no-cache');
  const header = (name: string) => [request.headers[name] ?? []].flat().join(', ') || undefined;
  if (!isNotModified({ ifNoneMatch: header('if-none-match'), ifModifiedSince: header('if-modified-since') }, stamp.etag, stamp.lastModified)) return false;
  await reply.code(304).send();
  return true;
}

export function openDataRoutes(openData: OpenDataService) {
  return async (app: TypedApp): Promise<void> => {
    app.get('/open-data/iati.xml', {
        schema: {
          tags,
          summary: 'The public register as an IATI activity file (IATI Standard 2.03), streamed',
          description:
            'One iati-activity per public, dated activity, filtered like the events list: region, office, sector, kind, body, status, from, to, q (an unknown value is a 400). ' +
            '404 when nothing matches (an IATI file holds at least one activity). Conditional GET (ETag, Last-Modified).',
        },
      }, async (request, reply) => {
      if (await notModified(request, reply, await openData.stamp())) return reply;
      const filter = feedFilter(request.query as RawQuery, await openData.known());
      const file = await openData.iati(filter, `${request.protocol}://${request.host}`);
      if (!file) throw notFound('no_matching_activities', 'No public activity with a date matches this filter; an IATI file holds at least one.');
      reply.header('content-disposition', 'inline; filename="itu-regional-activities.iati.xml"');
      return reply.type(IATI_TYPE).send(Readable.from(file, { objectMode: false }));
    });

    app.get(
      '/api/statistics/activities-per-month',
      { schema: { tags, summary: 'A year’s activities counted by start month and region (public ones, unless signed in as staff)', querystring: yearQuery, response: { 200: yearCountsResponse } } },
      async (request) => openData.yearCounts(request.actor, request.query.year),
    );

    app.get(
      '/api/statistics/activities-per-month.svg',
      { schema: { tags, summary: 'The same counts as stacked bars, an SVG image with its legend, in the language asked for', querystring: yearQuery } },
      async (request, reply) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        reply.header('vary', 'Accept-Language').header('cache-control', 'private, no-cache');
        return reply.type('image/svg+xml; charset=utf-8').send(await openData.yearChart(request.actor, request.query.year, language));
      },
    );
  };
}
