/** The duplicate warnings over HTTP: the check of a draft, a period's pairs, decisions about a pair. */
import type { ActivityService } from '#src/activities/service.ts';
import type { TypedApp } from '#src/platform/http.ts';
import { presentCheck, presentPairs } from './present.ts';
import * as schemas from './schemas.ts';
import type { DuplicateService } from './service.ts';

const tags = ['duplicates'];

export function duplicateRoutes(duplicates: DuplicateService, activities: ActivityService) {
  return (app: TypedApp): void => {
    app.post(
      '/api/activities/duplicates',
      {
        schema: {
          tags,
          summary: 'Activities of the register that may be the same event as a draft, each with why (staff)',
          description:
            'The body is a draft as POST /api/activities takes it (plus `id` when it edits an activity); nothing is stored. ' +
            'Candidates overlap or lie within 7 days, and share a body (or a study group and its regional group), a country or region, or a similar title; ' +
            'a quarter, a year or an undated plan is too vague to compare (comparable: false). The workspace, the importer and scripts use it before saving.',
          body: schemas.checkBody,
          response: { 200: schemas.checkResponse },
        },
      },
      async (request) => presentCheck(request.actor, activities, await duplicates.check(request.actor, request.body)),
    );

    app.get(
      '/api/duplicates',
      {
        schema: {
          tags,
          summary: "A period's possible duplicates across all offices and headquarters, with their state (focal points, admins)",
          description: 'open (waiting for a decision), linked (merged into one activity), related, kept_apart (with the reason). At most 366 days.',
          querystring: schemas.pairsQuery,
          response: { 200: schemas.pairsResponse },
        },
      },
      async (request) => presentPairs(request.actor, activities, await duplicates.pairs(request.actor, request.query)),
    );

    app.post(
      '/api/duplicates/decisions',
      {
        schema: {
          tags,
          summary: 'Decide a pair: kept apart (with a reason), related, or open again (an office of either activity, focal points)',
          body: schemas.decideBody,
          response: { 200: schemas.decisionResponse },
        },
      },
      async (request) => duplicates.decide(request.actor, request.body),
    );

    app.post(
      '/api/duplicates/links',
      {
        schema: {
          tags,
          summary: 'Link a pair into one activity with both offices: `merge` is taken into `keep` and deleted (needs write access to both)',
          body: schemas.linkBody,
          response: { 200: schemas.decisionResponse },
        },
      },
      async (request) => duplicates.link(request.actor, request.body),
    );
  };
}
