/** API errors as the user reads them: in their language, where they happened. */
import { ApiError, type FieldIssue } from './api.ts';
import { isolate, useI18n, type I18n, type Translate } from './i18n.tsx';

/** What wording an issue needs of the language: its messages, and numbers and days written its way. */
type Wording = Pick<I18n, 't' | 'has' | 'formatDate' | 'formatNumber'>;

/** A field issue whose code may be one this bundle does not know yet. */
type AnyIssue = Omit<FieldIssue, 'code'> & { code: string };

/** Problem codes with a message of their own; any other code falls back by HTTP status. */
const BY_CODE: Record<string, string> = {
  network: 'app.error.network',
  invalid_credentials: 'app.error.invalidCredentials',
  version_conflict: 'app.error.conflict',
  csrf_token_invalid: 'app.error.signInAgain',
  document_too_large: 'app.error.tooLarge',
  rate_limited: 'app.error.rateLimited',
  contribution_state: 'app.error.contributionState',
  contribution_empty: 'app.error.contributionEmpty',
  round_closed: 'app.error.roundClosed',
  round_incomplete: 'app.error.roundIncomplete',
};
const BY_STATUS: Record<number, string> = {
  400: 'app.error.invalid',
  401: 'app.error.signInAgain',
  403: 'app.error.forbidden',
  404: 'app.error.notFound',
  409: 'app.error.conflict',
  413: 'app.error.tooLarge',
  429: 'app.error.rateLimited',
  503: 'app.error.unavailable',
};

export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('app.error.unexpected');
  const key = BY_CODE[error.code] ?? BY_STATUS[error.status] ?? 'app.error.unexpected';
  return t(key);
}

/** A problem reported inside an answer (a proposal refused by "accept all"): its field issues, else its code, else as the server wrote it. */
export function problemMessage(i18n: Wording, problem: { code: string; issues: readonly AnyIssue[]; problem: string }): string {
  if (problem.issues.length > 0) return problem.issues.map((issue) => issueMessage(i18n, issue)).join('; ');
  const key = BY_CODE[problem.code];
  return key ? i18n.t(key) : problem.problem;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Params that name a day the server understood; `value` is what the user typed and stays as typed. */
const DAY_PARAMS = new Set(['start', 'end', 'from', 'to', 'on']);

/** A real calendar day written yyyy-mm-dd ("2026-13-01" and "2026-02-30" are not). */
function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * What the API said about one field ("title", "place.country"), for showing beside it: the
 * catalogue's `app.fieldError.<code>` with the issue's params (days and numbers written the
 * user's way), or the server's English message for a code this bundle does not know.
 */
export function fieldError(i18n: Wording, error: unknown, field: string, exact = false): string | undefined {
  const issue = error instanceof ApiError ? error.fieldIssue(field, exact) : undefined;
  return issue === undefined ? undefined : issueMessage(i18n, issue);
}

/** One field issue in the user's language. */
function issueMessage(i18n: Wording, issue: AnyIssue): string {
  const key = `app.fieldError.${issue.code}`;
  if (!issue.code || !i18n.has(key)) return issue.message;
  const params = Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([name, value]) => [
      name,
      isolate(typeof value === 'number' ? i18n.formatNumber(value) : DAY_PARAMS.has(name) && isRealDay(value) ? i18n.formatDate(value) : value),
    ]),
  );
  return i18n.t(key, params);
}

/** `fieldError` for one screen's last error: `(field, exact?) => message | undefined`. */
export function useFieldErrors(error: unknown): (field: string, exact?: boolean) => string | undefined {
  const i18n = useI18n();
  return (field, exact = false) => fieldError(i18n, error, field, exact);
}

/** A message in a live region, so a screen reader hears it when it appears. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const details = error instanceof ApiError && error.status === 400 && error.issues.length === 0 ? error.detail : null;
  return (
    <div role="alert" className="alert">
      {errorMessage(t, error)}
      {details ? <span className="detail"> {details}</span> : null}
    </div>
  );
}
