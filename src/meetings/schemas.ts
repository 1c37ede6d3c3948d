/** Zod schemas of coordination meetings: requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { REPORT_FORMATS } from '#src/reports/definition.ts';
import { ACTION_STATUSES, ATTENDANCE_STATES, MEETING_BUREAUX, MEETING_KINDS, MINUTES_STATES, OCCURRENCE_STATES } from './model.ts';

const officeCode = z.string().min(1).max(64).describe('An office, e.g. addis-ababa');
const seriesCode = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, e.g. tsb-monthly-review');
const isoDay = z.iso.date();
const version = z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state');
const line = z.string().trim().min(1).max(2000);
const longText = z.string().max(20_000);

export const seriesParams = z.object({ code: seriesCode });
export const occurrenceParams = z.object({ id: z.uuid('must be an occurrence id') });
export const attendanceParams = occurrenceParams.extend({ office: officeCode });
export const actionParams = z.object({ id: z.uuid('must be an action item id') });
export const minutesDownloadParams = occurrenceParams.extend({ format: z.enum(REPORT_FORMATS) });
export const minutesDownloadQuery = z.object({ lang: z.enum(['en', 'fr', 'es', 'ru', 'ar', 'zh']).optional() }).strict();

const seriesFields = {
  kind: z.enum(MEETING_KINDS),
  title: line.max(300),
  chairId: z.uuid('must be a user id').nullable().optional().describe('The chair: a signed-in user (default: the creator)'),
  chairLabel: z.string().trim().min(1).max(200).optional().describe('The chair\'s name when the chair has no account (e.g. "TSB Director"); then the focal points approve the minutes'),
  offices: z.array(officeCode).min(1).max(50),
  rule: z.string().trim().min(1).max(500).describe('RFC 5545 RRULE without DTSTART, e.g. FREQ=MONTHLY;BYDAY=1TU'),
  startsLocal: z.string().max(16).describe('The first occurrence in the series\' time zone: 2020-09-01T14:00'),
  timeZone: z.string().min(1).max(64).describe('IANA time zone, e.g. Europe/Zurich'),
  durationMinutes: z.number().int().min(5).max(24 * 60),
  exceptions: z.array(isoDay).max(200).describe('Local days the recurrence skips'),
  room: z.string().trim().max(300).nullable(),
  onlineUrl: z.url().max(2000).nullable(),
};

export const createSeriesBody = z
  .object({
    code: seriesCode.optional(),
    bureau: z.enum(MEETING_BUREAUX),
    ...seriesFields,
    durationMinutes: seriesFields.durationMinutes.default(60),
    exceptions: seriesFields.exceptions.default([]),
    room: seriesFields.room.default(null),
    onlineUrl: seriesFields.onlineUrl.default(null),
  })
  .strict();
export type CreateSeriesBody = z.infer<typeof createSeriesBody>;

export const patchSeriesBody = z
  .object({
    version,
    kind: seriesFields.kind.optional(),
    title: seriesFields.title.optional(),
    chairId: z.uuid('must be a user id').optional(),
    chairLabel: z.string().trim().min(1).max(200).optional(),
    offices: seriesFields.offices.optional(),
    rule: seriesFields.rule.optional(),
    startsLocal: seriesFields.startsLocal.optional(),
    timeZone: seriesFields.timeZone.optional(),
    durationMinutes: seriesFields.durationMinutes.optional(),
    exceptions: seriesFields.exceptions.optional(),
    room: seriesFields.room.optional(),
    onlineUrl: seriesFields.onlineUrl.optional(),
  })
  .strict();
export type PatchSeriesBody = z.infer<typeof patchSeriesBody>;

export const versionBody = z.object({ version }).strict();
export const moveBody = z.object({ version, startAt: z.iso.datetime({ offset: true }).describe('The new start, with its offset or Z') }).strict();

const agendaItem = z
  .object({ id: z.string().min(1).max(100), kind: z.enum(['office', 'actions', 'chair']), office: officeCode.nullable(), title: line.max(500), points: z.array(z.string().max(2000)).max(200) })
  .strict();
export const agendaSchema = z.object({ items: z.array(agendaItem).max(100) }).strict();
export const agendaBody = z.object({ version, agenda: agendaSchema }).strict();
export const draftAgendaBody = z.object({ version, chairItems: z.array(line.max(500)).max(30).default([]) }).strict();

const minutesItem = z.object({ agendaItemId: z.string().min(1).max(100).nullable(), title: line.max(500), notes: longText, decisions: z.array(line).max(50) }).strict();
export const minutesSchema = z.object({ items: z.array(minutesItem).max(100) }).strict();
export const minutesBody = z.object({ version, minutes: minutesSchema }).strict();

export const attendanceBody = z.object({ state: z.enum(ATTENDANCE_STATES), people: z.string().trim().max(1000).nullable().default(null) }).strict();
export type AttendanceBody = z.infer<typeof attendanceBody>;

const actionLink = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), id: z.uuid('must be an activity id') }).strict(),
  z.object({ kind: z.literal('contribution'), round: z.string().min(1).max(64), office: officeCode }).strict(),
]);

export const createActionBody = z
  .object({
    text: line,
    ownerOffice: officeCode.nullable().default(null),
    ownerUserId: z.uuid('must be a user id').nullable().default(null),
    due: isoDay,
    agendaItem: z.string().min(1).max(100).nullable().default(null),
    links: z.array(actionLink).max(20).default([]),
  })
  .strict();
export type CreateActionBody = z.infer<typeof createActionBody>;

export const patchActionBody = z
  .object({
    version,
    status: z.enum(ACTION_STATUSES).optional(),
    text: line.optional(),
    due: isoDay.optional(),
    ownerOffice: officeCode.nullable().optional(),
    ownerUserId: z.uuid('must be a user id').nullable().optional(),
    links: z.array(actionLink).max(20).optional(),
  })
  .strict();
export type PatchActionBody = z.infer<typeof patchActionBody>;

export const actionsQuery = z
  .object({
    office: officeCode.optional().describe("An office's action items (default for editors: their own office's and their own)"),
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .strict();
export type ActionsQuery = z.infer<typeof actionsQuery>;

export const occurrencesQuery = z
  .object({ when: z.enum(['upcoming', 'past', 'all']).default('all'), office: officeCode.optional().describe('Only the series this office takes part in') })
  .strict();

// ---- responses ----

export const seriesResponse = z.object({
  id: z.string(),
  code: z.string(),
  bureau: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  chairId: z.string().nullable(),
  chairLabel: z.string(),
  offices: z.array(z.object({ code: z.string(), name: z.string() })),
  rule: z.string(),
  startsLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  exceptions: z.array(z.string()),
  room: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  nextOccurrence: z.object({ id: z.string(), startAt: z.string() }).nullable(),
});

export const actionResponse = z.object({
  id: z.string(),
  seriesCode: z.string(),
  seriesTitle: z.string(),
  occurrenceId: z.string(),
  agendaItem: z.string().nullable(),
  text: z.string(),
  ownerOffice: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerLabel: z.string(),
  due: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  links: z.array(z.union([z.object({ kind: z.literal('activity'), id: z.string() }), z.object({ kind: z.literal('contribution'), round: z.string(), office: z.string() })])),
  version: z.number(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  canEdit: z.boolean().describe('Whether the caller may change it'),
});

export const occurrenceSummaryResponse = z.object({
  id: z.string(),
  seriesCode: z.string(),
  seriesTitle: z.string(),
  kind: z.enum(MEETING_KINDS),
  startAt: z.string().describe('UTC; shown in the viewer\'s zone'),
  endAt: z.string(),
  timeZone: z.string().describe("The series' zone"),
  moved: z.boolean(),
  state: z.enum(OCCURRENCE_STATES),
  minutesState: z.enum(MINUTES_STATES),
  hasAgenda: z.boolean(),
});

export const occurrenceResponse = occurrenceSummaryResponse.extend({
  recurrenceStart: z.string(),
  sequence: z.number(),
  series: seriesResponse,
  agenda: agendaSchema.nullable(),
  agendaDraftedAt: z.string().nullable(),
  minutes: minutesSchema.nullable(),
  minutesApprovedAt: z.string().nullable(),
  minutesApprovedBy: z.string().nullable(),
  minutesHistory: z.array(z.object({ at: z.string(), by: z.string(), state: z.enum(MINUTES_STATES) })),
  attendance: z.array(z.object({ office: z.string(), name: z.string(), state: z.enum(ATTENDANCE_STATES).nullable(), people: z.string().nullable(), canEdit: z.boolean() })),
  actionItems: z.array(actionResponse).describe('Raised at this occurrence'),
  carried: z.array(actionResponse).describe('Open action items of earlier occurrences'),
  canManage: z.boolean().describe('Whether the caller manages the series (agenda, minutes, action items)'),
  canApprove: z.boolean(),
  version: z.number(),
});

export type SeriesResponse = z.infer<typeof seriesResponse>;
export type ActionResponse = z.infer<typeof actionResponse>;
export type OccurrenceSummaryResponse = z.infer<typeof occurrenceSummaryResponse>;
export type OccurrenceResponse = z.infer<typeof occurrenceResponse>;
