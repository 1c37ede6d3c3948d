/** Use cases of the activity register: access first, then the store, then the audit trail. */
import { ActivityCache } from './activity-cache.ts';
import type { Kysely } from 'kysely';
import { historyOf, recordAudit, type HistoryEntry } from '#src/audit/service.ts';
import { actorLabel, can, requireAccess, type Actor } from '#src/platform/access.ts';
import type { Dialect } from '#src/platform/database.ts';
import { conflict, invalid, issue, notFound, type FieldIssue, type FieldIssueCode } from '#src/platform/errors.ts';
import { newId } from '#src/platform/ids.ts';
import { countryNames } from '#src/registry/countries.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { composeActivity, type Stamp } from './compose.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { createFileUseCases, EXPORT_MAX_ROWS, type PreparedActivity } from './files/service.ts';
import { scopesOfChange, searchDocument, searchTerms, type Activity, type MonthRegionCount, type RegisterFreshness, type StatusChange } from './model.ts';
import { itemsNamed, itemsUnder, type PlanCatalogue, type PlanLevel } from '#src/plans/model.ts';
import { referenceCache, type PlanLookup, type References } from './references.ts';
import type { ActivitiesQuery, CreateActivityBody, PatchActivityBody } from './schemas.ts';
import { SEARCH_FORMAT } from './search-words.ts';
import * as sketches from './sketches.ts';
import * as store from './store.ts';

export interface ActivityPage {
  activities: Activity[];
  next: string | null;
}

export interface ActivityDetails {
  activity: Activity;
  statusHistory: StatusChange[];
}

const EXPORT_PAGE = 500;

/** Bookkeeping fields left out of an activity's history. */
const HISTORY_IGNORES = ['version', 'updatedAt', 'updatedBy'];

export type ActivityService = ReturnType<typeof createActivityService>;

/** Another capability's writes in the transaction that stores an activity. */
export type Alongside = (trx: Executor, activity: Activity) => Promise<void>;

