/** The plans as the API gives them, for the picker, the register's filters and the plans screen. */
import type { itemResponse, planDetailsResponse, planResponse } from '#src/plans/schemas.ts';
import type { z } from 'zod';

export type PlanItem = z.infer<typeof itemResponse>;
export type Plan = z.infer<typeof planResponse>;
export type PlanDetails = z.infer<typeof planDetailsResponse>;

/** How an item reads in a list: "Output T.2-1 – Bridging the standardization gap (T-2020)". */
export function itemText(item: Pick<PlanItem, 'label' | 'title' | 'plan'>, levelName: string): string {
  return `${levelName} ${item.label} – ${item.title} (${item.plan})`;
}

/** The items of a plan in tree order: each top item, then what is under it, for the plans screen. */
export function inTreeOrder<T extends Pick<PlanItem, 'id' | 'parent'>>(items: readonly T[]): Array<{ item: T; depth: number }> {
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parent && items.some((i) => i.id === item.parent) ? item.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const out: Array<{ item: T; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const item of children.get(parent) ?? []) {
      out.push({ item, depth });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
