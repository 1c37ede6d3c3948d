/** What of a report definition leaves the server (only signed-in users ever see one). */
import { REPORT_FORMATS } from './definition.ts';
import type { DueResponse, ReportResponse } from './schemas.ts';
import type { DueList, ReportDetails } from './service.ts';

export function presentReport({ definition: d, narrative }: ReportDetails): ReportResponse {
  return {
    id: d.id,
    sector: d.sector,
    advisoryGroup: d.advisoryGroup,
    from: d.from,
    to: d.to,
    selection: d.selection,
    visibility: d.visibility,
    itemText: d.itemText,
    outlookMonths: d.outlookMonths,
    language: d.language,
    originalLanguage: d.originalLanguage,
    header: d.header,
    narrative,
    links: Object.fromEntries(REPORT_FORMATS.map((f) => [f, `/api/reports/${d.id}.${f}`])) as ReportResponse['links'],
    version: d.version,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy,
  };
}

/** The due list: the periods, and of each activity only what the list shows. */
export function presentDue(due: DueList): DueResponse {
  return {
    on: due.on,
    periods: due.periods.map((d) => ({ report: d.id, sector: d.sector, advisoryGroup: d.advisoryGroup, from: d.from, to: d.to, title: d.header.title })),
    data: due.activities.map(({ activity: a, reasons }) => ({
      id: a.id,
      title: a.title,
      originalLanguage: a.originalLanguage,
      status: a.status,
      date: a.date,
      sectors: a.sectors,
      reasons,
    })),
  };
}
