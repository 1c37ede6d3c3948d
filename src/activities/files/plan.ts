/**
 * Pure: what each row of an imported file would do to the register, decided before anything is
 * written, so the preview and the import give the same answer. A row without an id (or with an
 * id the register does not have) creates an activity; a row with the id and version of an
 * activity, as the export writes them, updates that activity in the columns whose cells differ
 * from what the export would write today, or changes nothing; an older version is a conflict
 * (the activity changed since the file was made), never an overwrite.
 *
 * An update takes only what the file says: texts in other languages than the row's, link
 * titles, related activities, and every column the file does not have are kept. The plan
 * columns are read against the plans' catalogue (plan-columns.ts): an unknown label refuses the
 * row, naming the column and the value.
 */
import type { FieldIssueCode, IssueParams } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { composeActivity, type Stamp } from '../compose.ts';
import { scopesOfChange, type Activity, type Texts } from '../model.ts';
import type { References } from '../references.ts';
import type { CreateActivityBody, PatchActivityBody } from '../schemas.ts';
import type { ColumnIndex } from './header-words.ts';
import { computedGoals, planLinksAfterRow, PLAN_COLUMNS, readPlanCell, type PlanColumn } from './plan-columns.ts';
import { activityCells, cellIssue, COLUMNS, columnOf, rowToInput, unneutralise, type CellIssue, type Column } from './table-format.ts';

export type RowPlan =
  | { row: number; action: 'create'; activity: Activity }
  | { row: number; action: 'update'; before: Activity; activity: Activity; changed: Column[] }
  | { row: number; action: 'unchanged'; activity: Activity }
  | { row: number; action: 'refused'; id: string | null; errors: CellIssue[] };

export interface PlanContext {
  /** The activities of the register whose ids the file names (deleted ones included). */
  existing: ReadonlyMap<string, Activity>;
  refs: References;
  /** When and by whom; each new activity without an id in the file gets `newId()`. */
  stamp: Omit<Stamp, 'id'>;
  newId(): string;
  /** Whether the importing person writes for this scope (`can(actor, 'office-data:write', scope)`). */
  mayWrite(scope: { office?: string; offices?: string[] }): boolean;
  /** The office of an editor, named when a row is not theirs. */
  ownOffice: string;
}

type Patch = Omit<PatchActivityBody, 'version' | 'statusReason'>;

/** The content of an activity a file can change, compared to tell an update from no change. */
const CONTENT = ['title', 'originalLanguage', 'kind', 'status', 'visibility', 'offices', 'sectors', 'bodies', 'plans', 'date', 'place', 'description', 'outcome', 'participants', 'links'] as const;
type ContentField = (typeof CONTENT)[number];

/** The field of the activity a column writes. */
const FIELD_OF: Partial<Record<Column, ContentField>> = {
  title: 'title',
  original_language: 'originalLanguage',
  kind: 'kind',
  status: 'status',
  visibility: 'visibility',
  offices: 'offices',
  sectors: 'sectors',
  bodies: 'bodies',
  date_text: 'date',
  date_start: 'date',
  date_end: 'date',
  place_mode: 'place',
  place_city: 'place',
  place_country: 'place',
  participants: 'participants',
  description: 'description',
  outcome: 'outcome',
  links: 'links',
  outputs: 'plans',
  initiatives: 'plans',
  goals: 'plans',
};

/** A cell as the row holds it, without the apostrophe the export puts before formula-like text. */
const cellAt = (cells: readonly string[], position: number): string => unneutralise((cells[position] ?? '').trim()).trim();

/** The plan items each plan column of the row names (the columns the file has), and the faults of its values. */
function readPlanColumns(cells: readonly string[], index: ColumnIndex, context: PlanContext) {
  const ids: Partial<Record<PlanColumn, string[]>> = {};
  const issues: CellIssue[] = [];
  for (const column of PLAN_COLUMNS) {
    const position = index.get(column);
    if (position === undefined) continue;
    const read = readPlanCell(column, cellAt(cells, position), context.refs.planItems);
    ids[column] = read.ids;
    issues.push(...read.issues);
  }
  return { ids, issues };
}

/** JSON with object keys sorted, so two equal values compare equal whatever order they were built in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** Every row of a file, planned in order; ids are matched against the register and against earlier rows. */
export function planRows(rows: ReadonlyArray<{ row: number; cells: readonly string[] }>, index: ColumnIndex, context: PlanContext): RowPlan[] {
  const rowOfId = new Map<string, number>();
  return rows.map(({ row, cells }) => {
    const result = rowToInput(cells, index);
    const planCells = readPlanColumns(cells, index, context);
    const errors: CellIssue[] = [...(result.ok ? [] : result.issues), ...planCells.issues];
    const refuse = (column: CellIssue['column'], code: FieldIssueCode, message: string, params?: IssueParams): RowPlan => ({
      row,
      action: 'refused',
      id: result.id,
      errors: [...errors, cellIssue(column, code, message, params)],
    });
    if (result.id !== null) {
      const earlier = rowOfId.get(result.id);
      if (earlier !== undefined) return refuse('id', 'same_id_in_row', `the same id is in row ${earlier}`, { row: earlier });
      rowOfId.set(result.id, row);
    }
    const current = result.id === null ? undefined : context.existing.get(result.id);
    if (current) {
      if (current.deletedAt !== null) return refuse('id', 'activity_deleted', `activity ${current.id} is deleted: restore it in the register before updating it from a file`, { value: current.id });
      if (result.version === null) {
        if (errors.some((e) => e.column === 'version')) return { row, action: 'refused', id: result.id, errors };
        return refuse('version', 'version_needed', `activity ${current.id} is in the register: give the version you exported to update it, or empty the id to add a copy`, { value: current.id });
      }
      if (result.version !== current.version) {
        return refuse('version', 'version_conflict', `the activity changed in the register since this file was made (version ${result.version} in the file, ${current.version} now)`, {
          version: result.version,
          current: current.version,
        });
      }
    }
    if (!result.ok || errors.length > 0) return { row, action: 'refused', id: result.id, errors };
    return current
      ? planUpdate(row, cells, index, result.input, planCells.ids, current, context)
      : planCreate(row, result.id, { ...result.input, plans: planLinksAfterRow([], planCells.ids, context.refs.planItems) }, context);
  });
}

