/**
 * The plans the activities serve, and the pure rules over them (decision 19).
 *
 * - A strategic plan of the Union (per period, e.g. 2020–2023) has goals, and targets under them.
 * - An operational plan of a Sector or of the General Secretariat is adopted for a year N and
 *   covers N…N+3 (a rolling window): objectives, with outcomes and outputs under them. An
 *   objective serves goals of the strategic plan.
 * - A WTDC action plan (per cycle) has regional initiatives, each of a region.
 *
 * Labels are what the plans print ("T.2", "T.2-1", "CIS3", "2.1"); the same label can be an
 * outcome and an output of one plan, so the level is always part of an item's identity:
 * `T-2020:output:T.2-1`. An activity links to items; the levels above them are computed.
 */
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import type { Names } from '#src/registry/reference.ts';

export const PLAN_KINDS = ['strategic', 'operational', 'action'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_LEVELS = ['goal', 'target', 'objective', 'outcome', 'output', 'initiative'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** The levels each kind of plan holds. */
export const LEVELS_OF: Record<PlanKind, readonly PlanLevel[]> = {
  strategic: ['goal', 'target'],
  operational: ['objective', 'outcome', 'output'],
  action: ['initiative'],
};

/** The level an item's parent is at; null for items at the top of their plan. */
export const PARENT_LEVEL: Record<PlanLevel, PlanLevel | null> = {
  goal: null,
  target: 'goal',
  objective: null,
  outcome: 'objective',
  output: 'objective',
  initiative: null,
};

/** The Sectors and the General Secretariat, whose operational plans these are. */
export const PLAN_SECTORS = ['ITU-R', 'ITU-T', 'ITU-D', 'GS'] as const;

/** An operational plan adopted for year N covers four years. */
export const ROLLING_YEARS = 4;

export interface Plan {
  code: string;
  kind: PlanKind;
  sector: string | null;
  /** Operational plans: the year N the plan is for (it covers N…N+3). */
  year: number | null;
  from: number;
  to: number;
  names: Names;
  copiedFrom: string | null;
  confirmed: boolean;
  source: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface PlanItem {
  id: string;
  plan: string;
  level: PlanLevel;
  label: string;
  parent: string | null;
  /** Objectives: the goals (item ids) they serve. */
  serves: string[];
  region: string | null;
  titles: Names;
  position: number;
  /** The first year the item is no longer in the plan. */
  retiredFrom: number | null;
  confirmed: boolean;
  source: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export const itemId = (plan: string, level: PlanLevel, label: string): string => `${plan}:${level}:${label}`;

/** The code of the operational plan of a Sector for a year: ITU-T, 2021 → "T-2021". */
export function operationalPlanCode(sector: string, year: number): string {
  return `${sector === 'GS' ? 'GS' : sector.replace(/^ITU-/, '')}-${year}`;
}

/** Every plan and item, indexed once, for links, filters and pickers. */
export interface PlanCatalogue {
  /** Moves whenever a plan or an item is written (caches of what shows plan titles key by it). */
  marker: string;
  plans: Map<string, Plan>;
  items: Map<string, PlanItem>;
  /** Item ids under each item (targets of a goal; outcomes and outputs of an objective). */
  children: Map<string, string[]>;
  /** Objectives serving each goal. */
  servedBy: Map<string, string[]>;
}

export function buildCatalogue(plans: readonly Plan[], items: readonly PlanItem[], marker = ''): PlanCatalogue {
  const children = new Map<string, string[]>();
  const servedBy = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const item of items) {
    if (item.parent) push(children, item.parent, item.id);
    for (const goal of item.serves) push(servedBy, goal, item.id);
  }
  return { marker, plans: new Map(plans.map((p) => [p.code, p])), items: new Map(items.map((i) => [i.id, i])), children, servedBy };
}

export interface PlanLink {
  id: string;
  plan: string;
  level: PlanLevel;
  label: string;
  titles: Names;
  region: string | null;
  /** True for what the activity links itself; false for a level computed above a link. */
  direct: boolean;
}

/**
 * The items an activity links and, computed above them, their parents and the goals their
 * objectives serve (an output gives its objective and that objective's goals; a target its
 * goal). Each once, the direct ones first, in the order linked; unknown ids are skipped.
 */
export function linksWithUpperLevels(catalogue: Pick<PlanCatalogue, 'items'>, linked: readonly string[]): PlanLink[] {
  const out = new Map<string, PlanLink>();
  const add = (id: string, direct: boolean) => {
    const item = catalogue.items.get(id);
    if (!item || out.has(id)) return;
    out.set(id, { id, plan: item.plan, level: item.level, label: item.label, titles: item.titles, region: item.region, direct });
  };
  for (const id of linked) add(id, true);
  for (const id of linked) {
    const seen = new Set<string>();
    let current = catalogue.items.get(id);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.id !== id) add(current.id, false);
      for (const goal of current.serves) add(goal, false);
      current = current.parent ? catalogue.items.get(current.parent) : undefined;
    }
  }
  return [...out.values()];
}

/**
 * What a filter by an item matches: the item, the items under it, and for a goal the
 * objectives serving it with everything under them. An activity matches when it links any.
 */
export function itemsUnder(catalogue: PlanCatalogue, ids: readonly string[]): string[] {
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const child of catalogue.children.get(id) ?? []) visit(child);
    for (const objective of catalogue.servedBy.get(id) ?? []) visit(objective);
  };
  ids.forEach(visit);
  return [...out];
}

