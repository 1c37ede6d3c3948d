/**
 * Import batches: a document read by the importer, its proposed activities (drafts a person
 * accepts, edits or rejects) and what could not be placed. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_name', 'text', (c) => c.notNull())
    /** SHA-256 of the uploaded bytes: the same document twice finds the earlier batch. */
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('office_code', 'text', (c) => c.references('office.code'))
    .addColumn('header', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('unplaced', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_batch_hash_idx').on('import_batch').columns(['document_hash', 'office_code']).execute();

  await db.schema
    .createTable('import_proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batch.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** Hash of the item's original text: a later batch does not propose it again. */
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.references('activity.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('import_proposal_batch_idx').on('import_proposal').columns(['batch_id', 'position']).execute();
  await db.schema.createIndex('import_proposal_fingerprint_idx').on('import_proposal').column('fingerprint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_proposal').execute();
  await db.schema.dropTable('import_batch').execute();
}
