import { describe, expect, it } from 'vitest';
import { referenceRegistry as registry } from '../../test/support/reference-registry.ts';
import { readPassage } from './passages.ts';

const context = { document: 'notes.txt', regions: registry.regions, offices: registry.offices, bodies: registry.bodies };

describe('reading an unplaced passage for an office', () => {
  it('finds the date, place and bodies, and keeps the passage whole as its text', () => {
    const text = 'A workshop on Quality of Service was held in Harare, Zimbabwe, on 3 - 4 March 2020, with the ITU-T SG12 regional group for Africa.';
    const activity = readPassage({ text, section: null }, 'harare', context);
    expect(activity.office).toBe('harare');
    expect(activity.region).toBe('AFR');
    expect(activity.date).toMatchObject({ start: '2020-03-03', end: '2020-03-04' });
    expect(activity.place).toMatchObject({ city: 'Harare', country: 'ZW' });
    expect(activity.bodies.length).toBeGreaterThan(0);
    expect(activity.provenance).toEqual({ document: 'notes.txt', section: '', item: null, text });
  });

  it('gives what it cannot read empty, with a title to correct', () => {
    const text = 'Thanks go to every colleague who made the year what it was, in the field and at headquarters, through thick and thin and more.';
    const activity = readPassage({ text, section: '2' }, 'moscow', context);
    expect(activity).toMatchObject({ office: 'moscow', region: 'CIS', date: null, place: null, bodies: [] });
    expect(activity.title.length).toBeGreaterThan(0);
    expect(activity.provenance.text).toBe(text);
  });
});
