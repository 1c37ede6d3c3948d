import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectOf, sqlitePath } from './database.ts';

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
