/** Zod schemas of the register's requests and responses (also the OpenAPI document). */
import { z } from 'zod';
import { LANGUAGES, languageParam } from '#src/platform/i18n.ts';
import { REGION_CODES } from '#src/registry/reference.ts';
import { DAY_ORDERS, FUZZY_PRECISIONS, MAX_FUZZY_DATE_LENGTH } from './fuzzy-date.ts';
import { PLAN_LEVELS } from '#src/plans/model.ts';
import { ACTIVITY_KINDS, OFFICE_ROLES, PLACE_MODES, RELATION_KINDS, STATUSES, VISIBILITIES } from './model.ts';

export const TITLE_MAX = 500;
export const TEXT_MAX = 20_000;

const code = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a code such as "addis-ababa" or "SG12RG-AFR"');
const isoDay = z.iso.date();
const planItemId = z.string().min(1).max(100).regex(/^[A-Za-z0-9-]+:[a-z]+:[A-Za-z0-9.-]+$/, 'must be a plan item id such as "T-2020:output:T.2-1"');

/** Text in one or more of the six languages: `{"en": "...", "fr": "..."}`. */
const texts = (max: number) =>
  z
    .object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().min(1).max(max).optional()])) as Record<
      (typeof LANGUAGES)[number],
      z.ZodOptional<z.ZodString>
    >)
    .strict()
    .refine((value) => Object.values(value).some((v) => v !== undefined), { message: 'needs the text in at least one language', params: { code: 'required' } });

const place = z
  .object({
    mode: z.enum(PLACE_MODES).optional().describe('in-person (default when a city is given), online or hybrid'),
    online: z.boolean().optional().describe('Shorthand: true means mode "online"'),
    city: z.string().trim().min(1).max(200).nullable().optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as "TD"').nullable().optional(),
  })
  .strict();

const provenance = z.discriminatedUnion('source', [
  z.object({ source: z.literal('manual') }).strict(),
  z
    .object({
      source: z.literal('import'),
      document: z.string().min(1).max(500),
      section: z.string().max(200).nullable().optional(),
      item: z.string().max(50).nullable().optional(),
      text: z.string().max(TEXT_MAX).nullable().optional(),
      batch: z.string().max(64).nullable().optional(),
    })
    .strict(),
]);

const activityFields = {
  title: texts(TITLE_MAX),
  originalLanguage: z.enum(LANGUAGES).optional().describe('Language the activity was written in; required when the title is in several languages'),
  kind: z.enum(ACTIVITY_KINDS),
  status: z.enum(STATUSES).default('planned'),
  statusReason: z.string().trim().max(1000).optional().describe('Why the status changed, kept in its history'),
  visibility: z.enum(VISIBILITIES).default('public'),
  offices: z
    .array(z.object({ office: code, role: z.enum(OFFICE_ROLES) }).strict())
    .min(1, 'needs at least one office')
    .max(20),
  sectors: z.array(code).max(4).default([]),
  bodies: z.array(code).max(50).default([]),
  plans: z
    .array(planItemId)
    .max(50)
    .default([])
    .describe('Plan items the activity serves: outputs, regional initiatives, goals or targets ("T-2020:output:T.2-1", "WTDC-17:initiative:CIS3"); the levels above are computed'),
  date: z
    .object({
      text: z
        .string()
        .max(MAX_FUZZY_DATE_LENGTH)
        .optional()
        .describe(
          'As written, in any of the six languages: "2 - 3 March 2020", "mid November 2020", "early 2021", "week of 9 November 2020", "20/05/2020", "du 12 au 14 juin 2021", "3–5 марта 2020 г."; "TBD" / "to be decided" (and the same in the other languages) for an activity planned without a date (precision `undated`)',
        ),
      start: isoDay.optional(),
      end: isoDay.optional(),
      order: z
        .enum(DAY_ORDERS)
        .optional()
        .describe('How to read a numeric date whose numbers could both be the month ("05/06/2020"): dmy (day first, the default) or mdy'),
    })
    .strict(),
  place: place.nullable().optional(),
  description: texts(TEXT_MAX).optional(),
  outcome: texts(TEXT_MAX).optional(),
  participants: z.number().int().min(0).max(10_000_000).nullable().optional(),
  links: z
    .array(z.object({ url: z.url({ protocol: /^https?$/ }), title: z.string().trim().max(300).nullable().optional() }).strict())
    .max(50)
    .default([]),
  related: z.array(z.object({ activity: z.uuid(), kind: z.enum(RELATION_KINDS) }).strict()).max(50).default([]),
  provenance: provenance.optional(),
};

