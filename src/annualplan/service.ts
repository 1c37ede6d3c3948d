/**
 * Use cases of the offices' annual plans (decision 26): anyone reads a contribution (the public
 * office page shows it); the office's editors, focal points of the Sector's bureau and admins write
 * it at its version (409 when stale, every change audited); the annual plan by output, for the page
 * and as a document through the reports' renderers.
 */
import type { Kysely } from 'kysely';
import type { Activity } from '#src/activities/model.ts';
import type { ActivityService } from '#src/activities/service.ts';
import { historyOf, recordAudit, type HistoryEntry } from '#src/audit/service.ts';
import type { Database } from '#src/db/schema.ts';
import { actorLabel, ANONYMOUS, requireAccess, type Actor } from '#src/platform/access.ts';
import { conflict, invalid, issue, notFound } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { todayUtc } from '#src/publishing/model.ts';
import type { PlanCatalogue, PlanItem } from '#src/plans/model.ts';
import type { PlanService } from '#src/plans/service.ts';
import { compareBodies, type Office } from '#src/registry/model.ts';
import type { RegistryService } from '#src/registry/service.ts';
import type { ReportFormat } from '#src/reports/definition.ts';
import type { RenderedReport } from '#src/reports/render.ts';
import type { ReportService } from '#src/reports/service.ts';
import { annualPlanDocument } from './document.ts';
import { annualPlanByOutput, contributableItems, emptyContribution, entryIssues, plannedUnder, type AnnualPlanByOutput, type ContributionEntry, type PlanContribution } from './model.ts';
import * as store from './store.ts';

/** The most activities an office-year's annual plan reads (the public page's own limit). */
export const ANNUAL_PLAN_MAX_ACTIVITIES = 5_000;

export interface ContributionDetails {
  contribution: PlanContribution;
  /** The items the office may name for the Sector and year (the editor's choices). */
  choices: PlanItem[];
  /** The office's planned and confirmed activities linked to each entry's item, as the reader may see them. */
  planned: Map<string, Activity[]>;
}

export interface SaveInput {
  version: number;
  entries: ContributionEntry[];
}

/** Bookkeeping fields left out of a contribution's history. */
const HISTORY_IGNORES = ['version', 'updatedAt', 'updatedBy'];

const entityId = (office: string, sector: string, year: number) => `${office}/${sector}/${year}`;

export type AnnualPlanService = ReturnType<typeof createAnnualPlanService>;

