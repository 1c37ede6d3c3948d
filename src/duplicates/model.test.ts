import { describe, expect, it } from 'vitest';
import { testActivity } from '../../test/support/factories.ts';
import type { RegionCode } from '#src/registry/reference.ts';
import {
  addDays,
  candidatesOf,
  compare,
  daysApart,
  mayMatch,
  mergedLinks,
  narrowingOf,
  pairsAmong,
  subjectOf,
  windowOf,
  type Context,
  type Narrowing,
  type Outline,
} from './model.ts';

/** Whether an outline meets a narrowing, as sketches.ts `outlinesNear` asks the database. */
function meets(outline: Outline, narrowing: Narrowing): boolean {
  if (outline.bodies.some((b) => narrowing.bodies.includes(b))) return true;
  if (narrowing.country !== null && outline.country === narrowing.country) return true;
  const counts = narrowing.gramCounts;
  return counts !== null && outline.gramCounts.most >= counts.atLeast && outline.gramCounts.fewest <= counts.atMost;
}

const PARENTS: Record<string, string> = { 'SG12RG-AFR': 'SG12', 'SG12RG-ARB': 'SG12', 'SG3RG-AFR': 'SG3' };
const COUNTRIES: Record<string, RegionCode> = { TD: 'AFR', NG: 'AFR', EG: 'ARB', BY: 'CIS', CH: 'EUR' };
const OFFICES: Record<string, RegionCode | null> = { 'addis-ababa': 'AFR', cairo: 'ARB', geneva: null };
const context: Context = {
  parentOf: (body) => PARENTS[body] ?? null,
  childrenOf: (body) => Object.keys(PARENTS).filter((child) => PARENTS[child] === body),
  regionOfCountry: (country) => COUNTRIES[country] ?? null,
  regionOfOffice: (office) => OFFICES[office] ?? null,
  isOrganisation: (body) => body === 'ATU',
};

/** The seed's SG12 regional group meeting in Ndjamena as the Addis Ababa office recorded it. */
const addis = testActivity({
  title: { en: 'Meeting of the African Group of SG12' },
  offices: [{ office: 'addis-ababa', role: 'supported' }],
  bodies: ['SG12RG-AFR'],
  date: { text: '4 - 5 March 2020', start: '2020-03-04', end: '2020-03-05' },
  place: { mode: 'in-person', city: 'Ndjamena', country: 'TD' },
});
/** The same meeting as TSB recorded it under headquarters. */
const tsb = testActivity({
  title: { en: 'ITU-T SG12 Regional Group for Africa (SG12RG-AFR) meeting' },
  offices: [{ office: 'geneva', role: 'organised' }],
  bodies: ['SG12RG-AFR'],
  date: { text: '4 - 6 March 2020', start: '2020-03-04', end: '2020-03-06' },
  place: { mode: 'in-person', city: "N'Djamena", country: 'TD' },
});
const subject = (a: typeof addis) => subjectOf(a, context);

