/**
 * Pure: the register as a flat table (CSV and XLSX both use it), and a table row back into a
 * create request. One row per activity, one column per field; lists are joined in one cell.
 *
 * Columns, in this order (stable; new ones are only ever appended):
 *   id                 the activity's id; on import, a new activity keeps it, an existing one is updated
 *   title              the title in the original language
 *   original_language  en fr es ru ar zh: the language of title, description and outcome
 *   kind status visibility
 *   offices            "addis-ababa:supported; cairo:participated" (office:role, ";" between)
 *   sectors            "ITU-T; ITU-D"
 *   bodies             "SG12RG-AFR; ATU"
 *   date_text          as written ("2 - 3 March 2020")
 *   date_start date_end  yyyy-mm-dd; on import they win over date_text when given
 *   date_precision     computed by the register (ignored on import)
 *   place_mode place_city place_country   in-person|online|hybrid, a city, ISO 3166 alpha-2
 *   participants       a whole number
 *   description outcome  in the original language (else the first language there is)
 *   links              URLs separated by spaces
 *   version            on import, the version a row of the register was exported at (a stale one is a conflict)
 *   updated_at deleted_at   bookkeeping (ignored on import)
 *   outputs initiatives goals   the plan items served, "plan:label" ("T-2020:T.2-1; WTDC-17:CIS3"); goals
 *                      include those computed above the outputs. On import a changed cell replaces the
 *                      links of its level; computed goals are not stored as links (plan-columns.ts)
 *
 * Every text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is written with a leading apostrophe, and read back without it.
 */
import type { FieldIssueCode, IssueParams } from '#src/platform/errors.ts';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import { fieldIssueFromZod } from '#src/platform/validation.ts';
import { linksWithUpperLevels, type PlanCatalogue, type PlanLevel } from '#src/plans/model.ts';
import { flatDateAndPlace, textIn, type Activity } from '../model.ts';
import { createActivityBody, type CreateActivityBody } from '../schemas.ts';

