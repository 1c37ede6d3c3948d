/**
 * Duplicate warnings (issue 21): the check of a draft against the register, the pairs of a period
 * for the focal points' coordination view, and the decisions about a pair (kept apart with a
 * reason, related, linked into one activity, open again). Pairs are found from the register each
 * time they are asked for; only decisions are stored (decision 21).
 */
import type { Kysely } from 'kysely';
import type { Activity } from '#src/activities/model.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { recordAudit } from '#src/audit/service.ts';
import type { Database } from '#src/db/schema.ts';
import { actorLabel, ANONYMOUS, can, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue } from '#src/platform/errors.ts';
import { regionOfCountry } from '#src/registry/countries.ts';
import { perSnapshot, type RegistryService } from '#src/registry/service.ts';
import {
  addDays,
  candidatesOf,
  COMPARABLE_PRECISIONS,
  DEFAULT_RELATION,
  isComparable,
  mayMatch,
  mergedLinks,
  narrowingOf,
  NEAR_DAYS,
  outlineOfSketch,
  pairOf,
  pairsAmong,
  seenOf,
  subjectOf,
  subjectOfSketch,
  WIDEST_DAYS,
  windowOf,
  type Context,
  type Decision,
  type Match,
} from './model.ts';
import type { CheckBody, DecideBody, LinkBody, PairsQuery } from './schemas.ts';
import * as store from './store.ts';

/**
 * At most this many activities are read around one draft (a week either side of two months). A
 * million-activity register holds ~9,000 comparable ones in such a window: a lower bound cut off
 * the latest starts, the nearest to the draft, and with them a third of the planted pairs.
 */
const NEAR_LIMIT = 20_000;
/** At most this many activities are compared for a period's pairs; more, and the answer says it is partial. */
const PERIOD_LIMIT = 20_000;
const PERIOD_MAX_DAYS = 366;

export interface Candidate extends Match {
  activity: Activity;
}

export interface CheckResult {
  /** False when the draft's date is too vague to compare (a quarter, a year, to be decided). */
  comparable: boolean;
  candidates: Candidate[];
}

export interface FoundPair extends Partial<Match> {
  /** The two as they are now; null for one gone since (deleted, e.g. merged into the other). */
  activities: [Activity | null, Activity | null];
  ids: [string, string];
  state: Decision['state'];
  decision: Decision | null;
}

export interface PeriodPairs {
  from: string;
  to: string;
  pairs: FoundPair[];
  /** True when the period held more activities than are compared at once: narrow it. */
  partial: boolean;
}

export type DuplicateService = ReturnType<typeof createDuplicateService>;

/** The registry as the comparison reads it, built once per registry snapshot. */
const contextOf = perSnapshot(({ offices, bodies }) => {
  const parent = new Map(bodies.map((b) => [b.code, b.parent]));
  const children = new Map<string, string[]>();
  for (const body of bodies) if (body.parent) children.set(body.parent, [...(children.get(body.parent) ?? []), body.code]);
  const officeRegion = new Map(offices.map(({ office }) => [office.code, office.kind === 'headquarters' ? null : office.region]));
  const organisations = new Set(bodies.filter((b) => b.type === 'regional-organisation').map((b) => b.code));
  const context: Context = {
    isOrganisation: (body) => organisations.has(body),
    parentOf: (body) => parent.get(body) ?? null,
    childrenOf: (body) => children.get(body) ?? [],
    regionOfCountry: (country) => regionOfCountry(country)?.region ?? null,
    regionOfOffice: (office) => officeRegion.get(office) ?? null,
  };
  return { context };
});

