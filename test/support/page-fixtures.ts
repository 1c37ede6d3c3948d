/** What the public pages' unit tests render with (no database): the small registry as a site snapshot, and a page context. */
import type { Language } from '#src/platform/i18n.ts';
import { translator } from '#src/platform/messages.ts';
import type { PageContext } from '#src/publishing/pages/context.ts';
import type { Snapshot } from '#src/publishing/service.ts';
import type { Assignment, Body, Office } from '#src/registry/model.ts';
import { testBody } from './factories.ts';
import { assignments as smallAssignments, offices as smallOffices, regions, sector } from './registry-fixtures.ts';

/** The Sectors and study groups a page names, beside the small registry's ITU-T. */
const bodies: Body[] = [
  testBody('ITU-R', 'sector', { names: { en: 'ITU Radiocommunication Sector' } }),
  sector,
  testBody('ITU-D', 'sector', { names: { en: 'ITU Telecommunication Development Sector', fr: 'Secteur du développement des télécommunications' } }),
  testBody('SG12', 'study-group', { parent: 'ITU-T', names: { en: 'Study Group 12' } }),
  testBody('SG12RG-AFR', 'regional-group', { parent: 'SG12', region: 'AFR', names: { en: 'SG12 Regional Group for Africa' } }),
];

/** The registry as the site reads it, from the small registry unless told otherwise. */
export function testSnapshot(registry: { offices?: Office[]; assignments?: Assignment[] } = {}): Snapshot {
  const offices = registry.offices ?? smallOffices;
  const assignments = registry.assignments ?? smallAssignments;
  const details = offices.map((office) => ({
    office,
    assignments: assignments.filter((a) => a.office === office.code),
    children: offices.filter((o) => o.parent === office.code).map((o) => o.code),
  }));
  return {
    regions,
    offices: details,
    officeByCode: new Map(details.map((d) => [d.office.code, d])),
    bodyByCode: new Map(bodies.map((b) => [b.code, b])),
    sectors: bodies.filter((b) => b.type === 'sector'),
    studyGroups: bodies.filter((b) => b.type === 'study-group' || b.type === 'regional-group'),
    known: {
      offices: new Set(offices.map((o) => o.code)),
      sectors: new Set(bodies.filter((b) => b.type === 'sector').map((b) => b.code)),
      bodies: new Set(bodies.map((b) => b.code)),
    },
    hash: 'test',
  };
}

/** A page in `language` at /events on 10 May 2026, served from https://fieldbook.example, unless told otherwise. */
export function testPageContext(language: Language = 'en', overrides: Partial<Omit<PageContext, 'language' | 't' | 'direction'>> = {}): PageContext {
  const { t, direction } = translator(language);
  return { language, t, direction, path: '/events', origin: 'https://fieldbook.example', today: '2026-05-10', snapshot: testSnapshot(), ...overrides };
}
