/**
 * Reads `data/reference/` and checks it whole before anything is written: every record against
 * its schema, then every code it refers to. A problem names the file, the record and the field.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { Body, Office, Person, Region, StoredAssignment } from './model.ts';
import {
  assignmentRecord,
  bodyRecord,
  officeRecord,
  personRecord,
  regionRecord,
  type AssignmentRecord,
  type BodyRecord,
  type OfficeRecord,
  type PersonRecord,
  type RegionRecord,
} from './reference.ts';

export interface ReferenceData {
  regions: RegionRecord[];
  offices: OfficeRecord[];
  people: PersonRecord[];
  assignments: AssignmentRecord[];
  bodies: BodyRecord[];
}

export class ReferenceDataError extends Error {
  constructor(
    readonly file: string,
    readonly record: string | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super([file, record, field ? `field ${field}` : null, problem].filter(Boolean).join(': '));
    this.name = 'ReferenceDataError';
  }
}

interface SourceFile {
  /** Path as shown to the user. */
  file: string;
  text: string;
}

function recordLabel(index: number, raw: unknown): string {
  const key = raw && typeof raw === 'object' ? ((raw as Record<string, unknown>).code ?? (raw as Record<string, unknown>).id) : undefined;
  return typeof key === 'string' ? `record ${index + 1} ("${key}")` : `record ${index + 1}`;
}

function parseRecords<S extends z.ZodType>(source: SourceFile, schema: S): Array<{ value: z.infer<S>; label: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(source.text);
  } catch (error) {
    throw new ReferenceDataError(source.file, null, null, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(raw)) throw new ReferenceDataError(source.file, null, null, 'must be a JSON array of records');
  return raw.map((item, index) => {
    const label = recordLabel(index, item);
    const result = schema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.length > 0 ? issue.path.join('.') : (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : null);
      throw new ReferenceDataError(source.file, label, field, issue.message);
    }
    return { value: result.data, label };
  });
}

/** Pure: validates the files' text and the references between records. */
export function checkReferenceData(files: {
  regions: SourceFile;
  offices: SourceFile;
  people: SourceFile;
  assignments: SourceFile;
  bodies: SourceFile[];
}): ReferenceData {
  const regions = parseRecords(files.regions, regionRecord);
  const offices = parseRecords(files.offices, officeRecord);
  const people = parseRecords(files.people, personRecord);
  const assignments = parseRecords(files.assignments, assignmentRecord);
  const bodies = files.bodies.flatMap((file) => parseRecords(file, bodyRecord).map((r) => ({ ...r, file: file.file })));

  const fail = (file: string, label: string, field: string, problem: string): never => {
    throw new ReferenceDataError(file, label, field, problem);
  };
  const unique = <T>(items: Array<{ value: T; label: string; file?: string }>, key: (v: T) => string, file: string, field: string) => {
    const seen = new Set<string>();
    for (const item of items) {
      const k = key(item.value);
      if (seen.has(k)) fail(item.file ?? file, item.label, field, `"${k}" is used twice`);
      seen.add(k);
    }
    return seen;
  };

  const regionCodes = unique(regions, (r) => r.code, files.regions.file, 'code');
  unique(regions, (r) => String(r.position), files.regions.file, 'position');
  const officeCodes = unique(offices, (o) => o.code, files.offices.file, 'code');
  const personIds = unique(people, (p) => p.id, files.people.file, 'id');
  const bodyCodes = unique(bodies, (b) => b.code, 'bodies', 'code');
  const bodyType = new Map(bodies.map((b) => [b.value.code, b.value.type]));
  const officeKind = new Map(offices.map((o) => [o.value.code, o.value.kind]));

  for (const { value, label } of offices) {
    const file = files.offices.file;
    if (!regionCodes.has(value.region)) fail(file, label, 'region', `unknown region "${value.region}"`);
    if (value.parent !== null) {
      if (!officeCodes.has(value.parent)) fail(file, label, 'parent', `unknown office "${value.parent}"`);
      if (officeKind.get(value.parent) !== 'regional') fail(file, label, 'parent', `"${value.parent}" is not a regional office`);
    }
    if (value.kind === 'area' && value.parent === null) fail(file, label, 'parent', 'an area office needs its regional office');
    if (value.openedOn && value.closedOn && value.closedOn < value.openedOn) fail(file, label, 'closedOn', 'is before openedOn');
  }
  for (const { value, label, file } of bodies) {
    if (value.parent !== null && !bodyCodes.has(value.parent)) fail(file, label, 'parent', `unknown body "${value.parent}"`);
    if (value.region !== null && !regionCodes.has(value.region)) fail(file, label, 'region', `unknown region "${value.region}"`);
    if (value.from && value.to && value.to < value.from) fail(file, label, 'to', 'is before from');
  }
  for (const { value, label } of assignments) {
    const file = files.assignments.file;
    if (!personIds.has(value.person)) fail(file, label, 'person', `unknown person "${value.person}"`);
    if (value.office !== null && !officeCodes.has(value.office)) fail(file, label, 'office', `unknown office "${value.office}"`);
    if (value.bureau !== null && bodyType.get(value.bureau) !== 'bureau') fail(file, label, 'bureau', `"${value.bureau}" is not a bureau`);
    if (value.role === 'head-of-office' && value.office === null) fail(file, label, 'office', 'a head of office needs an office');
    if (value.role === 'director' && value.bureau === null) fail(file, label, 'bureau', 'a director needs a bureau');
    if (value.from && value.to && value.to < value.from) fail(file, label, 'to', 'is before from');
  }

  return {
    regions: regions.map((r) => r.value),
    offices: offices.map((o) => o.value),
    people: people.map((p) => p.value),
    assignments: assignments.map((a) => a.value),
    bodies: bodies.map((b) => b.value),
  };
}

