/**
 * The shape of the reference data in `data/reference/` (the regional presence as data).
 * Validated here on load, before anything is written, so a malformed file changes nothing.
 */
import { z } from 'zod';
export type { Language } from '#src/platform/i18n.ts';

const isoDate = z.iso.date();
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as "ET"');
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be letters, digits and dashes');

/** A name in the official languages; English is required, the others fall back to it. */
export const namesSchema = z
  .object({
    en: z.string().min(1),
    fr: z.string().min(1).optional(),
    es: z.string().min(1).optional(),
    ru: z.string().min(1).optional(),
    ar: z.string().min(1).optional(),
    zh: z.string().min(1).optional(),
  })
  .strict();
export type Names = z.infer<typeof namesSchema>;

export const REGION_CODES = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const regionRecord = z
  .object({ code: z.enum(REGION_CODES), position: z.number().int().min(1), name: namesSchema })
  .strict();

export const OFFICE_KINDS = ['regional', 'area', 'europe', 'headquarters'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const officeRecord = z
  .object({
    code,
    kind: z.enum(OFFICE_KINDS),
    region: z.enum(REGION_CODES),
    parent: code.nullable(),
    name: namesSchema,
    city: namesSchema,
    country: countryCode,
    coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
    countriesCovered: z.array(countryCode).nullable(),
    coverageConfirmed: z.boolean(),
    openedOn: isoDate.nullable(),
    closedOn: isoDate.nullable(),
    confirmed: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

export const personRecord = z
  .object({
    id: code,
    honorific: z.enum(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof']).nullable(),
    name: z.string().min(1),
    email: z.email().nullable(),
  })
  .strict();

/** A director leads a bureau (decision 24: the briefings' addressee); the others are of an office or a bureau's regions. */
export const ASSIGNMENT_ROLES = ['head-of-office', 'focal-point-for-regions', 'director'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const assignmentRecord = z
  .object({
    person: code,
    role: z.enum(ASSIGNMENT_ROLES),
    office: code.nullable(),
    bureau: code.nullable(),
    title: namesSchema.nullable(),
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    source: z.string().min(1),
    confirmed: z.boolean(),
  })
  .strict();

/** In the order lists and reports show bodies (compareBodies): Sectors first, conferences last. */
export const BODY_TYPES = [
  'sector',
  'bureau',
  'advisory-group',
  'study-group',
  'regional-group',
  'regional-organisation',
  'conference',
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export const bodyRecord = z
  .object({
    code,
    type: z.enum(BODY_TYPES),
    name: namesSchema,
    /** Sector for bureaux, advisory groups, study groups and conferences; study group for regional groups. */
    parent: code.nullable(),
    region: z.enum(REGION_CODES).nullable(),
    /** Other ways the body is written in documents, for parsers and search. */
    aliases: z.array(z.string().min(1)),
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    confirmed: z.boolean(),
    /** Titles per study period, for study groups (e.g. "2017-2020"). */
    terms: z
      .array(z.object({ studyPeriod: z.string().regex(/^\d{4}-\d{4}$/), name: namesSchema, confirmed: z.boolean() }).strict())
      .optional(),
    /** Where a conference or meeting takes place. */
    place: z.object({ city: z.string().min(1), country: countryCode }).strict().nullable().optional(),
    note: z.string().optional(),
  })
  .strict();

export type RegionRecord = z.infer<typeof regionRecord>;
export type OfficeRecord = z.infer<typeof officeRecord>;
export type PersonRecord = z.infer<typeof personRecord>;
export type AssignmentRecord = z.infer<typeof assignmentRecord>;
export type BodyRecord = z.infer<typeof bodyRecord>;
