/** What of coordination meetings leaves the server (only signed-in users ever see any). */
import type { Language } from '#src/platform/i18n.ts';
import { localise, type Office } from '#src/registry/model.ts';
import type { ActionItem, Occurrence, Series } from './model.ts';
import type { ActionResponse, OccurrenceResponse, OccurrenceSummaryResponse, SeriesResponse } from './schemas.ts';
import type { OccurrenceDetails, SeriesDetails } from './service.ts';

const officeName = (office: Office, language: Language): string => localise(office.names, language).text;

export function presentSeries(details: SeriesDetails, language: Language): SeriesResponse {
  const { series: s, next } = details;
  return {
    id: s.id,
    code: s.code,
    bureau: s.bureau,
    kind: s.kind,
    title: s.title,
    chairId: s.chairId,
    chairLabel: s.chairLabel,
    offices: details.offices.map((o) => ({ code: o.code, name: officeName(o, language) })),
    rule: s.rule,
    startsLocal: s.startsLocal,
    timeZone: s.timeZone,
    durationMinutes: s.durationMinutes,
    exceptions: s.exceptions,
    room: s.room,
    onlineUrl: s.onlineUrl,
    version: s.version,
    updatedAt: s.updatedAt,
    nextOccurrence: next ? { id: next.id, startAt: next.startAt } : null,
  };
}

export function presentOccurrenceSummary({ occurrence: o, series: s }: { occurrence: Occurrence; series: Series }): OccurrenceSummaryResponse {
  return {
    id: o.id,
    seriesCode: s.code,
    seriesTitle: s.title,
    kind: s.kind,
    startAt: o.startAt,
    endAt: o.endAt,
    timeZone: s.timeZone,
    moved: o.startAt !== o.recurrenceStart,
    state: o.state,
    minutesState: o.minutesState,
    hasAgenda: o.agenda !== null,
  };
}

export function presentAction(item: ActionItem, series: Pick<Series, 'code' | 'title'> | undefined, canEdit: boolean, today: string): ActionResponse {
  return {
    id: item.id,
    seriesCode: series?.code ?? '',
    seriesTitle: series?.title ?? '',
    occurrenceId: item.occurrenceId,
    agendaItem: item.agendaItem,
    text: item.text,
    ownerOffice: item.ownerOffice,
    ownerUserId: item.ownerUserId,
    ownerLabel: item.ownerLabel,
    due: item.due,
    status: item.status,
    overdue: item.status === 'open' && item.due < today,
    links: item.links,
    version: item.version,
    updatedAt: item.updatedAt,
    closedAt: item.closedAt,
    canEdit,
  };
}

export function presentOccurrence(details: OccurrenceDetails, canEditAction: (item: ActionItem) => boolean, language: Language, today: string): OccurrenceResponse {
  const { occurrence: o, series: s } = details;
  const seriesDetails: SeriesDetails = { series: s, offices: details.offices, next: null };
  const attendance = new Map(details.attendance.map((a) => [a.office, a]));
  const action = (item: ActionItem) => presentAction(item, s, canEditAction(item), today);
  return {
    ...presentOccurrenceSummary({ occurrence: o, series: s }),
    recurrenceStart: o.recurrenceStart,
    sequence: o.sequence,
    series: presentSeries(seriesDetails, language),
    agenda: o.agenda,
    agendaDraftedAt: o.agendaDraftedAt,
    minutes: o.minutes,
    minutesApprovedAt: o.minutesApprovedAt,
    minutesApprovedBy: o.minutesApprovedBy,
    minutesHistory: details.history.map((h) => ({ at: h.at, by: h.by, state: h.state })),
    attendance: details.offices.map((office) => {
      const entry = attendance.get(office.code);
      return { office: office.code, name: officeName(office, language), state: entry?.state ?? null, people: entry?.people ?? null, canEdit: details.attendanceEditable.includes(office.code) };
    }),
    actionItems: details.raised.map(action),
    carried: details.carried.map(action),
    canManage: details.canManage,
    canApprove: details.canApprove,
    version: o.version,
  };
}
