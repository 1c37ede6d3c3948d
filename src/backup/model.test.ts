import { describe, expect, it } from 'vitest';
import {
  BackupTally,
  decodeValue,
  encodeValue,
  headerOf,
  kindOfType,
  loadOrder,
  parseHeader,
  shapeDifferences,
  type TableShape,
} from './model.ts';

const table = (name: string, dependsOn: string[] = [], columns: TableShape['columns'] = [{ name: 'id', kind: 'text' }]): TableShape => ({
  name,
  columns,
  primaryKey: ['id'],
  selfReferences: [],
  dependsOn,
  counters: [],
});

describe('the backup format', () => {
  it('knows the types of both databases by one kind each, and nothing it cannot carry', () => {
    expect(['text', 'character varying', 'uuid'].map(kindOfType)).toEqual(['text', 'text', 'text']);
    expect(['integer', 'bigint', 'INTEGER'].map(kindOfType)).toEqual(['integer', 'integer', 'integer']);
    expect(['real', 'double precision'].map(kindOfType)).toEqual(['real', 'real']);
    expect(['boolean', 'jsonb', 'bytea', 'blob', 'timestamp with time zone'].map(kindOfType)).toEqual(['boolean', 'json', 'blob', 'blob', 'timestamp']);
    expect(kindOfType('tsvector')).toBeUndefined();
    expect(kindOfType('')).toBeUndefined();
  });

  it('writes values the same from either database and gives each database what it takes', () => {
    expect(encodeValue('integer', '42')).toBe(42);
    expect(encodeValue('integer', '9007199254740993')).toBe('9007199254740993');
    expect(encodeValue('boolean', 1)).toBe(true);
    expect(encodeValue('boolean', false)).toBe(false);
    expect(encodeValue('json', { a: 1 })).toBe('{"a":1}');
    expect(encodeValue('timestamp', new Date('2026-12-07T10:00:00Z'))).toBe('2026-12-07T10:00:00.000Z');
    expect(encodeValue('blob', Buffer.from('hi'))).toBe('aGk=');
    expect(encodeValue('text', null)).toBeNull();
    expect(decodeValue('boolean', true, 'sqlite')).toBe(1);
    expect(decodeValue('boolean', true, 'postgres')).toBe(true);
    expect(decodeValue('integer', '9007199254740993', 'sqlite')).toBe(9007199254740993n);
    expect(decodeValue('blob', 'aGk=', 'postgres')).toEqual(Buffer.from('hi'));
  });

  it('loads tables after the tables they point at, and refuses a cycle', () => {
    const order = loadOrder([table('activity_office', ['activity', 'office']), table('office', ['region']), table('activity'), table('region')]).map((t) => t.name);
    expect(order.indexOf('region')).toBeLessThan(order.indexOf('office'));
    expect(order.indexOf('office')).toBeLessThan(order.indexOf('activity_office'));
    expect(order.indexOf('activity')).toBeLessThan(order.indexOf('activity_office'));
    expect(() => loadOrder([table('a', ['b']), table('b', ['a'])])).toThrow(/a → b → a|b → a → b/);
  });

  it('refuses what is not a backup, and a newer format by its number', () => {
    expect(() => parseHeader('PK\u0003\u0004')).toThrow('This is not a Fieldbook backup');
    expect(() => parseHeader('{"format":"something-else"}')).toThrow('This is not a Fieldbook backup');
    expect(() => parseHeader(JSON.stringify({ format: 'fieldbook-backup', version: 7 }))).toThrow('The backup is in format 7, newer than this Fieldbook reads (up to 1)');
    const header = headerOf({ createdAt: 'now', fieldbook: '0.1.0', dialect: 'sqlite', migrations: ['m1'], tables: [table('region')] });
    expect(parseHeader(JSON.stringify(header))).toEqual(header);
  });

  it('names every difference between a backup\'s tables and the database\'s', () => {
    const header = headerOf({ createdAt: 'now', fieldbook: '0.1.0', dialect: 'sqlite', migrations: [], tables: [table('region'), table('gone')] });
    const here = [table('region', [], [{ name: 'id', kind: 'integer' }, { name: 'extra', kind: 'text' }]), table('new')];
    expect(shapeDifferences(header, here)).toEqual([
      'column region.id is text in the backup but integer here',
      'column region.extra is in this database but not in the backup',
      'table gone is in the backup but not in this database',
      'table new is in this database but not in the backup',
    ]);
  });

  it('checks each table\'s count and checksum and the whole file\'s against the manifest', () => {
    const header = headerOf({ createdAt: 'now', fieldbook: '0.1.0', dialect: 'sqlite', migrations: [], tables: [table('region'), table('office')] });
    const write = (rows: string[]): BackupTally => {
      const tally = new BackupTally();
      tally.line('header');
      tally.startTable('region');
      for (const row of rows) {
        tally.line(row);
        tally.row(row);
      }
      tally.startTable('office');
      return tally;
    };
    const manifest = write(['["AFR"]', '["AMS"]']).trailer();
    expect(manifest.tables).toMatchObject({ region: { rows: 2 }, office: { rows: 0 } });
    expect(() => write(['["AFR"]', '["AMS"]']).check(header, manifest)).not.toThrow();
    expect(() => write(['["AFR"]']).check(header, manifest)).toThrow('region: 1 rows where the manifest says 2');
    expect(() => write(['["AFR"]', '["AMX"]']).check(header, manifest)).toThrow('region: checksum mismatch');
  });
});
