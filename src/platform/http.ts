/**
 * The Fastify application: security headers, the OpenAPI document, the one error handler, and
 * the plugins and routes app.ts hands it. Knows HTTP; knows nothing of any capability.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { OpenAPIV3 } from 'openapi-types';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANONYMOUS, type Actor } from './access.ts';
import { invalid } from './errors.ts';
import { PROBLEM_SCHEMAS, problemOf, sendProblem } from './problem.ts';
import { securityHeaders } from './security-headers.ts';
import { nulIssues } from './validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the authorisation matrix test. */
    routeTable: Array<{ method: string; url: string }>;
  }
  interface FastifyRequest {
    /** Who is calling: anonymous until a plugin (auth) says otherwise. */
    actor: Actor;
  }
}

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Every list in the API: `{data, next}`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next: z.string().nullable().describe('Cursor of the next page, or null') });

// Missing fields read "is required" rather than Zod's "expected string, received undefined".
z.config({ customError: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'is required' : undefined) });

export interface HttpOptions {
  logger: FastifyServerOptions['logger'];
  trustProxy: boolean;
  /** Where the rate limits count requests (the database, shared by every instance); in memory without it. */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /** How callers sign in, for the OpenAPI document. */
  securitySchemes: Record<string, OpenAPIV3.SecuritySchemeObject>;
  /** Hooks every route goes through (who is calling), registered before the routes. */
  plugins: FastifyPluginAsync[];
  /** Capability routes, each registered on the typed app. */
  routes: Array<(app: TypedApp) => void | Promise<void>>;
}

const SECURITY_HEADERS = securityHeaders({
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
  },
});

export async function buildHttpApp(options: HttpOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger,
    trustProxy: options.trustProxy,
    // Correlation ids tie a 500 the user sees to the log line with the stack.
    genReqId: () => crypto.randomUUID(),
    // What fails before routing (a path that is not valid percent-encoding) answers like any other error.
    frameworkErrors: (error, request, reply) => sendProblem(reply.headers(SECURITY_HEADERS), request, problemOf(error, request)),
  });
  app.decorate('routeTable', [] as Array<{ method: string; url: string }>);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.routeTable.push({ method, url: route.url });
  });
  // Before any plugin registers routes: a plugin's routes keep the handlers set when it registered.
  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, problemOf(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { status: 404, code: 'route_not_found', detail: `There is no ${request.method} ${request.url.split('?')[0]}.` }),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fieldbook API',
        version: '0.1.0',
        description:
          'The regional presence of the ITU: registry, activity register and more. Lists are `{data, next}`; errors are RFC 9457 problem+json (schema `Problem`) with field paths and codes (`FieldIssue`).',
      },
      components: {
        schemas: PROBLEM_SCHEMAS,
        securitySchemes: options.securitySchemes,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets inline styles; nothing on the page is fetched from elsewhere.
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'").replace(' validator.swagger.io', ''),
    uiConfig: { validatorUrl: null },
  });

  // Fastify forbids shared objects as decorator defaults; every request sets its own.
  app.decorateRequest('actor', null as unknown as { getter: () => Actor });
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
  });
  for (const plugin of options.plugins) await app.register(plugin);

  // No text anywhere in a request may hold a NUL character: refused by field, on both databases alike.
  app.addHook('preValidation', async (request) => {
    const issues = [...nulIssues('path', request.params), ...nulIssues('query', request.query), ...nulIssues('body', request.body)];
    if (issues.length > 0) throw invalid(issues);
  });


  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const register of options.routes) await register(typed);
  return app;
}
