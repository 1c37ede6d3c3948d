/**
 * An office's annual plan (decision 26): its plan contribution per Sector and plan year (the
 * outputs and regional initiatives it works on, each with its own text), and the year's
 * activities grouped under them. Pure: no I/O.
 */
import type { Activity, Texts } from '#src/activities/model.ts';
import { issue, type FieldIssue } from '#src/platform/errors.ts';
import { operationalPlanCode, type PlanCatalogue, type PlanItem } from '#src/plans/model.ts';

export interface ContributionEntry {
  /** A plan item id: an output of the Sector's plan of the year, or a regional initiative. */
  item: string;
  /** What the office will do for it, in its own words, in the languages it wrote. */
  text: Texts;
}

export interface PlanContribution {
  office: string;
  sector: string;
  year: number;
  entries: ContributionEntry[];
  /** 0 while nothing is written: the first save sends 0. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export const MAX_ENTRIES = 80;
export const MAX_ENTRY_TEXT = 4_000;

export const emptyContribution = (office: string, sector: string, year: number): PlanContribution => ({ office, sector, year, entries: [], version: 0, updatedAt: null, updatedBy: null });

/** The levels an office contributes to. */
const CONTRIBUTABLE = new Set(['output', 'initiative']);

/**
 * The items an office may name for a Sector and year: the outputs of the Sector's operational
 * plan of that year (not retired by then) and the regional initiatives of its region in the action
 * plans covering the year.
 */
export function contributableItems(catalogue: PlanCatalogue, sector: string, year: number, region: string): PlanItem[] {
  const planCode = operationalPlanCode(sector, year);
  const live = (i: PlanItem) => i.retiredFrom === null || i.retiredFrom > year;
  return [...catalogue.items.values()].filter((item) => {
    if (!live(item)) return false;
    if (item.level === 'output') return item.plan === planCode;
    if (item.level !== 'initiative' || item.region !== region) return false;
    const plan = catalogue.plans.get(item.plan);
    return plan !== undefined && plan.from <= year && year <= plan.to;
  });
}

/** What is wrong with a contribution's entries, each fault named by its path. */
export function entryIssues(catalogue: PlanCatalogue, scope: { sector: string; year: number; region: string }, entries: readonly ContributionEntry[]): FieldIssue[] {
  const allowed = new Set(contributableItems(catalogue, scope.sector, scope.year, scope.region).map((i) => i.id));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  entries.forEach((entry, n) => {
    const path = `body.entries.${n}.item`;
    if (!catalogue.items.has(entry.item)) issues.push(issue(path, 'unknown_plan_item', `no plan item "${entry.item}"`, { value: entry.item }));
    else if (!allowed.has(entry.item)) {
      const plan = operationalPlanCode(scope.sector, scope.year);
      issues.push(issue(path, 'not_allowed', `"${entry.item}" is neither an output of ${plan} nor a regional initiative of the office's region in ${scope.year}`, { value: entry.item, allowed: `outputs of ${plan}, initiatives of ${scope.region}` }));
    }
    if (seen.has(entry.item)) issues.push(issue(path, 'given_twice', `"${entry.item}" is given twice`, { value: entry.item }));
    seen.add(entry.item);
  });
  return issues;
}

/**
 * What an item stands for across plan years: an output is the same output in every plan year of
 * its Sector ("output=T.2-1 matches that output in every plan year", decision 19); an initiative
 * is itself.
 */
export function itemKey(catalogue: PlanCatalogue, item: PlanItem): string {
  if (item.level !== 'output') return item.id;
  const sector = catalogue.plans.get(item.plan)?.sector ?? item.plan;
  return `${sector}|output|${item.label}`;
}

/** The outputs and initiatives an activity links, as item keys. */
function keysOf(catalogue: PlanCatalogue, activity: Activity): Map<string, PlanItem> {
  const keys = new Map<string, PlanItem>();
  for (const id of activity.plans) {
    const item = catalogue.items.get(id);
    if (item && CONTRIBUTABLE.has(item.level)) keys.set(itemKey(catalogue, item), item);
  }
  return keys;
}

export interface AnnualPlanEntry {
  item: PlanItem;
  /** The office's text; null for an item only its activities name. */
  text: Texts | null;
  activities: Activity[];
}

export interface AnnualPlanGroup {
  sector: string;
  entries: AnnualPlanEntry[];
}

export interface AnnualPlanByOutput {
  groups: AnnualPlanGroup[];
  /** The year's activities linked to no output or initiative. */
  unlinked: Activity[];
}

/** The Sector an item an activity links (with no entry naming it) is shown under: its plan's; the action plans' initiatives are ITU-D's. */
function sectorOfItem(catalogue: PlanCatalogue, item: PlanItem): string {
  return catalogue.plans.get(item.plan)?.sector ?? 'ITU-D';
}

/**
 * The office's annual plan by Sector and output or initiative: each contribution's entries in the
 * office's order with the activities linked to them (an activity linked to two serves both), then
 * the items only activities link, by label; Sectors in `sectorOrder`. `activities` are the year's
 * (in date order), already narrowed to what the reader may see.
 */
export function annualPlanByOutput(
  catalogue: PlanCatalogue,
  contributions: readonly PlanContribution[],
  activities: readonly Activity[],
  sectorOrder: readonly string[],
): AnnualPlanByOutput {
  const groups = new Map<string, Map<string, AnnualPlanEntry>>();
  const groupOf = (sector: string) => {
    let group = groups.get(sector);
    if (!group) groups.set(sector, (group = new Map()));
    return group;
  };
  const placed = new Set<string>();
  for (const contribution of contributions) {
    const group = groupOf(contribution.sector);
    for (const entry of contribution.entries) {
      const item = catalogue.items.get(entry.item);
      if (!item) continue;
      const key = itemKey(catalogue, item);
      if (placed.has(key)) continue;
      placed.add(key);
      group.set(key, { item, text: entry.text, activities: [] });
    }
  }
  const extras: Array<{ sector: string; key: string; item: PlanItem }> = [];
  const unlinked: Activity[] = [];
  const byKey = new Map<string, AnnualPlanEntry>();
  for (const group of groups.values()) for (const [key, entry] of group) byKey.set(key, entry);
  for (const activity of activities) {
    const keys = keysOf(catalogue, activity);
    if (keys.size === 0) {
      unlinked.push(activity);
      continue;
    }
    for (const [key, item] of keys) {
      let entry = byKey.get(key);
      if (!entry) {
        entry = { item, text: null, activities: [] };
        byKey.set(key, entry);
        extras.push({ sector: sectorOfItem(catalogue, item), key, item });
      }
      entry.activities.push(activity);
    }
  }
  extras.sort((a, b) => a.item.label.localeCompare(b.item.label, 'en', { numeric: true }));
  for (const extra of extras) groupOf(extra.sector).set(extra.key, byKey.get(extra.key)!);
  const rank = (sector: string) => {
    const at = sectorOrder.indexOf(sector);
    return at === -1 ? sectorOrder.length : at;
  };
  const ordered = [...groups.entries()]
    .filter(([, entries]) => entries.size > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([sector, entries]) => ({ sector, entries: [...entries.values()] }));
  return { groups: ordered, unlinked };
}

/** The activities an entry lists in the editor: the office's planned and confirmed ones linked to it. */
export function plannedUnder(catalogue: PlanCatalogue, item: PlanItem, activities: readonly Activity[]): Activity[] {
  const key = itemKey(catalogue, item);
  return activities.filter((a) => (a.status === 'planned' || a.status === 'confirmed') && keysOf(catalogue, a).has(key));
}
