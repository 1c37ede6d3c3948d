/**
 * What the reviewer decided about a passage the importer could not place: dismissed, or turned
 * into a proposal of the batch (`proposal_position`). A passage without a row is still open.
 * `position` is the passage's place in the batch's `unplaced` list. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_passage')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batch.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposal_position', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_passage_pk', ['batch_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_passage').execute();
}
