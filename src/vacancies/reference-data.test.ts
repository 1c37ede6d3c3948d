import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPositions } from './reference-data.ts';

const BODIES = new Set(['TSAG', 'SG2', 'SG3', 'SG5', 'SG11', 'SG12', 'SG13', 'SG15', 'SG17', 'SG20', 'SG21']);

describe('checkPositions', () => {
  it('reads the shipped positions: the confirmed one with its holder, the others unconfirmed', () => {
    const records = checkPositions('positions.json', readFileSync('data/reference/positions.json', 'utf8'), BODIES);
    expect(records.filter((r) => r.confirmed)).toEqual([expect.objectContaining({ body: 'TSAG', studyPeriod: '2017-2020', holder: { name: 'Bruce Gracie', country: 'CA' } })]);
    expect(records.filter((r) => !r.confirmed).every((r) => r.status === 'unknown' && r.holder === null)).toBe(true);
  });

  it('names the file, the record and the field at fault', () => {
    const record = { body: 'SG99', studyPeriod: '2025-2028', role: 'chair', label: null, status: 'vacant', holder: null, source: 's', confirmed: false };
    expect(() => checkPositions('p.json', JSON.stringify([record]), BODIES)).toThrow('p.json: record 1: field body: unknown body "SG99"');
    expect(() => checkPositions('p.json', JSON.stringify([{ ...record, body: 'SG2', status: 'filled' }]), BODIES)).toThrow(/field holder: a filled position needs its holder/);
    expect(() => checkPositions('p.json', JSON.stringify([{ ...record, body: 'SG2' }, { ...record, body: 'SG2' }]), BODIES)).toThrow(/record 2: field label: "SG2:2025-2028:chair:-" is given twice/);
  });
});
