/** API errors as the user reads them: in their language, where they happened. */
import { ApiError } from './api.ts';
import { useI18n, type Translate } from './i18n.tsx';

/** Problem codes with a message of their own; any other code falls back by HTTP status. */
const BY_CODE: Record<string, string> = {
  network: 'app.error.network',
  invalid_credentials: 'app.error.invalidCredentials',
  version_conflict: 'app.error.conflict',
  csrf_token_invalid: 'app.error.signInAgain',
  document_too_large: 'app.error.tooLarge',
  rate_limited: 'app.error.rateLimited',
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

/** Server messages about a field that the catalogue words in the user's language; others are shown as the server wrote them. */
const FIELD_MESSAGES: Record<string, string> = {
  'is required': 'app.fieldError.required',
  'needs the text in at least one language': 'app.fieldError.required',
  'needs at least one office': 'app.fieldError.needsOffice',
};

/** What the API said about one field ("title", "place.country"), for showing beside it. */
export function fieldError(t: Translate, error: unknown, field: string): string | undefined {
  const message = error instanceof ApiError ? error.fieldMessage(field) : undefined;
  if (message === undefined) return undefined;
  const key = FIELD_MESSAGES[message];
  return key ? t(key) : message;
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
