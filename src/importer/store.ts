/** All SQL of import batches and proposals. */
import type { Executor } from '#src/db/schema.ts';
import type { ImportBatch, Proposal, ProposalState } from './model.ts';
import type { ProposedActivity } from './model.ts';
import type { ImportBatchRow, ImportProposalRow } from './tables.ts';

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
      created_at: batch.createdAt,
      created_by: batch.createdBy,
    })
    .execute();
  for (let i = 0; i < proposals.length; i += 200) {
    await ex
      .insertInto('import_proposal')
      .values(
        proposals.slice(i, i + 200).map((p) => ({
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
        })),
      )
      .execute();
  }
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