export type { StoredAssignment } from './model.ts';

/** Pure: checked reference records as the registry's domain objects, as `fieldbook seed` stores them. */
export function registryObjectsOf(data: ReferenceData): { regions: Region[]; offices: Office[]; bodies: Body[]; people: Person[]; assignments: StoredAssignment[] } {
  return {
    regions: data.regions.map((r) => ({ code: r.code, position: r.position, names: r.name })),
    offices: data.offices.map((o) => ({
      code: o.code,
      kind: o.kind,
      region: o.region,
      parent: o.parent,
      names: o.name,
      cityNames: o.city,
      country: o.country,
      coordinates: o.coordinates,
      countriesCovered: o.countriesCovered,
      coverageConfirmed: o.coverageConfirmed,
      openedOn: o.openedOn,
      closedOn: o.closedOn,
      confirmed: o.confirmed,
      note: o.note ?? null,
    })),
    bodies: data.bodies.map((b) => ({
      code: b.code,
      type: b.type,
      names: b.name,
      parent: b.parent,
      region: b.region,
      aliases: b.aliases,
      from: b.from,
      to: b.to,
      place: b.place ?? null,
      confirmed: b.confirmed,
      note: b.note ?? null,
      terms: (b.terms ?? []).map((t) => ({ studyPeriod: t.studyPeriod, names: t.name, confirmed: t.confirmed })).sort((x, y) => x.studyPeriod.localeCompare(y.studyPeriod)),
    })),
    people: data.people,
    assignments: data.assignments.map((a) => ({
      id: [a.role, a.office ?? a.bureau ?? '-', a.person, a.from ?? 'open'].join(':'),
      personId: a.person,
      role: a.role,
      office: a.office,
      bureau: a.bureau,
      title: a.title,
      from: a.from,
      to: a.to,
      source: a.source,
      confirmed: a.confirmed,
    })),
  };
}

export async function readReferenceData(dir: string): Promise<ReferenceData> {
  const read = async (path: string): Promise<SourceFile> => {
    const file = relative(process.cwd(), path) || path;
    try {
      return { file, text: await readFile(path, 'utf8') };
    } catch (error) {
      throw new ReferenceDataError(file, null, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const bodyDir = join(dir, 'bodies');
  let bodyFiles: string[];
  try {
    bodyFiles = (await readdir(bodyDir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new ReferenceDataError(relative(process.cwd(), bodyDir) || bodyDir, null, null, 'folder cannot be read');
  }
  return checkReferenceData({
    regions: await read(join(dir, 'regions.json')),
    offices: await read(join(dir, 'offices.json')),
    people: await read(join(dir, 'people.json')),
    assignments: await read(join(dir, 'assignments.json')),
    bodies: await Promise.all(bodyFiles.map((f) => read(join(bodyDir, f)))),
  });
}
