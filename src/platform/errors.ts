/**
 * Domain errors. They carry a stable snake_case code and no HTTP words; only the one
 * error mapper (problem.ts) turns them into statuses.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited' | 'unavailable';

/**
 * Every code a field issue may carry, with what it means and the params it names. The workspace
 * has `app.fieldError.<code>` for each in every language (a test checks it); the OpenAPI
 * document lists them under the Problem schema.
 */
export const FIELD_ISSUE_CODES = {
  // What the request's shape says (Zod)
  required: 'the field is missing or empty',
  empty: 'the text is empty',
  contains_nul: 'the text contains the NUL character (U+0000), which no text may hold',
  too_short: 'the text is shorter than {minimum} characters',
  too_long: 'the text is longer than {maximum} characters',
  too_small: 'the number is below {minimum}',
  too_big: 'the number is above {maximum}',
  too_few: 'the list has fewer than {minimum} entries',
  too_many: 'the list has more than {maximum} entries',
  not_text: 'expected text',
  not_a_number: 'expected a number',
  not_a_boolean: 'expected true or false',
  not_a_list: 'expected a list',
  not_an_object: 'expected an object',
  wrong_type: 'expected a value of type {expected}',
  not_a_date: 'expected a day written yyyy-mm-dd',
  not_a_datetime: 'expected an ISO 8601 date and time',
  not_an_email: 'expected an e-mail address',
  not_a_url: 'expected a web address (URL)',
  not_an_id: 'expected an id (UUID)',
  invalid_format: 'not written the expected way ({format})',
  not_allowed: '{value} is not one of {allowed}',
  unknown_field: 'fields the API does not know: {keys}',
  invalid: 'not valid (see the message)',
  before_start: 'the end ({to}) is before the start ({from})',
  given_twice: '{value} is given twice',
  // Dates as written
  date_unreadable: '{value} cannot be read as a date',
  date_no_year: '{value} names no year',
  date_invalid: '{value} is not a day of the calendar',
  date_end_before_start: 'the end ({end}) is before the start ({start})',
  date_too_long: 'the date is longer than {maximum} characters',
  date_start_invalid: 'the start {value} is not written yyyy-mm-dd',
  date_end_invalid: 'the end {value} is not written yyyy-mm-dd',
  // What the registry and the register know
  unknown_office: 'no office has the code {value}',
  unknown_sector: '{value} is not a Sector (ITU-R, ITU-T, ITU-D, GS)',
  unknown_bureau: '{value} is not a bureau (BR, TSB, BDT, SG)',
  unknown_body: 'no body has the code {value}',
  unknown_activity: 'no activity has the id {value}',
  unknown_country: '{value} is not a current ISO 3166 country code',
  unknown_person: 'no person has the id {value}',
  unknown_position: 'no leadership position has the id {value}',
  unknown_value: '{value} is not a value this filter knows',
  not_an_advisory_group: '{value} is not an advisory group of {sector}',
  no_advisory_group: '{sector} has no advisory group; name one',
  original_language_needed: 'the title is in several languages: say which is the original',
  original_language_not_in_title: 'the title has no text in {language}',
  listed_twice: 'office {value} is listed twice as {role}',
  related_to_itself: 'an activity cannot be related to itself',
  invalid_cursor: 'not a cursor of this list',
  too_many_matches: 'more than {maximum} activities match',
  window_too_long: 'a feed covers at most {maximum} days (this asks for {days})',
  // Accounts
  email_taken: 'an account for {value} already exists',
  editor_needs_office: 'an editor needs the office they write for',
  office_only_for_editors: 'only editors belong to an office, not a {role}',
  focal_point_needs_bureau: 'a focal point needs their bureau',
  bureau_only_for_focal_points: 'only focal points belong to a bureau, not a {role}',
  in_the_past: '{value} has already passed',
  password_incorrect: 'this is not your current password',
  own_account: 'you cannot take away your own administration or disable your own account',
  // Files and imported documents
  file_missing: 'no file was sent',
  file_unreadable: 'the file cannot be read (see the message)',
  document_empty: 'the document {name} is empty',
  document_unreadable: 'the document {name} is neither a Word document (.docx) nor text',
  needs_date: 'the proposal has no date',
  already_in_register: 'already in the register as {value}: link, merge or accept it on its own',
  possible_duplicate: 'may be the same event as {value} in the register: link it, relate it or keep it apart on its own',
  // Rows of a spreadsheet import
  needs_role: '{value} needs a role after a colon, e.g. {example}',
  version_needed: 'activity {value} is in the register: give the version you exported to update it (or empty the id to add a copy)',
  version_conflict: 'the activity changed in the register since the file was made (version {version} in the file, {current} now)',
  activity_deleted: 'activity {value} is deleted: restore it before updating it from a file',
  same_id_in_row: 'the same id is in row {row}',
  not_your_office: 'you may import only activities of your office ({office})',
  // Reporting rounds
  code_taken: 'the code {value} is already used',
  unknown_round: 'no round has the code {value}',
  unknown_user: 'no account has the id {value}',
  not_a_reviewer: '{value} is not a focal point of {bureau} or an admin',
  office_has_contribution: 'office {value} has started its contribution; it stays in the round',
  contribution_empty: 'the contribution has no text yet: write at least one paragraph or item',
  unknown_item: 'the contribution has no item or paragraph {value}',
  // Plans
  unknown_plan_item: 'no plan item is named {value}',
  plan_label_taken: '{value} is already a {level} of this plan',
  plan_label_ambiguous: '{value} is in several plans ({plans}): write plan:label, e.g. {example}',
} as const satisfies Record<string, string>;

