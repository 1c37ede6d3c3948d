import { describe, expect, it } from 'vitest';
import { testProposedActivity } from '../../test/support/factories.ts';
import { activityInputOf, fingerprintOf, forOffice, hashBytes, relatedInRegister, summarise, type Proposal } from './model.ts';
import type { ImportProposal, ProposedActivity } from './model.ts';

const proposalOf = (activities: ProposedActivity[]): ImportProposal => ({
  header: { title: 'Contribution of the regional offices', abstract: null },
  period: { text: 'January – August 2020', start: '2020-01-01', end: '2020-08-31' },
  sections: [],
  activities,
  unplaced: [],
  unplacedCount: 0,
});

/** A batch-mate: its place in the batch, what it says, and the register entry it became, if accepted. */
const mate = (position: number, activityId: string | null, related: ProposedActivity['related'] = []): Pick<Proposal, 'position' | 'activity' | 'activityId'> => ({
  position,
  activityId,
  activity: testProposedActivity({ related }),
});

describe('recognising a document and its items again', () => {
  it('knows a file by its bytes', () => {
    expect(hashBytes(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashBytes(Buffer.from('abc\n'))).not.toBe(hashBytes(Buffer.from('abc')));
  });

  it('knows an item by its words and office, whatever the spacing or case, so a re-typed report proposes it once', () => {
    const item = testProposedActivity({ provenance: { document: 'a.txt', section: '4', item: '1', text: 'ROA participated in the Workshop on QoS.' } });
    const retyped = testProposedActivity({ provenance: { document: 'b.docx', section: '4 Africa', item: '3', text: '  roa participated in\tthe workshop   on QoS. ' } });
    expect(fingerprintOf(retyped)).toBe(fingerprintOf(item));
    expect(fingerprintOf({ ...item, office: 'dakar' })).not.toBe(fingerprintOf(item));
    expect(fingerprintOf({ ...item, provenance: { ...item.provenance, text: 'ROA participated in the Workshop on QoE.' } })).not.toBe(fingerprintOf(item));
  });
});

describe('an import for one office', () => {
  const africa = testProposedActivity({ title: 'Africa one', related: [{ index: 2, kind: 'back-to-back' }] });
  const cairo = testProposedActivity({ title: 'Cairo one', region: 'ARB', office: 'cairo', related: [{ index: 0, kind: 'back-to-back' }] });
  const africaToo = testProposedActivity({ title: 'Africa two', related: [{ index: 0, kind: 'back-to-back' }, { index: 1, kind: 'back-to-back' }] });
  const whole = proposalOf([africa, cairo, africaToo]);

  it('keeps everything when no office is named', () => {
    expect(forOffice(whole, null)).toBe(whole);
  });

  it("keeps only that office's items, their back-to-back links renumbered and links to the others dropped", () => {
    const kept = forOffice(whole, 'addis-ababa');
    expect(kept.activities.map((a) => [a.title, a.related])).toEqual([
      ['Africa one', [{ index: 1, kind: 'back-to-back' }]],
      ['Africa two', [{ index: 0, kind: 'back-to-back' }]],
    ]);
    expect(kept.period).toEqual(whole.period);
    expect(forOffice(whole, 'moscow').activities).toEqual([]);
  });
});

describe('the summary of what was read', () => {
  it('gives one row per office in the order the document names them, counting dated and undated items', () => {
    const rows = summarise([
      testProposedActivity({ region: 'ARB', office: 'cairo' }),
      testProposedActivity({ office: 'addis-ababa' }),
      testProposedActivity({ region: 'ARB', office: 'cairo', date: null }),
      testProposedActivity({ region: 'ARB', office: 'cairo' }),
    ]);
    expect(rows).toEqual([
      { region: 'ARB', office: 'cairo', items: 3, dated: 2, undated: 1 },
      { region: 'AFR', office: 'addis-ababa', items: 1, dated: 1, undated: 0 },
    ]);
    expect(summarise([])).toEqual([]);
  });
});

describe('back-to-back links on acceptance', () => {
  it('links a proposal to the batch-mates it names that are already in the register', () => {
    const batch = [mate(0, null, [{ index: 1, kind: 'back-to-back' }, { index: 2, kind: 'back-to-back' }]), mate(1, 'act-1'), mate(2, null)];
    expect(relatedInRegister(0, batch)).toEqual([{ activity: 'act-1', kind: 'back-to-back' }]);
  });

  it('also when only the other side named the link, since it goes both ways', () => {
    const batch = [mate(0, null), mate(1, 'act-1', [{ index: 0, kind: 'back-to-back' }]), mate(2, 'act-2')];
    expect(relatedInRegister(0, batch)).toEqual([{ activity: 'act-1', kind: 'back-to-back' }]);
  });

  it('links each register entry once, and never a proposal to itself', () => {
    const batch = [mate(0, 'act-0', [{ index: 0, kind: 'back-to-back' }, { index: 1, kind: 'back-to-back' }]), mate(1, 'act-1', [{ index: 0, kind: 'back-to-back' }])];
    expect(relatedInRegister(0, batch)).toEqual([{ activity: 'act-1', kind: 'back-to-back' }]);
  });
});

describe('the register entry a proposal becomes', () => {
  const accept = (activity: ProposedActivity, language: 'en' | 'fr' = 'en', related: Array<{ activity: string; kind: 'back-to-back' }> = []) =>
    activityInputOf({ activity, position: 3, batchId: 'batch-1' }, 'tsag-2020.txt', language, related);

  it('refuses one without a date, saying what to do', () => {
    expect(accept(testProposedActivity({ date: null }))).toEqual({ ok: false, problem: 'has no date: edit the proposal to give one' });
  });

  it('keeps what the report said, in the language of the document, public, with where it came from', () => {
    const result = accept(testProposedActivity({ roles: ['organised', 'contributed'] }), 'fr', [{ activity: 'act-1', kind: 'back-to-back' }]);
    expect(result).toEqual({
      ok: true,
      input: {
        title: { fr: 'Workshop on Standardization of fiber networks' },
        originalLanguage: 'fr',
        kind: 'workshop',
        status: 'held',
        visibility: 'public',
        offices: [
          { office: 'addis-ababa', role: 'organised' },
          { office: 'addis-ababa', role: 'contributed' },
        ],
        sectors: ['ITU-T'],
        bodies: ['SG13'],
        plans: [],
        date: { text: '3 and 4 February 2020', start: '2020-02-03', end: '2020-02-04' },
        place: { city: 'Abuja', country: 'NG', mode: 'in-person' },
        description: { fr: 'ROA participated in the Workshop on Standardization of fiber networks, Abuja, Nigeria, 3 and 4 February 2020.' },
        links: [],
        related: [{ activity: 'act-1', kind: 'back-to-back' }],
        provenance: {
          source: 'import',
          document: 'tsag-2020.txt',
          section: '4 Africa',
          item: '1',
          text: 'ROA participated in the Workshop on Standardization of fiber networks, Abuja, Nigeria, 3 and 4 February 2020.',
          batch: 'batch-1',
        },
      },
    });
  });

  it('says the office participated when the report names no role', () => {
    const result = accept(testProposedActivity({ roles: [] }));
    expect(result.ok && result.input.offices).toEqual([{ office: 'addis-ababa', role: 'participated' }]);
  });

  it('records an online event as online, and no place when the report gives none', () => {
    const online = accept(testProposedActivity({ place: { city: null, country: null, online: true } }));
    expect(online.ok && online.input.place).toEqual({ city: null, country: null, mode: 'online' });
    const nowhere = accept(testProposedActivity({ place: { city: null, country: null, online: false } }));
    expect(nowhere.ok && nowhere.input.place).toBeNull();
    const unsaid = accept(testProposedActivity({ place: null }));
    expect(unsaid.ok && unsaid.input.place).toBeNull();
  });

  it('leaves out an empty description rather than storing an empty text', () => {
    const result = accept(testProposedActivity({ description: '' }));
    expect(result.ok && result.input.description).toBeUndefined();
  });
});
