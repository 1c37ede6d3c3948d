/** What the reports' unit tests build a report from (no database): the small registry, a register, a definition. */
import type { Activity } from '#src/activities/model.ts';
import type { ReportContext } from '#src/reports/build.ts';
import { DEFAULT_NARRATIVE, EMPTY_HEADER, type ReportDefinition } from '#src/reports/definition.ts';
import { assignments, offices, regions, sector, tsag, tsb } from './registry-fixtures.ts';

export function context(activities: Activity[] = [], outlook: Activity[] = []): ReportContext {
  return {
    regions,
    offices,
    assignments,
    sector,
    advisoryGroup: tsag,
    bureau: tsb,
    studyPeriods: ['2017-2020', '2022-2024', '2025-2028'],
    activities,
    outlook,
    today: '2020-09-14',
  };
}

export function definition(extra: Partial<ReportDefinition> = {}): ReportDefinition {
  return {
    id: 'r1',
    sector: 'ITU-T',
    advisoryGroup: 'TSAG',
    from: '2020-01-01',
    to: '2020-08-31',
    selection: 'all',
    visibility: 'public',
    itemText: 'description',
    outlookMonths: 3,
    language: 'en',
    originalLanguage: 'en',
    header: { ...EMPTY_HEADER },
    narrative: [...DEFAULT_NARRATIVE],
    version: 1,
    createdAt: '2020-09-01T00:00:00Z',
    createdBy: 'test',
    updatedAt: '2020-09-01T00:00:00Z',
    updatedBy: 'test',
    ...extra,
  };
}
