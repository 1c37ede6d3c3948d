/**
 * Who may do what. Every service function starts with `requireAccess`; routes never decide.
 * Roles: admin; focal-point (per bureau; writes the reports of its bureau's Sector); editor (per
 * office, writes only its office's data); reader (signed in, reads internal data). Anonymous
 * callers read public data only. The decisions behind it: docs/decisions/0007-access.md.
 */
import { forbidden, unauthenticated } from './errors.ts';

export const ROLES = ['admin', 'focal-point', 'editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** Who a signed-in user is, as access needs it (auth's User adds the account's dates). */
export interface UserIdentity {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Editors: the office they write for. */
  office: string | null;
  /** Focal points: their bureau. */
  bureau: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | ({ kind: 'user'; via: 'session' | 'token' } & UserIdentity)
  /** The command line and the seed loader: trusted, but still named in the audit trail. */
  | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export type Permission =
  | 'registry:read'
  | 'internal:read'
  | 'account:self'
  | 'users:manage'
  | 'office-data:write'
  /** Create and edit report definitions to the advisory groups. */
  | 'reports:write'
  /** Open, change, copy and close reporting rounds of a bureau's Sector, and review their contributions. */
  | 'rounds:manage'
  /** Write an office's contribution to a reporting round (its editors only; admins for any office). */
  | 'contributions:write'
  /** See the mail outbox: every notice and whether it went. */
  | 'mail:read'
  /** See the possible duplicates of every office and headquarters, and decide any pair (focal points, admins). */
  | 'duplicates:coordinate'
  /** Create and change a bureau's coordination meeting series: occurrences, agenda, minutes, action items (its focal points, admins). */
  | 'meetings:manage'
  /** An office's own part of coordination: its attendance and its action items (its editors, admins). */
  | 'meetings:office-write'
  /** Edit the registry in the workspace: offices, their heads over time, bodies (decision 23). */
  | 'registry:write'
  /** Keep the leadership positions per study period: who holds each, which are vacant. */
  | 'coordination:manage'
  /** Edit the plans (add, rename, retire items; copy a plan year forward): focal points of the plan's Sector's bureau, admins. */
  | 'plans:write'
  /** Write an office's plan contribution (decision 26): its editors, focal points of the Sector's bureau, admins. */
  | 'plan-contributions:write';

export interface AccessScope {
  /** The office whose data is touched, for office-scoped permissions. */
  office?: string | null;
  /** Several offices share the data (an activity's offices): an editor needs to be one of them. */
  offices?: readonly string[];
  /** The bureau whose Sector the data belongs to (a report definition): a focal point needs to be of it. */
  bureau?: string | null;
}

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['registry:read', 'internal:read', 'account:self', 'users:manage', 'office-data:write', 'reports:write', 'rounds:manage', 'contributions:write', 'mail:read', 'duplicates:coordinate', 'meetings:manage', 'meetings:office-write', 'registry:write', 'coordination:manage', 'plans:write', 'plan-contributions:write'],
  'focal-point': ['registry:read', 'internal:read', 'account:self', 'office-data:write', 'reports:write', 'rounds:manage', 'duplicates:coordinate', 'meetings:manage', 'registry:write', 'coordination:manage', 'plans:write', 'plan-contributions:write'],
  editor: ['registry:read', 'internal:read', 'account:self', 'office-data:write', 'contributions:write', 'meetings:office-write', 'plan-contributions:write'],
  reader: ['registry:read', 'internal:read', 'account:self'],
};

const PUBLIC_PERMISSIONS: readonly Permission[] = ['registry:read'];

export function can(actor: Actor, permission: Permission, scope: AccessScope = {}): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return PUBLIC_PERMISSIONS.includes(permission);
  if (!GRANTS[actor.role].includes(permission)) return false;
  // Editors write their own office's data only; everyone else granted the permission writes all.
  if ((permission === 'office-data:write' || permission === 'contributions:write' || permission === 'meetings:office-write' || permission === 'plan-contributions:write') && actor.role === 'editor') {
    if (actor.office === null) return false;
    return scope.office === actor.office || (scope.offices?.includes(actor.office) ?? false);
  }
  // Focal points write the reports of their own bureau's Sector (TSB: ITU-T), not the others'.
  if ((permission === 'reports:write' || permission === 'rounds:manage' || permission === 'meetings:manage' || permission === 'plans:write' || permission === 'plan-contributions:write') && actor.role === 'focal-point' && scope.bureau !== undefined) return scope.bureau === actor.bureau;
  return true;
}

export function requireAccess(actor: Actor, permission: Permission, scope: AccessScope = {}): void {
  if (can(actor, permission, scope)) return;
  if (actor.kind === 'anonymous') throw unauthenticated();
  throw forbidden();
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return actor.label;
    case 'user':
      return actor.email;
  }
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}