export function createDuplicateService(db: Kysely<Database>, activities: ActivityService, registry: RegistryService) {
  const registryContext = async () => contextOf(await registry.snapshot(ANONYMOUS));

  /** Focal points and admins decide any pair; an editor, a pair with an activity of their office. */
  function requireDecider(actor: Actor, a: Activity, b: Activity): void {
    if (can(actor, 'duplicates:coordinate')) return;
    requireAccess(actor, 'office-data:write', { offices: [...a.offices, ...b.offices].map((o) => o.office) });
  }

  async function write(actor: Actor, current: Decision | null, next: Decision): Promise<Decision> {
    await db.transaction().execute(async (trx) => {
      if (!(await store.writeDecision(trx, next, current?.version ?? null))) throw conflict('version_conflict', 'The decision about this pair changed meanwhile; reload it.');
      await recordAudit(trx, actor, { action: 'duplicates.decide', entityType: 'duplicate_pair', entityId: next.activities.join(':'), before: current ?? undefined, after: next });
    });
    return next;
  }

  function decisionOf(actor: Actor, a: Activity, b: Activity, state: Decision['state'], reason: string | null, current: Decision | null): Decision {
    return {
      activities: [a.id, b.id],
      state,
      reason,
      day: a.date.start < b.date.start ? a.date.start : b.date.start,
      seen: [seenOf(a), seenOf(b)],
      decidedAt: new Date().toISOString(),
      decidedBy: actorLabel(actor),
      version: (current?.version ?? 0) + 1,
    };
  }

  /** The two activities of a pair, in pair order, as the actor may see them, with the pair's decision. */
  async function pairAt(actor: Actor, x: string, y: string, version: number | undefined) {
    if (x === y) throw invalid([issue('body.activities', 'related_to_itself', 'a pair needs two different activities')]);
    const [first, second] = pairOf(x, y);
    const [a, b] = await Promise.all([activities.get(actor, first), activities.get(actor, second)]);
    const current = await store.findDecision(db, [first, second]);
    if (current && version !== undefined && version !== current.version) {
      throw conflict('version_conflict', `The decision about this pair is at version ${current.version}, not ${version}.`);
    }
    return { a: a.activity, b: b.activity, current };
  }

  return {
    /**
     * The register's activities that may be the same event as a draft (a create, an edit: `id`,
     * an import, a contribution's plan), best first, each with why. A pair already decided (kept
     * apart, related, linked) is not raised again.
     */
    async check(actor: Actor, body: CheckBody): Promise<CheckResult> {
      requireAccess(actor, 'internal:read');
      const { id, ...input } = body;
      const draft = await activities.composeDraft(actor, input, id);
      if (!isComparable(draft.date)) return { comparable: false, candidates: [] };
      const { context } = await registryContext();
      const subject = subjectOf(draft, context);
      const [near, decisions] = await Promise.all([
        activities.outlinesNear(actor, { ...windowOf(draft.date), precisions: COMPARABLE_PRECISIONS, limit: NEAR_LIMIT }, narrowingOf(subject, context)),
        id ? store.decisionsAbout(db, [id]) : Promise.resolve([]),
      ]);
      // Most are ruled out by their outlines; only the rest have their ids and titles read.
      const possible = near.filter((outline) => mayMatch(subject, outlineOfSketch(outline, context), context));
      const titles = await activities.sketchTitles(actor, possible.map((o) => o.seq));
      const decided = new Set(decisions.filter((d) => d.state !== 'open').flatMap((d) => d.activities));
      const others = possible.flatMap((outline) => {
        const title = titles.get(outline.seq);
        return title && title.id !== draft.id && !decided.has(title.id) ? [subjectOfSketch({ ...outline, ...title }, context)] : [];
      });
      const matched = candidatesOf(subject, others, context, Number.MAX_SAFE_INTEGER);
      // Those already related to the draft (their own lists name it; the draft's list is compared as edited).
      const relating = new Set(id ? (await activities.relationsBetween(actor, [id, ...matched.map((f) => f.subject.id)])).flatMap(([from, to]) => (to === id && from !== id ? [from] : [])) : []);
      const found = matched.filter((f) => !relating.has(f.subject.id)).slice(0, 10);
      const full = await activities.findMany(actor, found.map((f) => f.subject.id));
      return { comparable: true, candidates: found.flatMap(({ subject: s, match }) => (full.has(s.id) ? [{ activity: full.get(s.id)!, ...match }] : [])) };
    },

    /** Every pair of a period across all offices and headquarters, with what became of it. */
    async pairs(actor: Actor, query: PairsQuery): Promise<PeriodPairs> {
      requireAccess(actor, 'duplicates:coordinate');
      const { from, to } = query;
      if (to < from) throw invalid([issue('query.to', 'before_start', `the end (${to}) is before the start (${from})`, { from, to })]);
      if (addDays(from, PERIOD_MAX_DAYS) <= to) throw invalid([issue('query.to', 'too_big', `a period is at most ${PERIOD_MAX_DAYS} days`, { maximum: PERIOD_MAX_DAYS })]);
      const { context } = await registryContext();
      const near = await activities.sketchesNear(actor, {
        startFrom: addDays(from, -NEAR_DAYS - WIDEST_DAYS),
        startTo: addDays(to, NEAR_DAYS),
        endFrom: addDays(from, -NEAR_DAYS),
        precisions: COMPARABLE_PRECISIONS,
        limit: PERIOD_LIMIT,
      });
      const inPeriod = (a: { start: string; end: string }) => a.start <= to && a.end >= from;
      const among = pairsAmong(near.map((a) => subjectOfSketch(a, context)), context).filter(({ a, b }) => inPeriod(a) || inPeriod(b));
      // Pairs already related (either's list names the other) are no question.
      const related = new Set((await activities.relationsBetween(actor, among.flatMap(({ a, b }) => [a.id, b.id]))).map((pair) => pairOf(...pair).join(' ')));
      const found = among.filter(({ a, b }) => !related.has(`${a.id} ${b.id}`));
      const decisions = [...(await store.decisionsAbout(db, found.flatMap(({ a, b }) => [a.id, b.id]))), ...(await store.decisionsBetween(db, from, to))];
      const byId = await activities.findMany(actor, [...found.flatMap(({ a, b }) => [a.id, b.id]), ...decisions.flatMap((d) => d.activities)]);
      // A pair with an activity deleted since (merged into the other) is listed only under its decision.
      for (const [key, activity] of byId) if (activity.deletedAt !== null) byId.delete(key);
      const byPair = new Map(decisions.map((d) => [d.activities.join(' '), d]));
      const pairs: FoundPair[] = found.filter(({ a, b }) => byId.has(a.id) && byId.has(b.id)).map(({ a, b, match }): FoundPair => {
        const decision = byPair.get(`${a.id} ${b.id}`) ?? null;
        byPair.delete(`${a.id} ${b.id}`);
        return { activities: [byId.get(a.id)!, byId.get(b.id)!], ids: [a.id, b.id], state: decision?.state ?? 'open', decision, ...match };
      });
      // Decided pairs of the period the register no longer shows as a pair (merged, related since, moved).
      for (const decision of byPair.values()) {
        if (decision.day < from || decision.day > to) continue;
        const [x, y] = decision.activities;
        pairs.push({ activities: [byId.get(x) ?? null, byId.get(y) ?? null], ids: [x, y], state: decision.state, decision });
      }
      const dayOf = (p: FoundPair) => p.activities.flatMap((a) => (a ? [a.date.start] : [])).sort()[0] ?? p.decision?.day ?? '';
      pairs.sort((p, q) => dayOf(p).localeCompare(dayOf(q)) || p.ids.join().localeCompare(q.ids.join()));
      return { from, to, pairs, partial: near.length >= PERIOD_LIMIT };
    },

    /**
     * Decides a pair: kept apart (the reason is required and kept), related (the relation is
     * added to the first of the two the actor writes for), or open again.
     */
    async decide(actor: Actor, body: DecideBody): Promise<Decision> {
      const { a, b, current } = await pairAt(actor, body.activities[0]!, body.activities[1]!, body.version);
      requireDecider(actor, a, b);
      const reason = body.reason?.trim() || null;
      if (body.state === 'kept_apart' && !reason) throw invalid([issue('body.reason', 'required', 'say why the two are different events')]);
      if (body.state === 'related' && !a.related.some((r) => r.activity === b.id) && !b.related.some((r) => r.activity === a.id)) {
        const [target, other] = can(actor, 'office-data:write', { offices: a.offices.map((o) => o.office) }) ? [a, b] : [b, a];
        await activities.update(actor, target.id, { version: target.version, related: [...target.related, { activity: other.id, kind: body.relation ?? DEFAULT_RELATION }] });
      }
      return write(actor, current, decisionOf(actor, a, b, body.state, reason, current));
    },

    /**
     * Links a pair into one activity: `keep` takes in the other's offices (with their roles),
     * Sectors and bodies, and the other is deleted (restorable). Needs someone who writes for
     * every office of the one deleted, like any delete.
     */
    async link(actor: Actor, body: LinkBody): Promise<Decision> {
      const { a, b, current } = await pairAt(actor, body.keep, body.merge, body.version);
      const [keep, merge] = a.id === body.keep ? [a, b] : [b, a];
      for (const office of new Set(merge.offices.map((o) => o.office))) requireAccess(actor, 'office-data:write', { office });
      const links = mergedLinks(keep, merge);
      await activities.update(actor, keep.id, { version: keep.version, ...links, related: keep.related.filter((r) => r.activity !== merge.id) });
      const gone = await activities.remove(actor, merge.id);
      const [first, second] = a.id === keep.id ? [a, gone] : [gone, b];
      return write(actor, current, decisionOf(actor, first, second, 'linked', body.reason?.trim() || null, current));
    },
  };
}
