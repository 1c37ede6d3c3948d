/** Vacancies and nominations over HTTP: signed-in users only (nothing of coordination is public). */
import type { FastifyRequest } from 'fastify';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { pickLanguage, type Language } from '#src/platform/i18n.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { presentNomination, presentOutreach, presentOverview, presentPosition } from './present.ts';
import * as schemas from './schemas.ts';
import type { PositionView, VacancyService } from './service.ts';

const tags = ['vacancies'];
const languageOf = (request: FastifyRequest): Language => pickLanguage((request.query as { lang?: Language } | undefined)?.lang, request.headers['accept-language']);

export function vacancyRoutes(vacancies: VacancyService) {
  return (app: TypedApp): void => {
    const position = async (request: FastifyRequest, view: PositionView) => presentPosition(view, await vacancies.bodies(), languageOf(request));

    app.get(
      '/api/positions',
      { schema: { tags, summary: 'Leadership positions of the advisory groups and study groups per study period: filled, vacant or unknown', querystring: schemas.positionsQuery, response: { 200: listOf(schemas.positionResponse) } } },
      async (request) => {
        const views = await vacancies.listPositions(request.actor, { studyPeriod: request.query.period, body: request.query.body });
        const bodies = await vacancies.bodies();
        return { data: views.map((v) => presentPosition(v, bodies, languageOf(request))), next: null };
      },
    );

    app.post(
      '/api/positions',
      { schema: { tags, summary: 'Add a position (focal points and admins)', querystring: schemas.langQuery, body: schemas.createPositionBody, response: { 201: schemas.positionResponse } } },
      async (request, reply) => reply.status(201).send(await position(request, await vacancies.createPosition(request.actor, request.body))),
    );

    app.get(
      '/api/positions/:id',
      { schema: { tags, summary: 'One position', params: schemas.positionParams, querystring: schemas.langQuery, response: { 200: schemas.positionResponse } } },
      async (request) => position(request, await vacancies.getPosition(request.actor, request.params.id)),
    );

    app.patch(
      '/api/positions/:id',
      { schema: { tags, summary: 'Fill a position, make it vacant or correct it (focal points and admins); stale version: 409', params: schemas.positionParams, querystring: schemas.langQuery, body: schemas.patchPositionBody, response: { 200: schemas.positionResponse } } },
      async (request) =>
        withCurrentOnConflict(
          async () => position(request, await vacancies.updatePosition(request.actor, request.params.id, request.body)),
          async () => position(request, await vacancies.getPosition(request.actor, request.params.id)),
        ),
    );

    app.get(
      '/api/positions/:id/history',
      { schema: { tags, summary: 'Every change of a position: who, when, what', params: schemas.positionParams, response: { 200: schemas.historyResponse } } },
      async (request) => ({ data: await vacancies.positionHistory(request.actor, request.params.id), next: null }),
    );

    app.get(
      '/api/outreach',
      { schema: { tags, summary: "Offices' outreach to countries about the positions", querystring: schemas.outreachQuery, response: { 200: listOf(schemas.outreachResponse) } } },
      async (request) => {
        const { period, office, country } = request.query;
        const found = await vacancies.listOutreach(request.actor, { studyPeriod: period, office, country });
        return { data: found.map((o) => presentOutreach(o, languageOf(request))), next: null };
      },
    );

    app.post(
      '/api/outreach',
      { schema: { tags, summary: "Record an office's outreach to a country (its editors); also an activity of kind consultation in the register", querystring: schemas.langQuery, body: schemas.createOutreachBody, response: { 201: schemas.outreachResponse } } },
      async (request, reply) => reply.status(201).send(presentOutreach(await vacancies.recordOutreach(request.actor, request.body, languageOf(request)), languageOf(request))),
    );

    app.get(
      '/api/nominations',
      { schema: { tags, summary: 'Nominations by countries for the positions', querystring: schemas.nominationsQuery, response: { 200: listOf(schemas.nominationResponse) } } },
      async (request) => {
        const { period, office, country } = request.query;
        const found = await vacancies.listNominations(request.actor, { studyPeriod: period, office, country });
        return { data: found.map((n) => presentNomination(n, languageOf(request))), next: null };
      },
    );

    app.post(
      '/api/nominations',
      { schema: { tags, summary: "Record a country's nomination (the office's editors)", querystring: schemas.langQuery, body: schemas.createNominationBody, response: { 201: schemas.nominationResponse } } },
      async (request, reply) => reply.status(201).send(presentNomination(await vacancies.recordNomination(request.actor, request.body), languageOf(request))),
    );

    app.patch(
      '/api/nominations/:id',
      { schema: { tags, summary: 'Change a nomination: withdrawn, appointed, not appointed (the office\'s editors); stale version: 409', params: schemas.nominationParams, querystring: schemas.langQuery, body: schemas.patchNominationBody, response: { 200: schemas.nominationResponse } } },
      async (request) =>
        withCurrentOnConflict(
          async () => presentNomination(await vacancies.updateNomination(request.actor, request.params.id, request.body), languageOf(request)),
          async () => presentNomination(await vacancies.getNomination(request.actor, request.params.id), languageOf(request)),
        ),
    );

    app.get(
      '/api/vacancies/overview',
      { schema: { tags, summary: 'Vacancies, outreach and nominations of a study period by region and country', querystring: schemas.overviewQuery, response: { 200: schemas.overviewResponse } } },
      async (request) => presentOverview(await vacancies.overview(request.actor, request.query.period ?? null, request.query.region), await vacancies.bodies(), languageOf(request)),
    );
  };
}
