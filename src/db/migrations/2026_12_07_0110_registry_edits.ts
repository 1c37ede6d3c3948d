/**
 * The registry kept in the workspace too (decision 23). Offices, bodies and head-of-office
 * assignments get a `version` (a stale edit gets 409) and a mark of the last workspace edit
 * (`edited_at`, `edited_by`): `fieldbook seed` leaves a marked record as the workspace left it
 * and says so. People get a version for the same reason. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['office', 'body', 'assignment', 'person']) {
    await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable(table).addColumn('edited_at', 'text').execute();
    await db.schema.alterTable(table).addColumn('edited_by', 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['office', 'body', 'assignment', 'person']) {
    await db.schema.alterTable(table).dropColumn('edited_by').execute();
    await db.schema.alterTable(table).dropColumn('edited_at').execute();
    await db.schema.alterTable(table).dropColumn('version').execute();
  }
}
