/** What of an activity leaves the server: the public see no names of staff, staff see who did what. */
import type { HistoryEntry } from '#src/audit/service.ts';
import type { Activity, StatusChange } from './model.ts';
import type { ActivityResponse } from './schemas.ts';

export interface PresentOptions {
  /** Signed-in readers and above: who created, changed and deleted. */
  staff: boolean;
  bureauOfSector: ReadonlyMap<string, string>;
  statusHistory?: StatusChange[];
}

export function presentActivity(activity: Activity, options: PresentOptions): ActivityResponse {
  const response: ActivityResponse = {
    id: activity.id,
    title: activity.title,
    originalLanguage: activity.originalLanguage,
    kind: activity.kind,
    status: activity.status,
    visibility: activity.visibility,
    offices: activity.offices,
    sectors: activity.sectors,
    bureaux: activity.sectors.flatMap((s) => options.bureauOfSector.get(s) ?? []),
    bodies: activity.bodies,
    date: activity.date,
    place: activity.place ? { ...activity.place, online: activity.place.mode !== 'in-person' } : null,
    description: activity.description,
    outcome: activity.outcome,
    participants: activity.participants,
    links: activity.links,
    related: activity.related,
    provenance: activity.provenance,
    version: activity.version,
    createdAt: activity.createdAt,
    updatedAt: activity.updatedAt,
    deletedAt: activity.deletedAt,
  };
  if (options.staff) {
    response.createdBy = activity.createdBy;
    response.updatedBy = activity.updatedBy;
    response.deletedBy = activity.deletedBy;
  }
  if (options.statusHistory) {
    response.statusHistory = options.statusHistory.map((c) => ({ from: c.from, to: c.to, reason: c.reason, at: c.at, ...(options.staff ? { by: c.by } : {}) }));
  }
  return response;
}

export function presentHistory(entries: HistoryEntry[]) {
  return { data: entries, next: null };
}
