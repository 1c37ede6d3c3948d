/**
 * A fresh database per test: SQLite copies the migrated, seeded template file; PostgreSQL gets
 * its own schema, migrated and seeded. Both are real databases, never mocks.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openFieldbook, seedReference, type Fieldbook } from '#src/app.ts';
import { loadConfig, type Config } from '#src/platform/config.ts';
import type { Dialect } from '#src/platform/database.ts';
import { adminQuery, POSTGRES_URL } from './dialects.ts';

export interface TestDatabase {
  config: Config;
  fieldbook: Fieldbook;
  /** Options to reopen the same database (PostgreSQL: its schema). */
  schema?: string;
  drop(): Promise<void>;
}

/** Writes the test run's migrated, seeded SQLite template to `file`: the database as `fieldbook migrate && fieldbook seed` leave it. */
export function copySqliteTemplate(file: string): void {
  copyFileSync(inject('sqliteTemplate'), file);
}

export async function createTestDatabase(dialect: Dialect, env: Record<string, string> = {}): Promise<TestDatabase> {
  const base = { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env };
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-db-'));
    const file = join(dir, 'test.db');
    copySqliteTemplate(file);
    const config = loadConfig({ ...base, DATABASE_URL: `sqlite:${file}` });
    const fieldbook = await openFieldbook(config);
    return {
      config,
      fieldbook,
      drop: async () => {
        await fieldbook.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  await adminQuery(`create schema ${schema}`);
  const config = loadConfig({ ...base, DATABASE_URL: POSTGRES_URL });
  const fieldbook = await openFieldbook(config, { schema });
  await seedReference(fieldbook, 'data/reference');
  return {
    config,
    fieldbook,
    schema,
    drop: async () => {
      await fieldbook.close();
      await adminQuery(`drop schema ${schema} cascade`);
    },
  };
}
