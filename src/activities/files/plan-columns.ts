/**
 * Pure: the plan columns of a spreadsheet row (`outputs`, `initiatives`, `goals`, as the export
 * writes them: "T-2020:T.2-1; WTDC-17:CIS3") read back into the plan items an activity links
 * (decision 19). A value is "plan:label", an item id ("T-2020:output:T.2-1") or a bare label
 * that only one item of the column's level carries; anything else is named as the cell's fault.
 *
 * The export's goals include those computed above the outputs; a goal the row's other links
 * already give (or gave when the file was exported) is therefore not stored as a direct link.
 */
import { itemsNamed, linksWithUpperLevels, type PlanCatalogue, type PlanLevel } from '#src/plans/model.ts';
import { cellIssue, type CellIssue } from './table-format.ts';

export const PLAN_COLUMNS = ['outputs', 'initiatives', 'goals'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** The level of the items each plan column names. */
export const LEVEL_OF_COLUMN: Record<PlanColumn, PlanLevel> = { outputs: 'output', initiatives: 'initiative', goals: 'goal' };

const EXAMPLE: Record<PlanColumn, string> = { outputs: 'T-2020:T.2-1', initiatives: 'WTDC-17:CIS3', goals: 'SP-2020:2' };

/** The item ids a plan column's cell names, or what is wrong with each value it holds. */
export function readPlanCell(column: PlanColumn, cell: string, items: PlanCatalogue['items']): { ids: string[]; issues: CellIssue[] } {
  const level = LEVEL_OF_COLUMN[column];
  const ids: string[] = [];
  const issues: CellIssue[] = [];
  const values = cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const value of values) {
    const found = itemsNamed({ items }, level, value);
    if (found.length === 1) {
      if (!ids.includes(found[0]!)) ids.push(found[0]!);
    } else if (found.length === 0) {
      issues.push(cellIssue(column, 'unknown_plan_item', `no ${level} "${value.slice(0, 80)}" in the plans: write plan:label, e.g. "${EXAMPLE[column]}"`, { value: value.slice(0, 80) }));
    } else {
      const plans = found.map((id) => items.get(id)!.plan).join(', ');
      const example = `${items.get(found.at(-1)!)!.plan}:${value.slice(0, 60)}`;
      issues.push(cellIssue(column, 'plan_label_ambiguous', `"${value.slice(0, 80)}" is ${an(level)} of several plans (${plans}): write plan:label, e.g. "${example}"`, { value: value.slice(0, 80), plans, example }));
    }
  }
  return { ids, issues };
}

const an = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * The plan links of an activity after a row: the links of the levels whose column the row
 * changes are the row's, the others are kept (targets, objectives and outcomes have no column;
 * an unchanged cell changes nothing). A goal of the row that the other links give above them,
 * or that was computed when the file was made (`computedBefore`), is not stored as a link.
 * The links kept come first in their order, then the new ones in the row's order.
 */
export function planLinksAfterRow(
  current: readonly string[],
  changed: Partial<Record<PlanColumn, readonly string[]>>,
  items: PlanCatalogue['items'],
  computedBefore: ReadonlySet<string> = new Set(),
): string[] {
  const replaced = new Set((Object.keys(changed) as PlanColumn[]).map((column) => LEVEL_OF_COLUMN[column]));
  const levelOf = (id: string) => items.get(id)?.level;
  const kept = current.filter((id) => !replaced.has(levelOf(id)!));
  const belowGoals = [...kept, ...(changed.outputs ?? []), ...(changed.initiatives ?? [])];
  const computedNow = new Set(
    linksWithUpperLevels({ items }, belowGoals)
      .filter((link) => !link.direct)
      .map((link) => link.id),
  );
  const goals = (changed.goals ?? []).filter((id) => !computedNow.has(id) && !computedBefore.has(id));
  const wanted = new Set([...belowGoals, ...goals]);
  const inOrder = current.filter((id) => wanted.has(id));
  return [...inOrder, ...[...wanted].filter((id) => !inOrder.includes(id))];
}

/** The goals the export of these links writes without their being linked (computed above them). */
export function computedGoals(linked: readonly string[], items: PlanCatalogue['items']): Set<string> {
  return new Set(
    linksWithUpperLevels({ items }, linked)
      .filter((link) => !link.direct && link.level === 'goal')
      .map((link) => link.id),
  );
}
