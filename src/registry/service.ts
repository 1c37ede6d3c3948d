/** Use cases of the registry: public reads of the regional presence, and loading reference data. */
import type { Kysely } from 'kysely';
import { historyOf, recordAudit, type HistoryEntry } from '#src/audit/service.ts';
import { actorLabel, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import { newId } from '#src/platform/ids.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import { isCountryCode } from './countries.ts';
import {
  presenceSummary,
  seedPlan,
  spanProblem,
  type Assignment,
  type Body,
  type EditMark,
  type Office,
  type Person,
  type PresenceSummary,
  type Region,
  type StoredAssignment,
} from './model.ts';
import { registryObjectsOf, type ReferenceData } from './reference-data.ts';
import type { CreateBodyBody, CreateHeadBody, CreateOfficeBody, PatchBodyBody, PatchHeadBody, PatchOfficeBody } from './schemas.ts';
import * as store from './store.ts';

export interface OfficeDetails {
  office: Office;
  /** Every head-of-office assignment, oldest first; presenters pick the one for a day. */
  assignments: Assignment[];
  /** Area offices under a regional office. */
  children: string[];
}

export interface SeedSummary {
  regions: number;
  offices: number;
  people: number;
  assignments: number;
  bodies: number;
  /** Records the files change but the workspace has edited: left as the workspace has them (decision 23). */
  kept: Record<string, string[]>;
}

/** An office as the workspace edits it: its details, its version and edit mark, each head's. */
export interface OfficeRecord {
  details: OfficeDetails;
  mark: EditMark;
  headMarks: ReadonlyMap<string, EditMark>;
}

export interface BodyRecord {
  body: Body;
  mark: EditMark;
}

/** The whole registry as anyone may read it, as it was at one moment. */
export interface RegistrySnapshot {
  regions: Region[];
  offices: OfficeDetails[];
  bodies: Body[];
}

/**
 * How long a snapshot serves unless told (REGISTRY_SNAPSHOT_SECONDS). Reference data changes only
 * on `fieldbook seed`, while every list request, every write of the register and every site page
 * needs it; a seed shows within this on every instance, each keeping its own snapshot.
 */
export const SNAPSHOT_TTL_MS = 30_000;

/**
 * A view built from a snapshot once, not on every call: `perSnapshot(build)(snapshot)` builds
 * for a snapshot it has not seen and returns the same view until the snapshot is replaced.
 */
export function perSnapshot<T>(build: (snapshot: RegistrySnapshot) => T): (snapshot: RegistrySnapshot) => T {
  const built = new WeakMap<RegistrySnapshot, { view: T }>();
  return (snapshot) => {
    let entry = built.get(snapshot);
    if (!entry) {
      entry = { view: build(snapshot) };
      built.set(snapshot, entry);
    }
    return entry.view;
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;

export function createRegistryService(db: Kysely<Database>, options: { snapshotTtlMs?: number } = {}) {
  const snapshotTtlMs = options.snapshotTtlMs ?? SNAPSHOT_TTL_MS;
  /** Adds heads and area offices; children are looked up among every office, not just the given ones. */
  async function withDetails(offices: Office[], ex: Executor = db): Promise<OfficeDetails[]> {
    if (offices.length === 0) return [];
    const everyOffice = await store.listOffices(ex);
    const assignments = await store.listAssignments(ex, { offices: offices.map((o) => o.code) });
    return offices.map((office) => ({
      office,
      assignments: assignments.filter((a) => a.office === office.code),
      children: everyOffice.filter((o) => o.parent === office.code).map((o) => o.code),
    }));
  }

  let cachedSnapshot: { at: number; value: Promise<RegistrySnapshot> } | null = null;

  async function readSnapshot(): Promise<RegistrySnapshot> {
    const [regions, offices, bodies] = await Promise.all([
      store.listRegions(db),
      store.listOffices(db, {}).then(withDetails),
      store.listBodies(db, {}),
    ]);
    return { regions, offices, bodies };
  }

  /** After a write: the next reader builds a new snapshot (other instances within snapshotTtlMs). */
  const invalidate = (): void => {
    cachedSnapshot = null;
  };
  const editOf = (actor: Actor): store.EditedBy => ({ at: new Date().toISOString(), by: actorLabel(actor) });

  async function officeRecordOf(ex: Executor, code: string): Promise<OfficeRecord> {
    const office = await store.findOffice(ex, code);
    const mark = await store.officeMark(ex, code);
    if (!office || !mark) throw notFound('office_not_found', `There is no office with the code "${code}".`);
    const [details] = await withDetails([office], ex);
    return { details: details!, mark, headMarks: await store.officeAssignmentMarks(ex, code) };
  }

  async function bodyRecordOf(ex: Executor, code: string): Promise<BodyRecord> {
    const body = await store.findBody(ex, code);
    const mark = await store.bodyMark(ex, code);
    if (!body || !mark) throw notFound('body_not_found', `There is no body with the code "${code}".`);
    return { body, mark };
  }

  /** Where an office points and what it covers, against the registry as it is. */
  async function officeIssues(ex: Executor, office: Office): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    if (office.parent !== null) {
      const parent = await store.findOffice(ex, office.parent);
      if (!parent) issues.push(issue('body.parent', 'unknown_office', `no office has the code ${office.parent}`, { value: office.parent }));
      else if (parent.kind !== 'regional') issues.push(issue('body.parent', 'invalid', `${office.parent} is not a regional office`));
    }
    if (office.kind === 'area' && office.parent === null) issues.push(issue('body.parent', 'required', 'an area office needs its regional office'));
    if (!isCountryCode(office.country)) issues.push(issue('body.country', 'unknown_country', `${office.country} is not a current ISO 3166 country code`, { value: office.country }));
    for (const [i, country] of (office.countriesCovered ?? []).entries()) {
      if (!isCountryCode(country)) issues.push(issue(`body.countriesCovered.${i}`, 'unknown_country', `${country} is not a current ISO 3166 country code`, { value: country }));
    }
    if (spanProblem({ from: office.openedOn, to: office.closedOn })) {
      issues.push(issue('body.closedOn', 'before_start', 'is before openedOn', { from: office.openedOn ?? '', to: office.closedOn ?? '' }));
    }
    return issues;
  }

  async function bodyIssues(ex: Executor, body: Body): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    if (body.parent !== null && !(await store.findBody(ex, body.parent))) issues.push(issue('body.parent', 'unknown_body', `no body has the code ${body.parent}`, { value: body.parent }));
    if (spanProblem(body)) issues.push(issue('body.to', 'before_start', 'is before from', { from: body.from ?? '', to: body.to ?? '' }));
    return issues;
  }

  /** The person a head names: one the registry knows (renamed if the name changed), or a new one. */
  async function personFor(ex: Executor, given: CreateHeadBody['person'], edit: store.EditedBy): Promise<Person> {
    if (given.id !== undefined) {
      const known = await store.findPerson(ex, given.id);
      if (!known) throw invalid([issue('body.person.id', 'unknown_person', `no person has the id ${given.id}`, { value: given.id })]);
      const person = { ...known, honorific: given.honorific, name: given.name };
      if (person.honorific !== known.honorific || person.name !== known.name) await store.updatePerson(ex, person, edit);
      return person;
    }
    const person: Person = { id: newId(), honorific: given.honorific, name: given.name, email: null };
    await store.insertPerson(ex, person, edit);
    return person;
  }

  const headSnapshot = (a: StoredAssignment, person: Person) => ({
    person: [person.honorific, person.name].filter(Boolean).join(' '),
    title: a.title,
    from: a.from,
    to: a.to,
    source: a.source,
    confirmed: a.confirmed,
  });
  const officeSnapshot = ({ code: _code, ...rest }: Office) => rest;
  const bodySnapshot = ({ code: _code, ...rest }: Body) => rest;

  return {
    /** The registry read at most once every snapshotTtlMs for all who ask; a failed read is not kept. */
    async snapshot(actor: Actor): Promise<RegistrySnapshot> {
      requireAccess(actor, 'registry:read');
      const now = Date.now();
      if (!cachedSnapshot || now - cachedSnapshot.at > snapshotTtlMs) {
        const value = readSnapshot();
        cachedSnapshot = { at: now, value };
        value.catch(() => {
          if (cachedSnapshot?.value === value) cachedSnapshot = null;
        });
      }
      return cachedSnapshot.value;
    },

    async listRegions(actor: Actor): Promise<Region[]> {
      requireAccess(actor, 'registry:read');
      return store.listRegions(db);
    },

    async listOffices(actor: Actor, filter: store.OfficeFilter): Promise<OfficeDetails[]> {
      requireAccess(actor, 'registry:read');
      return withDetails(await store.listOffices(db, filter));
    },

    async getOffice(actor: Actor, code: string): Promise<OfficeDetails> {
      requireAccess(actor, 'registry:read');
      const office = await store.findOffice(db, code);
      if (!office) throw notFound('office_not_found', `There is no office with the code "${code}".`);
      const [details] = await withDetails([office]);
      return details!;
    },

    async listBodies(actor: Actor, filter: store.BodyFilter): Promise<Body[]> {
      requireAccess(actor, 'registry:read');
      return store.listBodies(db, filter);
    },

    async getBody(actor: Actor, code: string): Promise<Body> {
      requireAccess(actor, 'registry:read');
      const body = await store.findBody(db, code);
      if (!body) throw notFound('body_not_found', `There is no body with the code "${code}".`);
      return body;
    },

    /** Every director assignment of a bureau, oldest first (decision 24); `directorOn` picks the one for a day. */
    async directors(actor: Actor, bureau: string): Promise<Assignment[]> {
      requireAccess(actor, 'registry:read');
      return store.listAssignments(db, { role: 'director', bureau });
    },

    async presence(actor: Actor, day: string): Promise<PresenceSummary> {
      requireAccess(actor, 'registry:read');
      const [offices, regions] = await Promise.all([store.listOffices(db), store.listRegions(db)]);
      return presenceSummary(offices, regions, day);
    },

    /**
     * Loads checked reference data in one transaction: all of it or, on any error, none. Records
     * the workspace has edited are left as they are and named in `kept`; records the files hold
     * unchanged are not written again (decision 23).
     */
    async loadReference(actor: Actor, data: ReferenceData): Promise<SeedSummary> {
      requireAccess(actor, 'users:manage');
      const objects = registryObjectsOf(data);
      const summary: SeedSummary = await db.transaction().execute(async (trx) => {
        const storedOf = async <T>(table: 'office' | 'body' | 'person' | 'assignment', rows: Promise<T[]>, key: (t: T) => string) => {
          const edited = await store.editedKeys(trx, table);
          return new Map((await rows).map((value) => [key(value), { value, edited: edited.has(key(value)) }]));
        };
        const offices = seedPlan(objects.offices, await storedOf('office', store.listOffices(trx), (o) => o.code), (o) => o.code);
        const bodies = seedPlan(objects.bodies, await storedOf('body', store.listBodies(trx), (b) => b.code), (b) => b.code);
        const people = seedPlan(objects.people, await storedOf('person', store.listPeople(trx), (p) => p.id), (p) => p.id);
        const assignments = seedPlan(objects.assignments, await storedOf('assignment', store.listStoredAssignments(trx), (a) => a.id), (a) => a.id);
        for (const region of objects.regions) await store.upsertRegion(trx, region);
        for (const body of parentsFirst(bodies.write, (b) => b.code, (b) => b.parent)) await store.upsertBody(trx, body);
        for (const office of parentsFirst(offices.write, (o) => o.code, (o) => o.parent)) await store.upsertOffice(trx, office);
        for (const person of people.write) await store.upsertPerson(trx, person);
        for (const assignment of assignments.write) await store.upsertAssignment(trx, assignment);
        const loaded: SeedSummary = {
          regions: data.regions.length,
          offices: data.offices.length,
          people: data.people.length,
          assignments: data.assignments.length,
          bodies: data.bodies.length,
          kept: { offices: offices.kept, bodies: bodies.kept, people: people.kept, assignments: assignments.kept },
        };
        await recordAudit(trx, actor, { action: 'reference.load', entityType: 'reference', entityId: 'regional-presence', after: loaded });
        return loaded;
      });
      // `fieldbook seed` is its own process: the servers see it within snapshotTtlMs, as before.
      return summary;
    },

    // ---- the registry kept in the workspace (decision 23) ----

    async officeRecord(actor: Actor, code: string): Promise<OfficeRecord> {
      requireAccess(actor, 'internal:read');
      return officeRecordOf(db, code);
    },

    async createOffice(actor: Actor, input: CreateOfficeBody): Promise<OfficeRecord> {
      requireAccess(actor, 'registry:write');
      const office: Office = registryObjectsOf({ regions: [], offices: [input], people: [], assignments: [], bodies: [] }).offices[0]!;
      const record = await db.transaction().execute(async (trx) => {
        if (await store.findOffice(trx, office.code)) throw invalid([issue('body.code', 'code_taken', `the code ${office.code} is already used`, { value: office.code })]);
        const issues = await officeIssues(trx, office);
        if (issues.length > 0) throw invalid(issues);
        await store.insertOffice(trx, office, editOf(actor));
        await recordAudit(trx, actor, { action: 'office.create', entityType: 'office', entityId: office.code, after: officeSnapshot(office) });
        return officeRecordOf(trx, office.code);
      });
      invalidate();
      return record;
    },

    async updateOffice(actor: Actor, code: string, patch: PatchOfficeBody): Promise<OfficeRecord> {
      requireAccess(actor, 'registry:write');
      const record = await db.transaction().execute(async (trx) => {
        const current = await officeRecordOf(trx, code);
        if (patch.version !== current.mark.version) {
          throw conflict('version_conflict', `The office changed since version ${patch.version}; it is now at version ${current.mark.version}.`);
        }
        const before = current.details.office;
        const { version } = patch;
        const office: Office = {
          code,
          kind: patch.kind ?? before.kind,
          region: patch.region ?? before.region,
          parent: patch.parent === undefined ? before.parent : patch.parent,
          names: patch.name ?? before.names,
          cityNames: patch.city ?? before.cityNames,
          country: patch.country ?? before.country,
          coordinates: patch.coordinates ?? before.coordinates,
          countriesCovered: patch.countriesCovered === undefined ? before.countriesCovered : patch.countriesCovered,
          coverageConfirmed: patch.coverageConfirmed ?? before.coverageConfirmed,
          openedOn: patch.openedOn === undefined ? before.openedOn : patch.openedOn,
          closedOn: patch.closedOn === undefined ? before.closedOn : patch.closedOn,
          confirmed: patch.confirmed ?? before.confirmed,
          note: patch.note === undefined ? before.note : patch.note,
        };
        const issues = await officeIssues(trx, office);
        if (issues.length > 0) throw invalid(issues);
        if (!(await store.updateOffice(trx, office, version, editOf(actor)))) throw conflict('version_conflict', 'The office changed while saving.');
        await recordAudit(trx, actor, { action: 'office.update', entityType: 'office', entityId: code, before: officeSnapshot(before), after: officeSnapshot(office) });
        return officeRecordOf(trx, code);
      });
      invalidate();
      return record;
    },

    /** A head of office over time: who, with which title, from and to which day. */
    async addHead(actor: Actor, code: string, input: CreateHeadBody): Promise<OfficeRecord> {
      requireAccess(actor, 'registry:write');
      const record = await db.transaction().execute(async (trx) => {
        await officeRecordOf(trx, code);
        const edit = editOf(actor);
        const person = await personFor(trx, input.person, edit);
        const assignment: StoredAssignment = {
          id: newId(),
          personId: person.id,
          role: 'head-of-office',
          office: code,
          bureau: null,
          title: input.title,
          from: input.from,
          to: input.to,
          source: input.source,
          confirmed: input.confirmed,
        };
        await store.insertAssignment(trx, assignment, edit);
        await recordAudit(trx, actor, { action: 'office.head.add', entityType: 'office', entityId: code, after: headSnapshot(assignment, person) });
        return officeRecordOf(trx, code);
      });
      invalidate();
      return record;
    },

    async updateHead(actor: Actor, code: string, id: string, patch: PatchHeadBody): Promise<OfficeRecord> {
      requireAccess(actor, 'registry:write');
      const record = await db.transaction().execute(async (trx) => {
        const current = await officeRecordOf(trx, code);
        const existing = current.details.assignments.find((a) => a.id === id && a.role === 'head-of-office');
        const mark = current.headMarks.get(id);
        if (!existing || !mark) throw notFound('head_not_found', `Office ${code} has no head assignment ${id}.`);
        if (patch.version !== mark.version) {
          throw conflict('version_conflict', `The head assignment changed since version ${patch.version}; it is now at version ${mark.version}.`);
        }
        const edit = editOf(actor);
        const person = patch.person ? await personFor(trx, patch.person, edit) : existing.person;
        const { person: _p, ...stored } = existing;
        const before: StoredAssignment = { ...stored, personId: existing.person.id };
        const after: StoredAssignment = {
          ...before,
          personId: person.id,
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.from !== undefined ? { from: patch.from } : {}),
          ...(patch.to !== undefined ? { to: patch.to } : {}),
          ...(patch.source !== undefined ? { source: patch.source } : {}),
          ...(patch.confirmed !== undefined ? { confirmed: patch.confirmed } : {}),
        };
        if (spanProblem(after)) throw invalid([issue('body.to', 'before_start', 'is before from', { from: after.from ?? '', to: after.to ?? '' })]);
        if (!(await store.updateAssignment(trx, after, patch.version, edit))) throw conflict('version_conflict', 'The head assignment changed while saving.');
        await recordAudit(trx, actor, { action: 'office.head.update', entityType: 'office', entityId: code, before: headSnapshot(before, existing.person), after: headSnapshot(after, person) });
        return officeRecordOf(trx, code);
      });
      invalidate();
      return record;
    },

    /** Who changed the office and its heads, when, and what (oldest first). */
    async officeHistory(actor: Actor, code: string): Promise<HistoryEntry[]> {
      requireAccess(actor, 'internal:read');
      await officeRecordOf(db, code);
      return historyOf(db, 'office', code);
    },

    async bodyRecord(actor: Actor, code: string): Promise<BodyRecord> {
      requireAccess(actor, 'internal:read');
      return bodyRecordOf(db, code);
    },

    async createBody(actor: Actor, input: CreateBodyBody): Promise<BodyRecord> {
      requireAccess(actor, 'registry:write');
      const body: Body = registryObjectsOf({ regions: [], offices: [], people: [], assignments: [], bodies: [input] }).bodies[0]!;
      const record = await db.transaction().execute(async (trx) => {
        if (await store.findBody(trx, body.code)) throw invalid([issue('body.code', 'code_taken', `the code ${body.code} is already used`, { value: body.code })]);
        const issues = await bodyIssues(trx, body);
        if (issues.length > 0) throw invalid(issues);
        await store.insertBody(trx, body, editOf(actor));
        await recordAudit(trx, actor, { action: 'body.create', entityType: 'body', entityId: body.code, after: bodySnapshot(body) });
        return bodyRecordOf(trx, body.code);
      });
      invalidate();
      return record;
    },

    /** A body renamed, dated, or given its title for a new study period. */
    async updateBody(actor: Actor, code: string, patch: PatchBodyBody): Promise<BodyRecord> {
      requireAccess(actor, 'registry:write');
      const record = await db.transaction().execute(async (trx) => {
        const current = await bodyRecordOf(trx, code);
        if (patch.version !== current.mark.version) {
          throw conflict('version_conflict', `The body changed since version ${patch.version}; it is now at version ${current.mark.version}.`);
        }
        const before = current.body;
        const terms = patch.terms
          ? [...before.terms.filter((t) => !patch.terms!.some((p) => p.studyPeriod === t.studyPeriod)), ...patch.terms.map((t) => ({ studyPeriod: t.studyPeriod, names: t.name, confirmed: t.confirmed }))].sort((a, b) =>
              a.studyPeriod.localeCompare(b.studyPeriod),
            )
          : before.terms;
        const body: Body = {
          ...before,
          ...(patch.name ? { names: patch.name } : {}),
          ...(patch.parent !== undefined ? { parent: patch.parent } : {}),
          ...(patch.region !== undefined ? { region: patch.region } : {}),
          ...(patch.aliases ? { aliases: patch.aliases } : {}),
          ...(patch.from !== undefined ? { from: patch.from } : {}),
          ...(patch.to !== undefined ? { to: patch.to } : {}),
          ...(patch.place !== undefined ? { place: patch.place } : {}),
          ...(patch.confirmed !== undefined ? { confirmed: patch.confirmed } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          terms,
        };
        const issues = await bodyIssues(trx, body);
        if (issues.length > 0) throw invalid(issues);
        if (!(await store.updateBody(trx, body, patch.version, editOf(actor)))) throw conflict('version_conflict', 'The body changed while saving.');
        await recordAudit(trx, actor, { action: 'body.update', entityType: 'body', entityId: code, before: bodySnapshot(before), after: bodySnapshot(body) });
        return bodyRecordOf(trx, code);
      });
      invalidate();
      return record;
    },

    async bodyHistory(actor: Actor, code: string): Promise<HistoryEntry[]> {
      requireAccess(actor, 'internal:read');
      await bodyRecordOf(db, code);
      return historyOf(db, 'body', code);
    },
  };
}

/** Orders records so that each comes after the record it points to (foreign keys insert cleanly). */
function parentsFirst<T>(items: readonly T[], key: (t: T) => string, parent: (t: T) => string | null): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (item: T, depth: number): void => {
    const k = key(item);
    if (placed.has(k) || depth > items.length) return;
    const p = parent(item);
    const parentItem = p === null ? undefined : byKey.get(p);
    if (parentItem) place(parentItem, depth + 1);
    placed.add(k);
    ordered.push(item);
  };
  for (const item of items) place(item, 0);
  return ordered;
}
