/**
 * Use cases of importing reports: read a document, propose activities, let a person accept,
 * edit or reject each; accepted ones enter the register as ordinary activities with provenance.
 */
import { suggestPlanLinks } from '#src/plans/suggest.ts';
import type { Kysely } from 'kysely';
import type { Activity } from '#src/activities/model.ts';
import type { CreateActivityBody, PatchActivityBody } from '#src/activities/schemas.ts';
import type { ActivityService, Alongside } from '#src/activities/service.ts';
import { activitiesQuery } from '#src/activities/schemas.ts';
import { recordAudit } from '#src/audit/service.ts';
import { actorLabel, ANONYMOUS, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, isAppError, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import { afterBulkLoad } from '#src/platform/statistics.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { RegistryService } from '#src/registry/service.ts';
import type { Candidate, DuplicateService } from '#src/duplicates/service.ts';
import { completeFuzzyDate } from '#src/activities/fuzzy-date.ts';
import {
  activityInputOf,
  batchCounts,
  countsOf,
  emptyReasonOf,
  fingerprintOf,
  forOffice,
  hashBytes,
  passagesOf,
  relatedInRegister,
  type BatchCounts,
  type ImportBatch,
  type Passage,
  type PassageDecision,
  type Proposal,
} from './model.ts';
import { matchInRegister, type RegisterMatch } from './matches.ts';
import { readPassage } from './passages.ts';
import type { ImportContext, ImportProposal, ProposedActivity } from './model.ts';
import { readReportInWorker } from './reading.ts';
import type { EditProposalBody } from './schemas.ts';
import * as store from './store.ts';

export interface UploadedDocument {
  name: string;
  /** `importDocument` hands them to the thread that reads them: they are empty afterwards. */
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Keep only this office's items. Editors import for their own office. */
  office?: string | null;
  /** The language the document is written in (default English). */
  language?: Language;
}

export interface BatchDetails {
  batch: ImportBatch;
  proposals: Proposal[];
  /** The listed passages it could not place, each with what the reviewer decided. */
  passages: Passage[];
}

/** A batch as the list shows it: what it still holds for review. */
export interface BatchListing {
  batch: ImportBatch;
  counts: BatchCounts;
}

type Create = (input: CreateActivityBody, alongside?: Alongside) => Promise<Activity>;

export interface ImportResult extends BatchDetails {
  /** True when this very document was imported before: the earlier batch comes back. */
  existing: boolean;
  /** Items already proposed by an earlier batch, so not proposed again. */
  duplicates: number;
}

export interface AcceptOutcome {
  accepted: Proposal[];
  /** Each with the problem's code, its field issues (with codes, for the workspace to word) and the problem in English. */
  refused: Array<{ position: number; code: string; issues: FieldIssue[]; problem: string }>;
}

/** What the duplicates check finds for one open proposal, across all offices and headquarters. */
export interface ProposalDuplicates {
  position: number;
  /** False when the proposal has no date precise enough to compare (or the register refuses it as it stands). */
  comparable: boolean;
  candidates: Candidate[];
}

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService(db: Kysely<Database>, registry: RegistryService, activities: ActivityService, duplicates: DuplicateService) {
  /**
   * The duplicates check (decision 21) for each open proposal, as the activity it would become;
   * the same-office activity it already repeats (`match`) is shown on its own and left out here.
   */
  async function duplicatesOf(actor: Actor, details: BatchDetails, language: Language): Promise<ProposalDuplicates[]> {
    const out: ProposalDuplicates[] = [];
    for (const proposal of details.proposals.filter((p) => p.state === 'proposed')) {
      const input = activityInputOf(proposal, details.batch.documentName, language, []);
      if (!input.ok) {
        out.push({ position: proposal.position, comparable: false, candidates: [] });
        continue;
      }
      try {
        const found = await duplicates.check(actor, input.input);
        out.push({ position: proposal.position, comparable: found.comparable, candidates: found.candidates.filter((c) => c.activity.id !== proposal.match?.activity) });
      } catch (error) {
        // A proposal the register refuses as it stands (an unknown body): its accepting says why.
        if (!isAppError(error) || error.kind !== 'invalid') throw error;
        out.push({ position: proposal.position, comparable: false, candidates: [] });
      }
    }
    return out;
  }

  async function context(document: string): Promise<ImportContext> {
    const [offices, bodies, regions] = await Promise.all([
      registry.listOffices(ANONYMOUS, {}),
      registry.listBodies(ANONYMOUS, {}),
      registry.listRegions(ANONYMOUS),
    ]);
    return { offices: offices.map((o) => o.office), bodies, regions, document };
  }

  /** The register's activities of the items' offices over the items' days: what an item may repeat. */
  async function registerAround(actor: Actor, items: readonly ProposedActivity[]): Promise<Activity[]> {
    const dated = items.flatMap((a) => (a.date ? [a.date] : []));
    if (dated.length === 0) return [];
    const from = dated.reduce((min, d) => (d.start < min ? d.start : min), dated[0]!.start);
    const to = dated.reduce((max, d) => (d.end > max ? d.end : max), dated[0]!.end);
    const offices = [...new Set(items.map((a) => a.office))].slice(0, 30);
    const query = activitiesQuery.parse({ office: offices, from, to, undated: 'exclude' });
    try {
      return await activities.listAll(actor, query, (a) => a, 5_000);
    } catch (error) {
      // More than a review could use (or not for this reader to see): matched by their words only.
      if (isAppError(error)) return [];
      throw error;
    }
  }

  /** Editors import for their own office; others may name one or take the whole document. */
  function officeFor(actor: Actor, requested: string | null | undefined): string | null {
    const office = requested ?? (actor.kind === 'user' && actor.role === 'editor' ? actor.office : null);
    requireAccess(actor, 'office-data:write', office === null ? {} : { office });
    return office;
  }

  async function batchOf(actor: Actor, id: string): Promise<BatchDetails> {
    requireAccess(actor, 'internal:read');
    const batch = await store.findBatch(db, id);
    if (!batch) throw notFound('import_not_found', `There is no import ${id}.`);
    const [proposals, decisions] = await Promise.all([store.listProposals(db, id), store.listPassageDecisions(db, id)]);
    return { batch, proposals, passages: passagesOf(batch, decisions) };
  }

  async function passageOf(actor: Actor, batchId: string, position: number) {
    const details = await batchOf(actor, batchId);
    const passage = details.passages.find((p) => p.position === position);
    if (!passage) throw notFound('passage_not_found', `Import ${batchId} lists no passage ${position}.`);
    return { ...details, passage };
  }

  /** Who may decide a passage: someone who writes for the batch's office (or for any office, when the batch is the whole document). */
  function requirePassageAccess(actor: Actor, batch: ImportBatch, office: string | null = batch.office): void {
    requireAccess(actor, 'office-data:write', office === null ? {} : { office });
  }

  async function writePassage(trx: Executor, actor: Actor, passage: Passage, decision: PassageDecision, action: string): Promise<void> {
    if (!(await store.writePassageDecision(trx, decision, passage.version))) throw conflict('version_conflict', 'The passage was decided meanwhile; reload it.');
    const { text: _text, ...before } = passage;
    await recordAudit(trx, actor, { action, entityType: 'import_passage', entityId: `${decision.batchId}/${decision.position}`, before, after: { ...decision, text: passage.text } });
  }

  function decisionOf(actor: Actor, batchId: string, passage: Passage, state: PassageDecision['state'], proposal: number | null): PassageDecision {
    const open = state === 'open';
    return {
      batchId,
      position: passage.position,
      state,
      proposal,
      decidedAt: open ? null : new Date().toISOString(),
      decidedBy: open ? null : actorLabel(actor),
      version: passage.version + 1,
    };
  }

  async function proposalOf(actor: Actor, batchId: string, position: number) {
    const details = await batchOf(actor, batchId);
    const proposal = details.proposals.find((p) => p.position === position);
    if (!proposal) throw notFound('proposal_not_found', `Import ${batchId} has no proposal ${position}.`);
    return { ...details, proposal };
  }

  /**
   * Puts a proposal into the register. The activity and the proposal's new state are written in one
   * transaction, the proposal only if it is still at `expectedVersion`: a proposal rejected or
   * edited meanwhile leaves no activity behind.
   */
  async function decide(
    actor: Actor,
    details: BatchDetails,
    proposal: Proposal,
    language: Language,
    expectedVersion = proposal.version,
    create: Create = (input, alongside) => activities.create(actor, input, alongside),
  ): Promise<Proposal> {
    if (proposal.state === 'accepted') return proposal;
    const input = activityInputOf(proposal, details.batch.documentName, language, relatedInRegister(proposal.position, details.proposals));
    if (!input.ok) throw invalid([issue(`proposals.${proposal.position}`, 'needs_date', input.problem)], 'proposal_incomplete');
    const decidedAt = new Date().toISOString();
    let accepted: Proposal = proposal;
    await create(input.input, async (trx, activity) => {
      accepted = { ...proposal, state: 'accepted', activityId: activity.id, decidedAt, decidedBy: actorLabel(actor), version: expectedVersion + 1 };
      if (!(await store.updateProposal(trx, accepted, expectedVersion))) {
        throw conflict('version_conflict', `The proposal changed since version ${expectedVersion}; reload it.`);
      }
      await recordAudit(trx, actor, { action: 'import.accept', entityType: 'import_proposal', entityId: proposal.id, before: proposal, after: accepted });
    });
    // Later decisions in the same call see this one (for back-to-back links).
    details.proposals = details.proposals.map((p) => (p.id === accepted.id ? accepted : p));
    return accepted;
  }

  /** The proposal decided (rejected) or reopened, as it is to be written. */
  function withRejected(actor: Actor, proposal: Proposal, rejected: boolean): Proposal {
    if (proposal.state === 'accepted') throw conflict('proposal_accepted', 'This proposal is already in the register; change the activity instead.');
    return {
      ...proposal,
      state: rejected ? 'rejected' : 'proposed',
      decidedAt: rejected ? new Date().toISOString() : null,
      decidedBy: rejected ? actorLabel(actor) : null,
      version: proposal.version + 1,
    };
  }

  async function writeRejected(trx: Executor, actor: Actor, proposal: Proposal, next: Proposal): Promise<void> {
    if (!(await store.updateProposal(trx, next, proposal.version))) throw conflict('version_conflict', 'The proposal changed meanwhile; reload it.');
    await recordAudit(trx, actor, { action: next.state === 'rejected' ? 'import.reject' : 'import.reopen', entityType: 'import_proposal', entityId: proposal.id, before: proposal, after: next });
  }

  async function setRejected(actor: Actor, proposal: Proposal, rejected: boolean): Promise<Proposal> {
    const next = withRejected(actor, proposal, rejected);
    await db.transaction().execute((trx) => writeRejected(trx, actor, proposal, next));
    return next;
  }

  /** Reads a document in a worker thread (a heavy one holds up that thread, not the server) and keeps the office's items. */
  async function read(actor: Actor, file: UploadedDocument, options: ImportOptions, handOver: boolean): Promise<{ format: ImportBatch['format']; proposal: ImportProposal; whole: ImportProposal }> {
    const office = officeFor(actor, options.office);
    if (office !== null) await registry.getOffice(actor, office).catch(() => {
      throw invalid([issue('office', 'unknown_office', `unknown office "${office}"`, { value: office })]);
    });
    const { format, proposal } = await readReportInWorker({ name: file.name, bytes: file.bytes, context: await context(file.name) }, { handOver });
    return { format, proposal: forOffice(proposal, office), whole: proposal };
  }

  return {
    /** Reads a document and proposes activities, storing nothing (the command line's --dry-run and --json). */
    async preview(actor: Actor, file: UploadedDocument, options: ImportOptions = {}): Promise<{ format: ImportBatch['format']; proposal: ImportProposal }> {
      const { format, proposal } = await read(actor, file, options, false);
      return { format, proposal };
    },

    /** Stores a batch of proposals; the same document again returns its earlier batch. */
    async importDocument(actor: Actor, file: UploadedDocument, options: ImportOptions = {}): Promise<ImportResult> {
      const office = officeFor(actor, options.office);
      const hash = hashBytes(file.bytes);
      const earlier = await store.findBatchByHash(db, hash, office);
      if (earlier) {
        const [proposals, decisions] = await Promise.all([store.listProposals(db, earlier.id), store.listPassageDecisions(db, earlier.id)]);
        return { batch: earlier, proposals, passages: passagesOf(earlier, decisions), existing: true, duplicates: 0 };
      }

      // The bytes are hashed already: the reading thread may have them.
      const { format, proposal, whole } = await read(actor, file, { ...options, office }, true);
      const fingerprints = proposal.activities.map(fingerprintOf);
      const [proposedBefore, inRegister, around] = await Promise.all([
        store.knownFingerprints(db, fingerprints),
        store.acceptedByFingerprint(db, fingerprints),
        registerAround(actor, proposal.activities),
      ]);
      // Proposed by an earlier batch and still waiting there: not proposed twice. Already in the
      // register: proposed again, with the activity it repeats, for the reviewer to decide.
      const known = new Set([...proposedBefore].filter((fingerprint) => !inRegister.has(fingerprint)));
      const batch: ImportBatch = {
        id: newId(),
        documentName: file.name,
        documentHash: hash,
        format,
        office,
        header: proposal.header,
        period: proposal.period,
        sections: proposal.sections,
        unplaced: proposal.unplaced,
        unplacedCount: proposal.unplacedCount,
        emptyReason: emptyReasonOf(whole, proposal.activities.length, proposal.activities.filter((_, i) => !known.has(fingerprints[i]!)).length),
        createdAt: new Date().toISOString(),
        createdBy: actorLabel(actor),
      };
      const fresh: Array<{ activity: ProposedActivity; fingerprint: string; position: number }> = proposal.activities
        .map((activity, position) => ({ activity, fingerprint: fingerprints[position]!, position }))
        .filter((p) => !known.has(p.fingerprint));
      const matchOf = async (activity: ProposedActivity, fingerprint: string): Promise<RegisterMatch | null> => {
        const id = inRegister.get(fingerprint);
        if (!id) return matchInRegister(activity, around);
        const titles: Readonly<Record<string, string | undefined>> =
          around.find((a) => a.id === id)?.title ?? (await activities.get(actor, id).then((d) => d.activity.title, () => ({})));
        return { activity: id, title: Object.values(titles).find((t): t is string => Boolean(t)) ?? '', why: 'same_text' };
      };
      const matches = await Promise.all(fresh.map((p) => matchOf(p.activity, p.fingerprint)));
      // The plan links the words suggest, for the reviewer to keep or drop.
      const planCatalogue = await activities.planCatalogue();
      const suggested = fresh.map((p) => {
        const a = p.activity;
        // The activity's own words: an item read as several activities shares its passage, not its subject.
        const plans = suggestPlanLinks(planCatalogue, { text: `${a.title}\n${a.description}`, kind: a.kind, bodies: a.bodies, start: a.date?.start ?? null });
        return plans.length > 0 ? { ...a, plans } : a;
      });
      const proposals: Proposal[] = fresh.map((p, i) => ({
        id: newId(),
        batchId: batch.id,
        position: p.position,
        match: matches[i] ?? null,
        fingerprint: p.fingerprint,
        activity: suggested[i]!,
        state: 'proposed',
        activityId: null,
        decidedAt: null,
        decidedBy: null,
        version: 1,
      }));
      await db.transaction().execute(async (trx) => {
        await store.insertBatch(trx, batch, proposals);
        await recordAudit(trx, actor, {
          action: 'import.create',
          entityType: 'import_batch',
          entityId: batch.id,
          after: { document: batch.documentName, hash, proposals: proposals.length, duplicates: known.size, unplaced: batch.unplacedCount },
        });
      });
      return { batch, proposals, passages: passagesOf(batch, []), existing: false, duplicates: proposal.activities.length - proposals.length };
    },

    /** Every batch with its true counts: proposals waiting, accepted, rejected, passages left unplaced. */
    async list(actor: Actor): Promise<BatchListing[]> {
      requireAccess(actor, 'internal:read');
      const batches = await store.listBatches(db);
      const ids = batches.map((b) => b.id);
      const [proposals, decided] = await Promise.all([store.countProposals(db, ids), store.countDecidedPassages(db, ids)]);
      return batches.map((batch) => ({ batch, counts: batchCounts(batch, proposals.get(batch.id)!, decided.get(batch.id) ?? 0) }));
    },

    /** Turns an unplaced passage into a proposal of the batch for `office`, read for what it says (date, place, bodies). */
    async proposePassage(actor: Actor, batchId: string, position: number, version: number, office: string | null | undefined): Promise<{ passage: Passage; proposal: Proposal }> {
      const details = await passageOf(actor, batchId, position);
      const { batch, passage } = details;
      const chosen = office ?? batch.office ?? (actor.kind === 'user' && actor.role === 'editor' ? actor.office : null);
      if (chosen === null) throw invalid([issue('body.office', 'required', 'name the office the passage is about')]);
      requirePassageAccess(actor, batch, chosen);
      if (passage.version !== version) throw conflict('version_conflict', `The passage is at version ${passage.version}, not ${version}.`);
      if (passage.state !== 'open') throw conflict('passage_decided', 'This passage was already dismissed or made a proposal.');
      const [, readingContext] = await Promise.all([
        registry.getOffice(actor, chosen).catch(() => {
          throw invalid([issue('body.office', 'unknown_office', `unknown office "${chosen}"`, { value: chosen })]);
        }),
        context(batch.documentName),
      ]);
      const activity = readPassage(passage, chosen, readingContext);
      return db.transaction().execute(async (trx) => {
        const proposal: Proposal = {
          id: newId(),
          match: null,
          batchId,
          position: await store.nextProposalPosition(trx, batchId),
          fingerprint: fingerprintOf(activity),
          activity,
          state: 'proposed',
          activityId: null,
          decidedAt: null,
          decidedBy: null,
          version: 1,
        };
        const decision = decisionOf(actor, batchId, passage, 'proposed', proposal.position);
        await store.insertProposal(trx, proposal);
        await writePassage(trx, actor, passage, decision, 'import.passage.propose');
        return { passage: { ...passage, ...decision }, proposal };
      });
    },

    /** Dismisses every listed passage still open, all or nothing (a report's preamble, a letter's signature). */
    async dismissOpenPassages(actor: Actor, batchId: string): Promise<Passage[]> {
      const { batch, passages } = await batchOf(actor, batchId);
      requirePassageAccess(actor, batch);
      const open = passages.filter((p) => p.state === 'open');
      const decided = open.map((passage) => ({ passage, decision: decisionOf(actor, batchId, passage, 'dismissed', null) }));
      await db.transaction().execute(async (trx) => {
        for (const { passage, decision } of decided) await writePassage(trx, actor, passage, decision, 'import.passage.dismiss');
      });
      return decided.map(({ passage, decision }) => ({ ...passage, ...decision }));
    },

    /** Dismisses an unplaced passage (`dismissed`), or puts a dismissed one back (`open`). */
    async setPassageDismissed(actor: Actor, batchId: string, position: number, version: number, dismissed: boolean): Promise<Passage> {
      const { batch, passage } = await passageOf(actor, batchId, position);
      requirePassageAccess(actor, batch);
      if (passage.version !== version) throw conflict('version_conflict', `The passage is at version ${passage.version}, not ${version}.`);
      if (passage.state === 'proposed') throw conflict('passage_decided', 'This passage was made a proposal; reject the proposal instead.');
      const decision = decisionOf(actor, batchId, passage, dismissed ? 'dismissed' : 'open', null);
      await db.transaction().execute((trx) => writePassage(trx, actor, passage, decision, dismissed ? 'import.passage.dismiss' : 'import.passage.restore'));
      return { ...passage, ...decision };
    },

    get: batchOf,

    /** Changes a proposal's fields before it is accepted (e.g. gives a missing date). */
    async edit(actor: Actor, batchId: string, position: number, version: number, edit: Omit<EditProposalBody, 'version'>): Promise<Proposal> {
      const { proposal } = await proposalOf(actor, batchId, position);
      const { date, plans, ...rest } = edit;
      const changes: Partial<ProposedActivity> = { ...rest };
      // The plan links kept: the suggestions not dropped (with their words), and any the reviewer added.
      if (plans) {
        const known = (await activities.planCatalogue()).items;
        const unknown = plans.flatMap((item, i) => (known.has(item) ? [] : [issue(`body.plans.${i}`, 'unknown_plan_item', `no plan item "${item}"`, { value: item.slice(0, 80) })]));
        if (unknown.length > 0) throw invalid(unknown);
        changes.plans = plans.map((item) => proposal.activity.plans?.find((s) => s.item === item) ?? { item, words: '' });
      }
      if (date) {
        const { order, ...written } = date;
        const completed = completeFuzzyDate(written, order === undefined ? {} : { order });
        if (!completed.ok) throw invalid([issue(date.text === undefined ? 'body.date' : 'body.date.text', completed.code, completed.error, completed.params)]);
        changes.date = completed.value;
      }
      requireAccess(actor, 'office-data:write', { office: changes.office ?? proposal.activity.office });
      requireAccess(actor, 'office-data:write', { office: proposal.activity.office });
      if (proposal.version !== version) throw conflict('version_conflict', `The proposal is at version ${proposal.version}, not ${version}.`);
      if (proposal.state === 'accepted') throw conflict('proposal_accepted', 'This proposal is already in the register; change the activity instead.');
      const next: Proposal = { ...proposal, activity: { ...proposal.activity, ...changes }, version: proposal.version + 1 };
      await db.transaction().execute(async (trx) => {
        if (!(await store.updateProposal(trx, next, version))) throw conflict('version_conflict', 'The proposal changed meanwhile; reload it.');
        await recordAudit(trx, actor, { action: 'import.edit', entityType: 'import_proposal', entityId: proposal.id, before: proposal, after: next });
      });
      return next;
    },

    /** `version`, when given, is the version the reviewer saw: a proposal changed since is not accepted. */
    async accept(actor: Actor, batchId: string, position: number, language: Language = 'en', version?: number): Promise<Proposal> {
      const details = await proposalOf(actor, batchId, position);
      if (details.proposal.state === 'rejected') throw conflict('proposal_rejected', 'This proposal was rejected; reopen it first.');
      return decide(actor, details, details.proposal, language, version);
    },

    async reject(actor: Actor, batchId: string, position: number): Promise<Proposal> {
      const { proposal } = await proposalOf(actor, batchId, position);
      requireAccess(actor, 'office-data:write', { office: proposal.activity.office });
      return setRejected(actor, proposal, true);
    },

    async reopen(actor: Actor, batchId: string, position: number): Promise<Proposal> {
      const { proposal } = await proposalOf(actor, batchId, position);
      requireAccess(actor, 'office-data:write', { office: proposal.activity.office });
      return setRejected(actor, proposal, false);
    },

    /**
     * Settles a proposal that repeats a register activity by pointing it at that activity
     * (`link`), after adding what the register lacks from it (`merge`: bodies, plan links, a
     * place, a description): no second activity is made. `target` is another activity than the
     * same-office match, e.g. one the duplicates check found at headquarters or in another
     * office: the same event, so the proposal's office joins it with its roles (a shared activity).
     */
    async link(actor: Actor, batchId: string, position: number, version: number, merge: boolean, target?: string): Promise<Proposal> {
      const { proposal } = await proposalOf(actor, batchId, position);
      requireAccess(actor, 'office-data:write', { office: proposal.activity.office });
      const activityId = target ?? proposal.match?.activity;
      if (!activityId) throw conflict('no_match', 'This proposal repeats no activity of the register; accept it instead.');
      if (proposal.version !== version) throw conflict('version_conflict', `The proposal is at version ${proposal.version}, not ${version}.`);
      if (proposal.state !== 'proposed') throw conflict('proposal_decided', 'This proposal was decided already.');
      const { activity } = await activities.get(actor, activityId);
      const a = proposal.activity;
      const joins = !activity.offices.some((o) => o.office === a.office);
      const roles = a.roles.length > 0 ? a.roles : (['participated'] as const);
      const patch: Partial<PatchActivityBody> = joins ? { offices: [...activity.offices, ...roles.map((role) => ({ office: a.office, role }))] } : {};
      if (merge) {
        const bodies = [...new Set([...activity.bodies, ...a.bodies])];
        const plans = [...new Set([...activity.plans, ...(a.plans ?? []).map((s) => s.item)])];
        Object.assign(patch, {
          ...(bodies.length > activity.bodies.length ? { bodies } : {}),
          ...(plans.length > activity.plans.length ? { plans } : {}),
          ...(!activity.place && a.place && (a.place.city || a.place.country) ? { place: { city: a.place.city, country: a.place.country, mode: a.place.online ? ('online' as const) : ('in-person' as const) } } : {}),
          ...(Object.values(activity.description ?? {}).every((d) => !d) && a.description ? { description: { [activity.originalLanguage]: a.description } } : {}),
        });
      }
      if (Object.keys(patch).length > 0) await activities.update(actor, activity.id, { version: activity.version, ...patch } as PatchActivityBody);
      const next: Proposal = { ...proposal, state: 'accepted', activityId, decidedAt: new Date().toISOString(), decidedBy: actorLabel(actor), version: version + 1 };
      await db.transaction().execute(async (trx) => {
        if (!(await store.updateProposal(trx, next, version))) throw conflict('version_conflict', 'The proposal changed meanwhile; reload it.');
        await recordAudit(trx, actor, { action: merge ? 'import.merge' : 'import.link', entityType: 'import_proposal', entityId: proposal.id, before: proposal, after: next });
      });
      return next;
    },

    /** For each open proposal, the register's activities of any office or headquarters that may be the same event, each with why. */
    async duplicates(actor: Actor, batchId: string, language: Language = 'en'): Promise<ProposalDuplicates[]> {
      return duplicatesOf(actor, await batchOf(actor, batchId), language);
    },

    /**
     * Accepts every open proposal it can, in document order, in one transaction: the register
     * refuses some (no date, an unknown body), which stay open, each with its reason; any other
     * failure undoes the whole batch's accepting, so no activity is left with its proposal open.
     */
    async acceptAll(actor: Actor, batchId: string, language: Language = 'en'): Promise<AcceptOutcome> {
      const details = await batchOf(actor, batchId);
      requireAccess(actor, 'office-data:write', { offices: [...new Set(details.proposals.map((p) => p.activity.office))] });
      const open = details.proposals.filter((p) => p.state === 'proposed');
      const outcome: AcceptOutcome = { accepted: [], refused: [] };
      // One already in the register is the reviewer's to link, merge or import anyway: never doubled in bulk.
      for (const p of open.filter((p) => p.match)) {
        const problem = `already in the register as ${p.match!.activity}: link, merge or accept it on its own`;
        outcome.refused.push({ position: p.position, code: 'already_in_register', issues: [issue(`proposals.${p.position}`, 'already_in_register', problem, { value: p.match!.activity })], problem: `proposals.${p.position}: ${problem}` });
      }
      // Nor one the duplicates check finds in another office or at headquarters: linked, related or kept apart one by one.
      const candidates = new Map((await duplicatesOf(actor, { ...details, proposals: open.filter((p) => !p.match) }, language)).map((d) => [d.position, d.candidates]));
      for (const p of open.filter((p) => !p.match && (candidates.get(p.position)?.length ?? 0) > 0)) {
        const ids = candidates.get(p.position)!.map((c) => c.activity.id).join(', ');
        const problem = `may be the same event as ${ids} in the register: link it, relate it or keep it apart on its own`;
        outcome.refused.push({ position: p.position, code: 'possible_duplicate', issues: [issue(`proposals.${p.position}`, 'possible_duplicate', problem, { value: ids })], problem: `proposals.${p.position}: ${problem}` });
      }
      await activities.inOneTransaction(actor, async (create) => {
        for (const proposal of open.filter((p) => !p.match && (candidates.get(p.position)?.length ?? 0) === 0)) {
          try {
            outcome.accepted.push(await decide(actor, details, proposal, language, proposal.version, create));
          } catch (error) {
            // Refusals come before anything of the proposal is written; anything else undoes them all.
            if (!isAppError(error) || error.kind !== 'invalid') throw error;
            const detail = error.extra.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message;
            outcome.refused.push({ position: proposal.position, code: error.code, issues: error.extra.issues ?? [], problem: detail });
          }
        }
      });
      await afterBulkLoad(db, outcome.accepted.length);
      return outcome;
    },

    /**
     * Rejects every open proposal, all or nothing: a caller who may not decide for every office
     * in the batch is refused before anything is written, and the rejections commit together.
     */
    async rejectAll(actor: Actor, batchId: string): Promise<Proposal[]> {
      const details = await batchOf(actor, batchId);
      const open = details.proposals.filter((p) => p.state === 'proposed');
      for (const office of new Set(open.map((p) => p.activity.office))) requireAccess(actor, 'office-data:write', { office });
      const decided = open.map((proposal) => ({ proposal, next: withRejected(actor, proposal, true) }));
      await db.transaction().execute(async (trx) => {
        for (const { proposal, next } of decided) await writeRejected(trx, actor, proposal, next);
      });
      return decided.map((d) => d.next);
    },
  };
}
