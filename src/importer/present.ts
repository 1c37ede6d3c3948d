/** What of an import batch leaves the server. */
import type { z } from 'zod';
import { activityPresenterFor, type PresentationSource } from '#src/activities/present.ts';
import type { Actor } from '#src/platform/access.ts';
import type { ProposalDuplicates } from './service.ts';
import { batchCounts, batchDone, countsOf, summarise, type BatchCounts, type ImportBatch, type Passage, type Proposal } from './model.ts';
import { MAX_UNPLACED_LISTED } from './pipeline/index.ts';
import type { batchResponse, duplicatesResponse, batchSummaryResponse, passageResponse, proposalResponse } from './schemas.ts';

export function presentProposal(proposal: Proposal): z.infer<typeof proposalResponse> {
  return {
    ...proposal.activity,
    match: proposal.match,
    position: proposal.position,
    state: proposal.state,
    activityId: proposal.activityId,
    decidedAt: proposal.decidedAt,
    decidedBy: proposal.decidedBy,
    version: proposal.version,
  };
}

export function presentBatchSummary(batch: ImportBatch, counts: BatchCounts): z.infer<typeof batchSummaryResponse> {
  return {
    id: batch.id,
    document: batch.documentName,
    format: batch.format,
    office: batch.office,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    header: batch.header,
    period: batch.period,
    counts,
    done: batchDone(counts),
    emptyReason: batch.emptyReason,
  };
}

export function presentPassage(passage: Passage): z.infer<typeof passageResponse> {
  return passage;
}

export function presentBatch(
  { batch, proposals, passages }: { batch: ImportBatch; proposals: Proposal[]; passages: Passage[] },
  extra: { existing?: boolean; duplicates?: number } = {},
): z.infer<typeof batchResponse> {
  const decided = passages.filter((p) => p.state !== 'open').length;
  return {
    ...presentBatchSummary(batch, batchCounts(batch, countsOf(proposals), decided)),
    ...extra,
    summary: summarise(proposals.map((p) => p.activity)),
    sections: batch.sections as unknown as Array<Record<string, unknown>>,
    proposals: proposals.map(presentProposal),
    // Batches stored before the list was bounded listed every passage.
    unplaced: batch.unplaced.slice(0, MAX_UNPLACED_LISTED),
    decisions: passages.filter((p) => p.version > 0).map(({ text: _text, section: _section, line: _line, ...decision }) => decision),
  };
}

/** Each open proposal's possible duplicates, the activities as the register presents them to this reader. */
export async function presentProposalDuplicates(actor: Actor, source: PresentationSource, found: readonly ProposalDuplicates[]): Promise<z.infer<typeof duplicatesResponse>> {
  const present = await activityPresenterFor(actor, source, found.flatMap((d) => d.candidates.map((c) => c.activity)));
  return {
    data: found.map((d) => ({ position: d.position, comparable: d.comparable, candidates: d.candidates.map((c) => ({ activity: present(c.activity), score: c.score, reasons: c.reasons })) })),
  };
}
