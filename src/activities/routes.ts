/** The activity register over HTTP. */
import { can } from '#src/platform/access.ts';
import { isAppError } from '#src/platform/errors.ts';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import type { Activity } from './model.ts';
import { presentActivity, presentHistory } from './present.ts';
import * as schemas from './schemas.ts';
import type { ActivityService } from './service.ts';

const tags = ['activities'];
/** Large enough that an oversized description is refused by field (400), not by size (413). */
const BODY_LIMIT = 16 * 1024 * 1024;

export function activityRoutes(activities: ActivityService) {
  return (app: TypedApp): void => {
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
      { schema: { tags, summary: 'The register, filtered; anonymous callers see public activities', querystring: schemas.activitiesQuery, response: { 200: listOf(schemas.activityResponse) } } },
      async (request) => {
        const page = await activities.list(request.actor, request.query);
        const opts = await options(request.actor);
        return { data: page.activities.map((a) => presentActivity(a, opts)), next: page.next };
      },
    );

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
      { schema: { tags, summary: 'One activity with its status history', params: schemas.activityParams, response: { 200: schemas.activityResponse } } },
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
