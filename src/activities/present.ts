/**
 * What of an activity leaves the server. Two presenters: the public one for anonymous callers
 * and the public site, the staff one for signed-in readers and above. The public see only what
 * is meant for them: no reasons staff typed for status changes, no import provenance, no names,
 * and related activities only when those are public too.
 */
import type { HistoryEntry } from '#src/audit/service.ts';
import { can, type Actor } from '#src/platform/access.ts';
import { linksWithUpperLevels, type PlanCatalogue } from '#src/plans/model.ts';
import type { Activity, StatusChange } from './model.ts';
import type { ActivityResponse } from './schemas.ts';
import type { ActivityService } from './service.ts';

/** Turns a stored activity (and, for one activity, its status history) into what is sent. */
export type ActivityPresenter = (activity: Activity, statusHistory?: StatusChange[]) => ActivityResponse;

/** Who is reading: staff see internal activities and the names of who changed what. */
export type Audience = 'staff' | 'public';

export const audienceOf = (actor: Actor): Audience => (can(actor, 'internal:read') ? 'staff' : 'public');

/** What anyone may read of a public activity; `publicRelated` says which related activities are public. */
export function publicActivityPresenter(bureauOfSector: ReadonlyMap<string, string>, publicRelated: ReadonlySet<string>, plans: PlanCatalogue): ActivityPresenter {
  return (activity, statusHistory) => ({
    ...sharedFields(activity, bureauOfSector, plans),
    related: activity.related.filter((r) => publicRelated.has(r.activity)),
    ...(statusHistory ? { statusHistory: statusHistory.map((c) => ({ from: c.from, to: c.to, at: c.at })) } : {}),
  });
}

/** Every field, with the import provenance, the reasons of status changes and who did what. */
export function staffActivityPresenter(bureauOfSector: ReadonlyMap<string, string>, plans: PlanCatalogue): ActivityPresenter {
  return (activity, statusHistory) => ({
    ...sharedFields(activity, bureauOfSector, plans),
    related: activity.related,
    provenance: activity.provenance,
    createdBy: activity.createdBy,
    updatedBy: activity.updatedBy,
    deletedBy: activity.deletedBy,
    ...(statusHistory ? { statusHistory: statusHistory.map((c) => ({ from: c.from, to: c.to, reason: c.reason, at: c.at, by: c.by })) } : {}),
  });
}

function sharedFields(activity: Activity, bureauOfSector: ReadonlyMap<string, string>, plans: PlanCatalogue) {
  return {
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
    plans: activity.plans,
    planLinks: linksWithUpperLevels(plans, activity.plans),
    date: activity.date,
    place: activity.place ? { ...activity.place, online: activity.place.mode !== 'in-person' } : null,
    description: activity.description,
    outcome: activity.outcome,
    participants: activity.participants,
    links: activity.links,
    version: activity.version,
    createdAt: activity.createdAt,
    updatedAt: activity.updatedAt,
    deletedAt: activity.deletedAt,
  };
}

/** What a presenter needs to know besides the activities: the bureaux, and which related activities are public. */
export type PresentationSource = Pick<ActivityService, 'bureauOfSector' | 'publicRelatedIds' | 'planCatalogue'>;

/** The presenter for this caller's audience, for presenting `shown`. */
export async function activityPresenterFor(actor: Actor, source: PresentationSource, shown: readonly Activity[]): Promise<ActivityPresenter> {
  return (await presentationFor(actor, source, shown)).present;
}

/**
 * The presenter for `shown`, and what the presented form of each depends on besides the
 * activity at its version: the audience, the bureaux and plans (`context`, the same objects while
 * the registry and the plans are unchanged) and, for the public, which of its related activities
 * are public now (`variant`). Equal audience, context, id, version and variant: equal JSON.
 */
export async function presentationFor(actor: Actor, source: PresentationSource, shown: readonly Activity[]) {
  const [bureauOfSector, plans] = await Promise.all([source.bureauOfSector(), source.planCatalogue()]);
  const audience = audienceOf(actor);
  const context = { bureauOfSector, plansMarker: plans.marker };
  if (audience === 'staff') return { audience, context, present: staffActivityPresenter(bureauOfSector, plans), variant: (_a: Activity) => '' };
  const publicRelated = await source.publicRelatedIds(shown);
  const variant = (a: Activity) => (a.related.length === 0 ? '' : a.related.flatMap((r) => (publicRelated.has(r.activity) ? [r.activity] : [])).join(','));
  return { audience, context, present: publicActivityPresenter(bureauOfSector, publicRelated, plans), variant };
}

export function presentHistory(entries: HistoryEntry[]) {
  return { data: entries, next: null };
}
