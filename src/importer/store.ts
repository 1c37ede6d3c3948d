/** All SQL of import batches and proposals. */
import type { Executor } from '#src/db/schema.ts';
import { PROPOSAL_STATES, type ImportBatch, type PassageDecision, type PassageState, type Proposal, type ProposalCounts, type ProposalState } from './model.ts';
import type { ProposedActivity } from './model.ts';
import type { ImportBatchRow, ImportPassageRow, ImportProposalRow } from './tables.ts';

function toBatch(row: ImportBatchRow): ImportBatch {
  return {
    id: row.id,
    documentName: row.document_name,
    documentHash: row.document_hash,
    format: row.format as ImportBatch['format'],
    office: row.office_code,
    header: JSON.parse(row.header) as ImportBatch['header'],
    period: row.period === null ? null : (JSON.parse(row.period) as ImportBatch['period']),
    sections: JSON.parse(row.sections) as ImportBatch['sections'],
    unplaced: JSON.parse(row.unplaced) as ImportBatch['unplaced'],
    unplacedCount: Number(row.unplaced_count),
    emptyReason: (row.empty_reason ?? null) as ImportBatch['emptyReason'],
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toProposal(row: ImportProposalRow): Proposal {
  return {
    id: row.id,
    batchId: row.batch_id,
    position: Number(row.position),
    fingerprint: row.fingerprint,
    activity: JSON.parse(row.proposal) as ProposedActivity,
    state: row.state as ProposalState,
    activityId: row.activity_id,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    version: Number(row.version),
    match: row.match === null || row.match === undefined ? null : (JSON.parse(row.match) as Proposal['match']),
  };
}

export async function insertBatch(ex: Executor, batch: ImportBatch, proposals: Proposal[]): Promise<void> {
  await ex
    .insertInto('import_batch')
    .values({
      id: batch.id,
      document_name: batch.documentName,
      document_hash: batch.documentHash,
      format: batch.format,
      office_code: batch.office,
      header: JSON.stringify(batch.header),
      period: batch.period === null ? null : JSON.stringify(batch.period),
      sections: JSON.stringify(batch.sections),
      unplaced: JSON.stringify(batch.unplaced),
      unplaced_count: batch.unplacedCount,
      empty_reason: batch.emptyReason,
      created_at: batch.createdAt,
      created_by: batch.createdBy,
    })
    .execute();
  for (let i = 0; i < proposals.length; i += 200) await insertProposals(ex, proposals.slice(i, i + 200));
}

export async function findBatchByHash(ex: Executor, hash: string, office: string | null): Promise<ImportBatch | null> {
  const row = await ex
    .selectFrom('import_batch')
    .selectAll()
    .where('document_hash', '=', hash)
    .where((eb) => (office === null ? eb('office_code', 'is', null) : eb('office_code', '=', office)))
    .orderBy('created_at')
    .executeTakeFirst();
  return row ? toBatch(row) : null;
}

export async function findBatch(ex: Executor, id: string): Promise<ImportBatch | null> {
  const row = await ex.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toBatch(row) : null;
}

export async function listBatches(ex: Executor): Promise<ImportBatch[]> {
  const rows = await ex.selectFrom('import_batch').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toBatch);
}

/** How many proposals of each batch are in each state, counted by the database. */
export async function countProposals(ex: Executor, batchIds: readonly string[]): Promise<Map<string, ProposalCounts>> {
  const counts = new Map<string, ProposalCounts>(batchIds.map((id) => [id, { proposed: 0, accepted: 0, rejected: 0 }]));
  for (let i = 0; i < batchIds.length; i += 500) {
    const rows = await ex
      .selectFrom('import_proposal')
      .select((eb) => ['batch_id', 'state', eb.fn.countAll<number | string>().as('n')])
      .where('batch_id', 'in', batchIds.slice(i, i + 500))
      .groupBy(['batch_id', 'state'])
      .execute();
    for (const row of rows) {
      const of = counts.get(row.batch_id);
      if (of && (PROPOSAL_STATES as readonly string[]).includes(row.state)) of[row.state as ProposalState] = Number(row.n);
    }
  }
  return counts;
}

export async function listProposals(ex: Executor, batchId: string): Promise<Proposal[]> {
  const rows = await ex.selectFrom('import_proposal').selectAll().where('batch_id', '=', batchId).orderBy('position').execute();
  return rows.map(toProposal);
}

/** Fingerprints already proposed in earlier batches and not rejected there. */
export async function knownFingerprints(ex: Executor, fingerprints: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < fingerprints.length; i += 500) {
    const rows = await ex
      .selectFrom('import_proposal')
      .select('fingerprint')
      .where('fingerprint', 'in', fingerprints.slice(i, i + 500))
      .where('state', '!=', 'rejected')
      .execute();
    for (const row of rows) known.add(row.fingerprint);
  }
  return known;
}

