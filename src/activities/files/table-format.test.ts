import { describe, expect, it } from 'vitest';
import { testActivity } from '../../../test/support/factories.ts';
import type { Activity } from '../model.ts';
import { activityCells, activityToRow, COLUMNS, columnOf, HEADER, neutralise, rowToInput, unneutralise, type Column } from './table-format.ts';

const ACTIVITY = testActivity({
  title: { fr: 'Atelier sur la qualité de service', en: 'Workshop on quality of service' },
  originalLanguage: 'fr',
  kind: 'workshop',
  status: 'held',
  visibility: 'public',
  offices: [
    { office: 'addis-ababa', role: 'supported' },
    { office: 'cairo', role: 'participated' },
  ],
  sectors: ['ITU-T'],
  bodies: ['SG12RG-AFR', 'ATU'],
  date: { text: '2 - 3 March 2020', start: '2020-03-02', end: '2020-03-03', precision: 'days' },
  place: { mode: 'in-person', city: 'Ndjamena', country: 'TD' },
  description: { fr: '=HYPERLINK("http://evil.example","clic")' },
  outcome: {},
  participants: 45,
  links: [
    { url: 'https://www.itu.int/en/ITU-T/Workshops-and-Seminars/qos/202003', title: 'Programme' },
    { url: 'https://example.org/b', title: null },
  ],
  version: 3,
  updatedAt: '2026-01-02T00:00:00.000Z',
  deletedAt: null,
});

const indexOf = (columns: readonly string[]) => new Map(columns.map((c, i) => [c as Column, i]));
const asCells = (activity: Activity) => activityCells(activity).map((c) => (c === null ? '' : String(c)));

describe('activity as a flat row', () => {
  it('flattens lists into one cell each and keeps texts in the original language', () => {
    expect(activityToRow(ACTIVITY)).toEqual({
      id: ACTIVITY.id,
      title: 'Atelier sur la qualité de service',
      original_language: 'fr',
      kind: 'workshop',
      status: 'held',
      visibility: 'public',
      offices: 'addis-ababa:supported; cairo:participated',
      sectors: 'ITU-T',
      bodies: 'SG12RG-AFR; ATU',
      date_text: '2 - 3 March 2020',
      date_start: '2020-03-02',
      date_end: '2020-03-03',
      date_precision: 'days',
      place_mode: 'in-person',
      place_city: 'Ndjamena',
      place_country: 'TD',
      participants: 45,
      description: '=HYPERLINK("http://evil.example","clic")',
      outcome: null,
      links: 'https://www.itu.int/en/ITU-T/Workshops-and-Seminars/qos/202003 https://example.org/b',
      version: 3,
      updated_at: '2026-01-02T00:00:00.000Z',
      deleted_at: null,
      outputs: '',
      initiatives: '',
      goals: '',
    });
  });

  it('gives cells in header order, formulas neutralised', () => {
    const cells = activityCells(ACTIVITY);
    expect(cells).toHaveLength(HEADER.length);
    expect(cells[COLUMNS.indexOf('description')]).toBe(`'=HYPERLINK("http://evil.example","clic")`);
    expect(cells[COLUMNS.indexOf('participants')]).toBe(45);
  });

  it('neutralises every formula start, and only those', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralise(text)).toBe(`'${text}`);
      expect(unneutralise(neutralise(text))).toBe(text);
    }
    for (const text of ['plain', "'quoted", 'a=b', '2020-03-02', 'ورشة عمل', '研讨会']) expect(neutralise(text)).toBe(text);
    expect(unneutralise("'quoted")).toBe("'quoted");
  });
});

describe('a row back into a create request', () => {
  it('round-trips an exported activity (original-language texts, link URLs)', () => {
    const result = rowToInput(asCells(ACTIVITY), indexOf(HEADER));
    expect(result).toEqual({
      ok: true,
      id: ACTIVITY.id,
      version: 3,
      filled: new Set(COLUMNS.filter((c) => c !== 'outcome' && c !== 'deleted_at' && c !== 'outputs' && c !== 'initiatives' && c !== 'goals')),
      input: {
        title: { fr: 'Atelier sur la qualité de service' },
        originalLanguage: 'fr',
        kind: 'workshop',
        status: 'held',
        visibility: 'public',
        offices: ACTIVITY.offices,
        sectors: ['ITU-T'],
        bodies: ['SG12RG-AFR', 'ATU'],
        plans: [],
        date: { text: '2 - 3 March 2020', start: '2020-03-02', end: '2020-03-03' },
        place: { mode: 'in-person', city: 'Ndjamena', country: 'TD' },
        description: { fr: '=HYPERLINK("http://evil.example","clic")' },
        participants: 45,
        links: ACTIVITY.links.map((l) => ({ url: l.url })),
        related: [],
      },
    });
  });

  it('takes a minimal hand-made row with defaults', () => {
    const columns = ['title', 'original_language', 'kind', 'offices', 'date_text', 'place_mode'];
    const result = rowToInput(['ورشة عمل', 'AR', 'Workshop', 'cairo:organised', 'March 2021', 'online'], indexOf(columns));
    expect(result).toMatchObject({
      ok: true,
      id: null,
      input: { title: { ar: 'ورشة عمل' }, originalLanguage: 'ar', kind: 'workshop', status: 'planned', visibility: 'public', place: { mode: 'online' } },
    });
  });

  it('reports every problem by column, naming the item of a list', () => {
    const columns = ['id', 'title', 'original_language', 'kind', 'offices', 'date_text', 'participants', 'links', 'place_country'];
    const result = rowToInput(['not-an-id', '', 'xx', 'party', 'cairo; addis-ababa:danced', '', 'many', 'ftp://x', 'Chad'], indexOf(columns));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.id).toBeNull();
    expect(result.issues.map((i) => i.column)).toEqual(['id', 'original_language', 'title', 'offices', 'participants']);
    expect(result.issues.find((i) => i.column === 'offices')?.message).toBe('"cairo" needs a role after a colon, e.g. "cairo:organised"');

    const schema = rowToInput(['', 'T', 'en', 'party', 'addis-ababa:danced', 'May 2020', '', 'ftp://x', 'Chad'], indexOf(columns));
    expect(schema.ok).toBe(false);
    if (schema.ok) return;
    expect(schema.issues.map((i) => i.column).sort()).toEqual(['kind', 'links', 'offices', 'place_country']);
    expect(schema.issues.find((i) => i.column === 'offices')?.message).toMatch(/^"addis-ababa:danced": /);
    expect(schema.issues.find((i) => i.column === 'links')?.message).toMatch(/^"ftp:\/\/x": /);
  });

  it('maps request paths to columns', () => {
    expect(columnOf('body.offices.0.office')).toBe('offices');
    expect(columnOf('body.date')).toBe('date_text');
    expect(columnOf('body.date.text')).toBe('date_text');
    expect(columnOf('body.date.end')).toBe('date_end');
    expect(columnOf('body.originalLanguage')).toBe('original_language');
    expect(columnOf('body.place.country')).toBe('place_country');
    expect(columnOf('body.related.0.activity')).toBe('row');
  });
});
