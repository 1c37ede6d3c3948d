/**
 * Use cases of the plans: anyone reads them (they are public documents); focal points of the
 * plan's Sector's bureau and admins edit them, each change audited (the item's history), a
 * stale version refused with 409; `fieldbook seed` loads them from `data/reference/plans/`.
 */
import type { Kysely } from 'kysely';
import { historyOf, recordAudit, type HistoryEntry } from '#src/audit/service.ts';
import type { Database } from '#src/db/schema.ts';
import { actorLabel, ANONYMOUS, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import type { Names } from '#src/registry/reference.ts';
import type { RegistryService } from '#src/registry/service.ts';
import {
  buildCatalogue,
  copiedForward,
  itemId,
  LEVELS_OF,
  operationalPlanCode,
  PARENT_LEVEL,
  searchItems,
  type ItemSearch,
  type Plan,
  type PlanCatalogue,
  type PlanItem,
  type PlanLevel,
} from './model.ts';
import type { PlanData } from './reference-data.ts';
import * as store from './store.ts';

export interface PlanDetails {
  plan: Plan;
  items: PlanItem[];
  /** Activities (not deleted) linking each item directly. */
  linkCounts: Map<string, number>;
}

export interface NewItemInput {
  level: PlanLevel;
  label: string;
  title: Names;
  parent?: string | null | undefined;
  serves?: string[] | undefined;
  region?: string | null | undefined;
}

export interface ItemPatch {
  version: number;
  title?: Names | undefined;
  retiredFrom?: number | null | undefined;
  serves?: string[] | undefined;
  confirmed?: boolean | undefined;
}

/** How long the plans' change marker is trusted before it is asked again. */
const MARKER_CHECK_MS = 1_000;

/** Bookkeeping fields left out of an item's history. */
const HISTORY_IGNORES = ['version', 'updatedAt', 'updatedBy'];

export type PlanService = ReturnType<typeof createPlanService>;

export function createPlanService(db: Kysely<Database>, registry: RegistryService) {
  let cached: { marker: string; catalogue: PlanCatalogue; checkedAt: number } | null = null;

  /**
   * The catalogue as the database holds it: its marker is asked at most every MARKER_CHECK_MS
   * (a request reads the catalogue several times), and the whole read again only when a plan or
   * an item was written. This instance's own writes show at once; another instance's (or a
   * seed's) within MARKER_CHECK_MS.
   */
  async function catalogue(): Promise<PlanCatalogue> {
    const now = Date.now();
    if (cached && now - cached.checkedAt < MARKER_CHECK_MS) return cached.catalogue;
    const marker = await store.catalogueMarker(db);
    if (cached?.marker === marker) {
      cached.checkedAt = now;
      return cached.catalogue;
    }
    const [plans, items] = await Promise.all([store.listPlans(db), store.listItems(db)]);
    cached = { marker, catalogue: buildCatalogue(plans, items, marker), checkedAt: now };
    return cached.catalogue;
  }
  /** After a write here: the next read asks the database. */
  const written = () => {
    cached = null;
  };

  /** The bureau whose focal points edit a plan: its Sector's (TSB for ITU-T); none for the strategic plans (admins). */
  async function bureauOf(plan: Plan): Promise<string | null> {
    if (!plan.sector) return null;
    const { bodies } = await registry.snapshot(ANONYMOUS);
    return bodies.find((b) => b.type === 'bureau' && b.parent === plan.sector)?.code ?? null;
  }

  async function requirePlan(code: string): Promise<Plan> {
    const plan = await store.findPlan(db, code);
    if (!plan) throw notFound('plan_not_found', `There is no plan "${code}".`);
    return plan;
  }

  async function requireItem(id: string): Promise<PlanItem> {
    const item = await store.findItem(db, id);
    if (!item) throw notFound('plan_item_not_found', `There is no plan item "${id}".`);
    return item;
  }

  function checkServes(cat: PlanCatalogue, serves: readonly string[], path: string): FieldIssue[] {
    return serves.flatMap((goal, i) =>
      cat.items.get(goal)?.level === 'goal' ? [] : [issue(`${path}.${i}`, 'unknown_plan_item', `no goal "${goal}"`, { value: goal })],
    );
  }

  return {
    catalogue,

    async listPlans(actor: Actor): Promise<Plan[]> {
      requireAccess(actor, 'registry:read');
      return [...(await catalogue()).plans.values()];
    },

    async getPlan(actor: Actor, code: string): Promise<PlanDetails> {
      requireAccess(actor, 'registry:read');
      const plan = await requirePlan(code);
      const items = await store.listItems(db, code);
      return { plan, items, linkCounts: await store.linkCounts(db, items.map((i) => i.id)) };
    },

    async searchItems(actor: Actor, search: ItemSearch): Promise<PlanItem[]> {
      requireAccess(actor, 'registry:read');
      return searchItems(await catalogue(), search);
    },

    async getItem(actor: Actor, id: string): Promise<PlanItem> {
      requireAccess(actor, 'registry:read');
      return requireItem(id);
    },

    async itemHistory(actor: Actor, id: string): Promise<HistoryEntry[]> {
      requireAccess(actor, 'internal:read');
      await requireItem(id);
      return historyOf(db, 'plan_item', id, HISTORY_IGNORES);
    },

    /** Adds an item (an output, an objective …) to a plan; its id follows from plan, level and label. */
    async addItem(actor: Actor, code: string, input: NewItemInput): Promise<PlanItem> {
      const plan = await requirePlan(code);
      requireAccess(actor, 'plans:write', { bureau: await bureauOf(plan) });
      const cat = await catalogue();
      const issues: FieldIssue[] = [];
      if (!LEVELS_OF[plan.kind].includes(input.level)) {
        issues.push(issue('body.level', 'not_allowed', `${plan.kind === 'operational' ? 'an' : 'a'} ${plan.kind} plan holds ${LEVELS_OF[plan.kind].join(', ')}`, { value: input.level, allowed: LEVELS_OF[plan.kind].join(', ') }));
      }
      const parentLevel = PARENT_LEVEL[input.level];
      const parent = input.parent ?? null;
      if (parentLevel !== null) {
        const found = parent ? cat.items.get(parent) : undefined;
        if (!found || found.plan !== code || found.level !== parentLevel) {
          issues.push(issue('body.parent', parent ? 'unknown_plan_item' : 'required', `needs a ${parentLevel} of ${code}`, parent ? { value: parent } : undefined));
        }
      }
      if (input.serves?.length && input.level !== 'objective') issues.push(issue('body.serves', 'invalid', 'only objectives serve goals'));
      issues.push(...checkServes(cat, input.serves ?? [], 'body.serves'));
      if (input.level === 'initiative' && !input.region) issues.push(issue('body.region', 'required', 'a regional initiative needs its region'));
      const id = itemId(code, input.level, input.label);
      if (cat.items.has(id) || (await store.findItem(db, id))) {
        issues.push(issue('body.label', 'plan_label_taken', `"${input.label}" is already a ${input.level} of ${code}`, { value: input.label, level: input.level }));
      }
      if (issues.length > 0) throw invalid(issues);
      const at = new Date().toISOString();
      const siblings = [...cat.items.values()].filter((i) => i.plan === code);
      const item: PlanItem = {
        id,
        plan: code,
        level: input.level,
        label: input.label,
        parent: parentLevel === null ? null : parent,
        serves: input.serves ?? [],
        region: input.region ?? null,
        titles: input.title,
        position: siblings.reduce((max, i) => Math.max(max, i.position + 1), 0),
        retiredFrom: null,
        confirmed: true,
        source: null,
        version: 1,
        updatedAt: at,
        updatedBy: actorLabel(actor),
      };
      await db.transaction().execute(async (trx) => {
        await store.insertItems(trx, [item]);
        await recordAudit(trx, actor, { action: 'plan_item.create', entityType: 'plan_item', entityId: id, after: item });
      });
      written();
      return item;
    },

    /** Renames an item, retires it from a year on (or brings it back), changes the goals it serves; at its version. */
    async updateItem(actor: Actor, id: string, patch: ItemPatch): Promise<PlanItem> {
      const current = await requireItem(id);
      const plan = await requirePlan(current.plan);
      requireAccess(actor, 'plans:write', { bureau: await bureauOf(plan) });
      if (patch.version !== current.version) {
        throw conflict('version_conflict', `The item changed since version ${patch.version}; it is now at version ${current.version}.`);
      }
      const issues: FieldIssue[] = [];
      if (patch.serves !== undefined) {
        if (current.level !== 'objective' && patch.serves.length > 0) issues.push(issue('body.serves', 'invalid', 'only objectives serve goals'));
        issues.push(...checkServes(await catalogue(), patch.serves, 'body.serves'));
      }
      if (patch.retiredFrom != null && (patch.retiredFrom < plan.from || patch.retiredFrom > plan.to + 1)) {
        issues.push(issue('body.retiredFrom', patch.retiredFrom < plan.from ? 'too_small' : 'too_big', `must be within ${plan.from}-${plan.to + 1}`, patch.retiredFrom < plan.from ? { minimum: plan.from } : { maximum: plan.to + 1 }));
      }
      if (issues.length > 0) throw invalid(issues);
      const next: PlanItem = {
        ...current,
        titles: patch.title ?? current.titles,
        retiredFrom: patch.retiredFrom === undefined ? current.retiredFrom : patch.retiredFrom,
        serves: patch.serves ?? current.serves,
        confirmed: patch.confirmed ?? current.confirmed,
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: actorLabel(actor),
      };
      const stored = await db.transaction().execute(async (trx) => {
        if (!(await store.updateItem(trx, next, current.version))) return false;
        await recordAudit(trx, actor, { action: 'plan_item.update', entityType: 'plan_item', entityId: id, before: current, after: next });
        return true;
      });
      written();
      if (!stored) throw conflict('version_conflict', 'The item changed while saving; try again.');
      return next;
    },

    /** Starts the next rolling window: the plan of year N+1 from the plan of year N, retired items left behind. */
    async copyForward(actor: Actor, code: string): Promise<PlanDetails> {
      const plan = await requirePlan(code);
      requireAccess(actor, 'plans:write', { bureau: await bureauOf(plan) });
      if (plan.kind !== 'operational' || plan.year === null || plan.sector === null) {
        throw invalid([issue('path.code', 'invalid', 'only an operational plan (of a Sector, for a year) is copied forward')]);
      }
      const nextCode = operationalPlanCode(plan.sector, plan.year + 1);
      if (await store.findPlan(db, nextCode)) throw conflict('plan_exists', `The plan ${nextCode} is already there.`);
      const items = await store.listItems(db, code);
      const copy = copiedForward(plan, items, { at: new Date().toISOString(), by: actorLabel(actor) });
      await db.transaction().execute(async (trx) => {
        await store.insertPlan(trx, copy.plan);
        await store.insertItems(trx, copy.items);
        await recordAudit(trx, actor, { action: 'plan.copy_forward', entityType: 'plan', entityId: copy.plan.code, after: { from: code, items: copy.items.length } });
      });
      written();
      return { plan: copy.plan, items: copy.items, linkCounts: new Map() };
    },

    /** Loads checked plan files in one transaction: all of it or, on any error, none. */
    async loadReference(actor: Actor, data: PlanData): Promise<{ plans: number; items: number }> {
      requireAccess(actor, 'users:manage');
      const by = actorLabel(actor);
      return db.transaction().execute(async (trx) => {
        for (const plan of data.plans) await store.seedPlan(trx, plan, by);
        for (const item of data.items) await store.seedItem(trx, item, by);
        const summary = { plans: data.plans.length, items: data.items.length };
        await recordAudit(trx, actor, { action: 'reference.load', entityType: 'reference', entityId: 'plans', after: summary });
        return summary;
      }).finally(written);
    },
  };
}
