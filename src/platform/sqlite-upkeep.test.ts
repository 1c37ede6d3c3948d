import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporaryDatabase(synchronous?: 'normal') {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-upkeep-'));
  dirs.push(dir);
  const file = join(dir, 'upkeep.db');
  return { file, database: openDatabase(`sqlite:${file}`, synchronous ? { synchronous } : {}) };
}

const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite upkeep of a running server', () => {
  it('takes checkpoints out of commits and keeps the WAL small from its worker, and leaves it empty at close', async () => {
    // NORMAL: the commits need not wait for the disk here; what is checked is where checkpoints run.
    const { file, database } = temporaryDatabase('normal');
    const { db } = database;
    await sql`create table note (id integer primary key, text text not null)`.execute(db);
    const errors: unknown[] = [];
    const upkeep = database.startUpkeep({ checkpointMs: 20, optimizeMs: 0, onError: (error) => errors.push(error) });
    await upkeep.ready;
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(rows[0]!.wal_autocheckpoint).toBe(0);

    // 1,200 commits of ~1 KB: without any checkpoint the WAL would pass 4.8 MB (a page or more
    // each), with SQLite's own (every 1,000 pages) it would reach 4 MB. A pause after every hundred
    // lets the worker's checkpoint in even when the test shares its cores with others (at 60 ms it
    // once fell behind, and the WAL, which keeps the largest size it reached, measured 3.7 MB).
    for (let i = 0; i < 1200; i++) {
      await db.insertInto('note' as never).values({ text: 'x'.repeat(1000) } as never).execute();
      if (i % 100 === 99) await pause(250);
    }
    expect(walBytes(file)).toBeLessThan(2_500_000);
    await upkeep.stop();
    expect(errors).toEqual([]);
    const after = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(after.rows[0]!.wal_autocheckpoint).toBe(1000);
    await database.close();
    expect(walBytes(file)).toBe(0);
  });

  it('is FULL-synchronous unless told NORMAL', async () => {
    const { database } = temporaryDatabase();
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db)).rows[0]!.synchronous).toBe(2);
    await database.close();
    const normal = openDatabase(`sqlite:${join(dirs[0]!, 'normal.db')}`, { synchronous: 'normal' });
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(normal.db)).rows[0]!.synchronous).toBe(1);
    await normal.close();
  });
});
