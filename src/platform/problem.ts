/**
 * The one error mapper: any error thrown while answering a request becomes a `Problem` (status,
 * stable code, English detail, field issues). The API writes it as problem+json (RFC 9457); the
 * public site renders the same problem as a page. Only this module knows statuses.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';
import { FIELD_ISSUE_CODES, invalid, isAppError, type ErrorKind, type FieldIssue } from './errors.ts';
import { fieldIssueFromZod } from './validation.ts';

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

export interface Problem {
  status: number;
  code: string;
  /** In English, for API clients and logs. */
  detail: string;
  errors?: FieldIssue[];
  current?: unknown;
  correlationId?: string;
  retryAfterSeconds?: number;
}

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'headers' };
/** What was sent in each part of the request, as Fastify parsed it before validating. */
const REQUEST_PARTS: Record<string, (request: FastifyRequest) => unknown> = {
  querystring: (request) => request.query,
  params: (request) => request.params,
  body: (request) => request.body,
  headers: (request) => request.headers,
};

/** The field issues of a request its schema refused, or null for any other error. */
function schemaIssues(error: unknown, request: FastifyRequest): FieldIssue[] | null {
  if (!hasZodFastifySchemaValidationErrors(error)) return null;
  const context = error.validationContext ?? 'body';
  const where = CONTEXT_NAMES[context] ?? 'body';
  const sent = REQUEST_PARTS[context]?.(request);
  return error.validation.map((v) =>
    fieldIssueFromZod(where, { ...v.params, code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' }, sent),
  );
}

/** "body.offices.0.office" → "body.offices": the field of the body an issue belongs to. */
const fieldOf = (path: string): string => path.split('.').slice(0, 2).join('.');

/**
 * A body its schema refused, answered with every fault at once: the schema's, and the domain's
 * own checks of the fields that did pass it (an unknown office beside an empty title), so the
 * writer does not fix one round of faults only to be shown the next. Other errors are kept.
 * For routes declared with `attachValidation: true`.
 */
export async function withEveryFault(error: Error, request: FastifyRequest, domainFaults: () => Promise<FieldIssue[]>): Promise<Error> {
  const issues = schemaIssues(error, request);
  if (!issues || (error as { validationContext?: string }).validationContext !== 'body') return error;
  const flagged = new Set(issues.map((i) => fieldOf(i.path)));
  const more = (await domainFaults()).filter((i) => !flagged.has(fieldOf(i.path)));
  return invalid([...issues, ...more]);
}

/** What went wrong, whatever was thrown; an unexpected error is logged with its stack and answered without it. */
export function problemOf(error: unknown, request: FastifyRequest): Problem {
  if (isAppError(error)) {
    const { issues, current, retryAfterSeconds } = error.extra;
    return {
      status: STATUS[error.kind],
      code: error.code,
      detail: error.message,
      ...(issues ? { errors: issues } : {}),
      ...(current !== undefined ? { current } : {}),
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    };
  }
  const issues = schemaIssues(error, request);
  if (issues) return { status: 400, code: 'invalid_input', detail: issues.map((i) => `${i.path}: ${i.message}`).join('; '), errors: issues };
  const status = (error as { statusCode?: number } | null)?.statusCode ?? 500;
  if (status === 429) return { status, code: 'rate_limited', detail: 'Too many requests from this address. Try again shortly.' };
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, wrong content type, body too large): safe to describe.
    const code = (error as { code?: string }).code?.toLowerCase().replace(/^fst_err_/, '') ?? 'bad_request';
    return { status, code, detail: error instanceof Error ? error.message : 'Bad request' };
  }
  request.log.error({ err: error }, 'unexpected error');
  return {
    status: 500,
    code: 'internal_error',
    detail: 'Something went wrong on our side. Quote the correlation id when reporting it.',
    correlationId: String(request.id),
  };
}

/** Writes a problem as application/problem+json. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  const { status, code, detail, retryAfterSeconds, ...extra } = problem;
  if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds));
  const body = { type: `urn:fieldbook:problem:${code}`, title: TITLES[status] ?? 'Error', status, code, detail, instance: request.url, ...extra };
  return reply.status(status).type('application/problem+json').send(body);
}

/** The problem+json every error answers with, and its field issues with their codes, for the OpenAPI document. */
export const PROBLEM_SCHEMAS: Record<string, OpenAPIV3.SchemaObject> = {
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
