/**
 * The Fastify application: plugins, who the caller is, CSRF, the one error handler, and every
 * capability's routes. Knows HTTP; knows nothing of the domain beyond the services it is given.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { OpenAPIV3 } from 'openapi-types';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthService } from '#src/auth/service.ts';
import { ANONYMOUS, type Actor } from './access.ts';
import { FIELD_ISSUE_CODES, isAppError, unauthenticated, type AppError, type ErrorKind, type FieldIssue } from './errors.ts';
import { securityHeaders } from './security-headers.ts';
import { fieldIssueFromZod } from './validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the authorisation matrix test. */
    routeTable: Array<{ method: string; url: string }>;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token of the cookie session, when the caller came with one. */
    sessionCsrf: string | null;
  }
}

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Every list in the API: `{data, next}`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next: z.string().nullable().describe('Cursor of the next page, or null') });

export const SESSION_COOKIE = 'fieldbook_session';
export const CSRF_HEADER = 'x-csrf-token';

// Missing fields read "is required" rather than Zod's "expected string, received undefined".
z.config({ customError: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'is required' : undefined) });

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: FieldIssue[];
  current?: unknown;
  correlationId?: string;
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, code: string, detail: string, extra: Partial<Problem> = {}) {
  const problem: Problem = {
    type: `urn:fieldbook:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: request.url,
    ...extra,
  };
  return reply.status(status).type('application/problem+json').send(problem);
}

function problemFromAppError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const status = STATUS[error.kind];
  if (error.extra.retryAfterSeconds) reply.header('retry-after', String(error.extra.retryAfterSeconds));
  return sendProblem(reply, request, status, error.code, error.message, {
    ...(error.extra.issues ? { errors: error.extra.issues } : {}),
    ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
  });
}

/** The problem+json every error answers with, and its field issues with their codes, for the OpenAPI document. */
const PROBLEM_SCHEMAS: Record<string, OpenAPIV3.SchemaObject> = {
  FieldIssue: {
    type: 'object',
    required: ['path', 'code', 'message'],
    properties: {
      path: { type: 'string', example: 'body.offices.0.office', description: 'Where: body., query. or path., then the field' },
      code: {
        type: 'string',
        enum: Object.keys(FIELD_ISSUE_CODES),
        example: 'unknown_office',
        description: `What is wrong, stable: word it in your user's language from the code and params. ${Object.entries(FIELD_ISSUE_CODES)
          .map(([code, meaning]) => `\`${code}\`: ${meaning}`)
          .join('; ')}.`,
      },
      message: { type: 'string', example: 'unknown office "atlantis"', description: 'In English' },
      params: {
        type: 'object',
        additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        example: { value: 'atlantis' },
        description: 'The values the code names (value, minimum, maximum, allowed, keys …); absent when there are none',
      },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details, as application/problem+json',
    required: ['type', 'title', 'status', 'code', 'detail', 'instance'],
    properties: {
      type: { type: 'string', example: 'urn:fieldbook:problem:invalid_input' },
      title: { type: 'string', example: 'Bad Request' },
      status: { type: 'integer', example: 400 },
      code: { type: 'string', example: 'invalid_input', description: 'The problem, stable and snake_case' },
      detail: { type: 'string', description: 'In English' },
      instance: { type: 'string' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldIssue' }, description: 'On 400: every field at fault' },
      current: { description: 'On 409: the current state of what was being changed' },
      correlationId: { type: 'string', description: 'On 500: quote it when reporting the problem' },
    },
  },
};

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'headers' };
/** What was sent in each part of the request, as Fastify parsed it before validating. */
const REQUEST_PARTS: Record<string, (request: FastifyRequest) => unknown> = {
  querystring: (request) => request.query,
  params: (request) => request.params,
  body: (request) => request.body,
  headers: (request) => request.headers,
};

export interface HttpOptions {
  logger: FastifyServerOptions['logger'];
  trustProxy: boolean;
  loginRateLimitPerAddress: number;
  auth: AuthService;
  /** Capability routes, each registered on the typed app. */
  routes: Array<(app: TypedApp) => void | Promise<void>>;
}

export async function buildHttpApp(options: HttpOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger,
    trustProxy: options.trustProxy,
    // Correlation ids tie a 500 the user sees to the log line with the stack.
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('routeTable', [] as Array<{ method: string; url: string }>);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
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
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `fieldbook token create` or POST /api/tokens.' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `Set by POST /api/session; mutating requests also send the ${CSRF_HEADER} header.` },
        },
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

  // Fastify forbids shared objects as decorator defaults; every request sets its own below.
  app.decorateRequest('actor', null as unknown as { getter: () => Actor });
  app.decorateRequest('sessionCsrf', null);

  // Who is calling: a bearer token (which must be valid) or a session cookie (ignored when stale).
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match?.[1] ? await options.auth.actorForToken(match[1]) : null;
      if (!actor) throw unauthenticated('The API token is not valid.', 'invalid_token');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await options.auth.actorForSession(cookie);
      if (session) {
        request.actor = session.actor;
        request.sessionCsrf = session.csrfToken;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  // A cookie session may only change things with its CSRF token in a header, which other sites cannot send.
  app.addHook('preHandler', async (request) => {
    if (request.sessionCsrf === null || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (request.headers[CSRF_HEADER] !== request.sessionCsrf) {
      throw Object.assign(new Error('csrf'), { csrf: true });
    }
  });

  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) return problemFromAppError(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const where = CONTEXT_NAMES[context] ?? 'body';
      const sent = REQUEST_PARTS[context]?.(request);
      const issues = error.validation.map((v) =>
        fieldIssueFromZod(where, { ...v.params, code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' }, sent),
      );
      return sendProblem(reply, request, 400, 'invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { errors: issues });
    }
    if ((error as { csrf?: boolean }).csrf) {
      return sendProblem(reply, request, 403, 'csrf_token_invalid', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, request, 429, 'rate_limited', 'Too many requests from this address. Try again shortly.');
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, wrong content type, body too large): safe to describe.
      const code = (error as { code?: string }).code?.toLowerCase().replace(/^fst_err_/, '') ?? 'bad_request';
      return sendProblem(reply, request, status, code, error instanceof Error ? error.message : 'Bad request');
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, request, 500, 'internal_error', 'Something went wrong on our side. Quote the correlation id when reporting it.', {
      correlationId: String(request.id),
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, 404, 'route_not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`),
  );

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const register of options.routes) await register(typed);
  return app;
}
