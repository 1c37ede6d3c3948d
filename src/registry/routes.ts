/** Public read routes of the regional presence. */
import type { FastifyRequest } from 'fastify';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { pickLanguage, type Language } from '#src/platform/i18n.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { presentBody, presentBodyRecord, presentOffice, presentOfficeRecord, presentRegion } from './present.ts';
import * as schemas from './schemas.ts';
import type { RegistryService } from './service.ts';

const today = (): string => new Date().toISOString().slice(0, 10);
const tags = ['registry'];
const languageOf = (request: FastifyRequest): Language => pickLanguage((request.query as { lang?: Language } | undefined)?.lang, request.headers['accept-language']);

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

    // ---- the registry kept in the workspace (decision 23) ----
    const officeRecord = (request: FastifyRequest, code: string) => async () => presentOfficeRecord(await registry.officeRecord(request.actor, code), languageOf(request), today());
    const bodyRecord = (request: FastifyRequest, code: string) => async () => presentBodyRecord(await registry.bodyRecord(request.actor, code), languageOf(request));

    app.post(
      '/api/offices',
      { schema: { tags, summary: 'Open an office (admins and focal points); the seed leaves it as the workspace keeps it', querystring: schemas.bodyQuery, body: schemas.createOfficeBody, response: { 201: schemas.officeRecordResponse } } },
      async (request, reply) => {
        const record = presentOfficeRecord(await registry.createOffice(request.actor, request.body), languageOf(request), today());
        return reply.status(201).header('location', `/api/offices/${record.code}/record`).send(record);
      },
    );

    app.get(
      '/api/offices/:code/record',
      { schema: { tags, summary: 'An office as the workspace edits it: versions, edit marks, every head (signed-in users)', params: schemas.officeParams, querystring: schemas.bodyQuery, response: { 200: schemas.officeRecordResponse } } },
      async (request) => officeRecord(request, request.params.code)(),
    );

    app.patch(
      '/api/offices/:code',
      { schema: { tags, summary: 'Change an office (admins and focal points); stale version: 409 with the current state', params: schemas.officeParams, querystring: schemas.bodyQuery, body: schemas.patchOfficeBody, response: { 200: schemas.officeRecordResponse } } },
      async (request) =>
        withCurrentOnConflict(async () => presentOfficeRecord(await registry.updateOffice(request.actor, request.params.code, request.body), languageOf(request), today()), officeRecord(request, request.params.code)),
    );

    app.post(
      '/api/offices/:code/heads',
      { schema: { tags, summary: 'Record a head of the office, dated, with their title (admins and focal points)', params: schemas.officeParams, querystring: schemas.bodyQuery, body: schemas.createHeadBody, response: { 201: schemas.officeRecordResponse } } },
      async (request, reply) => reply.status(201).send(presentOfficeRecord(await registry.addHead(request.actor, request.params.code, request.body), languageOf(request), today())),
    );

    app.patch(
      '/api/offices/:code/heads/:id',
      { schema: { tags, summary: "Change a head's dates, title or person (admins and focal points); stale version: 409", params: schemas.headParams, querystring: schemas.bodyQuery, body: schemas.patchHeadBody, response: { 200: schemas.officeRecordResponse } } },
      async (request) =>
        withCurrentOnConflict(
          async () => presentOfficeRecord(await registry.updateHead(request.actor, request.params.code, request.params.id, request.body), languageOf(request), today()),
          officeRecord(request, request.params.code),
        ),
    );

    app.get(
      '/api/offices/:code/history',
      { schema: { tags, summary: 'Every change of the office and its heads: who, when, each field before and after (signed-in users)', params: schemas.officeParams, response: { 200: schemas.historyResponse } } },
      async (request) => ({ data: await registry.officeHistory(request.actor, request.params.code), next: null }),
    );

    app.post(
      '/api/bodies',
      { schema: { tags, summary: 'Add a body (admins and focal points)', querystring: schemas.bodyQuery, body: schemas.createBodyBody, response: { 201: schemas.bodyRecordResponse } } },
      async (request, reply) => {
        const record = presentBodyRecord(await registry.createBody(request.actor, request.body), languageOf(request));
        return reply.status(201).header('location', `/api/bodies/${record.code}/record`).send(record);
      },
    );

    app.get(
      '/api/bodies/:code/record',
      { schema: { tags, summary: 'A body as the workspace edits it, with its titles per study period (signed-in users)', params: schemas.bodyParams, querystring: schemas.bodyQuery, response: { 200: schemas.bodyRecordResponse } } },
      async (request) => bodyRecord(request, request.params.code)(),
    );

    app.patch(
      '/api/bodies/:code',
      { schema: { tags, summary: "Change a body or give it a study period's title (admins and focal points); stale version: 409", params: schemas.bodyParams, querystring: schemas.bodyQuery, body: schemas.patchBodyBody, response: { 200: schemas.bodyRecordResponse } } },
      async (request) =>
        withCurrentOnConflict(async () => presentBodyRecord(await registry.updateBody(request.actor, request.params.code, request.body), languageOf(request)), bodyRecord(request, request.params.code)),
    );

    app.get(
      '/api/bodies/:code/history',
      { schema: { tags, summary: 'Every change of the body (signed-in users)', params: schemas.bodyParams, response: { 200: schemas.historyResponse } } },
      async (request) => ({ data: await registry.bodyHistory(request.actor, request.params.code), next: null }),
    );

    app.get(
      '/api/presence',
      { schema: { tags, summary: 'Counts of the regional presence on a day, computed from the offices', querystring: schemas.presenceQuery, response: { 200: schemas.presenceResponse } } },
      async (request) => registry.presence(request.actor, request.query.on ?? today()),
    );
  };
}
