/** Zod schemas of reporting rounds and contributions: requests, responses (also the OpenAPI document). */
import { z } from 'zod';
import { STATUSES } from '#src/activities/model.ts';
import { LANGUAGES, languageParam } from '#src/platform/i18n.ts';
import { REPORT_FORMATS } from '#src/reports/definition.ts';
import { annexParam } from '#src/reports/schemas.ts';
import { CONTENT_LIMITS } from './content.ts';
import { CONTRIBUTION_ACTIONS, CONTRIBUTION_STATES, repeatedIds, ROUND_CODE_PATTERN, ROUND_STATES } from './model.ts';

const code = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a code such as "ITU-T" or "TSAG"');
const officeCode = z.string().min(1).max(64).describe('An office, e.g. addis-ababa');
const roundCode = z.string().min(1).max(64).regex(ROUND_CODE_PATTERN, 'must be lower-case letters, digits and dashes, e.g. tsag-2020');
const isoDay = z.iso.date();
const version = z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state');
const comment = z.string().trim().min(1).max(CONTENT_LIMITS.textLength);

// ---- the content an office writes ----

const unitId = z.string().min(1).max(CONTENT_LIMITS.idLength).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, dashes and underscores');
const text = z.string().max(CONTENT_LIMITS.textLength);

export const activitySeenSchema = z
  .object({
    version: z.number().int().min(1),
    title: z.string().max(2000),
    date: z.string().max(200),
    place: z.string().max(500).nullable(),
    status: z.enum(STATUSES),
  })
  .strict()
  .describe('What the activity said when it was linked; the server compares it with the register to flag changes');

const activityLink = z.object({ id: z.uuid('must be an activity id'), seen: activitySeenSchema }).strict();
const links = z.array(activityLink).max(CONTENT_LIMITS.activitiesPerItem);

const item = z.object({ id: unitId, text, activities: links }).strict();

const block = z.discriminatedUnion('kind', [
  z.object({ id: unitId, kind: z.literal('paragraph'), text, activities: links }).strict(),
  z.object({ id: unitId, kind: z.literal('list'), items: z.array(item).max(CONTENT_LIMITS.itemsPerList) }).strict(),
]);

export const contributionContent = z
  .object({
    language: z.enum(LANGUAGES).describe('The language the office writes in'),
    blocks: z.array(block).max(CONTENT_LIMITS.blocks),
  })
  .strict()
  .superRefine((content, ctx) => {
    for (const id of repeatedIds(content)) {
      ctx.addIssue({ code: 'custom', path: ['blocks'], message: `the id "${id}" is given twice`, params: { code: 'given_twice', value: id } });
    }
  });

// ---- rounds ----

export const createRoundBody = z
  .object({
    code: roundCode.optional().describe('Default: <advisory group>-<year the period ends>, e.g. tsag-2021, numbered when taken'),
    sector: code.optional().describe('ITU-R, ITU-T, ITU-D or GS; with copyFrom: the copied round\'s'),
    advisoryGroup: code.optional().describe("The Sector's advisory group unless given (ITU-T → TSAG)"),
    meeting: z.string().trim().min(1).max(300).optional().describe('"TSAG, 28 Sep – 2 Oct 2020"'),
    from: isoDay.optional().describe('Required unless copying'),
    to: isoDay.optional().describe('Required unless copying'),
    due: isoDay.optional().describe('Required unless copying'),
    offices: z.array(officeCode).min(1).max(100).optional().describe('Default: every field office open during the period (copying: the copied round\'s)'),
    reviewers: z.array(z.uuid('must be a user id')).max(50).optional().describe('Focal points of the bureau or admins; default: whoever opens the round (copying: the copied round\'s)'),
    copyFrom: roundCode.optional().describe('A round to copy: offices, reviewers, cover and common sections; dates moved by a year unless given'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.copyFrom === undefined) {
      for (const field of ['sector', 'meeting', 'from', 'to', 'due'] as const) {
        if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required', params: { code: 'required' } });
      }
    }
    if (body.from && body.to && body.to < body.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from', params: { code: 'before_start', from: body.from, to: body.to } });
    for (const [field, list] of [['offices', body.offices], ['reviewers', body.reviewers]] as const) {
      const seen = new Set<string>();
      list?.forEach((value, i) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [field, i], message: `${value} is given twice`, params: { code: 'given_twice', value } });
        seen.add(value);
      });
    }
  });
export type CreateRoundBody = z.infer<typeof createRoundBody>;

export const patchRoundBody = z
  .object({
    version,
    meeting: z.string().trim().min(1).max(300).optional(),
    due: isoDay.optional(),
    offices: z.array(officeCode).min(1).max(100).optional().describe('The whole list; an office that has started its contribution cannot be taken off'),
    reviewers: z.array(z.uuid('must be a user id')).max(50).optional().describe('The whole list'),
  })
  .strict();
export type PatchRoundBody = z.infer<typeof patchRoundBody>;

export const versionBody = z.object({ version }).strict();

export const roundParams = z.object({ code: roundCode });
export const contributionParams = z.object({ code: roundCode, office: officeCode });
export const commentParams = contributionParams.extend({ id: z.uuid('must be a comment id') });

