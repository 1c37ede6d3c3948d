/**
 * Pages a PATCH writes on SQLite: the WAL frames one edit of one integer (participants) adds,
 * through the activities service as the API's PATCH calls it, averaged over edits of distinct
 * activities. Works on a copy of the register, so the register itself is left as it was.
 *
 *   npx tsx bench/write-pages.ts bench/.data/sqlite-100k.db [edits=50]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openFieldbook, SEED_ACTOR } from '#src/app.ts';
import { loadConfig } from '#src/platform/config.ts';

const [source, editsArg] = process.argv.slice(2);
if (!source) throw new Error('usage: npx tsx bench/write-pages.ts <register.db> [edits]');
const edits = Number(editsArg ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'fieldbook-write-pages-'));
const file = join(dir, 'register.db');
copyFileSync(source, file);
try {
  const fieldbook = await openFieldbook(loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }));
  const { activities } = fieldbook.services;
  // A second connection reads the WAL's frame count: checkpointed to empty before each edit, so what is in it after is the edit's.
  const wal = new SQLite(file);
  const page = await activities.list(SEED_ACTOR, { sort: 'date', deleted: 'exclude', limit: edits });
  let frames = 0;
  const started = performance.now();
  for (const activity of page.activities) {
    wal.pragma('wal_checkpoint(TRUNCATE)');
    await activities.update(SEED_ACTOR, activity.id, { version: activity.version, participants: (activity.participants ?? 0) + 1 });
    const [result] = wal.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    frames += result!.log;
  }
  const ms = (performance.now() - started) / page.activities.length;
  const pageSize = Number(wal.pragma('page_size', { simple: true }));
  console.log(`${page.activities.length} PATCHes of participants: ${(frames / page.activities.length).toFixed(1)} pages (${((frames / page.activities.length) * pageSize / 1024).toFixed(0)} KB) written per PATCH, ${ms.toFixed(2)} ms each with the checkpoints`);
  wal.close();
  await fieldbook.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
