/**
 * The reports' annex "Activities by plan output" (decision 26): a table per output or regional
 * initiative that the report's activities link (office, activity, date, status), in label order.
 * An activity linked to two outputs is in both tables. Pure: no I/O.
 */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Translator } from '#src/platform/messages.ts';
import type { PlanCatalogue, PlanItem } from '#src/plans/model.ts';
import { localise, type Office } from '#src/registry/model.ts';
import type { Block, Section } from '#src/reports/tree.ts';
import { itemKey } from './model.ts';

export const ANNEXES = ['plan-outputs'] as const;
export type Annex = (typeof ANNEXES)[number];

/** "T.2-1 Bridging the standardization gap …" in the language asked (English when it has no title there). */
export const itemHeading = (item: PlanItem, language: Language): string => `${item.label} ${localise(item.titles, language).text}`.trim();

/** An activity's title in the language asked, else its original. */
export const activityTitle = (activity: Activity, language: Language): string => textIn(activity.title, language, activity.originalLanguage)?.text ?? '';

/** The annex's columns and one row per activity of an output. */
function annexTable(t: Translator, heading: string, list: readonly Activity[], officeName: (code: string) => string): Block {
  const language = t.language;
  return {
    kind: 'table',
    caption: heading,
    columns: [t.t('annualplan.annex.office'), t.t('annualplan.annex.activity'), t.t('annualplan.annex.date'), t.t('annualplan.annex.status')],
    rows: list.map((a) => [[...new Set(a.offices.map((o) => o.office))].map(officeName).join(', '), activityTitle(a, language), formatFuzzyDate(a.date, language), t.t(`site.status.${a.status}`)]),
  };
}

export function annexByOutput(
  input: { activities: readonly Activity[]; catalogue: PlanCatalogue; offices: readonly Office[]; number: number },
  t: Translator,
): Section {
  const { catalogue } = input;
  const names = new Map(input.offices.map((o) => [o.code, localise(o.names, t.language).text]));
  const tables = new Map<string, { item: PlanItem; activities: Activity[] }>();
  let unlinked = 0;
  for (const activity of input.activities) {
    const keys = new Map<string, PlanItem>();
    for (const id of activity.plans) {
      const item = catalogue.items.get(id);
      if (item && (item.level === 'output' || item.level === 'initiative')) keys.set(itemKey(catalogue, item), item);
    }
    if (keys.size === 0) unlinked += 1;
    for (const [key, item] of keys) {
      const table = tables.get(key) ?? { item, activities: [] };
      table.activities.push(activity);
      tables.set(key, table);
    }
  }
  const ordered = [...tables.values()].sort((a, b) => a.item.label.localeCompare(b.item.label, 'en', { numeric: true }));
  const blocks: Block[] = ordered.map(({ item, activities }) => annexTable(t, itemHeading(item, t.language), activities, (code) => names.get(code) ?? code));
  const count = new Intl.NumberFormat(t.language).format(unlinked);
  if (ordered.length === 0) blocks.push({ kind: 'paragraph', inlines: [{ text: t.t('annualplan.annex.none') }] });
  if (unlinked > 0) blocks.push({ kind: 'paragraph', inlines: [{ text: t.t('annualplan.annex.unlinked', { count }), italic: true }] });
  return { number: input.number, title: t.t('annualplan.annex.title'), kind: 'narrative', blocks };
}