export const createActivityBody = z.object(activityFields).strict();
export type CreateActivityBody = z.infer<typeof createActivityBody>;

export const patchActivityBody = z
  .object({
    version: z.number().int().min(1).describe('The version this change is based on; a stale one gets 409 with the current state'),
    title: activityFields.title.optional(),
    originalLanguage: activityFields.originalLanguage,
    kind: activityFields.kind.optional(),
    status: z.enum(STATUSES).optional(),
    statusReason: activityFields.statusReason,
    visibility: z.enum(VISIBILITIES).optional(),
    offices: activityFields.offices.optional(),
    sectors: z.array(code).max(4).optional(),
    bodies: z.array(code).max(50).optional(),
    plans: z.array(planItemId).max(50).optional(),
    date: activityFields.date.optional(),
    place: activityFields.place,
    description: texts(TEXT_MAX).nullable().optional(),
    outcome: texts(TEXT_MAX).nullable().optional(),
    participants: activityFields.participants,
    links: activityFields.links.unwrap().optional(),
    related: activityFields.related.unwrap().optional(),
  })
  .strict();
export type PatchActivityBody = z.infer<typeof patchActivityBody>;

/**
 * The fields of a body that pass their own schema when the body as a whole did not, so the
 * register can check them further and name every fault at once (`withEveryFault`).
 */
export function fieldsThatParse(schema: z.ZodObject, raw: unknown): Omit<PatchActivityBody, 'version'> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const parsed: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    if (name === 'version' || !(name in raw)) continue;
    const result = (field as z.ZodType).safeParse((raw as Record<string, unknown>)[name]);
    if (result.success && result.data !== undefined) parsed[name] = result.data;
  }
  return parsed as Omit<PatchActivityBody, 'version'>;
}

export const activityParams = z.object({ id: z.uuid('must be an activity id') });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

const planFilterValue = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9.:-]*$/, 'must be a label such as "T.2-1" or "CIS3", or an id');

/** "a,b" or repeated values, each checked. */
const listOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(30));

export const SORTS = ['date', '-date', 'updated'] as const;

/** The list as JSON (pages), or every matching activity as one CSV or XLSX file. */
export const LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const activitiesQuery = z
  .object({
    office: listOf(code).optional(),
    region: listOf(z.enum(REGION_CODES)).optional(),
    sector: listOf(code).optional(),
    bureau: listOf(code).optional(),
    body: listOf(code).optional(),
    output: listOf(planFilterValue).optional().describe('Activities serving an output: its label ("T.2-1", any plan), "plan:label" ("T-2020:T.2-1") or its id'),
    initiative: listOf(planFilterValue).optional().describe('Activities serving a regional initiative: "CIS3", "WTDC-17:CIS3" or its id'),
    goal: listOf(planFilterValue)
      .optional()
      .describe('Activities serving a strategic goal ("2", "SP-2020:2" or its id): linked to it, to one of its targets, or to an objective serving it or its outcomes and outputs'),
    kind: listOf(z.enum(ACTIVITY_KINDS)).optional(),
    status: listOf(z.enum(STATUSES)).optional(),
    visibility: listOf(z.enum(VISIBILITIES)).optional(),
    from: isoDay.optional().describe('Activities whose date range reaches this day or later'),
    to: isoDay.optional().describe('Activities whose date range starts on or before this day'),
    q: z.string().max(500).optional().describe('Words in the title, description, place or linked bodies'),
    sort: z.enum(SORTS).default('date'),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    deleted: z.enum(['exclude', 'include', 'only']).default('exclude').describe('Deleted activities (signed-in users only)'),
    undated: z
      .enum(['include', 'exclude', 'only'])
      .optional()
      .describe('Activities planned without a date (precision `undated`): include (the default) lists them after the dated ones; a from/to window holds only dated ones'),
    lang: languageParam,
    format: z
      .enum(LIST_FORMATS)
      .optional()
      .describe(
        'json (default), or csv / xlsx: every matching activity in one file, cursor and limit aside (also chosen by Accept: text/csv or the XLSX type)',
      ),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'is before from', params: { code: 'before_start' } });
