/** The plans over HTTP: public reads, and the workspace's edits (focal points and admins). */
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import { pickLanguage } from '#src/platform/i18n.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { presentItem, presentPlan, presentPlanDetails } from './present.ts';
import * as schemas from './schemas.ts';
import type { PlanService } from './service.ts';

const tags = ['plans'];

export function planRoutes(plans: PlanService) {
  return (app: TypedApp): void => {
    app.get(
      '/api/plans',
      { schema: { tags, summary: 'The strategic plans, the operational plans per year and the WTDC action plans', querystring: schemas.langQuery, response: { 200: listOf(schemas.planResponse) } } },
      async (request) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        return { data: (await plans.listPlans(request.actor)).map((p) => presentPlan(p, language)), next: null };
      },
    );

    app.get(
      '/api/plans/items',
      {
        schema: {
          tags,
          summary: 'Plan items by words of their label or title (the editor\'s picker)',
          description: 'Labels that start with q come first. Titles are matched in lang (or English).',
          querystring: schemas.itemsQuery,
          response: { 200: listOf(schemas.itemResponse) },
        },
      },
      async (request) => {
        const { lang, level, ...search } = request.query;
        const language = pickLanguage(lang, request.headers['accept-language']);
        const items = await plans.searchItems(request.actor, { ...search, levels: level, language });
        return { data: items.map((i) => presentItem(i, language)), next: null };
      },
    );

    app.get(
      '/api/plans/items/:id',
      { schema: { tags, summary: 'One plan item', params: schemas.itemParams, querystring: schemas.langQuery, response: { 200: schemas.itemResponse } } },
      async (request) => presentItem(await plans.getItem(request.actor, request.params.id), pickLanguage(request.query.lang, request.headers['accept-language'])),
    );

    app.get(
      '/api/plans/items/:id/history',
      { schema: { tags, summary: 'Every change of a plan item (signed-in users)', params: schemas.itemParams, response: { 200: schemas.itemHistoryResponse } } },
      async (request) => ({ data: await plans.itemHistory(request.actor, request.params.id), next: null }),
    );

    app.patch(
      '/api/plans/items/:id',
      {
        schema: {
          tags,
          summary: 'Rename an item, retire it from a year on (or bring it back), change the goals it serves',
          description: 'At the version read; a stale one is 409 with the item as it is now.',
          params: schemas.itemParams,
          querystring: schemas.langQuery,
          body: schemas.itemPatchBody,
          response: { 200: schemas.itemResponse },
        },
      },
      async (request) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        return withCurrentOnConflict(
          async () => presentItem(await plans.updateItem(request.actor, request.params.id, request.body), language),
          async () => presentItem(await plans.getItem(request.actor, request.params.id), language),
        );
      },
    );

    app.get(
      '/api/plans/:code',
      { schema: { tags, summary: 'One plan with its items (and how many activities link each)', params: schemas.planParams, querystring: schemas.langQuery, response: { 200: schemas.planDetailsResponse } } },
      async (request) => presentPlanDetails(await plans.getPlan(request.actor, request.params.code), pickLanguage(request.query.lang, request.headers['accept-language'])),
    );

    app.post(
      '/api/plans/:code/items',
      { schema: { tags, summary: 'Add an item (an output, an objective, a regional initiative …) to a plan', params: schemas.planParams, querystring: schemas.langQuery, body: schemas.newItemBody, response: { 201: schemas.itemResponse } } },
      async (request, reply) => {
        const item = await plans.addItem(request.actor, request.params.code, request.body);
        return reply.status(201).send(presentItem(item, pickLanguage(request.query.lang, request.headers['accept-language'])));
      },
    );

    app.post(
      '/api/plans/:code/copy-forward',
      {
        schema: {
          tags,
          summary: 'Start the next rolling window: the plan of year N+1 (covering N+1…N+4) from the plan of year N',
          description: 'Items retired in N+1 or before stay behind. 409 when the plan of N+1 is already there.',
          params: schemas.planParams,
          querystring: schemas.langQuery,
          response: { 201: schemas.planDetailsResponse },
        },
      },
      async (request, reply) => {
        const details = await plans.copyForward(request.actor, request.params.code);
        return reply.status(201).send(presentPlanDetails(details, pickLanguage(request.query.lang, request.headers['accept-language'])));
      },
    );
  };
}
