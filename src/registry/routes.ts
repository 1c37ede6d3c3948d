/** Public read routes of the regional presence. */
import { pickLanguage } from '#src/platform/i18n.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { presentBody, presentOffice, presentRegion } from './present.ts';
import * as schemas from './schemas.ts';
import type { RegistryService } from './service.ts';

const today = (): string => new Date().toISOString().slice(0, 10);
const tags = ['registry'];

export function registryRoutes(registry: RegistryService) {
  return (app: TypedApp): void => {
    app.get(
      '/api/regions',
      { schema: { tags, summary: 'The six regions, in report order', querystring: schemas.regionsQuery, response: { 200: listOf(schemas.regionResponse) } } },
      async (request) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        const regions = await registry.listRegions(request.actor);
        return { data: regions.map((r) => presentRegion(r, language)), next: null };
      },
    );

    app.get(
      '/api/offices',
      { schema: { tags, summary: 'Regional, area and Europe offices, with their heads', querystring: schemas.officesQuery, response: { 200: listOf(schemas.officeResponse) } } },
      async (request) => {
        const { region, kind, lang, on } = request.query;
        const language = pickLanguage(lang, request.headers['accept-language']);
        const offices = await registry.listOffices(request.actor, { region, kind });
        return { data: offices.map((o) => presentOffice(o, language, on ?? today())), next: null };
      },
    );

    app.get(
      '/api/offices/:code',
      { schema: { tags, summary: 'One office', params: schemas.officeParams, querystring: schemas.officeQuery, response: { 200: schemas.officeResponse } } },
      async (request) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        const office = await registry.getOffice(request.actor, request.params.code);
        return presentOffice(office, language, request.query.on ?? today());
      },
    );

    app.get(
      '/api/bodies',
      { schema: { tags, summary: 'Sectors, bureaux, advisory groups, study groups, regional groups, organisations, conferences', querystring: schemas.bodiesQuery, response: { 200: listOf(schemas.bodyResponse) } } },
      async (request) => {
        const { type, parent, region, lang } = request.query;
        const language = pickLanguage(lang, request.headers['accept-language']);
        const bodies = await registry.listBodies(request.actor, { type, parent, region });
        return { data: bodies.map((b) => presentBody(b, language)), next: null };
      },
    );

    app.get(
      '/api/bodies/:code',
      { schema: { tags, summary: 'One body', params: schemas.bodyParams, querystring: schemas.bodyQuery, response: { 200: schemas.bodyResponse } } },
      async (request) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        return presentBody(await registry.getBody(request.actor, request.params.code), language);
      },
    );

    app.get(
      '/api/presence',
      { schema: { tags, summary: 'Counts of the regional presence on a day, computed from the offices', querystring: schemas.presenceQuery, response: { 200: schemas.presenceResponse } } },
      async (request) => registry.presence(request.actor, request.query.on ?? today()),
    );
  };
}
