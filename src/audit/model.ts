/** Pure rules of the audit trail: what changed between two snapshots. */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Top-level fields whose values differ, in the order they appear; bookkeeping fields are left out. */
export function changedFields(before: unknown, after: unknown, ignore: readonly string[] = []): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !ignore.includes(f));
  return fields
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}
