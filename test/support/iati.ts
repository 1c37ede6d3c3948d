/**
 * What an `iati-activity` must be by the IATI 2.03 activity schema (iati-activities-schema.xsd):
 * its children in the schema's sequence, the required ones present, and codes from the codelists
 * the register uses. Written from the standard for the tests; the schema itself is not copied.
 */
import { expect } from 'vitest';
import { allElements, childNamed, childrenNamed, type XmlElement } from './xml-tree.ts';

/** The sequence of `iati-activity`'s children in the 2.03 schema. */
export const IATI_ACTIVITY_SEQUENCE = [
  'iati-identifier', 'reporting-org', 'title', 'description', 'participating-org', 'other-identifier', 'activity-status', 'activity-date',
  'contact-info', 'activity-scope', 'recipient-country', 'recipient-region', 'location', 'sector', 'tag', 'country-budget-items',
  'humanitarian-scope', 'policy-marker', 'collaboration-type', 'default-flow-type', 'default-finance-type', 'default-aid-type',
  'default-tied-status', 'budget', 'planned-disbursement', 'capital-spend', 'transaction', 'document-link', 'related-activity',
  'legacy-data', 'conditions', 'result', 'crs-add', 'fss',
] as const;

const REQUIRED = ['iati-identifier', 'reporting-org', 'title', 'description', 'participating-org', 'activity-status', 'activity-date'];

/** The sequence of `location`'s children in the schema. */
const LOCATION_SEQUENCE = ['location-reach', 'location-id', 'name', 'description', 'activity-description', 'administrative', 'point', 'exactness', 'location-class', 'feature-designation'];

function expectInSequence(element: XmlElement, sequence: readonly string[]) {
  const positions = element.children.map((c) => sequence.indexOf(c.name));
  expect(positions, `children of <${element.name}>: ${element.children.map((c) => c.name).join(', ')}`).not.toContain(-1);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

/** Checks one activity against the schema's order and required elements and the codelists' codes. */
export function expectValidIatiActivity(activity: XmlElement): void {
  expect(activity.name).toBe('iati-activity');
  expectInSequence(activity, IATI_ACTIVITY_SEQUENCE);
  for (const name of REQUIRED) expect(childrenNamed(activity, name).length, name).toBeGreaterThan(0);
  for (const single of ['iati-identifier', 'reporting-org', 'title', 'activity-status']) expect(childrenNamed(activity, single), single).toHaveLength(1);
  expect(childNamed(activity, 'title').children.length).toBeGreaterThan(0);
  for (const d of childrenNamed(activity, 'description')) expect(childrenNamed(d, 'narrative').length).toBeGreaterThan(0);
  expect(childNamed(activity, 'reporting-org').attributes).toMatchObject({ ref: expect.any(String), type: expect.any(String) });
  for (const org of childrenNamed(activity, 'participating-org')) expect(['1', '2', '3', '4']).toContain(org.attributes.role);
  expect(['1', '2', '3', '4', '5', '6']).toContain(childNamed(activity, 'activity-status').attributes.code);
  for (const date of childrenNamed(activity, 'activity-date')) {
    expect(['1', '2', '3', '4']).toContain(date.attributes.type);
    expect(date.attributes['iso-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(childrenNamed(activity, 'activity-date').some((d) => d.attributes.type === '1' || d.attributes.type === '2')).toBe(true);
  for (const location of childrenNamed(activity, 'location')) {
    expectInSequence(location, LOCATION_SEQUENCE);
    const point = childrenNamed(location, 'point')[0];
    if (point) expect(childNamed(point, 'pos').text).toMatch(/^-?\d+(\.\d+)? -?\d+(\.\d+)?$/);
  }
  for (const sector of childrenNamed(activity, 'sector')) expect(sector.attributes.code).toBeTruthy();
  // Percentages of one vocabulary add up to 100.
  for (const name of ['sector', 'recipient-region']) {
    const byVocabulary = new Map<string, number>();
    for (const e of childrenNamed(activity, name)) {
      if (e.attributes.percentage === undefined) continue;
      const vocabulary = e.attributes.vocabulary ?? '1';
      byVocabulary.set(vocabulary, (byVocabulary.get(vocabulary) ?? 0) + Math.round(Number(e.attributes.percentage) * 100));
    }
    for (const [vocabulary, total] of byVocabulary) expect(total, `${name} vocabulary ${vocabulary}`).toBe(10_000);
  }
  // Every narrative says its language when the activity's default is not enough.
  for (const e of allElements(activity)) if (e.name === 'narrative') expect(['en', 'fr', 'es', 'ru', 'ar', 'zh']).toContain(e.attributes['xml:lang'] ?? activity.attributes['xml:lang']);
}
