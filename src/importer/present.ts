/** What of an import batch leaves the server. */
import type { z } from 'zod';
import { summarise, type ImportBatch, type Proposal } from './model.ts';
import { MAX_UNPLACED_LISTED } from './pipeline/index.ts';
import type { batchResponse, batchSummaryResponse, proposalResponse } from './schemas.ts';

export function presentProposal(proposal: Proposal): z.infer<typeof proposalResponse> {
  return {
    ...proposal.activity,
    position: proposal.position,
    state: proposal.state,
    activityId: proposal.activityId,
    decidedAt: proposal.decidedAt,
    decidedBy: proposal.decidedBy,
    version: proposal.version,
  };
}

export function presentBatchSummary(batch: ImportBatch, proposals: readonly Proposal[] | null): z.infer<typeof batchSummaryResponse> {
  const count = (state: Proposal['state']) => proposals?.filter((p) => p.state === state).length ?? 0;
  return {
    id: batch.id,
    document: batch.documentName,
    format: batch.format,
    office: batch.office,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    header: batch.header,
    period: batch.period,
    counts: { proposed: count('proposed'), accepted: count('accepted'), rejected: count('rejected'), unplaced: batch.unplacedCount },
  };
}

export function presentBatch(
  batch: ImportBatch,
  proposals: Proposal[],
  extra: { existing?: boolean; duplicates?: number } = {},
): z.infer<typeof batchResponse> {
  return {
    ...presentBatchSummary(batch, proposals),
    ...extra,
    summary: summarise(proposals.map((p) => p.activity)),
    sections: batch.sections as unknown as Array<Record<string, unknown>>,
    proposals: proposals.map(presentProposal),
    // Batches stored before the list was bounded listed every passage.
    unplaced: batch.unplaced.slice(0, MAX_UNPLACED_LISTED),
  };
}
