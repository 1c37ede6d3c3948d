/** The coverage over HTTP: the view as JSON or a file, and its heatmap as an SVG image. */
import { CSV_TYPE } from '#src/activities/files/csv.ts';
import { XLSX_TYPE } from '#src/activities/files/xlsx.ts';
import type { TypedApp } from '#src/platform/http.ts';
import { pickLanguage } from '#src/platform/i18n.ts';
import { translator } from '#src/platform/messages.ts';
import { sendDownload } from '#src/platform/representation.ts';
import { presentCoverage } from './present.ts';
import { coverageFile, coverageHeatmap } from './render.ts';
import * as schemas from './schemas.ts';
import type { CoverageService } from './service.ts';

const tags = ['plans'];

export function coverageRoutes(coverage: CoverageService) {
  return (app: TypedApp): void => {
    app.get(
      '/api/coverage',
      {
        schema: {
          tags,
          summary: "A Sector's plan outputs (and the regional initiatives) × regions and offices: activities planned and held in a year, with the gaps",
          description:
            'Public activities only, unless signed in as staff. Each figure counts distinct activities: planned = planned or confirmed, held = held; a gap is a cell with neither. ' +
            'format=csv or xlsx: the same as a file, one figure pair a row (table, level, label, title, column_kind, column, column_name, planned, held, gap).',
          querystring: schemas.coverageQuery,
          produces: ['application/json', CSV_TYPE, XLSX_TYPE],
          response: { 200: schemas.coverageResponse },
        },
      },
      async (request, reply) => {
        const { sector, year, lang, format } = request.query;
        const language = pickLanguage(lang, request.headers['accept-language']);
        const view = await coverage.view(request.actor, sector, year);
        reply.header('vary', 'Accept-Language').header('cache-control', 'private, no-cache');
        if (format === 'csv' || format === 'xlsx') return sendDownload(reply, await coverageFile(view, translator(language), format));
        return presentCoverage(view, language, coverage.countsInternal(request.actor));
      },
    );

    app.get(
      '/api/coverage/heatmap.svg',
      { schema: { tags, summary: "The outputs' coverage as a heatmap, an SVG image in the language asked for (the JSON view gives every figure)", querystring: schemas.heatmapQuery } },
      async (request, reply) => {
        const { sector, year, lang } = request.query;
        const view = await coverage.view(request.actor, sector, year);
        reply.header('vary', 'Accept-Language').header('cache-control', 'private, no-cache');
        return reply.type('image/svg+xml; charset=utf-8').send(coverageHeatmap(view, view.outputs, translator(pickLanguage(lang, request.headers['accept-language']))).value);
      },
    );
  };
}
