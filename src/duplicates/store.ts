/** All the SQL of the duplicate warnings: the decisions about pairs (migration 0095). */
import type { Executor } from '#src/db/schema.ts';
import type { Decision, DecisionState, SeenPair } from './model.ts';
import type { DuplicateDecisionTable } from './tables.ts';

function toDecision(row: DuplicateDecisionTable): Decision {
  return {
    activities: [row.activity_a, row.activity_b],
    state: row.state as DecisionState,
    reason: row.reason,
    day: row.day,
    seen: JSON.parse(row.seen) as SeenPair,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    version: Number(row.version),
  };
}

function toRow(decision: Decision): DuplicateDecisionTable {
  return {
    activity_a: decision.activities[0],
    activity_b: decision.activities[1],
    state: decision.state,
    reason: decision.reason,
    day: decision.day,
    seen: JSON.stringify(decision.seen),
    decided_at: decision.decidedAt,
    decided_by: decision.decidedBy,
    version: decision.version,
  };
}

export async function findDecision(ex: Executor, pair: readonly [string, string]): Promise<Decision | null> {
  const row = await ex.selectFrom('duplicate_decision').selectAll().where('activity_a', '=', pair[0]).where('activity_b', '=', pair[1]).executeTakeFirst();
  return row ? toDecision(row) : null;
}

/** Every decision about a pair one of whose activities is among `ids` (read 500 at a time). */
export async function decisionsAbout(ex: Executor, ids: readonly string[]): Promise<Decision[]> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Decision>();
  for (let at = 0; at < unique.length; at += 500) {
    const slice = unique.slice(at, at + 500);
    const rows = await ex
      .selectFrom('duplicate_decision')
      .selectAll()
      .where((eb) => eb.or([eb('activity_a', 'in', slice), eb('activity_b', 'in', slice)]))
      .execute();
    for (const row of rows) found.set(`${row.activity_a} ${row.activity_b}`, toDecision(row));
  }
  return [...found.values()];
}

/** The decisions filed under days from `from` to `to`. */
export async function decisionsBetween(ex: Executor, from: string, to: string): Promise<Decision[]> {
  const rows = await ex.selectFrom('duplicate_decision').selectAll().where('day', '>=', from).where('day', '<=', to).orderBy('day').orderBy('activity_a').execute();
  return rows.map(toDecision);
}

/** Writes a pair's decision: a new row, or over the stored one at `expectedVersion`; false when that is not the stored version. */
export async function writeDecision(ex: Executor, decision: Decision, expectedVersion: number | null): Promise<boolean> {
  const row = toRow(decision);
  if (expectedVersion === null) {
    await ex.insertInto('duplicate_decision').values(row).execute();
    return true;
  }
  const result = await ex
    .updateTable('duplicate_decision')
    .set({ state: row.state, reason: row.reason, day: row.day, seen: row.seen, decided_at: row.decided_at, decided_by: row.decided_by, version: row.version })
    .where('activity_a', '=', row.activity_a)
    .where('activity_b', '=', row.activity_b)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
