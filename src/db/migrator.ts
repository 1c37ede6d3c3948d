/** Runs the frozen migrations, in name order, on either dialect. */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from '#src/db/schema.ts';

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

/**
 * `schema`: on PostgreSQL, the schema to keep the migration tables in. Kysely otherwise looks
 * for them across every schema, so two schemas (tests, side-by-side instances) would collide.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  let result = await migrator.migrateToLatest();
  // Kysely reads the catalogue of every schema before migrating; another instance (or test)
  // dropping its own schema at that moment fails the read with "schema … does not exist". The
  // read changed nothing, so it is simply tried again.
  for (let retry = 1; retry <= 5 && result.error && anotherSchemaVanished(result.error, schema); retry++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * retry));
    result = await migrator.migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error instanceof Error ? result.error.message : result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

/** PostgreSQL's invalid_schema_name (3F000) about a schema that is not the one being migrated. */
function anotherSchemaVanished(error: unknown, schema: string | undefined): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '3F000' && typeof message === 'string' && (schema === undefined || !message.includes(`"${schema}"`));
}
