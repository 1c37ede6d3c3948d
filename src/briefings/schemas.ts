/** Zod schemas of director briefings: requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { REPORT_FORMATS } from '#src/reports/definition.ts';
import { BRIEFING_STATES, NOTE_MAX } from './model.ts';

const bureau = z.string().min(1).max(16).describe('A bureau: BR, TSB, BDT');
// Checked by the service with the bureau, so a 400 names both.
const month = z.string().min(1).max(16).describe('The month briefed, YYYY-MM, e.g. 2020-07');
const version = z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state');

export const briefingParams = z.object({ id: z.uuid('must be a briefing id') });
export const documentParams = briefingParams.extend({ format: z.enum(REPORT_FORMATS) });
export const bureauParams = z.object({ bureau });
export const briefingsQuery = z.object({ bureau: bureau.optional(), state: z.enum(BRIEFING_STATES).optional() }).strict();
export const generateBody = z.object({ bureau, period: month }).strict();
export const noteBody = z.object({ version, note: z.string().max(NOTE_MAX).nullable().describe("The focal point's note, shown first; null or empty removes it") }).strict();
export const sendBody = z.object({ version }).strict();
export const directorAccountBody = z.object({ userId: z.uuid('must be a user id').nullable().describe('The account that receives the briefings in the director\'s name; null: none') }).strict();

export type GenerateBody = z.infer<typeof generateBody>;

const counts = z.object({ held: z.number(), planned: z.number(), meetings: z.number(), openActions: z.number() });
const period = z.object({ code: z.string(), from: z.string(), to: z.string() });
const item = z.object({ id: z.string(), title: z.string(), when: z.string(), status: z.string() });
const action = z.object({ id: z.string(), text: z.string(), owner: z.string(), due: z.string(), overdue: z.boolean() });

export const contentSchema = z.object({
  bureau: z.string(),
  period,
  next: period,
  language: z.enum(LANGUAGES),
  director: z.object({ name: z.string(), title: z.string().nullable(), confirmed: z.boolean() }).nullable(),
  totals: counts.extend({ regions: z.number() }),
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      counts,
      offices: z.array(z.object({ code: z.string(), name: z.string(), held: z.array(item), planned: z.array(item), contributions: z.array(z.object({ office: z.string(), round: z.string(), state: z.string(), due: z.string() })) })),
      meetings: z.array(z.object({ id: z.string(), series: z.string(), startAt: z.string(), minutesState: z.string() })),
      openActions: z.array(action),
    }),
  ),
  otherActions: z.array(action).describe('Open action items of a person or of headquarters'),
});

export const briefingSummaryResponse = z.object({
  id: z.string(),
  bureau: z.string(),
  period: z.string(),
  state: z.enum(BRIEFING_STATES),
  language: z.enum(LANGUAGES),
  director: z.string().nullable(),
  totals: counts.extend({ regions: z.number() }),
  hasNote: z.boolean(),
  composedAt: z.string(),
  sentAt: z.string().nullable(),
  version: z.number(),
});

export const briefingResponse = briefingSummaryResponse.extend({
  note: z.string().nullable(),
  content: contentSchema.describe('Composed afresh while a draft; as sent once sent'),
  delivery: z.enum(['ready', 'no-director', 'no-address']).describe('Whether it reaches the director: no-director (the registry names none for the period), no-address (no account or address for them)'),
  directorAddress: z.string().nullable(),
  recipients: z.array(z.object({ email: z.string(), name: z.string(), language: z.enum(LANGUAGES), role: z.enum(['director', 'focal-point']) })).describe('Who it went to (empty while a draft)'),
  sentBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  canManage: z.boolean().describe('Whether the caller may add the note and send it'),
});

export const directorAccountResponse = z.object({ bureau: z.string(), userId: z.string().nullable() });
export const directorAccountsResponse = z.object({ data: z.array(directorAccountResponse.extend({ email: z.string().nullable().describe("The named account's address") })) });

export type BriefingResponse = z.infer<typeof briefingResponse>;
export type BriefingSummaryResponse = z.infer<typeof briefingSummaryResponse>;
