/** Which databases the tests run on (both by default; `DIALECTS=sqlite` narrows it locally), and statements on the PostgreSQL server itself. */
import pg from 'pg';
import type { Dialect } from '#src/platform/database.ts';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DIALECTS: Dialect[] = (process.env.DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => {
    if (d === 'sqlite' || d === 'postgres') return true;
    throw new Error(`DIALECTS: unknown dialect "${d}" (use sqlite, postgres or both)`);
  });

/** Runs one statement on the test PostgreSQL server outside any test's schema. */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
