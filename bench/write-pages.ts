/**
 * The cost of a PATCH on SQLite, through the activities service as the API's PATCH calls it,
 * on a copy of a register (the register itself is left as it was):
 *
 * - pages written: the WAL frames one edit of one integer (participants) adds, checkpointed to
 *   empty before each edit, averaged over edits of distinct activities;
 * - latency: edits one after another as a running server makes them (its upkeep started: the
 *   checkpoints in a worker thread), p50/p95/p99 and the slowest.
 *
 *   npx tsx bench/write-pages.ts bench/.data/sqlite-100k.db [--edits 1000] [--sync full|normal] [--no-upkeep]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openFieldbook, SEED_ACTOR } from '#src/app.ts';
import { loadConfig } from '#src/platform/config.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { edits: { type: 'string', default: '1000' }, sync: { type: 'string', default: 'full' }, 'no-upkeep': { type: 'boolean', default: false } },
});
const [source] = positionals;
if (!source) throw new Error('usage: npx tsx bench/write-pages.ts <register.db> [--edits N] [--sync full|normal] [--no-upkeep]');
const edits = Number(values.edits);
const dir = mkdtempSync(join(tmpdir(), 'fieldbook-write-pages-'));
const file = join(dir, 'register.db');
copyFileSync(source, file);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

try {
  const fieldbook = await openFieldbook(loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent', SQLITE_SYNCHRONOUS: values.sync }));
  const { activities } = fieldbook.services;
  const page = await activities.list(SEED_ACTOR, { sort: 'date', deleted: 'exclude', limit: Math.min(edits, 200) });
  const versions = new Map(page.activities.map((a) => [a.id, { version: a.version, participants: a.participants ?? 0 }]));
  const edit = async (id: string) => {
    const now = versions.get(id)!;
    const written = await activities.update(SEED_ACTOR, id, { version: now.version, participants: now.participants + 1 });
    versions.set(id, { version: written.version, participants: written.participants ?? 0 });
  };

  // Pages: a second connection empties the WAL before each edit and counts its frames after.
  const wal = new SQLite(file);
  let frames = 0;
  const sample = page.activities.slice(0, 50);
  for (const activity of sample) {
    wal.pragma('wal_checkpoint(TRUNCATE)');
    await edit(activity.id);
    frames += (wal.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;
  }
  const pageSize = Number(wal.pragma('page_size', { simple: true }));
  wal.close();
  const pages = frames / sample.length;
  console.log(`pages written per PATCH: ${pages.toFixed(1)} (${((pages * pageSize) / 1024).toFixed(0)} KB), over ${sample.length} edits`);

  // Latency: as a running server, with its upkeep unless told not to (where the build has one).
  const database = fieldbook.database as typeof fieldbook.database & { startUpkeep?: (o: unknown) => { ready?: Promise<void>; stop(): Promise<void> } };
  const upkeep = !values['no-upkeep'] && database.startUpkeep ? database.startUpkeep({ checkpointMs: 200, optimizeMs: 0, onError: console.error }) : undefined;
  await upkeep?.ready;
  const took: number[] = [];
  for (let i = 0; i < edits; i++) {
    const started = performance.now();
    await edit(page.activities[i % page.activities.length]!.id);
    took.push(performance.now() - started);
  }
  await upkeep?.stop();
  took.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(2);
  console.log(
    `PATCH latency, ${edits} edits one after another (synchronous=${values.sync}, ${upkeep ? 'checkpoints in a worker' : 'checkpoints in commits'}): ` +
      `p50 ${ms(percentile(took, 50))} ms, p95 ${ms(percentile(took, 95))} ms, p99 ${ms(percentile(took, 99))} ms, max ${ms(took.at(-1)!)} ms`,
  );
  await fieldbook.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
