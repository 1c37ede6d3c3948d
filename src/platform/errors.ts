/**
 * Domain errors. They carry a stable snake_case code and no HTTP words; only the one
 * error handler in http.ts turns them into statuses.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited' | 'unavailable';

export interface FieldIssue {
  /** Where the problem is, e.g. "body.title" or "query.region". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: { issues?: FieldIssue[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (issues: FieldIssue[], code = 'invalid_input'): AppError =>
  new AppError('invalid', code, issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });

export const notFound = (code: string, message: string): AppError => new AppError('not_found', code, message);

export const forbidden = (message = 'You may not do this.'): AppError => new AppError('forbidden', 'forbidden', message);

export const unauthenticated = (message = 'Sign in to do this.', code = 'unauthenticated'): AppError =>
  new AppError('unauthenticated', code, message);

export const conflict = (code: string, message: string, current?: unknown): AppError =>
  new AppError('conflict', code, message, { current });

/** What was sent is over a size limit; the message names the limit. */
export const tooLarge = (code: string, message: string): AppError => new AppError('too_large', code, message);

/** Something the server needs for this request is missing or broken (e.g. the PDF printer); the message names the setting. */
export const unavailable = (code: string, message: string): AppError => new AppError('unavailable', code, message);

export const rateLimited = (message: string, retryAfterSeconds: number): AppError =>
  new AppError('rate_limited', 'rate_limited', message, { retryAfterSeconds });

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
