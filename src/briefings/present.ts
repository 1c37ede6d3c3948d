/** The fields of a briefing that leave the server (staff only: nothing of coordination is public). */
import type { Briefing } from './model.ts';
import type { BriefingResponse, BriefingSummaryResponse } from './schemas.ts';
import type { BriefingDetails } from './service.ts';

export function presentBriefingSummary(b: Briefing): BriefingSummaryResponse {
  return {
    id: b.id,
    bureau: b.bureau,
    period: b.period,
    state: b.state,
    language: b.language,
    director: b.content.director?.name ?? null,
    totals: b.content.totals,
    hasNote: b.note !== null,
    composedAt: b.composedAt,
    sentAt: b.sentAt,
    version: b.version,
  };
}

export function presentBriefing(d: BriefingDetails): BriefingResponse {
  const b = d.briefing;
  return {
    ...presentBriefingSummary(b),
    note: b.note,
    content: b.content,
    delivery: d.delivery,
    directorAddress: d.directorAddress,
    recipients: b.recipients,
    sentBy: b.sentBy,
    updatedAt: b.updatedAt,
    updatedBy: b.updatedBy,
    canManage: d.canManage && b.state === 'draft',
  };
}
