/** Zod schemas of the offices' plan contributions (requests, responses, the OpenAPI document). */
import { z } from 'zod';
import { REPORT_FORMATS } from '#src/reports/definition.ts';
import { LANGUAGES, languageParam } from '#src/platform/i18n.ts';
import { MAX_ENTRIES, MAX_ENTRY_TEXT } from './model.ts';

const officeCode = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be an office code such as "moscow"').describe('The office, e.g. moscow');
const year = z.coerce.number().int().min(1900).max(2200).describe('The plan year');
const itemId = z.string().min(1).max(100).regex(/^[A-Za-z0-9-]+:[a-z]+:[A-Za-z0-9.-]+$/, 'must be a plan item id such as "T-2020:output:T.2-1"');

/** The office's text in one or more of the six languages. */
const entryText = z
  .object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().min(1).max(MAX_ENTRY_TEXT).optional()])) as Record<(typeof LANGUAGES)[number], z.ZodOptional<z.ZodString>>)
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: 'needs the text in at least one language', params: { code: 'required' } });

export const contributionParams = z.object({ code: officeCode, sector: z.string().min(1).max(16).describe('ITU-R, ITU-T, ITU-D or GS'), year });
export const officeYearParams = z.object({ code: officeCode, year });
export const documentParams = z.object({ code: officeCode, year, format: z.enum(REPORT_FORMATS) });
export const langQuery = z.object({ lang: languageParam }).strict();

export const contributionBody = z
  .object({
    version: z.number().int().min(0).describe('The version read (0 when none is written yet); a stale one gets 409 with the contribution as it is'),
    entries: z
      .array(z.object({ item: itemId.describe('An output of the Sector\'s plan of the year, or a regional initiative of the office\'s region'), text: entryText.describe('What the office will do, in its own words') }).strict())
      .max(MAX_ENTRIES),
  })
  .strict();
export type ContributionBody = z.infer<typeof contributionBody>;

const texts = z.partialRecord(z.enum(LANGUAGES), z.string());

const activitySummary = z.object({ id: z.string(), title: z.string(), date: z.string(), status: z.string() });

const itemSummary = z.object({ id: z.string(), plan: z.string(), level: z.string(), label: z.string(), title: z.string() });

export const contributionResponse = z.object({
  office: z.string(),
  sector: z.string(),
  year: z.number().int(),
  version: z.number().int().describe('0 while nothing is written'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  entries: z.array(
    z.object({
      item: itemSummary,
      text: texts,
      planned: z.array(activitySummary).describe('The office\'s planned and confirmed activities linked to the item (that the caller may see)'),
    }),
  ),
  choices: z.array(itemSummary).describe('The outputs and regional initiatives the office may name for this Sector and year'),
});

export const contributionListResponse = z.object({ data: z.array(contributionResponse.omit({ choices: true })), next: z.null() });

export const historyResponse = z.object({
  data: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
  next: z.null(),
});
