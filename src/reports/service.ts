/**
 * Use cases of reports to the advisory groups: save and change definitions (focal points and
 * admins), and produce the document in any format and language (signed-in users). Reads the
 * registry and the register through their services, builds the report tree once, renders it.
 */
import type { Kysely } from 'kysely';
import type { Activity, Status } from '#src/activities/model.ts';
import type { ActivitiesQuery } from '#src/activities/schemas.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { recordAudit } from '#src/audit/service.ts';
import { actorLabel, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound, type FieldIssue } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { newId } from '#src/platform/ids.ts';
import type { Database } from '#src/db/schema.ts';
import type { RegistryService } from '#src/registry/service.ts';
import { buildReport, resolveNarrative, type RegistryContext, type ResolvedNarrative } from './build.ts';
import {
  DEFAULT_NARRATIVE,
  EMPTY_HEADER,
  OUTLOOK_STATUSES,
  outlookOf,
  statusesOf,
  type ReportDefinition,
  type ReportFormat,
  type ReportHeader,
} from './definition.ts';
import { currentPeriods, DUE_STATUSES, dueActivities, type DueReason } from './due.ts';
import { annexByOutput, type Annex } from '#src/annualplan/annex.ts';
import { translator } from '#src/platform/messages.ts';
import { renderers, type RenderedReport } from './render.ts';
import { createPdfPrinter } from './render-pdf.ts';
import type { CreateReportBody, PatchReportBody } from './schemas.ts';
import type { ReportTree } from './tree.ts';
import * as store from './store.ts';

export interface ReportDetails {
  definition: ReportDefinition;
  /** The narrative as it prints in the definition's language: the author's text or the generated default. */
  narrative: ResolvedNarrative[];
}

/** What an office owes the register before the report of the current reporting period. */
export interface DueList {
  /** The day it is reckoned on. */
  on: string;
  /** The saved definitions that stand for the current reporting period; none: no period is open. */
  periods: ReportDefinition[];
  activities: Array<{ activity: Activity; reasons: DueReason[] }>;
}

export interface ReportMeasure {
  format: ReportFormat;
  activities: number;
  /** Reading the same activities from the database alone. */
  readMs: number;
  /** Reading, building and rendering the report. */
  reportMs: number;
  /** reportMs / readMs */
  ratio: number;
  bytes: number;
}

export interface ReportServiceOptions {
  /** The Chromium executable that prints PDFs (the configuration's CHROMIUM_PATH), launched on the first PDF. */
  chromiumPath: string;
  /** The clock, for the default date of the TD header. */
  now?: () => Date;
}

export type ReportService = ReturnType<typeof createReportService>;

