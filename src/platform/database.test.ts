import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectOf, openDatabase, pingDatabase, sqlitePath } from './database.ts';

describe('database URLs', () => {
  it('tells the dialect apart', () => {
    expect(dialectOf('sqlite:./data/fieldbook.db')).toBe('sqlite');
    expect(dialectOf('postgres://u@h/db')).toBe('postgres');
    expect(dialectOf('postgresql://u@h/db')).toBe('postgres');
  });

  it('reads relative and absolute SQLite paths', () => {
    expect(sqlitePath('sqlite:./data/x.db')).toBe(resolve('data/x.db'));
    expect(sqlitePath('sqlite:/some/file.db')).toBe('/some/file.db');
    expect(sqlitePath('sqlite:///some/file.db')).toBe('/some/file.db');
  });
});

describe('pingDatabase', () => {
  it('resolves while the database answers and rejects once it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-ping-'));
    try {
      const database = openDatabase(`sqlite:${join(dir, 'ping.db')}`);
      await expect(pingDatabase(database.db)).resolves.toBeUndefined();
      await database.close();
      await expect(pingDatabase(database.db)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
