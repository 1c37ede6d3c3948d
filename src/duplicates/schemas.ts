/** Zod schemas of the duplicate warnings' requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { RELATION_KINDS } from '#src/activities/model.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { activityResponse, createActivityBody } from '#src/activities/schemas.ts';
import { DECISION_STATES } from './model.ts';

/** A draft as POST /api/activities takes it, and the id of the activity it edits, if any. */
export const checkBody = createActivityBody.extend({
  id: z.uuid('must be an activity id').optional().describe('The activity this draft edits: it is not its own duplicate, and pairs decided about it are not raised again'),
});
export type CheckBody = z.infer<typeof checkBody>;

const isoDay = z.iso.date();
export const pairsQuery = z.object({ from: isoDay, to: isoDay }).strict();
export type PairsQuery = z.infer<typeof pairsQuery>;

const pairIds = z.array(z.uuid('must be an activity id')).length(2, 'names the two activities of the pair');

export const decideBody = z
  .object({
    activities: pairIds.describe('The two activities of the pair, in any order'),
    state: z.enum(['kept_apart', 'related', 'open']).describe('kept_apart needs a reason; related adds the relation; open undoes a decision'),
    reason: z.string().trim().max(1000).optional(),
    relation: z.enum(RELATION_KINDS).optional().describe('For related: the kind of relation (default back-to-back)'),
    version: z.number().int().min(1).optional().describe("The version of the pair's decision this changes, when there is one"),
  })
  .strict();
export type DecideBody = z.infer<typeof decideBody>;

export const linkBody = z
  .object({
    keep: z.uuid('must be an activity id'),
    merge: z.uuid('must be an activity id').describe('Taken into `keep` (offices with their roles, Sectors, bodies), then deleted (restorable)'),
    reason: z.string().trim().max(1000).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type LinkBody = z.infer<typeof linkBody>;

const reasonResponse = z.object({
  code: z.enum(['overlapping_dates', 'near_dates', 'same_body', 'related_body', 'same_country', 'same_region', 'similar_title']),
  days: z.number().optional(),
  body: z.string().optional(),
  other: z.string().optional(),
  country: z.string().optional(),
  region: z.string().optional(),
  similarity: z.number().optional(),
});

export const checkResponse = z.object({
  comparable: z.boolean().describe('False when the date is too vague to compare (a quarter, a year, to be decided): nothing is looked for'),
  candidates: z.array(z.object({ activity: activityResponse, score: z.number(), reasons: z.array(reasonResponse) })),
});

const seenActivity = z.object({ id: z.string(), title: z.partialRecord(z.enum(LANGUAGES), z.string()), date: z.string(), offices: z.array(z.string()) });

export const decisionResponse = z.object({
  activities: z.array(z.string()).describe('The two, the smaller id first'),
  state: z.enum(DECISION_STATES),
  reason: z.string().nullable(),
  day: z.string(),
  seen: z.array(seenActivity).describe('The two as they were when decided'),
  decidedAt: z.string(),
  decidedBy: z.string(),
  version: z.number().int(),
});

export const pairsResponse = z.object({
  from: z.string(),
  to: z.string(),
  partial: z.boolean(),
  pairs: z.array(
    z.object({
      ids: z.array(z.string()).describe('The two, the smaller id first'),
      activities: z.array(activityResponse.nullable()).describe('The two as they are now; null for one gone since (deleted, e.g. merged into the other)'),
      state: z.enum(DECISION_STATES),
      score: z.number().nullable(),
      reasons: z.array(reasonResponse),
      decision: decisionResponse.nullable(),
    }),
  ),
});

export type CheckResponse = z.infer<typeof checkResponse>;
export type PairsResponse = z.infer<typeof pairsResponse>;
export type DecisionResponse = z.infer<typeof decisionResponse>;
