/** Records every change in the audit trail, inside the caller's transaction, and reads it back. */
import { actorId, actorLabel, type Actor } from '#src/platform/access.ts';
import { newId } from '#src/platform/ids.ts';
import type { Executor } from '#src/db/schema.ts';
import { changedFields, type FieldChange } from './model.ts';
import { insertAuditEvent, listAuditEvents } from './store.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  changes: FieldChange[];
}

export async function recordAudit(ex: Executor, actor: Actor, entry: AuditEntry, at = new Date()): Promise<void> {
  await insertAuditEvent(ex, {
    id: newId(at.getTime()),
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

/**
 * Every recorded change of one entity, oldest first, as field-by-field differences.
 * The caller has already checked that the actor may see the entity.
 */
export async function historyOf(ex: Executor, entityType: string, entityId: string, ignore: readonly string[] = []): Promise<HistoryEntry[]> {
  const events = await listAuditEvents(ex, entityType, entityId);
  return events.map((event) => ({
    at: event.at,
    actor: event.actor_label,
    action: event.action,
    changes: changedFields(
      event.before === null ? null : JSON.parse(event.before),
      event.after === null ? null : JSON.parse(event.after),
      ignore,
    ),
  }));
}
