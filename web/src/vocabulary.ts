/**
 * The register's closed lists, for pickers and filters. The server's arrays live beside Zod, which
 * the browser should not download; each Record below must name every member of the server's type,
 * so the compiler says when the two drift apart.
 */
import type { ActivityKind, OfficeRole, PlaceMode, RelationKind, Status, Visibility } from '#src/activities/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';

const keysOf = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];

export const ACTIVITY_KINDS = keysOf<ActivityKind>({
  workshop: true, 'study-group-meeting': true, 'regional-group-meeting': true, 'preparatory-meeting': true, forum: true, training: true,
  webinar: true, project: true, consultation: true, coordination: true, promotion: true, presentation: true, other: true,
});
export const STATUSES = keysOf<Status>({ planned: true, confirmed: true, held: true, postponed: true, cancelled: true });
export const VISIBILITIES = keysOf<Visibility>({ public: true, internal: true });
export const PLACE_MODES = keysOf<PlaceMode>({ 'in-person': true, online: true, hybrid: true });
export const OFFICE_ROLES = keysOf<OfficeRole>({
  organised: true, 'co-organised': true, hosted: true, supported: true, participated: true, contributed: true, presented: true, facilitated: true,
});
export const RELATION_KINDS = keysOf<RelationKind>({ 'back-to-back': true, 'postponed-as': true, 'follow-up-of': true, 'part-of': true });
export const REGIONS = keysOf<RegionCode>({ AFR: true, AMS: true, ARB: true, ASP: true, CIS: true, EUR: true });
export const SECTORS = ['ITU-R', 'ITU-T', 'ITU-D', 'GS'] as const;
export type { ActivityKind, OfficeRole, PlaceMode, RelationKind, Status, Visibility };