export type ActivitiesQuery = z.infer<typeof activitiesQuery>;

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * The register's columns a file may fill, as the `columns` of an import name them: the same list
 * as `files/header-words.ts` IMPORTABLE_COLUMNS (which imports this module; its test holds them equal).
 */
const IMPORTABLE = ['id', 'title', 'original_language', 'kind', 'status', 'visibility', 'offices', 'sectors', 'bodies', 'date_text', 'date_start', 'date_end', 'place_mode', 'place_city', 'place_country', 'participants', 'description', 'outcome', 'links', 'version', 'outputs', 'initiatives', 'goals'] as const;

/** `columns=title,,kind`: what each heading of the file holds, in order; empty for a heading left out. */
const importColumns = z
  .string()
  .max(4000)
  .transform((text) => text.split(',').map((name) => name.trim()))
  .pipe(z.array(z.union([z.enum(IMPORTABLE), z.literal('')])).max(200))
  .transform((names) => names.map((name) => (name === '' ? null : name)))
  .optional()
  .describe(
    `What each heading of the file holds, in the order of the header row, comma-separated; empty for a heading to leave out (e.g. "title,original_language,,kind,offices,date_text"). One of: ${IMPORTABLE.join(', ')}. Without it, guessed from the headings in any of the six languages (as the preview shows).`,
  );

export const importPreviewQuery = z.object({ columns: importColumns }).strict();

export const templateQuery = z
  .object({
    lang: languageParam,
    format: z.enum(['csv', 'xlsx']).default('csv').describe('csv (default) or xlsx'),
  })
  .strict();

