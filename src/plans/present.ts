/** What of the plans leaves the server (all of it is public: the plans are public documents). */
import type { Language } from '#src/platform/i18n.ts';
import { titleIn, type Plan, type PlanItem } from './model.ts';
import type { PlanDetails } from './service.ts';

export function presentPlan(plan: Plan, language: Language) {
  return {
    code: plan.code,
    kind: plan.kind,
    sector: plan.sector,
    year: plan.year,
    from: plan.from,
    to: plan.to,
    name: titleIn(plan.names, language),
    names: plan.names,
    copiedFrom: plan.copiedFrom,
    confirmed: plan.confirmed,
    source: plan.source,
    version: plan.version,
  };
}

export function presentItem(item: PlanItem, language: Language, linkedActivities?: number) {
  return {
    id: item.id,
    plan: item.plan,
    level: item.level,
    label: item.label,
    parent: item.parent,
    serves: item.serves,
    region: item.region,
    title: titleIn(item.titles, language),
    titles: item.titles,
    retiredFrom: item.retiredFrom,
    confirmed: item.confirmed,
    source: item.source,
    version: item.version,
    updatedAt: item.updatedAt,
    ...(linkedActivities === undefined ? {} : { linkedActivities }),
  };
}

export function presentPlanDetails(details: PlanDetails, language: Language) {
  return { ...presentPlan(details.plan, language), items: details.items.map((i) => presentItem(i, language, details.linkCounts.get(i.id) ?? 0)) };
}
