/**
 * The one way the workspace talks to the server: fetch + JSON, the session's CSRF token on every
 * write, problem+json turned into a typed ApiError with its field paths. A 401 or a lost
 * connection does not throw the user out: listeners show "sign in again" over the open screen,
 * whose state (the form being typed) stays where it is.
 */

/** As the server writes it: a path ("body.title.en", "query.to"), a stable code with its params, and an English message. */
export type { FieldIssue } from '#src/platform/errors.ts';
import type { FieldIssue } from '#src/platform/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The problem's stable code ("activity_version_conflict"), or "network" when nothing answered. */
    readonly code: string,
    readonly detail: string,
    readonly issues: FieldIssue[] = [],
    /** On a 409: the current state of what was being changed. */
    readonly current: unknown = undefined,
  ) {
    super(detail);
  }

  /**
   * What the server said about a field, by its path without the "body." prefix ("title.en",
   * "offices"): about the field or anything inside it, or with `exact`, about the field itself.
   */
  fieldIssue(field: string, exact = false): FieldIssue | undefined {
    return this.issues.find((issue) => {
      const path = issue.path.replace(/^(body|query)\./, '');
      return path === field || (!exact && path.startsWith(`${field}.`));
    });
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let requestLanguage: string | null = null;
/** The language the user reads in: the server names offices and words its messages in it. */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

type Listener = (error: ApiError) => void;
const interruptionListeners = new Set<Listener>();
/** Called when the session expired (401) or the server could not be reached. */
export function onInterruption(listener: Listener): () => void {
  interruptionListeners.add(listener);
  return () => interruptionListeners.delete(listener);
}

interface RequestOptions {
  body?: unknown;
  /** Sent as it is (multipart uploads), instead of JSON. */
  form?: FormData;
  /** A file sent as the whole body, with its media type (a spreadsheet import). */
  file?: { body: Blob; type: string };
  /** The sign-in request itself: a 401 there is wrong credentials, not an expired session. */
  quietUnauthenticated?: boolean;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (requestLanguage) headers['accept-language'] = requestLanguage;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.file) {
    headers['content-type'] = options.file.type;
    body = options.file.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    const error = new ApiError(0, 'network', 'The server could not be reached.');
    interruptionListeners.forEach((listener) => listener(error));
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  if (response.ok) return parsed as T;
  const problem = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<{ code: string; detail: string; errors: FieldIssue[]; current: unknown }>;
  const error = new ApiError(response.status, problem.code ?? `http_${response.status}`, problem.detail ?? response.statusText, problem.errors ?? [], problem.current);
  if (response.status === 401 && !options.quietUnauthenticated) interruptionListeners.forEach((listener) => listener(error));
  throw error;
}

/** A query string from filters, leaving out empty ones. */
export function queryString(params: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