/** The register activities earlier batches' accepted proposals became, by fingerprint. */
export async function acceptedByFingerprint(ex: Executor, fingerprints: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < fingerprints.length; i += 500) {
    const rows = await ex
      .selectFrom('import_proposal')
      .select(['fingerprint', 'activity_id'])
      .where('fingerprint', 'in', fingerprints.slice(i, i + 500))
      .where('state', '=', 'accepted')
      .where('activity_id', 'is not', null)
      .execute();
    for (const row of rows) if (row.activity_id) found.set(row.fingerprint, row.activity_id);
  }
  return found;
}

/** Writes a proposal if it is still at `expectedVersion`; false when someone changed it first. */
export async function updateProposal(ex: Executor, proposal: Proposal, expectedVersion: number): Promise<boolean> {
  const result = await ex
    .updateTable('import_proposal')
    .set({
      proposal: JSON.stringify(proposal.activity),
      state: proposal.state,
      activity_id: proposal.activityId,
      decided_at: proposal.decidedAt,
      decided_by: proposal.decidedBy,
      version: proposal.version,
    })
    .where('id', '=', proposal.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toDecision(row: ImportPassageRow): PassageDecision {
  return {
    batchId: row.batch_id,
    position: Number(row.position),
    state: row.state as PassageState,
    proposal: row.proposal_position === null ? null : Number(row.proposal_position),
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    version: Number(row.version),
  };
}

export async function listPassageDecisions(ex: Executor, batchId: string): Promise<PassageDecision[]> {
  const rows = await ex.selectFrom('import_passage').selectAll().where('batch_id', '=', batchId).orderBy('position').execute();
  return rows.map(toDecision);
}

/** How many passages of each batch were dismissed or made proposals. */
export async function countDecidedPassages(ex: Executor, batchIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(batchIds.map((id) => [id, 0]));
  for (let i = 0; i < batchIds.length; i += 500) {
    const rows = await ex
      .selectFrom('import_passage')
      .select((eb) => ['batch_id', eb.fn.countAll<number | string>().as('n')])
      .where('batch_id', 'in', batchIds.slice(i, i + 500))
      .where('state', '!=', 'open')
      .groupBy('batch_id')
      .execute();
    for (const row of rows) counts.set(row.batch_id, Number(row.n));
  }
  return counts;
}

/**
 * Writes a passage's decision if the passage is still at `expectedVersion` (0: never decided);
 * false when someone decided it first.
 */
export async function writePassageDecision(ex: Executor, decision: PassageDecision, expectedVersion: number): Promise<boolean> {
  const values = {
    state: decision.state,
    proposal_position: decision.proposal,
    decided_at: decision.decidedAt,
    decided_by: decision.decidedBy,
    version: decision.version,
  };
  if (expectedVersion === 0) {
    const result = await ex
      .insertInto('import_passage')
      .values({ batch_id: decision.batchId, position: decision.position, ...values })
      .onConflict((oc) => oc.columns(['batch_id', 'position']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await ex
    .updateTable('import_passage')
    .set(values)
    .where('batch_id', '=', decision.batchId)
    .where('position', '=', decision.position)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The position a proposal added to the batch after it was read takes: after every other. */
export async function nextProposalPosition(ex: Executor, batchId: string): Promise<number> {
  const row = await ex
    .selectFrom('import_proposal')
    .select((eb) => eb.fn.max<number | string | null>('position').as('last'))
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertProposal(ex: Executor, p: Proposal): Promise<void> {
  await insertProposals(ex, [p]);
}

/** Proposals as rows of `import_proposal`. */
function insertProposals(ex: Executor, proposals: readonly Proposal[]) {
  return ex
    .insertInto('import_proposal')
    .values(
      proposals.map((p) => ({
        id: p.id,
        batch_id: p.batchId,
        position: p.position,
        fingerprint: p.fingerprint,
        proposal: JSON.stringify(p.activity),
        state: p.state,
        activity_id: p.activityId,
        decided_at: p.decidedAt,
        decided_by: p.decidedBy,
        version: p.version,
        match: p.match === null ? null : JSON.stringify(p.match),
      })),
    )
    .execute();
}
