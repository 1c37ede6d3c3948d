/** Zod schemas of vacancies and nominations: requests, responses and the reference file's records. */
import { z } from 'zod';
import { languageParam } from '#src/platform/i18n.ts';
import { REGION_CODES } from '#src/registry/reference.ts';
import { NOMINATION_STATES, OUTREACH_KINDS, POSITION_ROLES, POSITION_STATUSES, STUDY_PERIOD } from './model.ts';

const day = z.iso.date().describe('A day, YYYY-MM-DD');
const code = z.string().min(1).max(64);
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as "TD"');
const studyPeriod = z.string().regex(STUDY_PERIOD, 'must be a study period such as "2025-2028"');
const version = z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state');
const holder = z.object({ name: z.string().trim().min(1).max(200), country: country.nullable() }).strict();

/** A position in `data/reference/positions.json`. */
export const positionRecord = z
  .object({
    body: code,
    studyPeriod,
    role: z.enum(POSITION_ROLES),
    label: z.string().min(1).max(50).nullable(),
    status: z.enum(POSITION_STATUSES),
    holder: holder.nullable(),
    source: z.string().min(1),
    confirmed: z.boolean(),
  })
  .strict();
export type PositionRecord = z.infer<typeof positionRecord>;

export const positionsQuery = z.object({ period: studyPeriod.optional(), body: code.optional(), lang: languageParam }).strict();
export const positionParams = z.object({ id: z.string().min(1).max(200) });

export const createPositionBody = positionRecord.extend({ source: z.string().trim().max(500).nullable() }).strict();
export type CreatePositionBody = z.infer<typeof createPositionBody>;

export const patchPositionBody = z
  .object({
    version,
    label: z.string().min(1).max(50).nullable().optional(),
    status: z.enum(POSITION_STATUSES).optional(),
    holder: holder.nullable().optional(),
    source: z.string().trim().max(500).nullable().optional(),
    confirmed: z.boolean().optional(),
  })
  .strict();
export type PatchPositionBody = z.infer<typeof patchPositionBody>;

export const outreachQuery = z.object({ period: studyPeriod.optional(), office: code.optional(), country: country.optional(), lang: languageParam }).strict();
export const createOutreachBody = z
  .object({
    office: code.describe('The office that reached out (its editors record it)'),
    country,
    kind: z.enum(OUTREACH_KINDS),
    body: code.describe('The advisory group or study group the positions are of'),
    studyPeriod,
    position: z.string().min(1).max(200).nullable().optional().describe('The vacant position it was about, if one'),
    on: day,
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type CreateOutreachBody = z.infer<typeof createOutreachBody>;

export const nominationsQuery = z.object({ period: studyPeriod.optional(), office: code.optional(), country: country.optional(), lang: languageParam }).strict();
export const langQuery = z.object({ lang: languageParam }).strict();
export const nominationParams = z.object({ id: z.string().min(1).max(200) });
export const createNominationBody = z
  .object({
    office: code.describe('The office recording it (its editors record it)'),
    country,
    position: z.string().min(1).max(200),
    candidate: z.string().trim().min(1).max(200),
    outreach: z.string().min(1).max(200).nullable().optional().describe('The outreach it followed, if one'),
    on: day,
    state: z.enum(NOMINATION_STATES).default('proposed'),
  })
  .strict();
export type CreateNominationBody = z.infer<typeof createNominationBody>;
export const patchNominationBody = z
  .object({ version, candidate: z.string().trim().min(1).max(200).optional(), state: z.enum(NOMINATION_STATES).optional(), on: day.optional() })
  .strict();
export type PatchNominationBody = z.infer<typeof patchNominationBody>;

export const overviewQuery = z.object({ period: studyPeriod.optional(), region: z.enum(REGION_CODES).optional(), lang: languageParam }).strict();

// ---- responses ----

export const positionResponse = z.object({
  id: z.string(),
  body: z.string(),
  bodyName: z.string(),
  studyPeriod: z.string(),
  role: z.enum(POSITION_ROLES),
  label: z.string().nullable(),
  status: z.enum(POSITION_STATUSES),
  holder: z.object({ name: z.string(), country: z.string().nullable() }).nullable(),
  source: z.string().nullable(),
  confirmed: z.boolean().describe('False for facts no public source at hand confirmed'),
  version: z.number().int(),
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
  nominations: z.number().int(),
});
export type PositionResponse = z.infer<typeof positionResponse>;

export const outreachResponse = z.object({
  id: z.string(),
  office: z.string(),
  country: z.string(),
  countryName: z.string(),
  kind: z.enum(OUTREACH_KINDS),
  body: z.string(),
  studyPeriod: z.string(),
  position: z.string().nullable(),
  on: z.string(),
  note: z.string().nullable(),
  activity: z.string().describe('The activity (kind consultation) it is in the register as'),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type OutreachResponse = z.infer<typeof outreachResponse>;

export const nominationResponse = z.object({
  id: z.string(),
  office: z.string(),
  country: z.string(),
  countryName: z.string(),
  position: z.string(),
  candidate: z.string(),
  outreach: z.string().nullable(),
  state: z.enum(NOMINATION_STATES),
  on: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type NominationResponse = z.infer<typeof nominationResponse>;

const countryLine = z.object({
  country: z.string(),
  countryName: z.string(),
  consulted: z.number().int(),
  encouraged: z.number().int(),
  nominations: z.number().int(),
  appointed: z.number().int(),
  holding: z.number().int(),
});

export const overviewResponse = z.object({
  studyPeriod: z.string().nullable(),
  positions: z.object({ total: z.number().int(), filled: z.number().int(), vacant: z.number().int(), unknown: z.number().int() }),
  vacant: z.array(positionResponse),
  regions: z.array(z.object({ region: z.enum(REGION_CODES).nullable(), countries: z.array(countryLine) })),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

export { historyResponse } from '#src/registry/schemas.ts';
