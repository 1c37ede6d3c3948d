import { describe, expect, it } from 'vitest';
import { testBody, testOffice } from '../../test/support/factories.ts';
import { composeActivity } from './compose.ts';
import type { References } from './references.ts';
import { createActivityBody } from './schemas.ts';

const refs: References = {
  offices: new Map([['addis-ababa', testOffice('addis-ababa', { country: 'ET' })]]),
  bodies: new Map([
    ['ITU-T', testBody('ITU-T', 'sector')],
    ['SG12', testBody('SG12', 'study-group')],
  ]),
  bureauOfSector: new Map([['ITU-T', 'TSB']]),
  sectorOfBureau: new Map([['TSB', 'ITU-T']]),
  namesOf: () => [],
  planItems: new Map(),
};
const stamp = { id: '01900000-0000-7000-8000-000000000001', at: '2026-11-28T10:00:00.000Z', by: 'ed@example.org' };
const minimal = createActivityBody.parse({
  title: { fr: 'Atelier', en: 'Workshop' },
  kind: 'workshop',
  offices: [{ office: 'addis-ababa', role: 'organised' }],
  date: { text: 'mid November 2020' },
});

describe('composeActivity', () => {
  it('fills defaults: planned, public, original language from the title, manual provenance, version 1', () => {
    const result = composeActivity({ ...minimal, title: { fr: 'Atelier' } }, null, refs, stamp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.activity).toMatchObject({
      status: 'planned',
      visibility: 'public',
      originalLanguage: 'fr',
      provenance: { source: 'manual' },
      version: 1,
      date: { text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20', precision: 'part-of-month' },
      place: null,
      createdBy: 'ed@example.org',
    });
  });

  it('applies a patch over the stored activity: absent keeps, null clears, version goes up', () => {
    const created = composeActivity({ ...minimal, originalLanguage: 'fr', participants: 30, place: { online: true } }, null, refs, stamp);
    if (!created.ok) throw new Error('setup');
    const later = { ...stamp, at: '2026-11-29T10:00:00.000Z', by: 'focal@example.org' };
    const patched = composeActivity({ status: 'held', participants: null }, created.activity, refs, later);
    if (!patched.ok) throw new Error(JSON.stringify(patched.issues));
    expect(patched.activity).toMatchObject({
      status: 'held',
      participants: null,
      place: { mode: 'online', city: null, country: null },
      title: { fr: 'Atelier', en: 'Workshop' },
      version: 2,
      createdAt: stamp.at,
      createdBy: 'ed@example.org',
      updatedAt: later.at,
      updatedBy: 'focal@example.org',
    });
  });

  it('needs the original language named when the title is in several', () => {
    const unnamed = composeActivity(minimal, null, refs, stamp);
    expect(unnamed.ok ? [] : unnamed.issues).toEqual([{ path: 'body.originalLanguage', code: 'original_language_needed', message: 'is required when the title is in several languages' }]);
    const named = composeActivity({ ...minimal, originalLanguage: 'fr' }, null, refs, stamp);
    expect(named.ok && named.activity.originalLanguage).toBe('fr');
  });

  it('reports every unknown code and unreadable date at once, by field', () => {
    const result = composeActivity(
      {
        ...minimal,
        originalLanguage: 'fr',
        offices: [
          { office: 'atlantis', role: 'organised' },
          { office: 'addis-ababa', role: 'organised' },
          { office: 'addis-ababa', role: 'organised' },
        ],
        sectors: ['SG12'],
        bodies: ['SG99'],
        date: { text: 'soonish' },
      },
      null,
      refs,
      stamp,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['body.offices.0.office', 'body.offices.2', 'body.sectors.0', 'body.bodies.0', 'body.date.text']);
  });

  it('refuses an activity related to itself', () => {
    const result = composeActivity({ ...minimal, originalLanguage: 'fr', related: [{ activity: stamp.id, kind: 'back-to-back' }] }, null, refs, stamp);
    expect(result.ok ? [] : result.issues).toEqual([{ path: 'body.related.0.activity', code: 'related_to_itself', message: 'an activity cannot be related to itself' }]);
  });
});
