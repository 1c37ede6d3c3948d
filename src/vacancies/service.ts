/**
 * Use cases of vacancies and nominations. Nothing of it is public: signed-in users read; bureau
 * staff (focal points) and admins keep the positions; an office's editors record its outreach and
 * the nominations that followed. Outreach is also an activity of the register (kind consultation),
 * written in the same transaction, so it appears in contributions and reports.
 */
import type { Kysely } from 'kysely';
import type { ActivityService } from '#src/activities/service.ts';
import { historyOf, recordAudit, type HistoryEntry } from '#src/audit/service.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import { actorLabel, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import { translator } from '#src/platform/messages.ts';
import { countryName, isCountryCode, regionOfCountry } from '#src/registry/countries.ts';
import { localise, seedPlan, type Body, type EditMark } from '#src/registry/model.ts';
import { REGION_CODES, type RegionCode } from '#src/registry/reference.ts';
import type { RegistryService } from '#src/registry/service.ts';
import {
  comparePositions,
  holderProblem,
  referencePositionId,
  vacancyOverview,
  type Nomination,
  type Outreach,
  type Position,
  type VacancyOverview,
} from './model.ts';
import type { CreateNominationBody, CreateOutreachBody, CreatePositionBody, PatchNominationBody, PatchPositionBody, PositionRecord } from './schemas.ts';
import * as store from './store.ts';

/** Bodies whose leadership is elected per study period. */
const LED_BODIES = new Set(['advisory-group', 'study-group']);

export interface PositionView {
  position: Position;
  mark: EditMark;
  nominations: number;
}

export type VacancyService = ReturnType<typeof createVacancyService>;

