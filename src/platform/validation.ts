/**
 * Zod's issues as the API's field issues: the path as the client sent it ("body.title.en"), a
 * stable code the workspace words in the user's language, the limits as params, and Zod's
 * English message for API clients. Used by the one error handler and by routes that parse by hand.
 */
import { FIELD_ISSUE_CODES, issue, type FieldIssue, type FieldIssueCode, type IssueParams } from './errors.ts';

/** What a Zod issue carries (Zod 4), loosely: the code, the path, the message and the code's own fields. */
export interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/** The code's own fields (origin, minimum, values, keys, params …), read loosely. */
type IssueFields = Record<string, unknown>;

const TYPE_CODES: Record<string, FieldIssueCode> = {
  string: 'not_text',
  number: 'not_a_number',
  int: 'not_a_number',
  bigint: 'not_a_number',
  boolean: 'not_a_boolean',
  array: 'not_a_list',
  object: 'not_an_object',
};

const FORMAT_CODES: Record<string, FieldIssueCode> = {
  date: 'not_a_date',
  datetime: 'not_a_datetime',
  email: 'not_an_email',
  url: 'not_a_url',
  uuid: 'not_an_id',
  guid: 'not_an_id',
};

const LIST_ORIGINS = new Set(['array', 'set']);

/** The value at `path` inside what was sent, when it is a plain one worth quoting back. */
function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value?: string } {
  let here: unknown = input;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return { found: false };
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  if (here === undefined) return { found: false };
  if (typeof here === 'string' || typeof here === 'number' || typeof here === 'boolean') return { found: true, value: String(here).slice(0, 80) };
  return { found: true };
}

/** Fields whose value is never quoted back, even in an error. */
const SECRET = /password|secret|token/i;

const asNumber = (value: unknown): number | undefined => (typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined);

/** The code and params of one Zod issue; `found`: whether the field was sent at all. */
function codeOf(issueOfZod: ZodIssueLike, found: boolean): { code: FieldIssueCode; params: IssueParams } {
  const zod = issueOfZod as ZodIssueLike & IssueFields;
  const origin = typeof zod.origin === 'string' ? zod.origin : '';
  switch (zod.code) {
    case 'invalid_type': {
      if (!found) return { code: 'required', params: {} };
      const expected = String(zod.expected ?? '');
      return TYPE_CODES[expected] ? { code: TYPE_CODES[expected], params: {} } : { code: 'wrong_type', params: { expected } };
    }
    case 'too_small': {
      const minimum = asNumber(zod.minimum) ?? 0;
      if (origin === 'string') return minimum <= 1 ? { code: 'empty', params: {} } : { code: 'too_short', params: { minimum } };
      if (LIST_ORIGINS.has(origin)) return { code: 'too_few', params: { minimum } };
      return { code: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = asNumber(zod.maximum) ?? 0;
      if (origin === 'string') return { code: 'too_long', params: { maximum } };
      if (LIST_ORIGINS.has(origin)) return { code: 'too_many', params: { maximum } };
      return { code: 'too_big', params: { maximum } };
    }
    case 'invalid_format': {
      const format = String(zod.format ?? '');
      return FORMAT_CODES[format] ? { code: FORMAT_CODES[format], params: {} } : { code: 'invalid_format', params: { format } };
    }
    case 'invalid_value': {
      const values = Array.isArray(zod.values) ? zod.values.map(String) : [];
      return { code: 'not_allowed', params: { allowed: values.join(', ') } };
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(zod.keys) ? zod.keys.map(String) : [];
      return { code: 'unknown_field', params: { keys: keys.join(', ') } };
    }
    case 'custom': {
      // Our own refinements name their code in `params`: `.refine(ok, { message, params: { code: 'before_start' } })`.
      const { code, ...rest } = (zod.params ?? {}) as Record<string, unknown>;
      const params = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
      return { code: typeof code === 'string' && code in FIELD_ISSUE_CODES ? (code as FieldIssueCode) : 'invalid', params };
    }
    default:
      return { code: 'invalid', params: {} };
  }
}

/**
 * One Zod issue as a field issue. `where` is the part of the request ("body", "query", "path");
 * `input` is what was sent there, so the issue can quote the value (`params.value`) and tell a
 * missing field (`required`) from one of the wrong type.
 */
export function fieldIssueFromZod(where: string, zod: ZodIssueLike, input: unknown): FieldIssue {
  const path = zod.path.map(String);
  const at = SECRET.test(path.at(-1) ?? '') ? { found: valueAt(input, zod.path).found } : valueAt(input, zod.path);
  const { code, params } = codeOf(zod, at.found);
  const withValue = at.value !== undefined && code !== 'required' && params.value === undefined ? { ...params, value: at.value } : params;
  return issue([where, ...path].join('.'), code, zod.message || 'is not valid', withValue);
}

/** How deep a request body is searched for NUL characters; deeper bodies are refused by their schemas anyway. */
const NUL_SEARCH_DEPTH = 12;

/**
 * Every text in what was sent (keys too) that holds a NUL character, as field issues. No field
 * may hold one: PostgreSQL cannot store it, so both databases refuse it alike, at the edge.
 */
export function nulIssues(where: string, sent: unknown): FieldIssue[] {
  const found: FieldIssue[] = [];
  const visit = (value: unknown, path: string[], depth: number) => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(issue([where, ...path].join('.'), 'contains_nul', 'contains the NUL character (U+0000), which no text may hold'));
    } else if (value !== null && typeof value === 'object' && depth < NUL_SEARCH_DEPTH && !Buffer.isBuffer(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push(issue([where, ...path].join('.') || where, 'contains_nul', 'a field name contains the NUL character (U+0000)'));
        else visit(inner, [...path, key], depth + 1);
      }
    }
  };
  visit(sent, [], 0);
  return found;
}