export function createActivityService(db: Kysely<Database>, dialect: Dialect, registry: RegistryService, plans: PlanLookup) {
  const references = referenceCache(registry, plans);
  /** Activities read by lists, at the version read: a page reads only the rows it does not hold. */
  const activityCache = new ActivityCache();

  const searchTextOf = (activity: Activity, refs: References) => searchDocument(activity, refs.namesOf, countryNames);
  const stored = (activity: Activity, refs: References): store.StoredActivity => ({ activity, searchText: searchTextOf(activity, refs) });

  /** Staff see everything, deleted included; everyone else public, live activities. */
  const canSee = (actor: Actor, activity: Activity) =>
    can(actor, 'internal:read') || (activity.visibility === 'public' && activity.deletedAt === null);

  /** What the actor may not see does not exist for them: nobody can probe the register. */
  const notVisible = (id: string) => notFound('activity_not_found', `There is no activity ${id}.`);

  /**
   * Every activity in seq order, 500 at a time, each slice's work in a transaction of its own (the
   * start-up rewrites: search texts, sketches) so the database is never held long; how many were read.
   */
  async function eachSlice(work: (slice: Array<{ seq: number; activity: Activity }>) => Promise<unknown>): Promise<number> {
    let after = 0;
    let count = 0;
    for (;;) {
      const slice = await store.activitiesAfter(db, after, 500);
      if (slice.length === 0) return count;
      await work(slice);
      after = slice.at(-1)!.seq;
      count += slice.length;
    }
  }

  async function visibleActivity(actor: Actor, id: string): Promise<Activity> {
    const activity = await store.findActivity(db, id);
    if (!activity || !canSee(actor, activity)) throw notVisible(id);
    return activity;
  }

  async function checkRelated(activity: Activity, ex: Executor = db): Promise<FieldIssue[]> {
    const ids = activity.related.map((r) => r.activity);
    const existing = await store.existingActivityIds(ex, ids);
    return activity.related.flatMap((r, i) =>
      existing.has(r.activity) ? [] : [issue(`body.related.${i}.activity`, 'unknown_activity', `unknown activity ${r.activity}`, { value: r.activity })],
    );
  }

  function statusChange(before: Activity | null, after: Activity, reason: string | undefined, at: string, by: string) {
    if (before && before.status === after.status) return null;
    return { id: newId(), from: before?.status ?? null, to: after.status, reason: reason ?? null, at, by };
  }

  /** A new activity composed and checked like any create, with every problem by field. */
  async function prepareNew(input: CreateActivityBody, refs: References, stamp: Stamp, ex: Executor = db): Promise<PreparedActivity> {
    const composed = composeActivity(input, null, refs, stamp);
    if (!composed.ok) return composed;
    const relatedIssues = await checkRelated(composed.activity, ex);
    return relatedIssues.length > 0 ? { ok: false, issues: relatedIssues } : composed;
  }

  /** Stores new activities with their first status and their audit events (the caller holds the transaction). */
  async function insertNew(trx: Executor, actor: Actor, items: Array<{ activity: Activity; statusReason: string | undefined }>, refs: References) {
    await store.insertActivities(trx, items.map(({ activity }) => ({ activity, searchText: searchTextOf(activity, refs) })));
    for (const { activity, statusReason } of items) {
      await store.insertStatusChange(trx, activity.id, statusChange(null, activity, statusReason, activity.createdAt, activity.createdBy)!);
      await recordAudit(trx, actor, { action: 'activity.create', entityType: 'activity', entityId: activity.id, after: activity });
    }
  }

  /**
   * Stores a changed activity over `before` with its status change and audit event (the caller
   * holds the transaction); false when `before` is no longer the stored version.
   */
  async function writeUpdate(trx: Executor, actor: Actor, before: Activity, activity: Activity, statusReason: string | undefined, refs: References): Promise<boolean> {
    if (!(await store.updateActivity(trx, stored(before, refs), stored(activity, refs), before.version))) return false;
    const change = statusChange(before, activity, statusReason, activity.updatedAt, activity.updatedBy);
    if (change) await store.insertStatusChange(trx, activity.id, change);
    await recordAudit(trx, actor, { action: 'activity.update', entityType: 'activity', entityId: activity.id, before, after: activity });
    return true;
  }

  /** A create inside the caller's transaction; the related activities are looked for in it too. */
  async function createWithin(trx: Executor, actor: Actor, refs: References, input: CreateActivityBody, alongside?: Alongside): Promise<Activity> {
    requireAccess(actor, 'office-data:write', { offices: input.offices.map((o) => o.office) });
    const prepared = await prepareNew(input, refs, { id: newId(), at: new Date().toISOString(), by: actorLabel(actor) }, trx);
    if (!prepared.ok) throw invalid(prepared.issues);
    await insertNew(trx, actor, [{ activity: prepared.activity, statusReason: input.statusReason }], refs);
    await alongside?.(trx, prepared.activity);
    return prepared.activity;
  }

  const useCases = {
    /**
     * The register's own faults in the fields of a create (or of a patch of `id`) that passed the
     * schema when others did not (`fieldsThatParse`): unknown offices, Sectors and bodies, an unreadable date … Nothing
     * for an activity the actor may not see.
     */
    async fieldFaults(actor: Actor, input: Omit<PatchActivityBody, 'version'>, id?: string): Promise<FieldIssue[]> {
      let base: Activity | null = null;
      if (id) {
        base = await store.findActivity(db, id);
        if (!base || !canSee(actor, base)) return [];
      }
      const composed = composeActivity(input, base, await references(), { id: id ?? newId(), at: new Date().toISOString(), by: actorLabel(actor) });
      if (composed.ok) return [];
      // Only faults of fields that were sent: the others are missing because the schema refused them.
      return composed.issues.filter((i) => i.path.split('.')[1]! in input);
    },

    /**
     * Rewrites every stored search text written in an older format (once, at start-up, after a
     * change of stems or spellings), in slices of 500 so the database is never held long.
     * Returns how many were rewritten. Safe to run from several instances at once.
     */
    async refreshSearchIndex(): Promise<number> {
      if ((await store.searchIndexFormat(db)) === SEARCH_FORMAT) return 0;
      const count = await eachSlice(async (slice) => {
        // Read only when there is something to rewrite: a new database has no registry yet to cache.
        const refs = await references();
        await db.transaction().execute((trx) => store.rewriteSearchTexts(trx, slice.map(({ activity }) => ({ id: activity.id, searchText: searchTextOf(activity, refs) }))));
      });
      await store.recordSearchIndexFormat(db, SEARCH_FORMAT);
      return count;
    },

    /**
     * Rebuilds what the database derives from the activity rows and a restore does not copy (the
     * SQLite search index's word list; the index itself and PostgreSQL's search vector follow the
     * rows by trigger and generated column). Runs in the caller's transaction.
     */
    async rebuildDerived(trx: Executor): Promise<void> {
      await store.rebuildSearchWords(trx);
      // Made again at the next refresh (the restore's own, right after).
      await sketches.clearSketches(trx);
      await sketches.recordSketchFormat(trx, 0);
    },

    /**
     * Makes the duplicate check's sketches of every activity again when they were written in
     * another format (a new table, a change of what they hold, a restore), a slice at a time as
     * the search texts are. Returns how many activities were read. Safe to run from several
     * instances at once: each slice is rewritten whole in its transaction.
     */
    async refreshSketches(): Promise<number> {
      if ((await sketches.sketchFormat(db)) === sketches.SKETCH_FORMAT) return 0;
      const count = await eachSlice((slice) => db.transaction().execute((trx) => sketches.replaceSketches(trx, slice)));
      await sketches.recordSketchFormat(db, sketches.SKETCH_FORMAT);
      return count;
    },

    /**
     * `alongside` runs another capability's writes in the transaction that stores the activity
     * (e.g. the importer marking its proposal accepted): both land or neither does.
     */
    async create(actor: Actor, input: CreateActivityBody, alongside?: Alongside): Promise<Activity> {
      requireAccess(actor, 'office-data:write', { offices: input.offices.map((o) => o.office) });
      const refs = await references();
      return db.transaction().execute((trx) => createWithin(trx, actor, refs, input, alongside));
    },

    /**
     * Several creates in one transaction (the importer's accept-all): `work` gets a `create` bound
     * to it. A create the register refuses (`invalid`) throws before anything of it is written, so
     * `work` may catch that and go on; any other failure undoes every create of the transaction.
     */
    async inOneTransaction<T>(actor: Actor, work: (create: (input: CreateActivityBody, alongside?: Alongside) => Promise<Activity>) => Promise<T>): Promise<T> {
      const refs = await references();
      return db.transaction().execute((trx) => work((input, alongside) => createWithin(trx, actor, refs, input, alongside)));
    },

    /**
     * Every activity the list would give, page after page, each mapped as it is read (an export).
     * More than `max` is refused, naming the query, so a file never silently misses rows. The
     * query's own limit and cursor are set aside: it reads page after page from the start.
     */
    async listAll<T>(actor: Actor, query: Omit<ActivitiesQuery, 'limit' | 'cursor'>, map: (activity: Activity) => T, max = EXPORT_MAX_ROWS): Promise<T[]> {
      const out: T[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.list(actor, { ...query, cursor, limit: Math.min(EXPORT_PAGE, max + 1) });
        for (const activity of page.activities) out.push(map(activity));
        if (out.length > max) {
          throw invalid([issue('query', 'too_many_matches', `matches more than ${max} activities; narrow the filter (office, region, from, to, kind …) and export in parts`, { maximum: max })], 'export_too_large');
        }
        cursor = page.next ?? undefined;
      } while (cursor);
      return out;
    },

    /**
     * Every activity the list gives for the query, a page at a time, in the list's order: an export
     * of any size. The next page is read while the caller works on this one (on PostgreSQL the two
     * overlap), so at most two pages are held; a caller that stops early leaves nothing running.
     */
    async *pages(actor: Actor, query: Omit<ActivitiesQuery, 'limit' | 'cursor'>, pageSize = EXPORT_PAGE): AsyncGenerator<Activity[], void, undefined> {
      // An export reads each activity once: it uses the activities held but holds none of its own.
      const read = (cursor: string | undefined) => this.list(actor, { ...query, cursor, limit: pageSize }, { hold: false });
      let next: Promise<ActivityPage> | null = read(undefined);
      try {
        while (next) {
          const page: ActivityPage = await next;
          next = page.next ? read(page.next) : null;
          if (page.activities.length > 0) yield page.activities;
        }
      } finally {
        // Abandoned: the page read ahead is not wanted, and its failure is nobody's.
        next?.catch(() => undefined);
      }
    },

    /**
     * An office's plan for a year counted by month (store.planMonthCounts), as the actor may see
     * it: the year's activities and, under 13, those planned without a date.
     */
    async planMonthCounts(actor: Actor, office: string, year: number): Promise<Map<number, number>> {
      const staff = can(actor, 'internal:read');
      const audience = { offices: [office], visibilities: staff ? undefined : ['public'], deleted: 'exclude' as const };
      const [dated, undated] = await Promise.all([
        store.planMonthCounts(db, dialect, { ...audience, from: `${year}-01-01`, to: `${year}-12-31` }, year),
        store.planMonthCounts(db, dialect, { ...audience, undated: 'only' }, year),
      ]);
      for (const [month, count] of undated) dated.set(month, (dated.get(month) ?? 0) + count);
      return dated;
    },

    /**
     * A draft composed as a create would compose it (its date read, its codes checked), stored
     * nowhere: what the duplicate check compares. `id`: the activity the draft edits.
     */
    async composeDraft(actor: Actor, input: CreateActivityBody, id?: string): Promise<Activity> {
      requireAccess(actor, 'internal:read');
      const composed = composeActivity(input, null, await references(), { id: id ?? newId(), at: new Date().toISOString(), by: actorLabel(actor) });
      if (!composed.ok) throw invalid(composed.issues);
      return composed.activity;
    },

    /** Sketches of the live activities in a window of days (the duplicate check's candidates), for staff. */
    async sketchesNear(actor: Actor, window: sketches.NearWindow): Promise<sketches.ActivitySketch[]> {
      requireAccess(actor, 'internal:read');
      return sketches.sketchesNear(db, window);
    },

    /** Their outlines alone (no ids, no titles), to rule most out first, for staff. */
    async outlinesNear(actor: Actor, window: sketches.NearWindow, filter?: sketches.OutlineFilter): Promise<sketches.SketchOutline[]> {
      requireAccess(actor, 'internal:read');
      return sketches.outlinesNear(db, window, filter);
    },

    /** The ids and titles of the sketches left in, by seq, for staff. */
    async sketchTitles(actor: Actor, seqs: readonly number[]): Promise<Map<number, sketches.SketchTitle>> {
      requireAccess(actor, 'internal:read');
      return sketches.sketchTitles(db, seqs);
    },

    /** The relations between these activities, each as [from, to] (an activity's own list names the other), for staff. */
    async relationsBetween(actor: Actor, ids: readonly string[]): Promise<Array<[string, string]>> {
      requireAccess(actor, 'internal:read');
      return store.relationsBetween(db, ids);
    },

    /** The activities of these ids the actor may see, by id (staff: deleted ones too). */
    async findMany(actor: Actor, ids: readonly string[]): Promise<Map<string, Activity>> {
      const found = ids.length > 0 ? await store.findActivities(db, ids) : new Map<string, Activity>();
      for (const [id, activity] of found) if (!canSee(actor, activity)) found.delete(id);
      return found;
    },

    /** The year's activities counted by start month and region (store.monthRegionCounts), as the actor may see them. */
    async monthRegionCounts(actor: Actor, year: number): Promise<MonthRegionCount[]> {
      const staff = can(actor, 'internal:read');
      return store.monthRegionCounts(db, dialect, { visibilities: staff ? undefined : ['public'], deleted: 'exclude' }, year);
    },

    async get(actor: Actor, id: string): Promise<ActivityDetails> {
      const details = await store.findActivityWithHistory(db, id);
      if (!details || !canSee(actor, details.activity)) throw notVisible(id);
      return details;
    },

    /** `hold: false`: a read of the whole register (an export) that would only push out what others read. */
    async list(actor: Actor, query: ActivitiesQuery, options: { hold?: boolean } = {}): Promise<ActivityPage> {
      const refs = await references();
      const issues: FieldIssue[] = [];
      const known = (field: string, codes: string[] | undefined, ok: (code: string) => boolean, what: string, unknown: FieldIssueCode) =>
        codes?.forEach((code) => {
          if (!ok(code)) issues.push(issue(`query.${field}`, unknown, `unknown ${what} "${code}"`, { value: code.slice(0, 80) }));
        });
      known('office', query.office, (c) => refs.offices.has(c), 'office', 'unknown_office');
      known('sector', query.sector, (c) => refs.bodies.get(c)?.type === 'sector', 'Sector', 'unknown_sector');
      known('bureau', query.bureau, (c) => refs.sectorOfBureau.has(c), 'bureau', 'unknown_bureau');
      known('body', query.body, (c) => refs.bodies.has(c), 'body', 'unknown_body');
      const planItems = planFilters(await plans.catalogue(), query, issues);
      const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
      if (after === null) issues.push(issue('query.cursor', 'invalid_cursor', 'is not a cursor of this list (start again without it)'));
      if (issues.length > 0) throw invalid(issues);

      const staff = can(actor, 'internal:read');
      const sectors = [...(query.sector ?? []), ...(query.bureau ?? []).map((b) => refs.sectorOfBureau.get(b)!)];
      const terms = query.q ? searchTerms(query.q) : [];
      // A region is its offices: their links walked in date order, as an office list walks them,
      // rather than every activity of the window tested for an office in the region.
      const regionOffices = query.region && !query.office ? [...refs.offices.values()].filter((o) => query.region!.includes(o.region)).map((o) => o.code) : undefined;
      if (regionOffices?.length === 0) return { activities: [], next: null };
      const filter: store.ActivityFilter = {
        offices: query.office ?? regionOffices,
        regions: regionOffices ? undefined : query.region,
        sectors: sectors.length > 0 ? sectors : undefined,
        bodies: query.body,
        planItems,
        kinds: query.kind,
        statuses: query.status,
        visibilities: staff ? query.visibility : (query.visibility ?? ['public']).filter((v) => v === 'public'),
        from: query.from,
        to: query.to,
        terms,
        deleted: staff ? query.deleted : 'exclude',
        undated: query.undated,
      };
      // Asking anonymously for internal activities finds nothing, rather than telling they exist.
      if (filter.visibilities?.length === 0 || (query.q !== undefined && query.q.trim() !== '' && terms.length === 0)) {
        return { activities: [], next: null };
      }
      const page = await store.listActivities(db, dialect, filter, { sort: query.sort, after: after ?? undefined, limit: query.limit }, activityCache, options.hold ?? true);
      const last = page.positions.at(-1);
      return { activities: page.activities, next: page.more && last ? encodeCursor(query.sort, last) : null };
    },

    async update(actor: Actor, id: string, patch: PatchActivityBody): Promise<Activity> {
      const current = await visibleActivity(actor, id);
      for (const scope of scopesOfChange(current, patch.offices)) requireAccess(actor, 'office-data:write', scope);
      if (patch.version !== current.version) {
        throw conflict('version_conflict', `The activity changed since version ${patch.version}; it is now at version ${current.version}.`);
      }
      const refs = await references();
      const { version: _v, statusReason, ...changes } = patch;
      const stamp = { id, at: new Date().toISOString(), by: actorLabel(actor) };
      const composed = composeActivity(changes, current, refs, stamp);
      if (!composed.ok) throw invalid(composed.issues);
      const { activity } = composed;
      const relatedIssues = await checkRelated(activity);
      if (relatedIssues.length > 0) throw invalid(relatedIssues);
      const written = await db.transaction().execute((trx) => writeUpdate(trx, actor, current, activity, statusReason, refs));
      if (!written) {
        const now = (await store.findActivity(db, id))!;
        throw conflict('version_conflict', `The activity changed while saving; it is now at version ${now.version}.`);
      }
      return activity;
    },

    /** Marks the activity deleted (it stays, restorable, and the change is audited). */
    async remove(actor: Actor, id: string): Promise<Activity> {
      return setDeleted(actor, id, true);
    },

    async restore(actor: Actor, id: string): Promise<Activity> {
      return setDeleted(actor, id, false);
    },

    /**
     * When the register last changed (public: says nothing about what changed), for caching the
     * public site; given offices, when the activities of any of them last changed (what a page
     * showing only theirs depends on).
     */
    async freshness(offices?: readonly string[]): Promise<RegisterFreshness> {
      return offices && offices.length > 0 ? store.officesFreshness(db, offices) : store.registerFreshness(db);
    },

    /** The plans' items, for presenting an activity's plan links with the levels above them. */
    async planCatalogue(): Promise<PlanCatalogue> {
      return plans.catalogue();
    },

    /** Sector → bureau (ITU-T → TSB), for presenting an activity's bureaux. */
    async bureauOfSector(): Promise<ReadonlyMap<string, string>> {
      return (await references()).bureauOfSector;
    },

    /** Of the activities these are related to, those anyone may see (the public presenter lists only those). */
    async publicRelatedIds(shown: readonly Activity[]): Promise<ReadonlySet<string>> {
      return store.publicActivityIds(db, shown.flatMap((a) => a.related.map((r) => r.activity)));
    },

    async history(actor: Actor, id: string): Promise<HistoryEntry[]> {
      await visibleActivity(actor, id);
      requireAccess(actor, 'internal:read');
      return historyOf(db, 'activity', id, HISTORY_IGNORES);
    },
  };

  return {
    ...useCases,
    // The spreadsheet import and export (files/), made of the same steps as a create and a list.
    ...createFileUseCases({ db, references, insertNew, writeUpdate, listAll: (actor, query, map, max) => useCases.listAll(actor, query, map, max) }),
  };

  async function setDeleted(actor: Actor, id: string, deleted: boolean): Promise<Activity> {
    const current = await visibleActivity(actor, id);
    // A shared activity is deleted (or restored) only by someone who writes for every office on
    // it: an editor cannot make another office's activity disappear (docs/decisions/0007-access.md).
    for (const office of new Set(current.offices.map((o) => o.office))) requireAccess(actor, 'office-data:write', { office });
    if ((current.deletedAt !== null) === deleted) return current;
    const at = new Date().toISOString();
    const by = actorLabel(actor);
    const activity: Activity = {
      ...current,
      version: current.version + 1,
      updatedAt: at,
      updatedBy: by,
      deletedAt: deleted ? at : null,
      deletedBy: deleted ? by : null,
    };
    const refs = await references();
    const written = await db.transaction().execute(async (trx) => {
      if (!(await store.updateActivity(trx, stored(current, refs), stored(activity, refs), current.version))) return false;
      await recordAudit(trx, actor, {
        action: deleted ? 'activity.delete' : 'activity.restore',
        entityType: 'activity',
        entityId: id,
        before: current,
        after: activity,
      });
      return true;
    });
    if (!written) throw conflict('version_conflict', 'The activity changed at the same time; try again.');
    return activity;
  }
}

/**
 * The plan filters of a list (`output`, `initiative`, `goal`) as sets of item ids, one set per
 * value: each value names items at its level (a label in any plan, "plan:label" or an id) and
 * matches them and what is under them (a goal: its targets and the objectives serving it, with
 * their outcomes and outputs). A value naming nothing is a field issue.
 */
function planFilters(catalogue: PlanCatalogue, query: Pick<ActivitiesQuery, 'output' | 'initiative' | 'goal'>, issues: FieldIssue[]): string[][] | undefined {
  const sets: string[][] = [];
  const filters: Array<[('output' | 'initiative' | 'goal'), PlanLevel]> = [['output', 'output'], ['initiative', 'initiative'], ['goal', 'goal']];
  for (const [field, level] of filters) {
    const values = query[field] ?? [];
    if (values.length === 0) continue;
    const named = values.flatMap((value) => {
      const ids = itemsNamed(catalogue, level, value);
      if (ids.length === 0) issues.push(issue(`query.${field}`, 'unknown_plan_item', `no ${level} "${value}"`, { value: value.slice(0, 80) }));
      return ids;
    });
    if (named.length > 0) sets.push(itemsUnder(catalogue, named));
  }
  return sets.length > 0 ? sets : undefined;
}