export type FieldIssueCode = keyof typeof FIELD_ISSUE_CODES;

/** Values a field issue's message is built from, for clients that word it themselves. */
export type IssueParams = Record<string, string | number>;

export interface FieldIssue {
  /** Where the problem is, e.g. "body.title" or "query.region". */
  path: string;
  /**
   * What is wrong, stable and snake_case (`required`, `too_long`, `unknown_office` …): the
   * workspace words it in the user's language from `app.fieldError.<code>` and `params`.
   */
  code: FieldIssueCode;
  /** In English, for API clients and logs. */
  message: string;
  /** The values the message names, e.g. `{value: "xyz"}` or `{maximum: 200}`. */
  params?: IssueParams;
}

/** One field issue; `params` only when there are some. */
export const issue = (path: string, code: FieldIssueCode, message: string, params?: IssueParams): FieldIssue =>
  params && Object.keys(params).length > 0 ? { path, code, message, params } : { path, code, message };

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

export const forbidden = (message = 'You may not do this.', code = 'forbidden'): AppError => new AppError('forbidden', code, message);

export const unauthenticated = (message = 'Sign in to do this.', code = 'unauthenticated'): AppError =>
  new AppError('unauthenticated', code, message);

/** What was being changed changed meanwhile; routes answer with its current state (`withCurrentOnConflict`). */
export const conflict = (code: string, message: string): AppError => new AppError('conflict', code, message);

/**
 * Runs a change; when it conflicts, the error carries the current state of what was being
 * changed, read afresh and presented the way a read would show it to this caller.
 */
export async function withCurrentOnConflict<T>(change: () => Promise<T>, readCurrent: () => Promise<unknown>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!isAppError(error) || error.kind !== 'conflict') throw error;
    throw new AppError(error.kind, error.code, error.message, { ...error.extra, current: await readCurrent() });
  }
}

/** What was sent is over a size limit; the message names the limit. */
export const tooLarge = (code: string, message: string): AppError => new AppError('too_large', code, message);

/** Something the server needs for this request is missing or broken (e.g. the PDF printer); the message names the setting. */
export const unavailable = (code: string, message: string): AppError => new AppError('unavailable', code, message);

export const rateLimited = (message: string, retryAfterSeconds: number): AppError =>
  new AppError('rate_limited', 'rate_limited', message, { retryAfterSeconds });

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