export function createReportService(
  db: Kysely<Database>,
  registry: RegistryService,
  activities: ActivityService,
  options: ReportServiceOptions,
) {
  const printer = createPdfPrinter(options.chromiumPath);
  const formats = renderers(printer);
  const today = () => (options.now?.() ?? new Date()).toISOString().slice(0, 10);

  /** The registry's part of the context, checking the Sector and advisory group on the way. */
  async function registryContext(actor: Actor, definition: { sector: string; advisoryGroup?: string | undefined }): Promise<RegistryContext> {
    const [regions, offices, bodies] = await Promise.all([registry.listRegions(actor), registry.listOffices(actor, {}), registry.listBodies(actor, {})]);
    const byCode = new Map(bodies.map((b) => [b.code, b]));
    const sector = byCode.get(definition.sector);
    const issues: FieldIssue[] = [];
    if (sector?.type !== 'sector') issues.push(issue('body.sector', 'unknown_sector', `unknown Sector "${definition.sector}"`, { value: definition.sector }));
    const advisoryGroup = definition.advisoryGroup ? byCode.get(definition.advisoryGroup) : bodies.find((b) => b.type === 'advisory-group' && b.parent === definition.sector);
    if (sector?.type === 'sector' && (advisoryGroup?.type !== 'advisory-group' || advisoryGroup.parent !== sector.code)) {
      issues.push(
        definition.advisoryGroup
          ? issue('body.advisoryGroup', 'not_an_advisory_group', `"${definition.advisoryGroup}" is not an advisory group of ${sector.code}`, { value: definition.advisoryGroup, sector: sector.code })
          : issue('body.advisoryGroup', 'no_advisory_group', `${sector.code} has no advisory group; name one`, { sector: sector.code }),
      );
    }
    if (issues.length > 0 || !sector || !advisoryGroup) throw invalid(issues);
    const studyPeriods = [
      ...new Set(bodies.filter((b) => b.type === 'study-group' && b.parent === sector.code).flatMap((b) => b.terms.map((t) => t.studyPeriod))),
    ];
    return {
      regions,
      offices: offices.map((o) => o.office),
      assignments: offices.flatMap((o) => o.assignments),
      sector,
      advisoryGroup,
      bureau: bodies.find((b) => b.type === 'bureau' && b.parent === sector.code) ?? null,
      studyPeriods,
      today: today(),
    };
  }

  /** The Sector's activities of a span, in date order, page by page through the register's own list. */
  async function readSpan(actor: Actor, definition: ReportDefinition, span: { from: string; to: string }, statuses: readonly Status[]): Promise<Activity[]> {
    return readAll(actor, {
      sector: [definition.sector],
      from: span.from,
      to: span.to,
      status: [...statuses],
      visibility: definition.visibility === 'public' ? ['public'] : undefined,
    });
  }

  /** Every live activity of a query, in date order, however many: a report has no row limit. */
  function readAll(actor: Actor, filter: Omit<ActivitiesQuery, 'sort' | 'limit' | 'deleted' | 'cursor'>): Promise<Activity[]> {
    return activities.listAll(actor, { ...filter, sort: 'date', deleted: 'exclude' }, (activity) => activity, Number.POSITIVE_INFINITY);
  }

  /** An office's activities of a definition's Sector and period, in the statuses that can be due. */
  async function readOfficeSpan(actor: Actor, office: string, definition: ReportDefinition): Promise<Activity[]> {
    return readAll(actor, { office: [office], sector: [definition.sector], from: definition.from, to: definition.to, status: [...DUE_STATUSES] });
  }

  /**
   * Every activity that counts, and those of the outlook after the period: then also those planned
   * without a date yet, last (decision 11), which no span of dates holds.
   */
  async function readActivities(actor: Actor, definition: ReportDefinition): Promise<{ activities: Activity[]; outlook: Activity[] }> {
    const after = outlookOf(definition);
    const [inPeriod, outlook, undated] = await Promise.all([
      readSpan(actor, definition, definition, statusesOf(definition.selection)),
      after ? readSpan(actor, definition, after, OUTLOOK_STATUSES) : [],
      after
        ? readAll(actor, {
            sector: [definition.sector],
            status: [...OUTLOOK_STATUSES],
            visibility: definition.visibility === 'public' ? ['public'] : undefined,
            undated: 'only',
          })
        : [],
    ]);
    return { activities: inPeriod, outlook: [...outlook, ...undated] };
  }

  async function generate(actor: Actor, definition: ReportDefinition, format: ReportFormat, language: Language, annexes: readonly Annex[] = []): Promise<RenderedReport> {
    const [ctx, read] = await Promise.all([registryContext(actor, definition), readActivities(actor, definition)]);
    const tree = buildReport(definition, { ...ctx, ...read }, language);
    return renderTree(await withAnnexes(tree, read.activities, ctx.offices, annexes, language), format, language);
  }

  /** The tree with the annexes asked for after its last section (decision 26: "Activities by plan output"). */
  async function withAnnexes(tree: ReportTree, listed: readonly Activity[], offices: RegistryContext['offices'], annexes: readonly Annex[], language: Language): Promise<ReportTree> {
    if (!annexes.includes('plan-outputs')) return tree;
    const annex = annexByOutput({ activities: listed, catalogue: await activities.planCatalogue(), offices, number: tree.sections.length + 1 }, translator(language));
    return { ...tree, sections: [...tree.sections, annex] };
  }

  async function renderTree(tree: ReportTree, format: ReportFormat, language: Language): Promise<RenderedReport> {
    const renderer = formats[format];
    return { body: await renderer.render(tree, language), contentType: renderer.contentType, fileName: `${tree.fileName}.${format}`, activityCount: tree.activityCount };
  }

  /** An unsaved definition from a create request (the command line's one-off reports). */
  function draft(actor: Actor, input: CreateReportBody): ReportDefinition {
    const at = new Date().toISOString();
    const by = actorLabel(actor);
    return {
      id: newId(),
      sector: input.sector,
      advisoryGroup: input.advisoryGroup ?? '',
      from: input.from,
      to: input.to,
      selection: input.selection,
      visibility: input.visibility,
      itemText: input.itemText,
      outlookMonths: input.outlookMonths,
      language: input.language,
      originalLanguage: input.originalLanguage,
      header: { ...EMPTY_HEADER, ...input.header },
      narrative: input.narrative ?? [...DEFAULT_NARRATIVE],
      version: 1,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    };
  }

  /** Fills in the advisory group from the registry when the author left it out. */
  async function checked(actor: Actor, definition: ReportDefinition): Promise<{ definition: ReportDefinition; ctx: RegistryContext }> {
    const ctx = await registryContext(actor, { sector: definition.sector, advisoryGroup: definition.advisoryGroup || undefined });
    return { definition: { ...definition, advisoryGroup: ctx.advisoryGroup.code }, ctx };
  }

  async function details(actor: Actor, definition: ReportDefinition, ctx?: RegistryContext): Promise<ReportDetails> {
    const context = ctx ?? (await registryContext(actor, definition));
    return { definition, narrative: resolveNarrative(definition, context, definition.language) };
  }

  async function visibleReport(id: string): Promise<ReportDefinition> {
    const report = await store.findReport(db, id);
    if (!report) throw notFound('report_not_found', `There is no report ${id}.`);
    return report;
  }

  return {
    async create(actor: Actor, input: CreateReportBody): Promise<ReportDetails> {
      requireAccess(actor, 'reports:write');
      const { definition, ctx } = await checked(actor, draft(actor, input));
      requireAccess(actor, 'reports:write', { bureau: ctx.bureau?.code ?? null });
      await db.transaction().execute(async (trx) => {
        await store.insertReport(trx, definition);
        await recordAudit(trx, actor, { action: 'report.create', entityType: 'report', entityId: definition.id, after: definition });
      });
      return details(actor, definition, ctx);
    },

    async list(actor: Actor): Promise<ReportDetails[]> {
      requireAccess(actor, 'internal:read');
      const definitions = await store.listReports(db);
      // One registry read per Sector and advisory group, not per definition.
      const contexts = new Map<string, Promise<RegistryContext>>();
      return Promise.all(
        definitions.map(async (definition) => {
          const key = `${definition.sector}/${definition.advisoryGroup}`;
          if (!contexts.has(key)) contexts.set(key, registryContext(actor, definition));
          return details(actor, definition, await contexts.get(key));
        }),
      );
    },

    /**
     * What an office still owes the register before the report of the current reporting period
     * (see due.ts), reckoned on `on` (default today).
     */
    async due(actor: Actor, office: string, on?: string): Promise<DueList> {
      requireAccess(actor, 'internal:read');
      await registry.getOffice(actor, office);
      const day = on ?? today();
      const periods = currentPeriods(await store.listReports(db), day).sort((a, b) => a.sector.localeCompare(b.sector) || a.from.localeCompare(b.from));
      const read = await Promise.all(periods.map((definition) => readOfficeSpan(actor, office, definition)));
      return { on: day, periods, activities: dueActivities(read.flat(), day) };
    },

    async get(actor: Actor, id: string): Promise<ReportDetails> {
      requireAccess(actor, 'internal:read');
      return details(actor, await visibleReport(id));
    },

    async update(actor: Actor, id: string, patch: PatchReportBody): Promise<ReportDetails> {
      requireAccess(actor, 'reports:write');
      const current = await visibleReport(id);
      if (patch.version !== current.version) {
        throw conflict('version_conflict', `The report changed since version ${patch.version}; it is now at version ${current.version}.`);
      }
      const header = Object.fromEntries(Object.entries(patch.header ?? {}).filter(([, v]) => v !== undefined)) as Partial<ReportHeader>;
      const merged: ReportDefinition = {
        ...current,
        advisoryGroup: patch.advisoryGroup ?? current.advisoryGroup,
        from: patch.from ?? current.from,
        to: patch.to ?? current.to,
        selection: patch.selection ?? current.selection,
        visibility: patch.visibility ?? current.visibility,
        itemText: patch.itemText ?? current.itemText,
        outlookMonths: patch.outlookMonths ?? current.outlookMonths,
        language: patch.language ?? current.language,
        originalLanguage: patch.originalLanguage ?? current.originalLanguage,
        header: { ...current.header, ...header },
        narrative: patch.narrative ?? current.narrative,
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: actorLabel(actor),
      };
      if (merged.to < merged.from) throw invalid([issue(patch.to ? 'body.to' : 'body.from', 'before_start', `the period would end (${merged.to}) before it starts (${merged.from})`, { from: merged.from, to: merged.to })]);
      const { definition, ctx } = await checked(actor, merged);
      requireAccess(actor, 'reports:write', { bureau: ctx.bureau?.code ?? null });
      const written = await db.transaction().execute(async (trx) => {
        if (!(await store.updateReport(trx, definition, current.version))) return false;
        await recordAudit(trx, actor, { action: 'report.update', entityType: 'report', entityId: id, before: current, after: definition });
        return true;
      });
      if (!written) {
        const now = await visibleReport(id);
        throw conflict('version_conflict', `The report changed while saving; it is now at version ${now.version}.`);
      }
      return details(actor, definition, ctx);
    },

    /** A saved definition as a document, in its own language unless another is asked for. */
    async render(actor: Actor, id: string, format: ReportFormat, language?: Language, annexes: readonly Annex[] = []): Promise<RenderedReport> {
      requireAccess(actor, 'internal:read');
      const definition = await visibleReport(id);
      return generate(actor, definition, format, language ?? definition.language, annexes);
    },

    /**
     * A tree built elsewhere (a compiled round) with the annexes asked for, over the activities
     * the round's report definition counts.
     */
    async addAnnexes(actor: Actor, tree: ReportTree, definition: ReportDefinition, annexes: readonly Annex[], language: Language): Promise<ReportTree> {
      requireAccess(actor, 'internal:read');
      if (annexes.length === 0) return tree;
      const [ctx, read] = await Promise.all([registryContext(actor, definition), readActivities(actor, definition)]);
      return withAnnexes(tree, read.activities, ctx.offices, annexes, language);
    },

    /** A document from a definition that is not saved. */
    async renderDraft(actor: Actor, input: CreateReportBody, format: ReportFormat, language?: Language): Promise<RenderedReport> {
      requireAccess(actor, 'internal:read');
      const { definition } = await checked(actor, draft(actor, input));
      return generate(actor, definition, format, language ?? definition.language);
    },

    /**
     * For the benchmark: the time to produce a report next to the time to read the same activities
     * from the database alone. Call after the activities are in the register, e.g.
     * `reports.measure(SYSTEM, { sector: 'ITU-T', from, to, ...defaults }, 'docx')`.
     */
    async measure(actor: Actor, input: CreateReportBody, format: ReportFormat, language?: Language): Promise<ReportMeasure> {
      requireAccess(actor, 'internal:read');
      const { definition } = await checked(actor, draft(actor, input));
      const t0 = performance.now();
      const read = await readActivities(actor, definition);
      const t1 = performance.now();
      const rendered = await generate(actor, definition, format, language ?? definition.language);
      const t2 = performance.now();
      const readMs = t1 - t0;
      const reportMs = t2 - t1;
      return {
        format,
        activities: read.activities.length + read.outlook.length,
        readMs,
        reportMs,
        ratio: readMs > 0 ? reportMs / readMs : Number.POSITIVE_INFINITY,
        bytes: typeof rendered.body === 'string' ? Buffer.byteLength(rendered.body) : rendered.body.length,
      };
    },

    /**
     * The registry as a report reads it for a Sector and its advisory group (the Sector's one when
     * none is named): what a reporting round compiles its report against. Unknown or mismatched
     * codes are refused naming `body.sector` / `body.advisoryGroup`.
     */
    async registryContext(actor: Actor, of: { sector: string; advisoryGroup?: string | undefined }): Promise<RegistryContext> {
      requireAccess(actor, 'internal:read');
      return registryContext(actor, of);
    },

    /**
     * A report tree built elsewhere (a compiled round) as a document: the one place formats are
     * mapped to renderers. The caller has checked access when it built the tree.
     */
    renderTree,

    /** Closes the PDF printer's browser, if one was launched. */
    async close(): Promise<void> {
      await printer.close();
    },
  };
}
