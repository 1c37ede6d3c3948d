/**
 * The year in numbers as a chart: activities per start month and region (`monthRegionCounts`) as
 * stacked bars, in a language. Shared by the public year page and the workspace's image of it.
 */
import type { MonthRegionCount } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { dateFormat } from '#src/platform/intl.ts';
import type { Translator } from '#src/platform/messages.ts';
import { localise } from '#src/registry/model.ts';
import type { Names } from '#src/registry/reference.ts';
import { stackedBars } from './charts.ts';
import type { Html } from './html.ts';

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export interface YearCounts {
  year: number;
  counts: readonly MonthRegionCount[];
  /** The regions, in the registry's order. */
  regions: ReadonlyArray<{ code: string; names: Names }>;
}

/** The counts looked up by month (0: dated by the year only) and region, with the totals of rows and columns. */
export function yearTable(data: YearCounts) {
  const count = new Map(data.counts.map((c) => [`${c.month} ${c.region}`, c.count]));
  const at = (month: number, region: string) => count.get(`${month} ${region}`) ?? 0;
  const rowTotal = (month: number) => data.regions.reduce((sum, r) => sum + at(month, r.code), 0);
  const columnTotal = (region: string) => [0, ...MONTHS].reduce((sum, m) => sum + at(m, region), 0);
  const total = data.regions.reduce((sum, r) => sum + columnTotal(r.code), 0);
  return { at, rowTotal, columnTotal, total };
}

const monthDate = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1));

/** Each month of the year as the chart and table name it: "Mar" under its bar, "March 2026" in full. */
export const monthsOf = (year: number, language: Language) =>
  MONTHS.map((m) => ({ key: String(m), label: dateFormat(language, 'monthShort').format(monthDate(year, m)), name: dateFormat(language, 'month').format(monthDate(year, m)) }));

/** The year written in the language's digits, without grouping ("2026", not "2,026"). */
export const yearText = (year: number, language: Language): string => new Intl.NumberFormat(language, { useGrouping: false }).format(year);

/**
 * The chart of a year's counts. `internal`: the counts include internal activities (staff), and the
 * title says so rather than calling them public.
 */
export function yearChart(data: YearCounts, words: Pick<Translator, 't' | 'direction' | 'language'>, options: { standalone?: boolean; internal?: boolean } = {}): Html {
  const { t, language } = words;
  const { at } = yearTable(data);
  const year = yearText(data.year, language);
  const number = new Intl.NumberFormat(language);
  return stackedBars(
    {
      id: 'year-chart',
      title: t(options.internal ? 'opendata.workspace.chartTitle' : 'opendata.year.chartTitle', { year }),
      description: t('opendata.year.chartDescription', { year }),
      categories: monthsOf(data.year, language),
      series: data.regions.map((r) => ({ key: r.code, label: localise(r.names, language).text })),
      value: (month, region) => at(Number(month), region),
      direction: words.direction,
      formatNumber: (n) => number.format(n),
      barTitle: (region, month, count) => t('opendata.year.barTitle', { region, month, count }),
    },
    { standalone: options.standalone ?? false },
  );
}
