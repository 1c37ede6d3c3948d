/** The register activity an imported item repeats (JSON: activity, title, why), shown to the reviewer; null when none. Frozen. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_proposal').addColumn('match', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_proposal').dropColumn('match').execute();
}