export const COLUMNS = [
  'id',
  'title',
  'original_language',
  'kind',
  'status',
  'visibility',
  'offices',
  'sectors',
  'bodies',
  'date_text',
  'date_start',
  'date_end',
  'date_precision',
  'place_mode',
  'place_city',
  'place_country',
  'participants',
  'description',
  'outcome',
  'links',
  'version',
  'updated_at',
  'deleted_at',
  'outputs',
  'initiatives',
  'goals',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns the export writes and the register computes: an import leaves them out. */
export const COMPUTED_COLUMNS = ['date_precision', 'updated_at', 'deleted_at'] as const satisfies readonly Column[];
export type ComputedColumn = (typeof COMPUTED_COLUMNS)[number];
export const isComputedColumn = (column: Column): column is ComputedColumn => (COMPUTED_COLUMNS as readonly Column[]).includes(column);

/** Columns a file must have to be imported; a date needs date_text or date_start as well. */
export const REQUIRED_COLUMNS: readonly Column[] = ['title', 'original_language', 'kind', 'offices'];


/** A cell as written: text, a number, or empty. */
export type Cell = string | number | null;

/** What a file reader gives: the header and every non-empty row with its spreadsheet row number. */
export interface Table {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** A problem of one cell of an imported row. `column` is "row" when it concerns the whole row; code and params as in a field issue. */
export interface CellIssue {
  column: Column | 'row';
  code: FieldIssueCode;
  message: string;
  params?: IssueParams;
}

/** One cell issue; `params` only when there are some. */
export const cellIssue = (column: CellIssue['column'], code: FieldIssueCode, message: string, params?: IssueParams): CellIssue =>
  params && Object.keys(params).length > 0 ? { column, code, message, params } : { column, code, message };

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text that a spreadsheet would not run as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text as it was before `neutralise`. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const LIST_SEPARATOR = '; ';

/** An activity as one flat row, each column named; `planItems` names its plan links. */
export function activityToRow(activity: Activity, planItems: PlanCatalogue['items'] = new Map()): Record<Column, Cell> {
  const original = activity.originalLanguage;
  const links = linksWithUpperLevels({ items: planItems }, activity.plans);
  const atLevel = (level: PlanLevel) =>
    links
      .filter((l) => l.level === level)
      .map((l) => `${l.plan}:${l.label}`)
      .join(LIST_SEPARATOR);
  return {
    id: activity.id,
    title: textIn(activity.title, original, original)?.text ?? '',
    original_language: original,
    kind: activity.kind,
    status: activity.status,
    visibility: activity.visibility,
    offices: activity.offices.map((o) => `${o.office}:${o.role}`).join(LIST_SEPARATOR),
    sectors: activity.sectors.join(LIST_SEPARATOR),
    bodies: activity.bodies.join(LIST_SEPARATOR),
    ...flatDateAndPlace(activity),
    participants: activity.participants,
    description: textIn(activity.description, original, original)?.text ?? null,
    outcome: textIn(activity.outcome, original, original)?.text ?? null,
    links: activity.links.map((l) => l.url).join(' '),
    version: activity.version,
    updated_at: activity.updatedAt,
    deleted_at: activity.deletedAt,
    outputs: atLevel('output'),
    initiatives: atLevel('initiative'),
    goals: atLevel('goal'),
  };
}

/** The header row of an export. */
export const HEADER: readonly string[] = COLUMNS;

/** An activity as the cells of an export, in column order, safe to open in a spreadsheet. */
export function activityCells(activity: Activity, planItems?: PlanCatalogue['items']): Cell[] {
  const row = activityToRow(activity, planItems);
  return COLUMNS.map((column) => {
    const value = row[column];
    return typeof value === 'string' ? neutralise(value) : value;
  });
}

// ---- reading a file back ----

/** The column of a request path: "body.offices.0.role" → offices, "body.date.start" → date_start. */
export function columnOf(path: string): Column | 'row' {
  const parts = path.replace(/^body\.?/, '').split('.');
  const [field, sub] = parts;
  switch (field) {
    case 'title':
    case 'kind':
    case 'status':
    case 'visibility':
    case 'offices':
    case 'sectors':
    case 'bodies':
    case 'participants':
    case 'description':
    case 'outcome':
    case 'links':
      return field;
    case 'originalLanguage':
      return 'original_language';
    case 'date':
      return sub === 'start' ? 'date_start' : sub === 'end' ? 'date_end' : 'date_text';
    case 'place':
      return sub === 'mode' || sub === 'online' ? 'place_mode' : sub === 'country' ? 'place_country' : 'place_city';
    case 'id':
      return 'id';
    default:
      return 'row';
  }
}

/**
 * `id` is the row's activity id when it holds a valid one, `version` the version it was exported
 * at (when given), `filled` the columns whose cell is not empty.
 */
export type RowResult = { id: string | null; version: number | null; filled: ReadonlySet<Column> } & (
  | { ok: true; input: CreateActivityBody }
  | { ok: false; issues: CellIssue[] }
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits a list cell ("a; b", also "a, b") into its items. */
const items = (cell: string): string[] =>
  cell
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * One row of a file as a create request, checked by the same schema as POST /api/activities.
 * Problems are given by column; the registry checks (codes, dates) come later, in the service.
 */
export function rowToInput(cells: readonly string[], index: ReadonlyMap<Column, number>): RowResult {
  const cell = (column: Column): string => {
    const position = index.get(column);
    const value = position === undefined ? '' : (cells[position] ?? '');
    return unneutralise(value.trim()).trim();
  };
  const issues: CellIssue[] = [];
  const at = (column: Column, code: FieldIssueCode, message: string, params?: IssueParams) => issues.push(cellIssue(column, code, message, params));

  const filled = new Set([...index.keys()].filter((column) => cell(column) !== ''));
  const rawId = cell('id');
  const id = UUID.test(rawId) ? rawId.toLowerCase() : null;
  if (rawId !== '' && id === null) at('id', 'not_an_id', `"${rawId.slice(0, 60)}" is not an activity id (leave it empty for a new activity)`, { value: rawId.slice(0, 60) });

  const versionText = cell('version');
  const version = /^\d{1,9}$/.test(versionText) && Number(versionText) > 0 ? Number(versionText) : null;
  if (versionText !== '' && version === null) at('version', 'not_a_number', `"${versionText.slice(0, 40)}" is not a version number`, { value: versionText.slice(0, 40) });

  const language = cell('original_language').toLowerCase();
  if (language === '') at('original_language', 'required', `is required: the language of the title (${LANGUAGES.join(', ')})`);
  else if (!(LANGUAGES as readonly string[]).includes(language)) {
    at('original_language', 'not_allowed', `"${language}" is not one of ${LANGUAGES.join(', ')}`, { value: language.slice(0, 80), allowed: LANGUAGES.join(', ') });
  }
  const lang = language as Language;
  const inLanguage = (text: string) => (text === '' ? undefined : { [lang]: text });

  const title = cell('title');
  if (title === '') at('title', 'required', 'is required');

  // office:role pairs; each item's text prefixes the schema's message about it.
  const officeItems = items(cell('offices'));
  const offices = officeItems.map((item) => {
    const [office = '', role = ''] = item.split(':').map((s) => s.trim());
    return { office, role };
  });
  officeItems.forEach((item, i) => {
    if (!item.includes(':')) {
      at('offices', 'needs_role', `"${item}" needs a role after a colon, e.g. "${offices[i]!.office}:organised"`, { value: item.slice(0, 80), example: `${offices[i]!.office}:organised` });
    }
  });
  if (officeItems.length === 0) at('offices', 'required', 'is required: office:role, e.g. "addis-ababa:organised"');

  const participantsText = cell('participants');
  let participants: number | undefined;
  if (participantsText !== '') {
    if (/^\d+$/.test(participantsText)) participants = Number(participantsText);
    else at('participants', 'not_a_number', `"${participantsText.slice(0, 40)}" is not a whole number`, { value: participantsText.slice(0, 40) });
  }

  const placeMode = cell('place_mode').toLowerCase();
  const placeCity = cell('place_city');
  const placeCountry = cell('place_country').toUpperCase();
  const place =
    placeMode === '' && placeCity === '' && placeCountry === ''
      ? undefined
      : { ...(placeMode ? { mode: placeMode } : {}), ...(placeCity ? { city: placeCity } : {}), ...(placeCountry ? { country: placeCountry } : {}) };

  const date = Object.fromEntries(
    (
      [
        ['text', cell('date_text')],
        ['start', cell('date_start')],
        ['end', cell('date_end')],
      ] as const
    ).filter(([, value]) => value !== ''),
  );

  if (issues.length > 0) return { ok: false, id, version, filled, issues };

  const lists = { sectors: items(cell('sectors')), bodies: items(cell('bodies')), links: cell('links').split(/\s+/).filter(Boolean) };
  const optional = (name: Column) => cell(name).toLowerCase() || undefined;
  const request = {
    title: { [lang]: title },
    originalLanguage: lang,
    kind: optional('kind'),
    status: optional('status'),
    visibility: optional('visibility'),
    offices,
    sectors: lists.sectors,
    bodies: lists.bodies,
    date,
    place,
    description: inLanguage(cell('description')),
    outcome: inLanguage(cell('outcome')),
    participants,
    links: lists.links.map((url) => ({ url })),
  };
  const parsed = createActivityBody.safeParse(request);
  if (parsed.success) return { ok: true, id, version, filled, input: parsed.data };

  const itemText: Partial<Record<string, readonly string[]>> = { offices: officeItems, ...lists };
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const [field, position] = issue.path;
    const column = columnOf(issue.path.join('.'));
    const item = typeof field === 'string' && typeof position === 'number' ? itemText[field]?.[position] : undefined;
    const message = item === undefined ? issue.message : `"${item}": ${issue.message}`;
    const key = `${column} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { code, params } = fieldIssueFromZod('body', issue, request);
    issues.push(cellIssue(column, code, message, item === undefined ? params : { ...params, item }));
  }
  return { ok: false, id, version, filled, issues };
}
