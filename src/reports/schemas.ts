/** Zod schemas of report definitions: requests, responses (also the OpenAPI document). */
import { z } from 'zod';
import { ANNEXES } from '#src/annualplan/annex.ts';
import { activityResponse } from '#src/activities/schemas.ts';
import { LANGUAGES, languageParam } from '#src/platform/i18n.ts';
import { DUE_REASONS } from './due.ts';
import { MARKDOWN_MAX } from './markdown.ts';
import { ITEM_TEXTS, NARRATIVE_KEYS, REPORT_FORMATS, REPORT_VISIBILITIES, SELECTIONS } from './definition.ts';
import { PURPOSES } from './phrases.ts';

const code = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a code such as "ITU-T" or "TSAG"');
const isoDay = z.iso.date();
/** A header field: text as written, or null for the generated default. */
const line = (max: number) => z.string().trim().min(1).max(max).nullable();

const contact = z
  .object({
    name: z.string().trim().min(1).max(200),
    organisation: line(300).optional().default(null),
    country: line(100).optional().default(null),
    tel: line(50).optional().default(null),
    email: z.email().max(320).nullable().optional().default(null),
  })
  .strict();

const headerFields = {
  documentNumber: line(100).describe('"TD 120 Rev.1"; null: none yet'),
  studyPeriod: line(20).describe('"2017-2020"; null: from the Sector\'s study groups'),
  questions: line(200).describe('null: "N/A"'),
  placeAndDate: line(200).describe('"Virtual, 21-25 September 2020"; null: headquarters and the day it is produced'),
  source: line(500).describe('null: "Director, TSB"'),
  title: line(500),
  purpose: z.enum(PURPOSES),
  contacts: z.array(contact).max(10),
  keywords: line(500),
  abstract: line(5000),
};

/** On create, every header field may be left out; on change, those given replace the stored ones. */
const headerInput = z
  .object(Object.fromEntries(Object.entries(headerFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof headerFields]: z.ZodOptional<(typeof headerFields)[K]> })
  .strict();

const narrativeSection = z
  .object({
    key: z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes').describe(`${NARRATIVE_KEYS.join(', ')} or your own`),
    title: z.string().trim().min(1).max(300).nullable().optional().default(null).describe('null: the generated heading'),
    markdown: z.string().max(MARKDOWN_MAX).nullable().optional().default(null).describe('Markdown (raw HTML is shown as text); null: the generated text; "": leave the section out'),
  })
  .strict();

const narrative = z
  .array(narrativeSection)
  .max(20)
  .superRefine((sections, ctx) => {
    const seen = new Set<string>();
    sections.forEach((s, i) => {
      if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `"${s.key}" is given twice`, params: { code: 'given_twice', value: s.key } });
      seen.add(s.key);
      if (!(NARRATIVE_KEYS as readonly string[]).includes(s.key)) {
        if (s.title === null) ctx.addIssue({ code: 'custom', path: [i, 'title'], message: 'is required for a section of your own', params: { code: 'required' } });
        if (s.markdown === null) ctx.addIssue({ code: 'custom', path: [i, 'markdown'], message: 'is required for a section of your own', params: { code: 'required' } });
      }
    });
  });

const definitionFields = {
  sector: code.describe('ITU-R, ITU-T, ITU-D or GS'),
  advisoryGroup: code.optional().describe("The Sector's advisory group unless given (ITU-T → TSAG)"),
  from: isoDay,
  to: isoDay,
  selection: z.enum(SELECTIONS).default('all').describe('held; planned (planned and confirmed); all statuses'),
  visibility: z.enum(REPORT_VISIBILITIES).default('public').describe('public activities only, or internal ones too'),
  itemText: z.enum(ITEM_TEXTS).default('description').describe("description: an activity's description when it has one; fields: always from title, date and place"),
  outlookMonths: z.number().int().min(0).max(12).default(3).describe('Also list, after each office\'s own, its activities of the months after the period (any status but cancelled); 0: none'),
  language: z.enum(LANGUAGES).default('en').describe('Language of the generated parts unless ?lang= asks for another'),
  originalLanguage: z.enum(LANGUAGES).default('en').describe('Language the narrative is written in'),
  header: headerInput.optional(),
  narrative: narrative.optional().describe('Narrative sections in order; default: introduction, mandate, coordination, generated'),
};

