/**
 * Who is calling, for every request: a bearer token (which must be valid) or a session cookie
 * (ignored when stale); and the CSRF check a cookie session must pass to change anything.
 * A Fastify plugin that app.ts registers before the routes.
 */
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { OpenAPIV3 } from 'openapi-types';
import { forbidden, unauthenticated } from '#src/platform/errors.ts';
import type { AuthService } from './service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The CSRF token of the cookie session, when the caller came with one. */
    sessionCsrf: string | null;
  }
}

export const SESSION_COOKIE = 'fieldbook_session';
export const CSRF_HEADER = 'x-csrf-token';

/** How callers sign in, for the OpenAPI document. */
export const AUTH_SECURITY_SCHEMES: Record<string, OpenAPIV3.SecuritySchemeObject> = {
  bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `fieldbook token create` or POST /api/tokens.' },
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `Set by POST /api/session; mutating requests also send the ${CSRF_HEADER} header.` },
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authPlugin(auth: AuthService) {
  return fastifyPlugin(
    async (app: FastifyInstance) => {
      app.decorateRequest('sessionCsrf', null);

      app.addHook('onRequest', async (request, reply) => {
        const authorization = request.headers.authorization;
        if (authorization !== undefined) {
          const match = /^Bearer\s+(\S+)$/i.exec(authorization);
          const actor = match?.[1] ? await auth.actorForToken(match[1]) : null;
          if (!actor) throw unauthenticated('The API token is not valid.', 'invalid_token');
          request.actor = actor;
          return;
        }
        const cookie = request.cookies[SESSION_COOKIE];
        if (!cookie) return;
        const session = await auth.actorForSession(cookie);
        if (session) {
          request.actor = session.actor;
          request.sessionCsrf = session.csrfToken;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      });

      // A cookie session may only change things with its CSRF token in a header, which other sites cannot send.
      app.addHook('preHandler', async (request) => {
        if (request.sessionCsrf === null || SAFE_METHODS.has(request.method)) return;
        if (request.headers[CSRF_HEADER] !== request.sessionCsrf) {
          throw forbidden(`Send the session's CSRF token in the ${CSRF_HEADER} header.`, 'csrf_token_invalid');
        }
      });
    },
    { name: 'fieldbook-auth', dependencies: ['@fastify/cookie'] },
  );
}
