/** Zod schemas of the registry's requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { languageParam } from '#src/platform/i18n.ts';
import { ASSIGNMENT_ROLES, BODY_TYPES, OFFICE_KINDS, REGION_CODES, namesSchema } from './reference.ts';

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