export function createAnnualPlanService(db: Kysely<Database>, deps: { registry: RegistryService; plans: PlanService; activities: ActivityService; reports: ReportService }) {
  const { registry, plans, activities, reports } = deps;

  async function requireOffice(code: string): Promise<Office> {
    const snapshot = await registry.snapshot(ANONYMOUS);
    const found = snapshot.offices.find((o) => o.office.code === code);
    if (!found) throw notFound('office_not_found', `There is no office "${code.slice(0, 80)}".`);
    return found.office;
  }

  /** The Sector's bureau, whose focal points write its contributions; an unknown Sector is refused by its path. */
  async function bureauOf(sector: string): Promise<string | null> {
    const { bodies } = await registry.snapshot(ANONYMOUS);
    if (!bodies.some((b) => b.type === 'sector' && b.code === sector)) throw invalid([issue('path.sector', 'unknown_sector', `"${sector}" is not a Sector`, { value: sector })]);
    return bodies.find((b) => b.type === 'bureau' && b.parent === sector)?.code ?? null;
  }

  async function sectorOrder(): Promise<string[]> {
    const { bodies } = await registry.snapshot(ANONYMOUS);
    return bodies.filter((b) => b.type === 'sector').sort(compareBodies).map((b) => b.code);
  }

  /** The office's activities touching the year, as the actor may see them, in date order. */
  function yearActivities(actor: Actor, office: string, year: number): Promise<Activity[]> {
    return activities.listAll(actor, { office: [office], from: `${year}-01-01`, to: `${year}-12-31`, sort: 'date', deleted: 'exclude', undated: 'include' }, (a) => a, ANNUAL_PLAN_MAX_ACTIVITIES);
  }

  async function details(actor: Actor, office: Office, contribution: PlanContribution, catalogue: PlanCatalogue): Promise<ContributionDetails> {
    const year = await yearActivities(actor, office.code, contribution.year);
    const planned = new Map<string, Activity[]>();
    for (const entry of contribution.entries) {
      const item = catalogue.items.get(entry.item);
      if (item) planned.set(entry.item, plannedUnder(catalogue, item, year));
    }
    return { contribution, choices: contributableItems(catalogue, contribution.sector, contribution.year, office.region), planned };
  }

  async function read(actor: Actor, code: string, sector: string, year: number): Promise<ContributionDetails> {
    requireAccess(actor, 'registry:read');
    const office = await requireOffice(code);
    await bureauOf(sector);
    const contribution = (await store.findContribution(db, code, sector, year)) ?? emptyContribution(code, sector, year);
    return details(actor, office, contribution, await plans.catalogue());
  }

  /** The annual plan by output as the actor may see it: the contributions and the year's activities. */
  async function byOutput(actor: Actor, code: string, year: number, yearList?: readonly Activity[]): Promise<AnnualPlanByOutput> {
    requireAccess(actor, 'registry:read');
    await requireOffice(code);
    const [contributions, catalogue, order, list] = await Promise.all([
      store.listContributions(db, code, year),
      plans.catalogue(),
      sectorOrder(),
      yearList ? Promise.resolve(yearList) : yearActivities(actor, code, year),
    ]);
    return annualPlanByOutput(catalogue, contributions, list, order);
  }

  return {
    catalogue: () => plans.catalogue(),
    /** Moves with every contribution written: the public pages' stamp includes it. */
    marker: () => store.contributionMarker(db),
    get: read,
    byOutput,

    /** Every contribution of an office for a year (the Sectors it wrote for). */
    async listForYear(actor: Actor, code: string, year: number): Promise<PlanContribution[]> {
      requireAccess(actor, 'registry:read');
      await requireOffice(code);
      return store.listContributions(db, code, year);
    },

    async history(actor: Actor, code: string, sector: string, year: number): Promise<HistoryEntry[]> {
      requireAccess(actor, 'internal:read');
      await requireOffice(code);
      await bureauOf(sector);
      return historyOf(db, 'office_plan_contribution', entityId(code, sector, year), HISTORY_IGNORES);
    },

    /** Writes the contribution at the version read (0 for the first); 409 when another write came first. */
    async save(actor: Actor, code: string, sector: string, year: number, input: SaveInput): Promise<ContributionDetails> {
      const office = await requireOffice(code);
      const bureau = await bureauOf(sector);
      requireAccess(actor, 'plan-contributions:write', { office: code, bureau });
      const current = (await store.findContribution(db, code, sector, year)) ?? emptyContribution(code, sector, year);
      if (input.version !== current.version) {
        throw conflict('version_conflict', `The plan contribution changed since version ${input.version}; it is now at version ${current.version}.`);
      }
      const catalogue = await plans.catalogue();
      const issues = entryIssues(catalogue, { sector, year, region: office.region }, input.entries);
      if (issues.length > 0) throw invalid(issues);
      const next: PlanContribution = { ...current, entries: input.entries, version: current.version + 1, updatedAt: new Date().toISOString(), updatedBy: actorLabel(actor) };
      const stored = await db.transaction().execute(async (trx) => {
        const written = current.version === 0 ? await store.insertContribution(trx, next) : await store.updateContribution(trx, next, current.version);
        if (!written) return false;
        await recordAudit(trx, actor, {
          action: current.version === 0 ? 'office_plan_contribution.create' : 'office_plan_contribution.update',
          entityType: 'office_plan_contribution',
          entityId: entityId(code, sector, year),
          ...(current.version === 0 ? {} : { before: current }),
          after: next,
        });
        return true;
      });
      if (!stored) throw conflict('version_conflict', 'The plan contribution changed while saving; try again.');
      return details(actor, office, next, catalogue);
    },

    /** The annual plan by output as a document (DOCX, PDF, HTML, Markdown) in the reports' style. */
    async document(actor: Actor, code: string, year: number, format: ReportFormat, language: Language): Promise<RenderedReport> {
      const office = await requireOffice(code);
      const plan = await byOutput(actor, code, year);
      const { bodies } = await registry.snapshot(ANONYMOUS);
      const tree = annualPlanDocument({ office, year, plan, bodies, today: todayUtc() }, language);
      return reports.renderTree(tree, format, language);
    },
  };
}
