import { describe, expect, it } from 'vitest';
import { testActivity, testBody, testOffice } from '../../../test/support/factories.ts';
import type { References } from '../references.ts';
import { indexColumns } from './header-words.ts';
import { planRows, type PlanContext } from './plan.ts';
import { activityCells, COLUMNS, isComputedColumn, type Column } from './table-format.ts';

const refs: References = {
  offices: new Map([
    ['addis-ababa', testOffice('addis-ababa', { country: 'ET' })],
    ['cairo', testOffice('cairo', { country: 'EG' })],
  ]),
  bodies: new Map([['ITU-T', testBody('ITU-T', 'sector')]]),
  bureauOfSector: new Map([['ITU-T', 'TSB']]),
  sectorOfBureau: new Map([['TSB', 'ITU-T']]),
  namesOf: () => [],
  planItems: new Map(),
};

const stored = testActivity({
  title: { fr: 'Atelier sur la qualité de service', en: 'Workshop on quality of service' },
  originalLanguage: 'fr',
  offices: [{ office: 'addis-ababa', role: 'organised' }],
  description: { en: 'Only in English' },
  links: [{ url: 'https://example.org/a', title: 'Programme' }],
  version: 4,
});

let ids = 0;
const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  existing: new Map([[stored.id, stored]]),
  refs,
  stamp: { at: '2026-12-07T10:00:00.000Z', by: 'ed@example.org' },
  newId: () => `01900000-0000-7000-8000-${String((ids += 1)).padStart(12, '0')}`,
  mayWrite: (scope) => (scope.office ? scope.office === 'addis-ababa' : (scope.offices ?? []).includes('addis-ababa')),
  ownOffice: 'addis-ababa',
  ...overrides,
});

/** The row of the export, as text, with some cells changed. */
function exported(changes: Partial<Record<Column, string>> = {}): string[] {
  return activityCells(stored).map((cell, i) => changes[COLUMNS[i]!] ?? (cell === null ? '' : String(cell)));
}
const allColumns = () => {
  const index = indexColumns(COLUMNS.length, COLUMNS.map((c) => (isComputedColumn(c) ? null : c)));
  if (!index.ok) throw new Error('incomplete');
  return index.index;
};

describe('planning the rows of an imported file', () => {
  it('takes a row of the export, untouched, as no change at all', () => {
    expect(planRows([{ row: 2, cells: exported() }], allColumns(), context())).toEqual([{ row: 2, action: 'unchanged', activity: stored }]);
  });

  it('updates only what the row changed, keeping the translations, the English-only description and link titles', () => {
    const [plan] = planRows([{ row: 2, cells: exported({ title: 'Atelier régional sur la QoS', status: 'cancelled', links: 'https://example.org/a https://example.org/b' }) }], allColumns(), context());
    expect(plan).toMatchObject({ action: 'update', changed: ['title', 'status', 'links'] });
    if (plan?.action !== 'update') return;
    expect(plan.activity).toMatchObject({
      id: stored.id,
      version: 5,
      title: { fr: 'Atelier régional sur la QoS', en: 'Workshop on quality of service' },
      status: 'cancelled',
      description: { en: 'Only in English' },
      links: [
        { url: 'https://example.org/a', title: 'Programme' },
        { url: 'https://example.org/b', title: null },
      ],
    });
  });

  it('gives a stale version a conflict naming both versions, and asks for the version when it is missing', () => {
    const plans = [
      ...planRows([{ row: 2, cells: exported({ version: '3', title: 'Mon changement' }) }], allColumns(), context()),
      ...planRows([{ row: 3, cells: exported({ version: '', id: stored.id.toUpperCase() }) }], allColumns(), context()),
    ];
    expect(plans).toEqual([
      { row: 2, action: 'refused', id: stored.id, errors: [{ column: 'version', code: 'version_conflict', message: expect.stringMatching(/version 3 in the file, 4 now/), params: { version: 3, current: 4 } }] },
      { row: 3, action: 'refused', id: stored.id, errors: [{ column: 'version', code: 'version_needed', message: expect.any(String), params: { value: stored.id } }] },
    ]);
  });

  it('adds rows without an id, refuses another office’s, an unknown office and a repeated id, each reason by column', () => {
    const six = indexColumns(6, ['id', 'title', 'original_language', 'kind', 'offices', 'date_text']);
    if (!six.ok) throw new Error('incomplete');
    const newId = '01900000-0000-7000-8000-0000000000aa';
    const plans = planRows(
      [
        { row: 2, cells: ['', 'Forum', 'fr', 'forum', 'addis-ababa:organised', 'mars 2027'] },
        { row: 3, cells: ['', 'Forum du Caire', 'fr', 'forum', 'cairo:organised', 'mars 2027'] },
        { row: 4, cells: [newId, 'Forum', 'fr', 'forum', 'nowhere:organised', 'mars 2027'] },
        { row: 5, cells: [newId, 'Forum', 'fr', 'forum', 'addis-ababa:organised', 'jamais'] },
      ],
      six.index,
      context(),
    );
    expect(plans[0]).toMatchObject({ row: 2, action: 'create', activity: { title: { fr: 'Forum' }, date: { start: '2027-03-01', end: '2027-03-31' } } });
    expect(plans[1]).toMatchObject({ row: 3, action: 'refused', errors: [{ column: 'offices', code: 'not_your_office' }] });
    expect(plans[2]).toMatchObject({ row: 4, action: 'refused', errors: [{ column: 'offices', code: 'not_your_office' }, { column: 'offices', code: 'unknown_office' }] });
    expect(plans[3]).toMatchObject({ row: 5, action: 'refused', errors: [{ column: 'id', code: 'same_id_in_row', params: { row: 4 } }] });
  });

  it('refuses to update a deleted activity or another office’s, and keeps the columns a file does not have', () => {
    const deleted = { ...stored, deletedAt: '2026-01-01T00:00:00.000Z' };
    expect(planRows([{ row: 2, cells: exported() }], allColumns(), context({ existing: new Map([[stored.id, deleted]]) }))[0]).toMatchObject({
      action: 'refused',
      errors: [{ column: 'id', code: 'activity_deleted' }],
    });
    expect(planRows([{ row: 2, cells: exported({ title: 'Autre' }) }], allColumns(), context({ mayWrite: () => false }))[0]).toMatchObject({
      action: 'refused',
      errors: [{ column: 'offices', code: 'not_your_office' }],
    });
    // A file of id, version, title, language, kind, offices and date: the links and the rest stay.
    const few: Column[] = ['id', 'version', 'title', 'original_language', 'kind', 'offices', 'date_text'];
    const index = indexColumns(few.length, few);
    if (!index.ok) throw new Error('incomplete');
    const cells = few.map((c) => exported({ title: 'Atelier QoS' })[COLUMNS.indexOf(c)]!);
    const [plan] = planRows([{ row: 2, cells }], index.index, context());
    expect(plan).toMatchObject({ action: 'update', changed: ['title'], activity: { links: stored.links, status: stored.status } });
  });
});