describe('days', () => {
  it('measures the gap between two ranges, 0 when they overlap', () => {
    expect(daysApart({ start: '2020-03-02', end: '2020-03-03' }, { start: '2020-03-04', end: '2020-03-05' })).toBe(1);
    expect(daysApart({ start: '2020-03-10', end: '2020-03-12' }, { start: '2020-03-01', end: '2020-03-02' })).toBe(8);
    expect(daysApart({ start: '2020-03-01', end: '2020-03-31' }, { start: '2020-03-04', end: '2020-03-05' })).toBe(0);
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('looks for candidates starting up to two months and a week before and a week after', () => {
    expect(windowOf({ start: '2020-03-04', end: '2020-03-05' })).toEqual({ startFrom: '2019-12-26', startTo: '2020-03-12', endFrom: '2020-02-26' });
  });
});

describe('compare', () => {
  it('finds an office and headquarters recording one meeting, with every reason', () => {
    const match = compare(subject(addis), subject(tsb), context);
    expect(match).not.toBeNull();
    expect(match!.reasons.map((r) => r.code)).toEqual(['overlapping_dates', 'same_body', 'same_country', 'similar_title']);
  });

  it('relates a study group to its regional groups, but not two regional groups to each other', () => {
    const sg = subject({ ...tsb, bodies: ['SG12'] });
    expect(compare(subject(addis), sg, context)!.reasons).toContainEqual({ code: 'related_body', body: 'SG12RG-AFR', other: 'SG12' });
    const arab = subject({ ...tsb, bodies: ['SG12RG-ARB'], title: { en: 'Regional group meeting' } });
    expect(compare(subject(addis), arab, context)?.reasons.some((r) => r.code === 'same_body' || r.code === 'related_body') ?? false).toBe(false);
  });

  it('takes days up to a week apart, not eight', () => {
    const later = (days: number) => subject({ ...tsb, date: { text: 'x', start: addDays('2020-03-05', days), end: addDays('2020-03-05', days), precision: 'day' } });
    expect(compare(subject(addis), later(7), context)!.reasons[0]).toEqual({ code: 'near_dates', days: 7 });
    expect(compare(subject(addis), later(8), context)).toBeNull();
  });

  it('does not compare a quarter, a year or an undated plan', () => {
    const vague = subject({ ...tsb, date: { text: 'Q1 2020', start: '2020-01-01', end: '2020-03-31', precision: 'quarter' } });
    expect(compare(subject(addis), vague, context)).toBeNull();
  });

  it('needs more than a similar title when the two are in countries of different regions', () => {
    const cairo = subject({ ...addis, id: 'other', bodies: [], place: { mode: 'in-person', city: 'Cairo', country: 'EG' }, offices: [{ office: 'cairo', role: 'organised' }] });
    expect(compare({ ...subject(addis), bodies: [] }, cairo, context)).toBeNull();
    // Online, with the same title in the same days: the offices' regions decide.
    const online = (office: string) => subject({ ...addis, id: office, bodies: [], place: { mode: 'online', city: null, country: null }, offices: [{ office, role: 'organised' }] });
    expect(compare(online('addis-ababa'), { ...online('geneva'), id: 'x' }, context)).not.toBeNull();
  });

  it('leaves alone two activities already related, and an activity and itself', () => {
    expect(compare(subject(addis), subject({ ...tsb, related: [{ activity: addis.id, kind: 'back-to-back' }] }), context)).toBeNull();
    expect(compare(subject(addis), subject(addis), context)).toBeNull();
  });

  it('counts a regional organisation in common for little', () => {
    const one = subject(testActivity({ title: { en: 'Workshop on cybersecurity' }, bodies: ['ATU'], date: { start: '2020-05-04', end: '2020-05-05' }, place: { mode: 'in-person', city: 'Abuja', country: 'NG' } }));
    const two = subject(testActivity({ title: { en: 'Forum on digital finance' }, bodies: ['ATU'], date: { start: '2020-05-04', end: '2020-05-04' }, place: { mode: 'in-person', city: 'Abuja', country: 'NG' } }));
    expect(compare(one, two, context)).toBeNull();
    expect(compare({ ...one, bodies: ['SG12RG-AFR'] }, { ...two, bodies: ['SG12RG-AFR'] }, context)).not.toBeNull();
  });

  it('does not take two different workshops of one region in one week for one', () => {
    const one = subject(testActivity({ title: { en: 'Workshop on cybersecurity for Africa' }, date: { start: '2020-05-04', end: '2020-05-05' }, place: { mode: 'in-person', city: 'Abuja', country: 'NG' } }));
    const two = subject(testActivity({ title: { en: 'Training on spectrum monitoring' }, date: { start: '2020-05-06', end: '2020-05-06' }, place: { mode: 'in-person', city: 'Abuja', country: 'NG' } }));
    expect(compare(one, two, context)).toBeNull();
  });
});

describe('ruling out before the titles', () => {
  it('never rules out a pair the full comparison would find, and rules out titles too different in length', () => {
    const titles = ['Meeting of the African Group of SG12', 'ITU-T SG12 Regional Group for Africa (SG12RG-AFR) meeting', 'Forum', 'Workshop on cybersecurity', 'Regional Standardization Forum on quality of service and experience for Africa'];
    const variants = titles.flatMap((title) => [
      subject({ ...addis, id: `a ${title}`, title: { en: title } }),
      subject({ ...tsb, id: `b ${title}`, title: { en: title } }),
      subject({ ...tsb, id: `c ${title}`, title: { en: title }, bodies: [], place: null }),
      subject({ ...addis, id: `d ${title}`, title: { en: title }, bodies: ['ATU'], date: { text: 'x', start: '2020-03-10', end: '2020-03-11', precision: 'days' } }),
    ]);
    let found = 0;
    for (const a of variants) {
      for (const b of variants) {
        if (compare(a, b, context) === null) continue;
        found += 1;
        expect(mayMatch(a, b, context), `${a.id} / ${b.id}`).toBe(true);
        expect(meets(b, narrowingOf(a, context)), `${a.id} / ${b.id} narrowed`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(20);
    // The same days and nothing else in common: only a nearly identical title would do, and "Forum" is far too short.
    const onlyDays = (id: string, title: string) => subject({ ...tsb, id, title: { en: title }, bodies: [], place: null, offices: [{ office: 'geneva', role: 'organised' }] });
    expect(mayMatch(onlyDays('x', 'Forum'), onlyDays('y', 'Regional Standardization Forum for Africa'), context)).toBe(false);
    expect(mayMatch(onlyDays('x', 'Regional Standardization Forum for Africa'), onlyDays('y', 'Regional Standardisation Forum for Africa'), context)).toBe(true);
    // What the database is asked: a related body (the study group of the draft's regional group), the country, or a title of about its length.
    const narrowing = narrowingOf(subject(addis), context);
    expect(narrowing.bodies).toEqual(['SG12', 'SG12RG-AFR']);
    expect(narrowing.country).toBe('TD');
    expect(meets(onlyDays('x', 'Forum'), narrowing)).toBe(false);
  });
});

describe('candidates and pairs', () => {
  it('orders a draft candidates best first and finds each pair once', () => {
    const noise = testActivity({ title: { en: 'Forum on broadband in Asia' }, date: { start: '2020-03-04', end: '2020-03-04' } });
    const found = candidatesOf(subject(addis), [subject(noise), subject(tsb)], context);
    expect(found.map((c) => c.subject.id)).toEqual([tsb.id]);
    const pairs = pairsAmong([subject(tsb), subject(noise), subject(addis)], context);
    expect(pairs).toHaveLength(1);
    expect([pairs[0]!.a.id, pairs[0]!.b.id]).toEqual([addis.id, tsb.id].sort());
  });

  it('merges the other entry offices, Sectors and bodies into the one kept', () => {
    const merged = mergedLinks(tsb, { ...addis, sectors: ['ITU-T', 'ITU-D'] });
    expect(merged.offices).toEqual([{ office: 'geneva', role: 'organised' }, { office: 'addis-ababa', role: 'supported' }]);
    expect(merged.sectors).toEqual(['ITU-T', 'ITU-D']);
    expect(merged.bodies).toEqual(['SG12RG-AFR']);
  });
});
