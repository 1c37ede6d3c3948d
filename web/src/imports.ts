/** Import batches as the API lists them. */
import type { z } from 'zod';
import type { batchSummaryResponse } from '#src/importer/schemas.ts';

export type BatchSummary = z.infer<typeof batchSummaryResponse>;

/** A batch with proposals waiting for review, or passages nobody has dismissed or made a proposal. */
export const awaitsReview = (batch: BatchSummary): boolean => !batch.done;

/** What an upload says beside its batch, handed to the review screen: the document was imported before; items an earlier import proposed and still holds. */
export interface UploadOutcome {
  existing: boolean;
  proposedBefore: number;
}
