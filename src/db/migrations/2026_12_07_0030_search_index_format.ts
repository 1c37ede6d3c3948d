/**
 * Which way the stored search texts are written (stemmed words from format 2 on). No row means
 * format 1, the unstemmed words; the activities service rewrites older texts at start-up. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_index')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('format', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_index').execute();
}
