/** Zod schemas of the registry's requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { languageParam } from '#src/platform/i18n.ts';
import { ASSIGNMENT_ROLES, BODY_TYPES, OFFICE_KINDS, REGION_CODES, bodyRecord, namesSchema, officeRecord, personRecord } from './reference.ts';

const day = z.iso.date().describe('A day, YYYY-MM-DD');

export const regionsQuery = z.object({ lang: languageParam }).strict();

export const officesQuery = z
  .object({
    region: z.enum(REGION_CODES).optional(),
    kind: z.enum(OFFICE_KINDS).optional(),
    lang: languageParam,
    on: day.optional().describe('Show the head of office on this day (default: today)'),
  })
  .strict();
export type OfficesQuery = z.infer<typeof officesQuery>;

export const officeParams = z.object({ code: z.string().min(1).max(64) });
export const officeQuery = officesQuery.pick({ lang: true, on: true });

export const bodiesQuery = z
  .object({
    type: z.enum(BODY_TYPES).optional(),
    parent: z.string().min(1).max(64).optional(),
    region: z.enum(REGION_CODES).optional(),
    lang: languageParam,
  })
  .strict();

export const bodyParams = z.object({ code: z.string().min(1).max(64) });
export const bodyQuery = z.object({ lang: languageParam }).strict();
export const presenceQuery = z.object({ on: day.optional().describe('Count the offices open on this day (default: today)') }).strict();

// ---- responses ----

const localisedName = {
  name: z.string().describe('Name in the requested language, or English when it is missing'),
  nameFallback: z.boolean().describe('True when English stands in for the requested language'),
  names: namesSchema.describe('Every known translation'),
};

export const regionResponse = z.object({
  code: z.enum(REGION_CODES),
  position: z.number().int().describe('Order in reports'),
  ...localisedName,
});

export const headResponse = z.object({
  person: z.object({ id: z.string(), honorific: z.string().nullable(), name: z.string() }),
  title: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: z.string(),
  confirmed: z.boolean(),
});

export const officeResponse = z.object({
  code: z.string(),
  kind: z.enum(OFFICE_KINDS),
  region: z.enum(REGION_CODES),
  parent: z.string().nullable().describe('The regional office of an area office'),
  ...localisedName,
  city: z.string(),
  cityNames: namesSchema,
  country: z.string().describe('ISO 3166 alpha-2'),
  coordinates: z.object({ lat: z.number(), lon: z.number() }),
  countriesCovered: z.array(z.string()).nullable(),
  coverageConfirmed: z.boolean(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  confirmed: z.boolean().describe('False for facts no public source at hand confirmed'),
  note: z.string().nullable(),
  head: headResponse.nullable().describe('Head of office on the requested day'),
  heads: z.array(headResponse.extend({ role: z.enum(ASSIGNMENT_ROLES) })).describe('Every head, oldest first'),
  areaOffices: z.array(z.string()),
});

export const bodyResponse = z.object({
  code: z.string(),
  type: z.enum(BODY_TYPES),
  ...localisedName,
  parent: z.string().nullable(),
  region: z.enum(REGION_CODES).nullable(),
  aliases: z.array(z.string()),
  from: z.string().nullable(),
  to: z.string().nullable(),
  place: z.object({ city: z.string(), country: z.string() }).nullable(),
  confirmed: z.boolean(),
  note: z.string().nullable(),
  terms: z.array(z.object({ studyPeriod: z.string(), name: z.string(), nameFallback: z.boolean(), confirmed: z.boolean() })),
});

export const presenceResponse = z.object({
  on: z.string(),
  fieldOffices: z.number().int(),
  byKind: z.record(z.enum(OFFICE_KINDS), z.number().int()),
  byRegion: z.record(z.enum(REGION_CODES), z.number().int()),
});

export type RegionResponse = z.infer<typeof regionResponse>;
export type OfficeResponse = z.infer<typeof officeResponse>;
export type BodyResponse = z.infer<typeof bodyResponse>;

// ---- workspace edits (decision 23) ----

const version = z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state');
const editMark = {
  version: z.number().int(),
  editedAt: z.string().nullable().describe('When it was last changed in the workspace; `fieldbook seed` leaves such a record alone'),
  editedBy: z.string().nullable(),
};
const spanInOrder = <T extends { from?: string | null | undefined; to?: string | null | undefined }>(v: T) => !v.from || !v.to || v.from <= v.to;
const beforeStart = { path: ['to'], message: 'is before from', params: { code: 'before_start' } };

export const createOfficeBody = officeRecord.describe('A new office, e.g. an area office opening');
export type CreateOfficeBody = z.infer<typeof createOfficeBody>;

export const patchOfficeBody = officeRecord
  .omit({ code: true, note: true })
  .partial()
  .extend({ version, note: z.string().max(2000).nullable().optional() })
  .strict();
export type PatchOfficeBody = z.infer<typeof patchOfficeBody>;

const headPerson = z
  .object({
    id: personRecord.shape.id.optional().describe('A person the registry knows; without it, a new person is recorded'),
    honorific: personRecord.shape.honorific,
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export const createHeadBody = z
  .object({
    person: headPerson,
    title: namesSchema.nullable().describe("The person's title in the office, e.g. Regional Director"),
    from: day.nullable(),
    to: day.nullable(),
    source: z.string().trim().min(1).max(500),
    confirmed: z.boolean(),
  })
  .strict()
  .refine(spanInOrder, beforeStart);
export type CreateHeadBody = z.infer<typeof createHeadBody>;

export const patchHeadBody = z
  .object({
    version,
    person: headPerson.optional(),
    title: namesSchema.nullable().optional(),
    from: day.nullable().optional(),
    to: day.nullable().optional(),
    source: z.string().trim().min(1).max(500).optional(),
    confirmed: z.boolean().optional(),
  })
  .strict();
export type PatchHeadBody = z.infer<typeof patchHeadBody>;
export const headParams = z.object({ code: z.string().min(1).max(64), id: z.string().min(1).max(200) });

export const createBodyBody = bodyRecord.describe('A new body, e.g. a study group of a new study period');
export type CreateBodyBody = z.infer<typeof createBodyBody>;

export const patchBodyBody = bodyRecord
  .omit({ code: true, type: true, note: true, place: true })
  .partial()
  .extend({ version, note: z.string().max(2000).nullable().optional(), place: bodyRecord.shape.place })
  .strict();
export type PatchBodyBody = z.infer<typeof patchBodyBody>;

export const headRecordResponse = z.object({
  id: z.string(),
  ...editMark,
  role: z.enum(ASSIGNMENT_ROLES),
  person: z.object({ id: z.string(), honorific: z.string().nullable(), name: z.string() }),
  title: namesSchema.nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: z.string(),
  confirmed: z.boolean(),
  current: z.boolean().describe('The head of the office today'),
});

export const officeRecordResponse = officeResponse.extend({ ...editMark, headRecords: z.array(headRecordResponse).describe('Every head, oldest first, as the workspace edits them') });
export type OfficeRecordResponse = z.infer<typeof officeRecordResponse>;

export const bodyRecordResponse = bodyResponse.extend({
  ...editMark,
  termNames: z.array(z.object({ studyPeriod: z.string(), names: namesSchema, confirmed: z.boolean() })),
});
export type BodyRecordResponse = z.infer<typeof bodyRecordResponse>;

export const historyResponse = z.object({
  data: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
  next: z.null(),
});
