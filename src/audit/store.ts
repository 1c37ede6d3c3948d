/** All SQL of the audit trail. */
import type { Executor } from '#src/db/schema.ts';
import type { AuditEventRow, AuditEventTable } from './tables.ts';

export async function insertAuditEvent(ex: Executor, event: AuditEventTable): Promise<void> {
  await ex.insertInto('audit_event').values(event).execute();
}

export async function listAuditEvents(ex: Executor, entityType: string, entityId: string): Promise<AuditEventRow[]> {
  return ex
    .selectFrom('audit_event')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