export const importQuery = z
  .object({
    columns: importColumns,
    mode: z
      .enum(IMPORT_MODES)
      .default('all-or-nothing')
      .describe('all-or-nothing (default): one refused row and nothing is stored; valid-rows: store the rows that pass, report the rest'),
    dryRun: z.stringbool().default(false).describe('true: check every row and report, store nothing'),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuery>;

/** The file itself is the request body (CSV or XLSX), read as bytes by the route's content-type parser. */
export const importFileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), {
    message: 'send the file as the request body, with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
  .meta({ type: 'string', format: 'binary', description: 'A CSV (UTF-8) or XLSX file with a header row; the columns are those of the export' });

// ---- responses ----

const textsResponse = z.partialRecord(z.enum(LANGUAGES), z.string());

export const activityResponse = z.object({
  id: z.string(),
  title: textsResponse,
  originalLanguage: z.enum(LANGUAGES),
  kind: z.enum(ACTIVITY_KINDS),
  status: z.enum(STATUSES),
  visibility: z.enum(VISIBILITIES),
  offices: z.array(z.object({ office: z.string(), role: z.enum(OFFICE_ROLES) })),
  sectors: z.array(z.string()),
  bureaux: z.array(z.string()),
  bodies: z.array(z.string()),
  plans: z.array(z.string()).describe('The plan items the activity links (ids)'),
  planLinks: z
    .array(
      z.object({
        id: z.string(),
        plan: z.string(),
        level: z.enum(PLAN_LEVELS),
        label: z.string(),
        titles: textsResponse,
        region: z.string().nullable(),
        direct: z.boolean().describe('false: a level computed above a link (an output\'s objective, the goals it serves)'),
      }),
    )
    .describe('The linked plan items and, computed, the levels above them'),
  date: z.object({ text: z.string(), start: z.string(), end: z.string(), precision: z.enum(FUZZY_PRECISIONS) }),
  place: z.object({ mode: z.enum(PLACE_MODES), online: z.boolean(), city: z.string().nullable(), country: z.string().nullable() }).nullable(),
  description: textsResponse,
  outcome: textsResponse,
  participants: z.number().nullable(),
  links: z.array(z.object({ url: z.string(), title: z.string().nullable() })),
  related: z.array(z.object({ activity: z.string(), kind: z.enum(RELATION_KINDS) })),
  /** Staff only: where an imported activity came from (document, passage, batch). */
  provenance: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  /** Staff only: who made the changes. */
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
  deletedBy: z.string().nullable().optional(),
  statusHistory: z
    .array(z.object({ from: z.enum(STATUSES).nullable(), to: z.enum(STATUSES), reason: z.string().nullable().optional().describe('Staff only'), at: z.string(), by: z.string().optional().describe('Staff only') }))
    .optional(),
});
export type ActivityResponse = z.infer<typeof activityResponse>;

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

const rowErrors = z
  .array(
    z.object({
      column: z.string().describe('The column at fault, or "row"'),
      code: z.string().describe('Stable, as the code of a field issue (see the FieldIssue schema); version_conflict: the activity changed since the file was exported'),
      message: z.string().describe('In English'),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  )
  .optional();
const chosenColumns = z.array(z.enum(IMPORTABLE).nullable()).describe('What each heading holds, in header order (null: left out)');
const changedColumns = z.array(z.string()).optional().describe('An update: the columns whose change alters the activity');

export const importReportResponse = z.object({
  mode: z.enum(IMPORT_MODES),
  dryRun: z.boolean(),
  stored: z.number().int().describe('Activities stored by this request (added and updated)'),
  created: z.number().int().describe('Activities added by this request'),
  updated: z.number().int().describe('Activities updated by this request'),
  refused: z.number().int().describe('Rows refused'),
  summary: z.string().describe('What happened, in a sentence'),
  columns: chosenColumns,
  ignoredColumns: z.array(z.string()).describe('Headings left out (not a column of the register, or not chosen)'),
  rows: z.array(
    z.object({
      row: z.number().int().describe('Spreadsheet row number (the header is row 1)'),
      status: z
        .enum(['taken', 'valid', 'unchanged', 'refused'])
        .describe('taken: stored; valid: would be stored (dry run, or held back by all-or-nothing); unchanged: the activity is already as the row says, nothing written; refused: see errors'),
      action: z.enum(['create', 'update']).optional().describe('What a taken or valid row does'),
      id: z.string().optional().describe('The activity added, updated or named'),
      changed: changedColumns,
      errors: rowErrors,
    }),
  ),
});

export const importPreviewResponse = z.object({
  header: z.array(z.string()).describe('The headings of the file, as written'),
  firstRow: z.array(z.string()).describe("The first row's cells, to show beside the headings"),
  columns: chosenColumns,
  problems: z
    .array(z.object({ code: z.enum(['column_missing', 'column_twice', 'columns_not_matching_header']), column: z.string().optional(), message: z.string().describe('In English') }))
    .describe('What is wrong with the columns; while there is something, no row is read'),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged', 'refused']),
      id: z.string().optional(),
      title: z.string().optional().describe('The title in its original language'),
      changed: changedColumns,
      errors: rowErrors,
    }),
  ),
});
export type ImportPreviewResponse = z.infer<typeof importPreviewResponse>;
export type ImportReportResponse = z.infer<typeof importReportResponse>;
