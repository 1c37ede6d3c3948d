/** All SQL of the audit trail. */
import type { Executor } from '#src/platform/schema.ts';
import type { AuditEventTable } from './tables.ts';

export async function insertAuditEvent(ex: Executor, event: AuditEventTable): Promise<void> {
  await ex.insertInto('audit_event').values(event).execute();
}
