/**
 * Reads `data/reference/plans/` (one plan per file) and checks it whole before anything is
 * written: each file against its schema, then every label an item refers to. A problem names
 * the file, the record and the field (`ReferenceDataError`, as for the regional presence).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ReferenceDataError } from '#src/registry/reference-data.ts';
import { namesSchema, REGION_CODES } from '#src/registry/reference.ts';
import { itemId, LEVELS_OF, PARENT_LEVEL, PLAN_KINDS, PLAN_LEVELS, PLAN_SECTORS, ROLLING_YEARS, type Plan, type PlanItem } from './model.ts';

const planCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be letters, digits and dashes, such as "T-2021"');
const label = z.string().min(1).max(20).regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'must be a label such as "T.2-1", "2.1" or "CIS3"');

const itemRecord = z
  .object({
    level: z.enum(PLAN_LEVELS),
    label,
    title: namesSchema,
    /** The label of the item above, at the level its level sits under (a target's goal, an output's objective). */
    parent: label.optional(),
    /** Objectives: the goals they serve, as "plan:label" ("SP-2020:1"). */
    serves: z.array(z.string().regex(/^[A-Za-z0-9-]+:[A-Za-z0-9.-]+$/, 'must be "plan:goal", such as "SP-2020:1"')).optional(),
    region: z.enum(REGION_CODES).optional(),
    retiredFrom: z.number().int().min(1900).max(2200).optional(),
    confirmed: z.boolean(),
    source: z.string().min(1).optional(),
  })
  .strict();

export const planFileRecord = z
  .object({
    code: planCode,
    kind: z.enum(PLAN_KINDS),
    sector: z.enum(PLAN_SECTORS).optional(),
    year: z.number().int().min(1900).max(2200).optional(),
    from: z.number().int().min(1900).max(2200),
    to: z.number().int().min(1900).max(2200),
    name: namesSchema,
    confirmed: z.boolean(),
    source: z.string().min(1).optional(),
    items: z.array(z.unknown()),
  })
  .strict();

/** "an output", "a goal". */
const an = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

export interface PlanData {
  plans: Plan[];
  items: PlanItem[];
}

export interface PlanSourceFile {
  file: string;
  text: string;
}

/** Pure: the plan files' text checked and turned into plans and items, as `fieldbook seed` stores them. */
export function checkPlanData(files: readonly PlanSourceFile[], stamp: { at: string; by: string }): PlanData {
  const plans: Plan[] = [];
  const items: PlanItem[] = [];
  const fail = (file: string, record: string | null, field: string | null, problem: string): never => {
    throw new ReferenceDataError(file, record, field, problem);
  };
  const parsed: Array<{ file: string; plan: z.infer<typeof planFileRecord> }> = [];
  for (const source of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(source.text);
    } catch (error) {
      fail(source.file, null, null, `not valid JSON (${(error as Error).message})`);
    }
    const result = planFileRecord.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : null;
      fail(source.file, 'plan', field, issue.message);
    }
    parsed.push({ file: source.file, plan: result.data! });
  }

  const codes = new Set<string>();
  for (const { file, plan } of parsed) {
    const record = `plan "${plan.code}"`;
    if (codes.has(plan.code)) fail(file, record, 'code', `"${plan.code}" is used twice`);
    codes.add(plan.code);
    if (plan.to < plan.from) fail(file, record, 'to', 'is before from');
    if (plan.kind === 'operational') {
      if (!plan.sector) fail(file, record, 'sector', 'an operational plan needs its Sector (ITU-R, ITU-T, ITU-D or GS)');
      if (plan.year === undefined) fail(file, record, 'year', 'an operational plan needs the year it is for');
      if (plan.from !== plan.year || plan.to !== plan.year! + ROLLING_YEARS - 1) {
        fail(file, record, 'to', `the plan of ${plan.year} covers ${plan.year}-${plan.year! + ROLLING_YEARS - 1}`);
      }
    }
  }

  const goalIds = new Set<string>();
  for (const { file, plan } of parsed) {
    const levels = LEVELS_OF[plan.kind];
    const seen = new Set<string>();
    const checked = plan.items.map((raw, index) => {
      const key = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).label : undefined;
      const record = typeof key === 'string' ? `item ${index + 1} ("${key}")` : `item ${index + 1}`;
      const result = itemRecord.safeParse(raw);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : null;
        fail(file, record, field, issue.message);
      }
      const item = result.data!;
      if (!levels.includes(item.level)) fail(file, record, 'level', `${an(plan.kind)} plan holds ${levels.join(', ')}, not ${item.level}`);
      const id = itemId(plan.code, item.level, item.label);
      if (seen.has(id)) fail(file, record, 'label', `"${item.label}" is used twice as ${item.level}`);
      seen.add(id);
      if (item.level === 'goal') goalIds.add(id);
      if (item.level === 'initiative' && !item.region) fail(file, record, 'region', 'a regional initiative needs its region');
      return { item, record, id };
    });
    for (const [position, { item, record, id }] of checked.entries()) {
      const parentLevel = PARENT_LEVEL[item.level];
      let parent: string | null = null;
      if (parentLevel === null && item.parent !== undefined) fail(file, record, 'parent', `${an(item.level)} has no parent`);
      if (parentLevel !== null) {
        if (item.parent === undefined) fail(file, record, 'parent', `${an(item.level)} needs its ${parentLevel}`);
        parent = itemId(plan.code, parentLevel, item.parent!);
        if (!seen.has(parent)) fail(file, record, 'parent', `no ${parentLevel} "${item.parent}" in this plan`);
      }
      if (item.serves && item.level !== 'objective') fail(file, record, 'serves', 'only objectives serve goals');
      items.push({
        id,
        plan: plan.code,
        level: item.level,
        label: item.label,
        parent,
        serves: (item.serves ?? []).map((s) => {
          const [p, goal] = s.split(':') as [string, string];
          return itemId(p, 'goal', goal);
        }),
        region: item.region ?? null,
        titles: item.title,
        position,
        retiredFrom: item.retiredFrom ?? null,
        confirmed: item.confirmed,
        source: item.source ?? null,
        version: 1,
        updatedAt: stamp.at,
        updatedBy: stamp.by,
      });
    }
    plans.push({
      code: plan.code,
      kind: plan.kind,
      sector: plan.sector ?? null,
      year: plan.year ?? null,
      from: plan.from,
      to: plan.to,
      names: plan.name,
      copiedFrom: null,
      confirmed: plan.confirmed,
      source: plan.source ?? null,
      version: 1,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
    });
  }
  // Goals served are checked once every plan is read: an objective serves another plan's goals.
  const fileOf = new Map(parsed.map(({ file, plan }) => [plan.code, file]));
  for (const item of items) {
    for (const goal of item.serves) {
      if (!goalIds.has(goal)) fail(fileOf.get(item.plan)!, `item "${item.label}"`, 'serves', `no goal "${goal.replace(':goal:', ':')}" in the strategic plans`);
    }
  }
  return { plans, items };
}

/** Every `.json` file of the folder, in name order; a folder that is not there holds no plans. */
export async function readPlanData(dir: string, stamp: { at: string; by: string }): Promise<PlanData> {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { plans: [], items: [] };
    throw new ReferenceDataError(shown(dir), null, null, 'folder cannot be read');
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      try {
        return { file: shown(path), text: await readFile(path, 'utf8') };
      } catch (error) {
        throw new ReferenceDataError(shown(path), null, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }),
  );
  return checkPlanData(files, stamp);
}