const periodInOrder = (value: { from?: string | undefined; to?: string | undefined }) => !value.from || !value.to || value.from <= value.to;

export const createReportBody = z.object(definitionFields).strict().refine(periodInOrder, { path: ['to'], message: 'is before from', params: { code: 'before_start' } });
export type CreateReportBody = z.infer<typeof createReportBody>;

export const patchReportBody = z
  .object({
    version: z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state'),
    advisoryGroup: code.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    selection: z.enum(SELECTIONS).optional(),
    visibility: z.enum(REPORT_VISIBILITIES).optional(),
    itemText: z.enum(ITEM_TEXTS).optional(),
    outlookMonths: z.number().int().min(0).max(12).optional(),
    language: z.enum(LANGUAGES).optional(),
    originalLanguage: z.enum(LANGUAGES).optional(),
    header: headerInput.optional().describe('Fields given replace the stored ones; null brings back the generated default'),
    narrative: narrative.optional().describe('Replaces the whole list: send back every section you keep'),
  })
  .strict()
  .refine(periodInOrder, { path: ['to'], message: 'is before from', params: { code: 'before_start' } });
export type PatchReportBody = z.infer<typeof patchReportBody>;

export const reportParams = z.object({ id: z.uuid('must be a report id') });
export const renderParams = z.object({ id: z.uuid('must be a report id'), format: z.enum(REPORT_FORMATS) });
/** `annex=plan-outputs` (repeatable): annexes after the last section. */
export const annexParam = z
  .union([z.enum(ANNEXES), z.array(z.enum(ANNEXES))])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional()
  .describe('Annexes to add: plan-outputs ("Activities by plan output": a table per output or regional initiative, with office, activity, date and status)');
export const renderQuery = z.object({ lang: languageParam.describe('Language of the generated parts (default: the definition\'s)'), annex: annexParam }).strict();

// ---- responses ----

export const reportResponse = z.object({
  id: z.string(),
  sector: z.string(),
  advisoryGroup: z.string(),
  from: z.string(),
  to: z.string(),
  selection: z.enum(SELECTIONS),
  visibility: z.enum(REPORT_VISIBILITIES),
  itemText: z.enum(ITEM_TEXTS),
  outlookMonths: z.number().int(),
  language: z.enum(LANGUAGES),
  originalLanguage: z.enum(LANGUAGES),
  header: z.object(headerFields),
  narrative: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      markdown: z.string(),
      edited: z.boolean().describe('false: the generated text, which follows the registry until someone edits it'),
    }),
  ),
  links: z.object(Object.fromEntries(REPORT_FORMATS.map((f) => [f, z.string()])) as Record<(typeof REPORT_FORMATS)[number], z.ZodString>),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ReportResponse = z.infer<typeof reportResponse>;

// ---- what an office owes before the report ----

export const dueParams = z.object({ code: z.string().min(1).max(64).describe('The office, e.g. addis-ababa') });
export const dueQuery = z.object({ on: isoDay.optional().describe('The day to reckon on (default: today)') }).strict();

export const dueResponse = z.object({
  on: z.string().describe('The day it was reckoned on'),
  periods: z
    .array(
      z.object({
        report: z.string().describe('The saved report definition standing for the period'),
        sector: z.string(),
        advisoryGroup: z.string(),
        from: z.string(),
        to: z.string(),
        title: z.string().nullable().describe("The report's own title, if it has one"),
      }),
    )
    .describe('The current reporting period: the saved reports whose period contains the day, else those ending soonest after it; empty: none is open'),
  data: z
    .array(
      activityResponse.pick({ id: true, title: true, originalLanguage: true, status: true, date: true, sectors: true }).extend({
        reasons: z.array(z.enum(DUE_REASONS)).describe('status_not_updated: past, still planned or confirmed; no_description: held, with no description in any language'),
      }),
    )
    .describe("The office's activities of those periods that need something before the report, in date order"),
});
export type DueResponse = z.infer<typeof dueResponse>;
