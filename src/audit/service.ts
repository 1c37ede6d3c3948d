/** Records every change in the audit trail, inside the caller's transaction. */
import { randomUUID } from 'node:crypto';
import { actorId, actorLabel, type Actor } from '#src/platform/access.ts';
import type { Executor } from '#src/platform/schema.ts';
import { insertAuditEvent } from './store.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(ex: Executor, actor: Actor, entry: AuditEntry, at = new Date()): Promise<void> {
  await insertAuditEvent(ex, {
    id: randomUUID(),
    at: at.toISOString(),
    actor_id: actorId(actor),
    actor_label: actorLabel(actor),
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}
