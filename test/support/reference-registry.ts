/** The real reference data (data/reference), read as the registry reads it, for unit tests that need the true regional presence. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assignment } from '#src/registry/model.ts';
import { checkReferenceData, registryObjectsOf } from '#src/registry/reference-data.ts';

const REFERENCE = 'data/reference';
const source = (path: string) => ({ file: path, text: readFileSync(path, 'utf8') });

export const referenceRegistry = registryObjectsOf(
  checkReferenceData({
    regions: source(join(REFERENCE, 'regions.json')),
    offices: source(join(REFERENCE, 'offices.json')),
    people: source(join(REFERENCE, 'people.json')),
    assignments: source(join(REFERENCE, 'assignments.json')),
    bodies: readdirSync(join(REFERENCE, 'bodies'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => source(join(REFERENCE, 'bodies', f))),
  }),
);

/** The assignments with their people, as the registry service returns them. */
export const referenceAssignments: Assignment[] = referenceRegistry.assignments.map(({ personId, ...rest }) => ({
  ...rest,
  person: referenceRegistry.people.find((p) => p.id === personId)!,
}));
