/** Import batches as the API lists them. */
import type { z } from 'zod';
import type { batchSummaryResponse } from '#src/importer/schemas.ts';

export type BatchSummary = z.infer<typeof batchSummaryResponse>;

/** A batch with proposals nobody has accepted or rejected yet. */
export const awaitsReview = (batch: BatchSummary): boolean => batch.counts.proposed > batch.counts.accepted + batch.counts.rejected;
