/**
 * Use cases of importing reports: read a document, propose activities, let a person accept,
 * edit or reject each; accepted ones enter the register as ordinary activities with provenance.
 */
import type { Kysely } from 'kysely';
import type { ActivityService } from '#src/activities/service.ts';
import { recordAudit } from '#src/audit/service.ts';
import { actorLabel, ANONYMOUS, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, isAppError, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import type { Database, Executor } from '#src/db/schema.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { completeFuzzyDate } from '#src/activities/fuzzy-date.ts';
import {
  activityInputOf,
  fingerprintOf,
  forOffice,
  hashBytes,
  relatedInRegister,
  type ImportBatch,
  type Proposal,
} from './model.ts';
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
}

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

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService(db: Kysely<Database>, registry: RegistryService, activities: ActivityService) {
  async function context(document: string): Promise<ImportContext> {
    const [offices, bodies, regions] = await Promise.all([
      registry.listOffices(ANONYMOUS, {}),
      registry.listBodies(ANONYMOUS, {}),
      registry.listRegions(ANONYMOUS),
    ]);
    return { offices: offices.map((o) => o.office), bodies, regions, document };
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
    return { batch, proposals: await store.listProposals(db, id) };
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
  async function decide(actor: Actor, details: BatchDetails, proposal: Proposal, language: Language, expectedVersion = proposal.version): Promise<Proposal> {
    if (proposal.state === 'accepted') return proposal;
    const input = activityInputOf(proposal, details.batch.documentName, language, relatedInRegister(proposal.position, details.proposals));
    if (!input.ok) throw invalid([issue(`proposals.${proposal.position}`, 'needs_date', input.problem)], 'proposal_incomplete');
    const decidedAt = new Date().toISOString();
    let accepted: Proposal = proposal;
    await activities.create(actor, input.input, async (trx, activity) => {
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
  async function read(actor: Actor, file: UploadedDocument, options: ImportOptions, handOver: boolean): Promise<{ format: ImportBatch['format']; proposal: ImportProposal }> {
    const office = officeFor(actor, options.office);
    if (office !== null) await registry.getOffice(actor, office).catch(() => {
      throw invalid([issue('office', 'unknown_office', `unknown office "${office}"`, { value: office })]);
    });
    const { format, proposal } = await readReportInWorker({ name: file.name, bytes: file.bytes, context: await context(file.name) }, { handOver });
    return { format, proposal: forOffice(proposal, office) };
  }

  return {
    /** Reads a document and proposes activities, storing nothing (the command line's --dry-run and --json). */
    preview(actor: Actor, file: UploadedDocument, options: ImportOptions = {}): Promise<{ format: ImportBatch['format']; proposal: ImportProposal }> {
      return read(actor, file, options, false);
    },

    /** Stores a batch of proposals; the same document again returns its earlier batch. */
    async importDocument(actor: Actor, file: UploadedDocument, options: ImportOptions = {}): Promise<ImportResult> {
      const office = officeFor(actor, options.office);
      const hash = hashBytes(file.bytes);
      const earlier = await store.findBatchByHash(db, hash, office);
      if (earlier) return { batch: earlier, proposals: await store.listProposals(db, earlier.id), existing: true, duplicates: 0 };

      // The bytes are hashed already: the reading thread may have them.
      const { format, proposal } = await read(actor, file, { ...options, office }, true);
      const fingerprints = proposal.activities.map(fingerprintOf);
      const known = await store.knownFingerprints(db, fingerprints);
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
        createdAt: new Date().toISOString(),
        createdBy: actorLabel(actor),
      };
      const fresh: Array<{ activity: ProposedActivity; fingerprint: string; position: number }> = proposal.activities
        .map((activity, position) => ({ activity, fingerprint: fingerprints[position]!, position }))
        .filter((p) => !known.has(p.fingerprint));
      const proposals: Proposal[] = fresh.map((p) => ({
        id: newId(),
        batchId: batch.id,
        position: p.position,
        fingerprint: p.fingerprint,
        activity: p.activity,
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
      return { batch, proposals, existing: false, duplicates: proposal.activities.length - proposals.length };
    },

    async list(actor: Actor): Promise<ImportBatch[]> {
      requireAccess(actor, 'internal:read');
      return store.listBatches(db);
    },

    get: batchOf,

    /** Changes a proposal's fields before it is accepted (e.g. gives a missing date). */
    async edit(actor: Actor, batchId: string, position: number, version: number, edit: Omit<EditProposalBody, 'version'>): Promise<Proposal> {
      const { proposal } = await proposalOf(actor, batchId, position);
      const { date, ...rest } = edit;
      const changes: Partial<ProposedActivity> = { ...rest };
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

    /** Accepts every open proposal it can, in document order; the rest stay open, each with its reason. */
    async acceptAll(actor: Actor, batchId: string, language: Language = 'en'): Promise<AcceptOutcome> {
      const details = await batchOf(actor, batchId);
      requireAccess(actor, 'office-data:write', { offices: [...new Set(details.proposals.map((p) => p.activity.office))] });
      const outcome: AcceptOutcome = { accepted: [], refused: [] };
      for (const proposal of details.proposals.filter((p) => p.state === 'proposed')) {
        try {
          outcome.accepted.push(await decide(actor, details, proposal, language));
        } catch (error) {
          if (!isAppError(error)) throw error;
          const detail = error.extra.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message;
          outcome.refused.push({ position: proposal.position, code: error.code, issues: error.extra.issues ?? [], problem: detail });
        }
      }
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