function planCreate(row: number, id: string | null, input: CreateActivityBody, context: PlanContext): RowPlan {
  const errors: CellIssue[] = [];
  if (!context.mayWrite({ offices: input.offices.map((o) => o.office) })) errors.push(notYours(context));
  const composed = composeActivity(input, null, context.refs, { ...context.stamp, id: id ?? context.newId() });
  if (!composed.ok) errors.push(...composed.issues.map((i) => cellIssue(columnOf(i.path), i.code, i.message, i.params)));
  return composed.ok && errors.length === 0 ? { row, action: 'create', activity: composed.activity } : { row, action: 'refused', id, errors };
}

function notYours(context: PlanContext): CellIssue {
  const office = context.ownOffice;
  return cellIssue('offices', 'not_your_office', `forbidden: you may import only activities of your office${office ? ` (${office})` : ''}`, { office });
}

function planUpdate(
  row: number,
  cells: readonly string[],
  index: ColumnIndex,
  input: CreateActivityBody,
  planIds: Partial<Record<PlanColumn, string[]>>,
  current: Activity,
  context: PlanContext,
): RowPlan {
  // The columns whose cell says something else than the export of the activity would today.
  const items = context.refs.planItems;
  const exported = activityCells(current, items);
  const differs = new Set<Column>();
  for (const [column, position] of index) {
    const now = exported[COLUMNS.indexOf(column)];
    if (cellAt(cells, position) !== unneutralise(now === null || now === undefined ? '' : String(now))) differs.add(column);
  }
  const patch = patchOf(input, current, differs);
  const changedPlanColumns = Object.fromEntries(PLAN_COLUMNS.filter((c) => differs.has(c)).map((c) => [c, planIds[c] ?? []]));
  if (Object.keys(changedPlanColumns).length > 0) patch.plans = planLinksAfterRow(current.plans, changedPlanColumns, items, computedGoals(current.plans, items));
  const errors: CellIssue[] = [];
  if (!scopesOfChange(current, patch.offices).every((scope) => context.mayWrite(scope))) errors.push(notYours(context));
  const composed = composeActivity(patch, current, context.refs, { ...context.stamp, id: current.id });
  if (!composed.ok) errors.push(...composed.issues.map((i) => cellIssue(columnOf(i.path), i.code, i.message, i.params)));
  if (!composed.ok || errors.length > 0) return { row, action: 'refused', id: current.id, errors };
  const changedFields = new Set(CONTENT.filter((field) => canonical(current[field]) !== canonical(composed.activity[field])));
  const changed = [...differs].filter((column) => {
    const field = FIELD_OF[column];
    return field !== undefined && changedFields.has(field);
  });
  return changedFields.size === 0 ? { row, action: 'unchanged', activity: current } : { row, action: 'update', before: current, activity: composed.activity, changed };
}

/** The change a row asks for: only the fields of columns that differ from the export, each merged into what is kept. */
function patchOf(input: CreateActivityBody, current: Activity, differs: ReadonlySet<Column>): Patch {
  const language = input.originalLanguage ?? current.originalLanguage;
  const patch: Patch = {};
  if (differs.has('title') || differs.has('original_language')) {
    // Only the row's language's text: translations stay as they are.
    patch.title = { ...current.title, [language]: input.title[language] };
    patch.originalLanguage = language;
  }
  if (differs.has('kind')) patch.kind = input.kind;
  if (differs.has('status')) patch.status = input.status;
  if (differs.has('visibility')) patch.visibility = input.visibility;
  if (differs.has('offices')) patch.offices = input.offices;
  if (differs.has('sectors')) patch.sectors = input.sectors;
  if (differs.has('bodies')) patch.bodies = input.bodies;
  // Only the parts of the date that were changed: a new date as written with the old start and
  // end days left in their cells means the new words (the days would otherwise win).
  const date = Object.fromEntries((['text', 'start', 'end'] as const).filter((part) => differs.has(`date_${part}`) && input.date[part] !== undefined).map((part) => [part, input.date[part]]));
  if (Object.keys(date).length > 0) patch.date = date;
  if (differs.has('place_mode') || differs.has('place_city') || differs.has('place_country')) patch.place = input.place ?? null;
  if (differs.has('participants')) patch.participants = input.participants ?? null;
  if (differs.has('description')) patch.description = textsWith(current.description, language, input.description?.[language]);
  if (differs.has('outcome')) patch.outcome = textsWith(current.outcome, language, input.outcome?.[language]);
  // A link already there keeps its title.
  if (differs.has('links')) patch.links = input.links.map((link) => current.links.find((l) => l.url === link.url) ?? link);
  return patch;
}

/** The texts with one language's text replaced (or taken out when the cell is empty); the others kept. */
function textsWith(texts: Texts, language: Language, text: string | undefined): Texts | null {
  const next: Texts = { ...texts };
  if (text === undefined) delete next[language];
  else next[language] = text;
  return Object.keys(next).length === 0 ? null : next;
}