/**
 * The items a filter value names at a level: an item id ("SP-2020:goal:2"), a plan and label
 * ("SP-2020:2") or a label alone ("T.2-1", "CIS3"), which names that label in every plan.
 */
export function itemsNamed(catalogue: Pick<PlanCatalogue, 'items'>, level: PlanLevel, value: string): string[] {
  const exact = catalogue.items.get(value);
  if (exact) return exact.level === level ? [exact.id] : [];
  const colon = value.indexOf(':');
  const planPart = colon > 0 ? value.slice(0, colon) : null;
  const label = colon > 0 ? value.slice(colon + 1) : value;
  const wanted = label.toLowerCase();
  return [...catalogue.items.values()]
    .filter((i) => i.level === level && i.label.toLowerCase() === wanted && (planPart === null || i.plan === planPart))
    .map((i) => i.id);
}

/** Lower case, accents off, punctuation to spaces, for matching what a picker's user types. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.-]+/gu, ' ')
    .trim();
}

/** A title in the asked language, else English (every title has English). */
export const titleIn = (titles: Names, language: Language): string => titles[language] ?? titles.en;

export interface ItemSearch {
  q?: string | undefined;
  levels?: readonly PlanLevel[] | undefined;
  plan?: string | undefined;
  /** Items in the plan in that year (not retired before it, in a plan covering it). */
  year?: number | undefined;
  language: Language;
  limit: number;
}

/**
 * The picker's search: every word of `q` in the item's label, its plan's code or its title in
 * the user's language (or English); labels that start with what was typed come first, then
 * plan order. Retired items are left out of a year they are retired in.
 */
export function searchItems(catalogue: PlanCatalogue, search: ItemSearch): PlanItem[] {
  const words = fold(search.q ?? '').split(' ').filter(Boolean);
  const typed = (search.q ?? '').trim().toLowerCase();
  const matches: Array<{ item: PlanItem; rank: number }> = [];
  for (const item of catalogue.items.values()) {
    if (search.levels?.length && !search.levels.includes(item.level)) continue;
    if (search.plan && item.plan !== search.plan) continue;
    const plan = catalogue.plans.get(item.plan);
    if (search.year !== undefined) {
      if (!plan || search.year < plan.from || search.year > plan.to) continue;
      if (item.retiredFrom !== null && search.year >= item.retiredFrom) continue;
    }
    const haystack = fold(`${item.label} ${item.plan} ${titleIn(item.titles, search.language)} ${item.titles.en} ${item.region ?? ''}`);
    if (!words.every((w) => haystack.includes(w))) continue;
    const rank = typed && item.label.toLowerCase().startsWith(typed) ? 0 : 1;
    matches.push({ item, rank });
  }
  const planOrder = [...catalogue.plans.keys()];
  matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      planOrder.indexOf(a.item.plan) - planOrder.indexOf(b.item.plan) ||
      a.item.position - b.item.position ||
      a.item.label.localeCompare(b.item.label),
  );
  return matches.slice(0, search.limit).map((m) => m.item);
}

/** Whether an item is in its plan in a year: not retired from that year on or before. */
export const inPlanIn = (item: Pick<PlanItem, 'retiredFrom'>, year: number): boolean => item.retiredFrom === null || year < item.retiredFrom;

/**
 * The next rolling window of an operational plan: the plan of year N+1, covering N+1…N+4,
 * with every item still in the plan in N+1 (retired ones stay behind), parents and the goals
 * served kept, each item new at version 1.
 */
export function copiedForward(plan: Plan, items: readonly PlanItem[], stamp: { at: string; by: string }): { plan: Plan; items: PlanItem[] } {
  if (plan.kind !== 'operational' || plan.year === null || plan.sector === null) throw new Error('only an operational plan is copied forward');
  const year = plan.year + 1;
  const code = operationalPlanCode(plan.sector, year);
  const kept = items.filter((i) => i.plan === plan.code && inPlanIn(i, year));
  const keptIds = new Set(kept.map((i) => i.id));
  const newIdOf = (old: string) => {
    const item = items.find((i) => i.id === old)!;
    return itemId(code, item.level, item.label);
  };
  return {
    plan: {
      ...plan,
      code,
      year,
      from: year,
      to: year + ROLLING_YEARS - 1,
      names: renameYears(plan.names, plan, year),
      copiedFrom: plan.code,
      version: 1,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
    },
    items: kept.map((i) => ({
      ...i,
      id: itemId(code, i.level, i.label),
      plan: code,
      parent: i.parent && keptIds.has(i.parent) ? newIdOf(i.parent) : null,
      retiredFrom: i.retiredFrom,
      version: 1,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
    })),
  };
}

/** "… 2020-2023" → "… 2021-2024" in every language that writes the window. */
function renameYears(names: Names, plan: Plan, year: number): Names {
  const out: Record<string, string> = {};
  for (const language of LANGUAGES) {
    const name = names[language];
    if (name === undefined) continue;
    out[language] = name.replace(new RegExp(`${plan.from}\\s*([-–])\\s*${plan.to}`, 'g'), `${year}$1${year + ROLLING_YEARS - 1}`);
  }
  return out as Names;
}
