/** Zod schemas of import requests and responses. */
import { z } from 'zod';
import { DAY_ORDERS } from '#src/activities/fuzzy-date.ts';
import { ACTIVITY_KINDS, OFFICE_ROLES, STATUSES } from '#src/activities/model.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { checkResponse } from '#src/duplicates/schemas.ts';
import { EMPTY_REASONS, PASSAGE_STATES, PROPOSAL_STATES } from './model.ts';

export const batchParams = z.object({ id: z.uuid('must be an import id') });
export const proposalParams = batchParams.extend({ position: z.coerce.number().int().min(0) });
export const languageQuery = z.object({ language: z.enum(LANGUAGES).default('en').describe('Language the document is written in') }).strict();
/** The text fields sent beside the uploaded document. */
export const uploadFields = z
  .object({
    office: z.string().min(1).max(64).optional(),
    language: languageQuery.shape.language,
  })
  .strict();

export const acceptQuery = languageQuery
  .extend({ version: z.coerce.number().int().min(1).optional().describe('The version you reviewed: a proposal changed since is not accepted (409)') })
  .strict();

const code = z.string().min(1).max(64);

export const editProposalBody = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(500).optional(),
    description: z.string().max(20_000).optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    status: z.enum(STATUSES).optional(),
    roles: z.array(z.enum(OFFICE_ROLES)).min(1).max(8).optional(),
    office: code.optional(),
    date: z
      .object({ text: z.string().max(200).optional(), start: z.iso.date().optional(), end: z.iso.date().optional(), order: z.enum(DAY_ORDERS).optional() })
      .strict()
      .optional(),
    place: z
      .object({ city: z.string().max(200).nullable(), country: z.string().regex(/^[A-Z]{2}$/).nullable(), online: z.boolean() })
      .strict()
      .nullable()
      .optional(),
    bodies: z.array(code).max(50).optional(),
    sectors: z.array(code).max(4).optional(),
    plans: z.array(z.string().min(1).max(100)).max(50).optional().describe('The plan links to keep (item ids): the suggestions left out are dropped'),
  })
  .strict();
export type EditProposalBody = z.infer<typeof editProposalBody>;

const proposedActivity = z.object({
  region: z.string(),
  regionFrom: z
    .enum(['heading', 'place', 'region-named', 'body', 'office', 'country', 'document'])
    .optional()
    .describe("Where the region was read: the section's heading (a default), the place, a region named, a regional body, an office named, a member state named, or the document's title or letterhead"),
  office: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  status: z.enum(STATUSES),
  roles: z.array(z.enum(OFFICE_ROLES)),
  date: z.object({ text: z.string(), start: z.string(), end: z.string(), precision: z.string() }).nullable(),
  place: z.object({ city: z.string().nullable(), country: z.string().nullable(), online: z.boolean() }).nullable(),
  bodies: z.array(z.string()),
  newBodies: z.array(z.string()).optional().describe('Bodies the text names that the registry does not know (e.g. WTSA-12): for the reviewer to add, never mapped to another'),
  sectors: z.array(z.string()),
  title: z.string(),
  description: z.string(),
  related: z.array(z.object({ index: z.number().int(), kind: z.literal('back-to-back') })),
  provenance: z.object({ document: z.string(), section: z.string(), item: z.string().nullable(), text: z.string() }),
  plans: z
    .array(z.object({ item: z.string(), words: z.string().describe('The words it was read from (empty when the reviewer added it)') }))
    .optional()
    .describe('Plan links suggested by the words (plan item ids): accepted with the proposal unless dropped by an edit'),
});

export const proposalResponse = proposedActivity.extend({
  match: z
    .object({ activity: z.string(), title: z.string(), why: z.enum(['same_text', 'same_days_and_words']) })
    .nullable()
    .describe('The register activity this item repeats: link to it, merge into it, or accept (import anyway)'),
  position: z.number().int(),
  state: z.enum(PROPOSAL_STATES),
  activityId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  version: z.number().int(),
});

export const batchSummaryResponse = z.object({
  id: z.string(),
  document: z.string(),
  format: z.enum(['text', 'docx']),
  office: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  header: z.object({ title: z.string().nullable(), abstract: z.string().nullable() }),
  period: z.object({ text: z.string(), start: z.string(), end: z.string() }).nullable(),
  counts: z.object({
    proposed: z.number().int().describe('Proposals waiting for review'),
    accepted: z.number().int(),
    rejected: z.number().int(),
    unplaced: z.number().int().describe('Passages that could not be placed, in all'),
    unplacedOpen: z.number().int().describe('Of those, the ones neither dismissed nor made a proposal'),
  }),
  done: z.boolean().describe('Nothing waiting for review and nothing left unplaced'),
  emptyReason: z
    .enum(EMPTY_REASONS)
    .nullable()
    .describe('Why the document gave no proposal: no text, no heading naming an office or region, no items, only other offices\' items, every item proposed before'),
});

export const passageResponse = z.object({
  position: z.number().int(),
  text: z.string(),
  section: z.string().nullable(),
  line: z.number().int(),
  state: z.enum(PASSAGE_STATES),
  proposal: z.number().int().nullable().describe('The position of the proposal it became'),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  version: z.number().int().describe('0 until decided; send it back with a decision'),
});

export const linkBody = z
  .object({
    version: z.number().int().min(1),
    activity: z
      .uuid('must be an activity id')
      .optional()
      .describe("Another activity than the proposal's match, e.g. a candidate of GET /api/imports/{id}/duplicates: the same event, which the proposal's office joins with its roles"),
  })
  .strict();

export const duplicatesResponse = z.object({
  data: z.array(
    z.object({
      position: z.number().int().describe('The open proposal'),
      comparable: z.boolean().describe('False when its date is too vague to compare (or it has none yet)'),
      candidates: checkResponse.shape.candidates.describe("Activities of any office or headquarters that may be the same event, each with why; the proposal's same-office match is not repeated here"),
    }),
  ),
});

export const passageParams = batchParams.extend({ position: z.coerce.number().int().min(0) });
export const passageDecisionBody = z.object({ version: z.number().int().min(0) }).strict();
export const proposePassageBody = passageDecisionBody.extend({ office: code.optional() }).strict();
export const proposedPassageResponse = z.object({ passage: passageResponse, proposal: proposalResponse });

export const batchResponse = batchSummaryResponse.extend({
  existing: z.boolean().optional().describe('True when this document was imported before: this is the earlier batch'),
  duplicates: z.number().int().optional().describe('Items an earlier batch already proposed, not proposed again'),
  summary: z.array(z.object({ region: z.string(), office: z.string(), items: z.number().int(), dated: z.number().int(), undated: z.number().int() })),
  sections: z.array(z.record(z.string(), z.unknown())),
  proposals: z.array(proposalResponse),
  unplaced: z
    .array(z.object({ text: z.string(), section: z.string().nullable(), line: z.number().int() }))
    .describe('The first 1,000 passages that could not be placed, each cut to 2,000 characters; counts.unplaced says how many there were in all'),
  decisions: z
    .array(passageResponse.omit({ text: true, section: true, line: true }))
    .describe('What the reviewer decided about listed passages, by position; a passage not here is open at version 0'),
});

export const acceptAllResponse = z.object({
  accepted: z.array(proposalResponse),
  refused: z.array(
    z.object({
      position: z.number().int(),
      code: z.string().describe('The problem, as a problem+json code would name it (proposal_incomplete, version_conflict …)'),
      issues: z
        .array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }))
        .describe('Field issues with their codes, as in a 400 (see the FieldIssue schema)'),
      problem: z.string().describe('In English'),
    }),
  ),
});
