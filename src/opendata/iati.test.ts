import { describe, expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import { cityPoints } from '#src/registry/city-points.ts';
import { testActivity, testOffice } from '../../test/support/factories.ts';
import { expectValidIatiActivity } from '../../test/support/iati.ts';
import { childNamed, childrenNamed, narrativesOf, parseXml } from '../../test/support/xml-tree.ts';
import { IATI_TAIL, iatiActivity, iatiHead, type IatiContext } from './iati.ts';

const CTX: IatiContext = {
  origin: 'https://fieldbook.example',
  today: '2026-06-15',
  generated: '2026-06-15T10:00:00.000Z',
  reportingOrgNames: { en: 'International Telecommunication Union', fr: 'Union internationale des télécommunications' },
  offices: new Map([
    ['addis-ababa', { names: { en: 'ITU Regional Office for Africa', fr: 'Bureau régional de l’UIT pour l’Afrique' }, region: 'AFR' }],
    ['cairo', { names: { en: 'ITU Regional Office for Arab States' }, region: 'ARB' }],
    ['geneva', { names: { en: 'ITU headquarters' }, region: null }],
  ]),
  regions: new Map([
    ['AFR', { en: 'Africa', fr: 'Afrique' }],
    ['ARB', { en: 'Arab States' }],
  ]),
  bodies: new Map([
    ['ITU-T', { type: 'sector' as const, names: { en: 'ITU Telecommunication Standardization Sector' } }],
    ['ITU-D', { type: 'sector' as const, names: { en: 'ITU Telecommunication Development Sector' } }],
    ['SG12', { type: 'study-group' as const, names: { en: 'Study Group 12' } }],
    ['ATU', { type: 'regional-organisation' as const, names: { en: 'African Telecommunications Union' } }],
  ]),
  points: cityPoints([testOffice('addis-ababa', { cityNames: { en: 'Addis Ababa', fr: 'Addis-Abeba' }, country: 'ET', coordinates: { lat: 9.03, lon: 38.74 } })]),
  planItems: new Map([
    ['T-2024:output:T.2-1', { level: 'output' as const, label: 'T.2-1', titles: { en: 'Standards <for> QoS', fr: 'Normes de QoS' } }],
    ['T-2024:objective:T.2', { level: 'objective' as const, label: 'T.2', titles: { en: 'Objective two' } }],
    ['WTDC-22:initiative:AFR1', { level: 'initiative' as const, label: 'AFR1', titles: { en: 'Digital transformation' } }],
  ]),
  describe: (activity, language) => `${activity.kind} (${language})`,
};

/** The file of these activities, parsed strictly. */
const file = (...activities: Activity[]) => parseXml(iatiHead(CTX) + activities.map((a) => iatiActivity(a, CTX)).join('') + IATI_TAIL);
const only = (activity: Activity) => childNamed(file(activity), 'iati-activity');

describe('the IATI activity file', () => {
  it('is an iati-activities document of version 2.03, generated when it was', () => {
    const root = file(testActivity());
    expect(root.name).toBe('iati-activities');
    expect(root.attributes).toMatchObject({ version: '2.03', 'generated-datetime': '2026-06-15T10:00:00.000Z' });
    expect(childrenNamed(root, 'iati-activity')).toHaveLength(1);
  });

  it('writes an activity with the elements the standard requires, in its order', () => {
    const activity = testActivity({
      title: { en: 'Workshop on QoS', fr: 'Atelier sur la QoS' },
      description: { en: 'Two days on quality of service.' },
      offices: [{ office: 'addis-ababa', role: 'organised' }],
      sectors: ['ITU-T', 'ITU-D'],
      bodies: ['SG12', 'ATU'],
      place: { mode: 'in-person', city: 'Addis-Abeba', country: 'ET' },
      date: { start: '2026-03-02', end: '2026-03-03' },
      updatedAt: '2026-04-01T08:00:00.000Z',
    });
    const element = only(activity);
    expectValidIatiActivity(element);
    expect(element.attributes).toMatchObject({ 'last-updated-datetime': '2026-04-01T08:00:00.000Z', 'xml:lang': 'en' });
    expect(childNamed(element, 'iati-identifier').text).toBe(`XM-DAC-41303-${activity.id}`);
    expect(narrativesOf(childNamed(element, 'title'))).toEqual({ en: 'Workshop on QoS', fr: 'Atelier sur la QoS' });
    expect(childNamed(element, 'activity-status').attributes.code).toBe('4');
    expect(childrenNamed(element, 'activity-date').map((d) => [d.attributes.type, d.attributes['iso-date']])).toEqual([
      ['2', '2026-03-02'],
      ['4', '2026-03-03'],
    ]);
    expect(childrenNamed(element, 'participating-org').map((o) => [o.attributes.role, o.attributes.ref ?? narrativesOf(o).en])).toEqual([
      ['2', 'XM-DAC-41303'],
      ['4', 'ITU Regional Office for Africa'],
      ['4', 'African Telecommunications Union'],
    ]);
    expect(childNamed(element, 'recipient-country').attributes).toEqual({ code: 'ET', percentage: '100' });
    expect(childrenNamed(element, 'sector').map((s) => [s.attributes.vocabulary, s.attributes.code, s.attributes.percentage])).toEqual([
      ['1', '22040', '100'],
      ['99', 'ITU-T', '50'],
      ['99', 'ITU-D', '50'],
    ]);
    expect(childrenNamed(element, 'tag').map((t) => t.attributes.code)).toEqual(['SG12']);
    expect(childNamed(childNamed(element, 'document-link'), 'category').attributes.code).toBe('A12');
  });

  it('tags the plan outputs and regional initiatives an activity serves, by their ids, in its languages', () => {
    const element = only(testActivity({ title: { en: 'A', fr: 'B' }, bodies: ['SG12'], plans: ['T-2024:objective:T.2', 'T-2024:output:T.2-1', 'WTDC-22:initiative:AFR1', 'gone'] }));
    expectValidIatiActivity(element);
    const tags = childrenNamed(element, 'tag');
    expect(tags.map((t) => [t.attributes.code, t.attributes.vocabulary, t.attributes['vocabulary-uri']])).toEqual([
      ['SG12', '99', 'https://fieldbook.example/api/bodies'],
      ['T-2024:output:T.2-1', '99', 'https://fieldbook.example/api/plans/items'],
      ['WTDC-22:initiative:AFR1', '99', 'https://fieldbook.example/api/plans/items'],
    ]);
    expect(narrativesOf(tags[1]!)).toEqual({ en: 'T.2-1 Standards <for> QoS', fr: 'T.2-1 Normes de QoS' });
  });

  it('places a known city with its coordinates, in whichever language it was written', () => {
    const location = childNamed(only(testActivity({ place: { mode: 'in-person', city: 'Addis-Abeba', country: 'ET' } })), 'location');
    expect(childNamed(childNamed(location, 'point'), 'pos').text).toBe('9.03 38.74');
    expect(childNamed(location, 'point').attributes.srsName).toBe('http://www.opengis.net/def/crs/EPSG/0/4326');
    expect(childNamed(location, 'administrative').attributes).toEqual({ vocabulary: 'A4', level: '0', code: 'ET' });
    expect(narrativesOf(childNamed(location, 'name'))).toEqual({ en: 'Addis-Abeba' });
  });

  it('gives no location to a city it does not know, or to a known name in another country', () => {
    expect(childrenNamed(only(testActivity({ place: { mode: 'in-person', city: 'Lalibela', country: 'ET' } })), 'location')).toHaveLength(0);
    expect(childrenNamed(only(testActivity({ place: { mode: 'in-person', city: 'Addis Ababa', country: 'US' } })), 'location')).toHaveLength(0);
  });

  it('names the regions of the offices of an online activity, shared in percentages that add up to 100', () => {
    const element = only(
      testActivity({
        place: { mode: 'online', city: null, country: null },
        offices: [
          { office: 'cairo', role: 'organised' },
          { office: 'addis-ababa', role: 'participated' },
          { office: 'geneva', role: 'supported' },
        ],
      }),
    );
    expectValidIatiActivity(element);
    expect(childrenNamed(element, 'recipient-region').map((r) => [r.attributes.code, r.attributes.vocabulary, r.attributes.percentage])).toEqual([
      ['AFR', '99', '50'],
      ['ARB', '99', '50'],
    ]);
    expect(childrenNamed(element, 'recipient-region')[0]!.attributes['vocabulary-uri']).toBe('https://fieldbook.example/api/regions');
    // addis-ababa only took part: not named as implementing.
    expect(childrenNamed(element, 'participating-org').map((o) => o.attributes.ref ?? narrativesOf(o).en)).toEqual(['XM-DAC-41303', 'ITU Regional Office for Arab States', 'ITU headquarters']);
  });

  it('describes an activity that has no description, in the languages of its title', () => {
    const element = only(testActivity({ title: { en: 'A', fr: 'B' }, description: {} }));
    expect(narrativesOf(childNamed(element, 'description'))).toEqual({ en: 'workshop (en)', fr: 'workshop (fr)' });
  });

  it('keeps the words of a fuzzy date beside its range', () => {
    const element = only(testActivity({ status: 'planned', originalLanguage: 'fr', title: { fr: 'Forum' }, date: { start: '2026-09-01', end: '2026-09-30', precision: 'month', text: 'septembre 2026' } }));
    const dates = childrenNamed(element, 'activity-date');
    expect(dates.map((d) => [d.attributes.type, d.attributes['iso-date'], narrativesOf(d).fr])).toEqual([
      ['1', '2026-09-01', 'septembre 2026'],
      ['3', '2026-09-30', 'septembre 2026'],
    ]);
    expect(element.attributes['xml:lang']).toBe('fr');
  });

  it('keeps a hostile title as plain text: no element injected, the file still well-formed', () => {
    const hostile = 'Workshop <script>alert(1)</script> ]]> <b>bold</b> & "quotes" \u0001end</narrative></title><title>';
    const element = only(testActivity({ title: { en: hostile }, place: { mode: 'in-person', city: '</name><x/>', country: 'ET' } }));
    expect(narrativesOf(childNamed(element, 'title')).en).toBe(hostile.replace('\u0001', ''));
    expect(childrenNamed(element, 'title')).toHaveLength(1);
    expect(element.children.some((c) => c.name === 'script' || c.name === 'b' || c.name === 'x')).toBe(false);
  });
});