export function createVacancyService(db: Kysely<Database>, deps: { registry: RegistryService; activities: ActivityService }) {
  const { registry, activities } = deps;
  const now = () => new Date().toISOString();

  async function bodyOf(code: string) {
    const snapshot = await registry.snapshot({ kind: 'system', label: 'vacancies' });
    return snapshot.bodies.find((b) => b.code === code) ?? null;
  }

  /** `body` is looked up before any transaction opens: the registry's snapshot reads outside it (SQLite has one connection). */
  function positionIssues(position: Position, body: Body | null): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (!body || !LED_BODIES.has(body.type)) issues.push(issue('body.body', 'unknown_body', `no advisory group or study group has the code ${position.body}`, { value: position.body }));
    const problem = holderProblem(position.status, position.holder);
    if (problem === 'holder_needed') issues.push(issue('body.holder', 'required', 'a filled position needs its holder'));
    if (problem === 'holder_not_expected') issues.push(issue('body.holder', 'invalid', 'only a filled position has a holder'));
    if (position.holder?.country && !isCountryCode(position.holder.country)) {
      issues.push(issue('body.holder.country', 'unknown_country', `${position.holder.country} is not a current ISO 3166 country code`, { value: position.holder.country }));
    }
    return issues;
  }

  async function positionView(ex: Executor, id: string): Promise<PositionView> {
    const found = await store.findPosition(ex, id);
    if (!found) throw notFound('position_not_found', `There is no leadership position "${id}".`);
    const nominations = await store.listNominations(ex, { positions: [id] });
    return { ...found, nominations: nominations.length };
  }

  const edit = (actor: Actor) => ({ at: now(), by: actorLabel(actor) });
  const positionSnapshot = ({ id: _id, ...rest }: Position) => rest;

  return {
    /** The registry's bodies by code, for naming positions. */
    async bodies(): Promise<Map<string, Body>> {
      const snapshot = await registry.snapshot({ kind: 'system', label: 'vacancies' });
      return new Map(snapshot.bodies.map((b) => [b.code, b]));
    },

    async listPositions(actor: Actor, filter: store.PositionFilter): Promise<PositionView[]> {
      requireAccess(actor, 'internal:read');
      const found = await store.listPositions(db, filter);
      const nominations = await store.listNominations(db, { positions: found.map((f) => f.position.id) });
      return found
        .map((f) => ({ ...f, nominations: nominations.filter((n) => n.position === f.position.id).length }))
        .sort((a, b) => comparePositions(a.position, b.position));
    },

    async getPosition(actor: Actor, id: string): Promise<PositionView> {
      requireAccess(actor, 'internal:read');
      return positionView(db, id);
    },

    async createPosition(actor: Actor, input: CreatePositionBody): Promise<PositionView> {
      requireAccess(actor, 'coordination:manage');
      const position: Position = { id: newId(), ...input, holder: input.holder ?? null };
      const issues = positionIssues(position, await bodyOf(position.body));
      if (issues.length > 0) throw invalid(issues);
      return db.transaction().execute(async (trx) => {
        await store.insertPosition(trx, position, edit(actor));
        await recordAudit(trx, actor, { action: 'position.create', entityType: 'leadership_position', entityId: position.id, after: positionSnapshot(position) });
        return positionView(trx, position.id);
      });
    },

    /** Filled (by whom, from where), vacant again, or corrected; a stale version gets 409. */
    async updatePosition(actor: Actor, id: string, patch: PatchPositionBody): Promise<PositionView> {
      requireAccess(actor, 'coordination:manage');
      const body = await bodyOf((await positionView(db, id)).position.body);
      return db.transaction().execute(async (trx) => {
        const current = await positionView(trx, id);
        if (patch.version !== current.mark.version) {
          throw conflict('version_conflict', `The position changed since version ${patch.version}; it is now at version ${current.mark.version}.`);
        }
        const before = current.position;
        const status = patch.status ?? before.status;
        const position: Position = {
          ...before,
          label: patch.label === undefined ? before.label : patch.label,
          status,
          // A position made vacant or unknown no longer names its holder unless told.
          holder: patch.holder !== undefined ? patch.holder : status === 'filled' ? before.holder : null,
          source: patch.source === undefined ? before.source : patch.source,
          confirmed: patch.confirmed ?? before.confirmed,
        };
        const issues = positionIssues(position, body);
        if (issues.length > 0) throw invalid(issues);
        if (!(await store.updatePosition(trx, position, patch.version, edit(actor)))) throw conflict('version_conflict', 'The position changed while saving.');
        await recordAudit(trx, actor, { action: 'position.update', entityType: 'leadership_position', entityId: id, before: positionSnapshot(before), after: positionSnapshot(position) });
        return positionView(trx, id);
      });
    },

    async positionHistory(actor: Actor, id: string): Promise<HistoryEntry[]> {
      requireAccess(actor, 'internal:read');
      await positionView(db, id);
      return historyOf(db, 'leadership_position', id);
    },

    async listOutreach(actor: Actor, filter: store.OutreachFilter): Promise<Outreach[]> {
      requireAccess(actor, 'internal:read');
      return store.listOutreach(db, filter);
    },

    /**
     * An office's outreach to a country, recorded with its activity of kind consultation in the
     * register (internal, organised by the office, placed in the country, linked to the body), in
     * one transaction. The activity's title is written in `language`.
     */
    async recordOutreach(actor: Actor, input: CreateOutreachBody, language: Language): Promise<Outreach> {
      requireAccess(actor, 'office-data:write', { office: input.office });
      const issues: FieldIssue[] = [];
      const body = await bodyOf(input.body);
      if (!body || !LED_BODIES.has(body.type)) issues.push(issue('body.body', 'unknown_body', `no advisory group or study group has the code ${input.body}`, { value: input.body }));
      if (!isCountryCode(input.country)) issues.push(issue('body.country', 'unknown_country', `${input.country} is not a current ISO 3166 country code`, { value: input.country }));
      if (input.position) {
        const position = await store.findPosition(db, input.position);
        if (!position || position.position.body !== input.body || position.position.studyPeriod !== input.studyPeriod) {
          issues.push(issue('body.position', 'unknown_position', `no position of ${input.body} in ${input.studyPeriod} has the id ${input.position}`, { value: input.position }));
        }
      }
      if (issues.length > 0 || !body) throw invalid(issues);
      const { t } = translator(language);
      const title = t(`vacancies.activityTitle.${input.kind}`, {
        country: countryName(input.country, language, 'plain'),
        body: localise(body.names, language).text,
        period: input.studyPeriod,
      });
      const id = newId();
      const inLanguage = (text: string): Partial<Record<Language, string>> => Object.fromEntries([[language, text]]);
      let outreach: Outreach | null = null;
      await activities.create(
        actor,
        {
          title: inLanguage(title),
          originalLanguage: language,
          kind: 'consultation',
          status: input.on <= now().slice(0, 10) ? 'held' : 'planned',
          visibility: 'internal',
          offices: [{ office: input.office, role: 'organised' }],
          sectors: [],
          bodies: [input.body],
          date: { start: input.on, end: input.on },
          place: { country: input.country },
          ...(input.note ? { description: inLanguage(input.note) } : {}),
          links: [],
          related: [],
          plans: [],
        },
        async (trx, activity) => {
          outreach = {
            id,
            office: input.office,
            country: input.country,
            kind: input.kind,
            body: input.body,
            studyPeriod: input.studyPeriod,
            position: input.position ?? null,
            on: input.on,
            note: input.note ?? null,
            activity: activity.id,
            createdAt: now(),
            createdBy: actorLabel(actor),
          };
          await store.insertOutreach(trx, outreach);
          await recordAudit(trx, actor, { action: 'outreach.create', entityType: 'outreach', entityId: id, after: outreach });
        },
      );
      return outreach!;
    },

    async listNominations(actor: Actor, filter: { studyPeriod?: string | undefined; office?: string | undefined; country?: string | undefined }): Promise<Nomination[]> {
      requireAccess(actor, 'internal:read');
      const positions = filter.studyPeriod ? (await store.listPositions(db, { studyPeriod: filter.studyPeriod })).map((p) => p.position.id) : undefined;
      return store.listNominations(db, { positions, office: filter.office, country: filter.country });
    },

    async getNomination(actor: Actor, id: string): Promise<Nomination> {
      requireAccess(actor, 'internal:read');
      const found = await store.findNomination(db, id);
      if (!found) throw notFound('nomination_not_found', `There is no nomination "${id}".`);
      return found;
    },

    /** A nomination by a country, as the office that followed it records it. */
    async recordNomination(actor: Actor, input: CreateNominationBody): Promise<Nomination> {
      requireAccess(actor, 'office-data:write', { office: input.office });
      const issues: FieldIssue[] = [];
      if (!isCountryCode(input.country)) issues.push(issue('body.country', 'unknown_country', `${input.country} is not a current ISO 3166 country code`, { value: input.country }));
      if (!(await store.findPosition(db, input.position))) issues.push(issue('body.position', 'unknown_position', `no leadership position has the id ${input.position}`, { value: input.position }));
      if (input.outreach && !(await store.findOutreach(db, input.outreach))) issues.push(issue('body.outreach', 'invalid', `no outreach has the id ${input.outreach}`));
      if (issues.length > 0) throw invalid(issues);
      const at = now();
      const nomination: Nomination = {
        id: newId(),
        office: input.office,
        country: input.country,
        position: input.position,
        candidate: input.candidate,
        outreach: input.outreach ?? null,
        state: input.state,
        on: input.on,
        version: 1,
        updatedAt: at,
        updatedBy: actorLabel(actor),
      };
      return db.transaction().execute(async (trx) => {
        await store.insertNomination(trx, nomination, at, actorLabel(actor));
        await recordAudit(trx, actor, { action: 'nomination.create', entityType: 'nomination', entityId: nomination.id, after: nomination });
        return nomination;
      });
    },

    async updateNomination(actor: Actor, id: string, patch: PatchNominationBody): Promise<Nomination> {
      requireAccess(actor, 'internal:read');
      return db.transaction().execute(async (trx) => {
        const current = await store.findNomination(trx, id);
        if (!current) throw notFound('nomination_not_found', `There is no nomination "${id}".`);
        requireAccess(actor, 'office-data:write', { office: current.office });
        if (patch.version !== current.version) {
          throw conflict('version_conflict', `The nomination changed since version ${patch.version}; it is now at version ${current.version}.`);
        }
        const next: Nomination = {
          ...current,
          candidate: patch.candidate ?? current.candidate,
          state: patch.state ?? current.state,
          on: patch.on ?? current.on,
          version: current.version + 1,
          updatedAt: now(),
          updatedBy: actorLabel(actor),
        };
        if (!(await store.updateNomination(trx, next, patch.version))) throw conflict('version_conflict', 'The nomination changed while saving.');
        await recordAudit(trx, actor, { action: 'nomination.update', entityType: 'nomination', entityId: id, before: current, after: next });
        return next;
      });
    },

    /** Vacancies, outreach and nominations of a study period by region and country; each position's view by id. */
    async overview(actor: Actor, studyPeriod: string | null, region?: RegionCode): Promise<{ overview: VacancyOverview; views: ReadonlyMap<string, PositionView> }> {
      requireAccess(actor, 'internal:read');
      const found = await store.listPositions(db, { studyPeriod: studyPeriod ?? undefined });
      const positions = found.map((p) => p.position);
      const [outreach, nominations] = await Promise.all([
        store.listOutreach(db, { studyPeriod: studyPeriod ?? undefined }),
        store.listNominations(db, { positions: positions.map((p) => p.id) }),
      ]);
      const views = new Map(found.map((f) => [f.position.id, { ...f, nominations: nominations.filter((n) => n.position === f.position.id).length }]));
      return { overview: vacancyOverview(studyPeriod, positions, outreach, nominations, (c) => regionOfCountry(c)?.region ?? null, REGION_CODES, region), views };
    },

    /**
     * The positions of `data/reference/positions.json`, loaded as `fieldbook seed` loads the
     * registry (decision 23): new and changed ones written, ones edited in the workspace kept and named.
     */
    async loadReference(actor: Actor, records: readonly PositionRecord[]): Promise<{ positions: number; kept: string[] }> {
      requireAccess(actor, 'users:manage');
      const fromFiles: Position[] = records.map((r) => ({ id: referencePositionId(r), ...r }));
      return db.transaction().execute(async (trx) => {
        const stored = new Map((await store.listPositions(trx)).map(({ position, mark }) => [position.id, { value: position, edited: mark.editedAt !== null }]));
        const plan = seedPlan(fromFiles, stored, (p) => p.id);
        for (const position of plan.write) await store.upsertReferencePosition(trx, position);
        return { positions: fromFiles.length, kept: plan.kept };
      });
    },
  };
}
