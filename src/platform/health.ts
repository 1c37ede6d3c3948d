/** GET /api/health: the service is up and its database answers. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { pingDatabase, type Dialect } from './database.ts';
import type { TypedApp } from './http.ts';

const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export function healthRoutes<DB>(db: Kysely<DB>, dialect: Dialect, version: string) {
  return (app: TypedApp): void => {
    app.get(
      '/api/health',
      { schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: healthResponse, 503: healthResponse } } },
      async (request, reply) => {
        try {
          await pingDatabase(db);
          return { status: 'ok' as const, database: dialect, version };
        } catch (error) {
          request.log.error({ err: error }, 'database unreachable');
          return reply.status(503).send({ status: 'unavailable' as const, database: dialect, version });
        }
      },
    );
  };
}
