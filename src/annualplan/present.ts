/** What of a plan contribution leaves the server: the office's texts, its items, and the linked activities the caller may see. */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import type { Activity } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { PlanCatalogue, PlanItem } from '#src/plans/model.ts';
import { localise } from '#src/registry/model.ts';
import { activityTitle } from './annex.ts';
import type { PlanContribution } from './model.ts';
import type { ContributionDetails } from './service.ts';

export const presentItemSummary = (item: PlanItem, language: Language) => ({ id: item.id, plan: item.plan, level: item.level, label: item.label, title: localise(item.titles, language).text });

const presentActivity = (a: Activity, language: Language) => ({ id: a.id, title: activityTitle(a, language), date: formatFuzzyDate(a.date, language), status: a.status });

/** A missing item (never in practice: items are retired, not deleted) still shows its id. */
const itemOrId = (catalogue: PlanCatalogue, id: string, language: Language) => {
  const item = catalogue.items.get(id);
  return item ? presentItemSummary(item, language) : { id, plan: '', level: '', label: id, title: id };
};

export function presentContribution(c: PlanContribution, catalogue: PlanCatalogue, language: Language, planned?: ReadonlyMap<string, Activity[]>) {
  return {
    office: c.office,
    sector: c.sector,
    year: c.year,
    version: c.version,
    updatedAt: c.updatedAt,
    updatedBy: c.updatedBy,
    entries: c.entries.map((e) => ({ item: itemOrId(catalogue, e.item, language), text: e.text, planned: (planned?.get(e.item) ?? []).map((a) => presentActivity(a, language)) })),
  };
}

export function presentDetails(details: ContributionDetails, catalogue: PlanCatalogue, language: Language) {
  return {
    ...presentContribution(details.contribution, catalogue, language, details.planned),
    choices: details.choices.map((i) => presentItemSummary(i, language)),
  };
}
