/** Kysely table interface of the audit trail. */
import type { Selectable } from 'kysely';

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export interface AuditTables {
  audit_event: AuditEventTable;
}

export type AuditEventRow = Selectable<AuditEventTable>;
