/**
 * What of an activity leaves the server. Two presenters: the public one for anonymous callers
 * and the public site, the staff one for signed-in readers and above, who also see who did what.
 */
import type { HistoryEntry } from '#src/audit/service.ts';
import { can, type Actor } from '#src/platform/access.ts';
import type { Activity, StatusChange } from './model.ts';
import type { ActivityResponse } from './schemas.ts';

/** Turns a stored activity (and, for one activity, its status history) into what is sent. */
export type ActivityPresenter = (activity: Activity, statusHistory?: StatusChange[]) => ActivityResponse;

/** Who is reading: staff see internal activities and the names of who changed what. */
export type Audience = 'staff' | 'public';

export const audienceOf = (actor: Actor): Audience => (can(actor, 'internal:read') ? 'staff' : 'public');

/** What anyone may read of a public activity. */
export function publicActivityPresenter(bureauOfSector: ReadonlyMap<string, string>): ActivityPresenter {
  return (activity, statusHistory) => ({
    id: activity.id,
    title: activity.title,
    originalLanguage: activity.originalLanguage,
    kind: activity.kind,
    status: activity.status,
    visibility: activity.visibility,
    offices: activity.offices,
    sectors: activity.sectors,
    bureaux: activity.sectors.flatMap((s) => bureauOfSector.get(s) ?? []),
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
    ...(statusHistory ? { statusHistory: statusHistory.map((c) => ({ from: c.from, to: c.to, reason: c.reason, at: c.at })) } : {}),
  });
}

/** The public fields, and who created, changed and deleted the activity and each status. */
export function staffActivityPresenter(bureauOfSector: ReadonlyMap<string, string>): ActivityPresenter {
  const presentPublic = publicActivityPresenter(bureauOfSector);
  return (activity, statusHistory) => ({
    ...presentPublic(activity),
    createdBy: activity.createdBy,
    updatedBy: activity.updatedBy,
    deletedBy: activity.deletedBy,
    ...(statusHistory ? { statusHistory: statusHistory.map((c) => ({ from: c.from, to: c.to, reason: c.reason, at: c.at, by: c.by })) } : {}),
  });
}

/** The presenter for this caller's audience. */
export const activityPresenterFor = (actor: Actor, bureauOfSector: ReadonlyMap<string, string>): ActivityPresenter =>
  audienceOf(actor) === 'staff' ? staffActivityPresenter(bureauOfSector) : publicActivityPresenter(bureauOfSector);

export function presentHistory(entries: HistoryEntry[]) {
  return { data: entries, next: null };
}
