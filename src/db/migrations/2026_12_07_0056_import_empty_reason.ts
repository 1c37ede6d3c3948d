/**
 * Why a batch holds no proposal (no text, no heading naming an office or region, no items, only
 * other offices' items, every item proposed before); null when it holds some. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').addColumn('empty_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('empty_reason').execute();
}
