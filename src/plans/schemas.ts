/** Zod schemas of the plans' requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { LANGUAGES, languageParam } from '#src/platform/i18n.ts';
import { REGION_CODES } from '#src/registry/reference.ts';
import { PLAN_KINDS, PLAN_LEVELS } from './model.ts';

const label = z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'must be a label such as "T.2-1", "2.1" or "CIS3"');
const itemIdText = z.string().min(1).max(100).describe('A plan item id: plan:level:label, e.g. "T-2020:output:T.2-1"');

/** A title in the six languages: English required, the others optional. */
const title = () => z.string().trim().min(1).max(500);
const titles = z
  .object({ en: title(), fr: title().optional(), es: title().optional(), ru: title().optional(), ar: title().optional(), zh: title().optional() })
  .strict();

export const planParams = z.object({ code: z.string().min(1).max(40) });
export const itemParams = z.object({ id: itemIdText });
export const langQuery = z.object({ lang: languageParam }).strict();

export const itemsQuery = z
  .object({
    q: z.string().max(200).optional().describe('Words of the label, the plan code or the title (in lang, or English)'),
    level: z
      .union([z.enum(PLAN_LEVELS), z.array(z.enum(PLAN_LEVELS))])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional()
      .describe('goal, target, objective, outcome, output, initiative (repeatable)'),
    plan: z.string().max(40).optional(),
    year: z.coerce.number().int().min(1900).max(2200).optional().describe('Only items in force that year (in a plan covering it, not retired)'),
    limit: z.coerce.number().int().min(1).max(200).default(30),
    lang: languageParam,
  })
  .strict();

export const newItemBody = z
  .object({
    level: z.enum(PLAN_LEVELS),
    label,
    title: titles,
    parent: itemIdText.nullable().optional().describe('The item above: an objective for an outcome or an output, a goal for a target'),
    serves: z.array(itemIdText).max(10).optional().describe('Objectives: the goals they serve'),
    region: z.enum(REGION_CODES).nullable().optional().describe('Regional initiatives: their region'),
  })
  .strict();

export const itemPatchBody = z
  .object({
    version: z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current item'),
    title: titles.optional(),
    retiredFrom: z.number().int().min(1900).max(2200).nullable().optional().describe('The first year the item is no longer in the plan; null brings it back'),
    serves: z.array(itemIdText).max(10).optional(),
    confirmed: z.boolean().optional(),
  })
  .strict();

const names = z.partialRecord(z.enum(LANGUAGES), z.string());

export const planResponse = z.object({
  code: z.string(),
  kind: z.enum(PLAN_KINDS),
  sector: z.string().nullable(),
  year: z.number().int().nullable().describe('Operational plans: the year N the plan is for; it covers N…N+3'),
  from: z.number().int(),
  to: z.number().int(),
  name: z.string().describe('In the asked language (English when not translated)'),
  names,
  copiedFrom: z.string().nullable(),
  confirmed: z.boolean().describe('false: loaded from a source not yet checked; to be corrected'),
  source: z.string().nullable(),
  version: z.number().int(),
});

export const itemResponse = z.object({
  id: z.string(),
  plan: z.string(),
  level: z.enum(PLAN_LEVELS),
  label: z.string(),
  parent: z.string().nullable(),
  serves: z.array(z.string()),
  region: z.string().nullable(),
  title: z.string().describe('In the asked language (English when not translated)'),
  titles: names,
  retiredFrom: z.number().int().nullable(),
  confirmed: z.boolean(),
  source: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  linkedActivities: z.number().int().optional().describe('Activities (not deleted) that link the item themselves'),
});

export const planDetailsResponse = planResponse.extend({ items: z.array(itemResponse) });

export const itemHistoryResponse = z.object({
  data: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
  next: z.null(),
});
