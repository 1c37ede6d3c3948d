/**
 * Once per test run: a migrated, seeded SQLite template that each test copies, and a check
 * that PostgreSQL answers when the run includes it (CI's .ci/run starts it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openFieldbook, seedReference } from '#src/app.ts';
import { loadConfig } from '#src/platform/config.ts';
import { buildWorkspaceIfStale } from '../../web/build-if-stale.ts';
import { adminQuery, DIALECTS, POSTGRES_URL } from './dialects.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // The e2e tests serve the workspace bundle; built only when its sources changed since.
  await buildWorkspaceIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-test-'));
  const template = join(dir, 'template.db');
  const fieldbook = await openFieldbook(loadConfig({ DATABASE_URL: `sqlite:${template}` }));
  await seedReference(fieldbook, 'data/reference');
  // Fold the WAL into the main file so a plain copy carries everything.
  await fieldbook.close();
  project.provide('sqliteTemplate', template);

  if (DIALECTS.includes('postgres')) {
    try {
      await adminQuery('select 1');
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message}). Start it, or run DIALECTS=sqlite npm test to skip it locally.`,
      );
    }
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
