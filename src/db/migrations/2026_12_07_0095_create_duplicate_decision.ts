/**
 * What became of a pair of activities that may be one event (issue 21): kept apart (with the
 * reason, which is kept), related, linked into one, or open again. A pair found by the check and
 * not decided has no row: it is found again from the register whenever it is asked for. One row
 * per pair, the smaller id first; `day` files it under a period for the coordination view. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duplicate_decision')
    .addColumn('activity_a', 'text', (c) => c.notNull())
    .addColumn('activity_b', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_decision_pk', ['activity_a', 'activity_b'])
    .execute();
  // The coordination view reads a period's decisions; the check reads one activity's (either side).
  await db.schema.createIndex('duplicate_decision_day_idx').on('duplicate_decision').columns(['day', 'activity_a']).execute();
  await db.schema.createIndex('duplicate_decision_b_idx').on('duplicate_decision').column('activity_b').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duplicate_decision').execute();
}
