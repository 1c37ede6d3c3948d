/** Kysely table interfaces of the duplicate warnings: the decisions taken about pairs (migration 0095). */
export interface DuplicateDecisionTable {
  /** The pair's two activities, the smaller id first. */
  activity_a: string;
  activity_b: string;
  /** open | linked | related | kept_apart */
  state: string;
  reason: string | null;
  /** The first day of the earlier of the two when decided: the period the pair is listed in. */
  day: string;
  /** JSON: the two as they were when decided (id, title, date as written, offices). */
  seen: string;
  decided_at: string;
  decided_by: string;
  version: number;
}

export interface DuplicateTables {
  duplicate_decision: DuplicateDecisionTable;
}