export const compileParams = z.object({ code: roundCode, format: z.enum(REPORT_FORMATS) });
export const compileQuery = z
  .object({
    lang: languageParam.describe("Language of the generated parts (default: the round's report definition's)"),
    draft: z.stringbool().default(false).describe('true: compile with contributions not yet accepted, marked DRAFT on every page'),
    annex: annexParam,
  })
  .strict();

export const previewQuery = z.object({ lang: languageParam }).strict();

// ---- contributions ----

export const contentBody = z.object({ version, content: contributionContent }).strict();
export type ContentBody = z.infer<typeof contentBody>;

export const submitBody = z.object({ version, comment: comment.optional() }).strict();
export const decisionBody = z.object({ version, comment: comment.optional() }).strict();
export const requiredCommentBody = z.object({ version, comment }).strict();
export type TransitionBody = { version: number; comment?: string | undefined };

export const commentBody = z
  .object({
    itemId: unitId.nullable().describe('The item or paragraph commented on; null: the whole contribution'),
    text: comment,
  })
  .strict();
export type CommentBody = z.infer<typeof commentBody>;

export const previewBody = z.object({ content: contributionContent }).strict();

// ---- responses ----

export const roundCountsResponse = z.object({
  asked: z.number().int(),
  notStarted: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  changesRequested: z.number().int(),
  accepted: z.number().int(),
  late: z.number().int(),
});

export const roundSummaryResponse = z.object({
  code: z.string(),
  sector: z.string(),
  advisoryGroup: z.string(),
  meeting: z.string(),
  from: z.string(),
  to: z.string(),
  due: z.string(),
  state: z.enum(ROUND_STATES),
  reportId: z.string().describe('The cover and common sections: GET/PATCH /api/reports/{reportId}'),
  version: z.number().int(),
  counts: roundCountsResponse,
});
export type RoundSummaryResponse = z.infer<typeof roundSummaryResponse>;

export const roundResponse = roundSummaryResponse.extend({
  offices: z.array(z.object({ code: z.string(), name: z.string() })),
  reviewers: z.array(z.object({ id: z.string(), displayName: z.string() })),
  createdAt: z.string(),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
});
export type RoundResponse = z.infer<typeof roundResponse>;

export const boardResponse = z.object({
  round: roundSummaryResponse,
  contributions: z.array(
    z.object({
      office: z.string(),
      officeName: z.string(),
      region: z.string(),
      state: z.enum(CONTRIBUTION_STATES),
      lastChange: z.object({ at: z.string(), by: z.string(), state: z.enum(CONTRIBUTION_STATES) }).nullable(),
      items: z.number().int(),
      linkedActivities: z.number().int(),
      omissions: z.number().int(),
      late: z.boolean(),
      version: z.number().int(),
    }),
  ),
});
export type BoardResponse = z.infer<typeof boardResponse>;

const contentResponse = z.any().describe('ContributionContent (src/rounds/content.ts): { language, blocks: [paragraph | list of items] }');

export const commentResponse = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  text: z.string(),
  by: z.string(),
  at: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type CommentResponse = z.infer<typeof commentResponse>;

const activitySummary = z.object({ id: z.string(), title: z.string(), date: z.string(), place: z.string().nullable(), status: z.enum(STATUSES) });

export const contributionResponse = z.object({
  round: z.string(),
  office: z.string(),
  officeName: z.string(),
  state: z.enum(CONTRIBUTION_STATES),
  version: z.number().int(),
  content: contentResponse.nullable(),
  due: z.string(),
  late: z.boolean(),
  actions: z.array(z.enum(CONTRIBUTION_ACTIONS)).describe('What the state allows next (whoever may do it)'),
  history: z.array(z.object({ at: z.string(), by: z.string(), from: z.enum(CONTRIBUTION_STATES), to: z.enum(CONTRIBUTION_STATES), comment: z.string().nullable() })),
  comments: z.array(commentResponse),
  omissions: z.array(activitySummary).describe("The office's activities in the period that no item names"),
  offered: z.array(activitySummary).describe('Activities of the office with no date yet, or dated in the year before the period, recorded or changed during it: they may belong here'),
  outsidePeriod: z.array(z.object({ itemId: z.string(), activityId: z.string() })),
  changed: z.array(
    z.object({
      itemId: z.string(),
      activityId: z.string(),
      before: activitySeenSchema,
      now: activitySeenSchema.nullable().describe('null: the activity is no longer in the register'),
      fields: z.array(z.enum(['title', 'date', 'place', 'status'])),
    }),
  ),
  accepted: z.object({ version: z.number().int(), at: z.string(), by: z.string(), content: contentResponse }).nullable(),
});
export type ContributionResponse = z.infer<typeof contributionResponse>;

export const myContributionsResponse = z.object({
  data: z.array(
    z.object({
      round: roundSummaryResponse,
      office: z.string(),
      officeName: z.string(),
      state: z.enum(CONTRIBUTION_STATES),
      due: z.string(),
      late: z.boolean(),
      latestComments: z.array(commentResponse),
    }),
  ),
});
export type MyContributionsResponse = z.infer<typeof myContributionsResponse>;
