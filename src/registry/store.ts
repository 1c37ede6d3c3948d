/** All SQL of the registry. Each function takes the executor (database or transaction) first. */
import type { Executor } from '#src/db/schema.ts';
import { compareBodies, type Assignment, type Body, type EditMark, type Office, type Person, type Region, type StoredAssignment } from './model.ts';
import type { AssignmentRole, BodyType, Names, OfficeKind, RegionCode } from './reference.ts';
import type { AssignmentRow, BodyRow, BodyTermRow, OfficeRow, PersonRow, RegionRow } from './tables.ts';

const json = (value: unknown): string => JSON.stringify(value);
const parseNames = (text: string): Names => JSON.parse(text) as Names;
const bool = (value: boolean): number => (value ? 1 : 0);

function toRegion(row: RegionRow): Region {
  return { code: row.code as RegionCode, position: row.position, names: parseNames(row.name) };
}

function toOffice(row: OfficeRow): Office {
  return {
    code: row.code,
    kind: row.kind as OfficeKind,
    region: row.region_code as RegionCode,
    parent: row.parent_code,
    names: parseNames(row.name),
    cityNames: parseNames(row.city),
    country: row.country,
    coordinates: { lat: Number(row.latitude), lon: Number(row.longitude) },
    countriesCovered: row.countries_covered === null ? null : (JSON.parse(row.countries_covered) as string[]),
    coverageConfirmed: row.coverage_confirmed === 1,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    confirmed: row.confirmed === 1,
    note: row.note,
  };
}

function toPerson(row: PersonRow): Person {
  return { id: row.id, honorific: row.honorific, name: row.name, email: row.email };
}

function toAssignment(row: AssignmentRow, person: Person): Assignment {
  return {
    id: row.id,
    person,
    role: row.role as AssignmentRole,
    office: row.office_code,
    bureau: row.bureau_code,
    title: row.title === null ? null : parseNames(row.title),
    from: row.starts_on,
    to: row.ends_on,
    source: row.source,
    confirmed: row.confirmed === 1,
  };
}

function toBody(row: BodyRow, terms: BodyTermRow[]): Body {
  return {
    code: row.code,
    type: row.type as BodyType,
    names: parseNames(row.name),
    parent: row.parent_code,
    region: row.region_code as RegionCode | null,
    aliases: JSON.parse(row.aliases) as string[],
    from: row.starts_on,
    to: row.ends_on,
    place: row.place === null ? null : (JSON.parse(row.place) as { city: string; country: string }),
    confirmed: row.confirmed === 1,
    note: row.note,
    terms: terms
      .filter((t) => t.body_code === row.code)
      .map((t) => ({ studyPeriod: t.study_period, names: parseNames(t.name), confirmed: t.confirmed === 1 })),
  };
}

// ---- writes (used by the seed loader) ----

export async function upsertRegion(ex: Executor, region: Region): Promise<void> {
  const values = { code: region.code, position: region.position, name: json(region.names) };
  await ex
    .insertInto('region')
    .values(values)
    .onConflict((oc) => oc.column('code').doUpdateSet({ position: values.position, name: values.name }))
    .execute();
}

/** An office as its row holds it: the one mapping the seed's upsert and the workspace's edit both write. */
function officeRow(office: Office) {
  return {
    code: office.code,
    kind: office.kind,
    region_code: office.region,
    parent_code: office.parent,
    name: json(office.names),
    city: json(office.cityNames),
    country: office.country,
    latitude: office.coordinates.lat,
    longitude: office.coordinates.lon,
    countries_covered: office.countriesCovered === null ? null : json(office.countriesCovered),
    coverage_confirmed: bool(office.coverageConfirmed),
    opened_on: office.openedOn,
    closed_on: office.closedOn,
    confirmed: bool(office.confirmed),
    note: office.note,
  };
}

export async function upsertOffice(ex: Executor, office: Office): Promise<void> {
  const values = officeRow(office);
  const { code: _code, ...changes } = values;
  await ex.insertInto('office').values(values).onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ ...changes, version: eb('office.version', '+', 1) }))).execute();
}

export async function upsertPerson(ex: Executor, person: Person): Promise<void> {
  const { id: _id, ...changes } = person;
  await ex.insertInto('person').values(person).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...changes, version: eb('person.version', '+', 1) }))).execute();
}

/** An assignment as its row holds it (seed and workspace alike). */
function assignmentRow(assignment: Omit<Assignment, 'person'> & { personId: string }) {
  return {
    id: assignment.id,
    person_id: assignment.personId,
    role: assignment.role,
    office_code: assignment.office,
    bureau_code: assignment.bureau,
    title: assignment.title === null ? null : json(assignment.title),
    starts_on: assignment.from,
    ends_on: assignment.to,
    source: assignment.source,
    confirmed: bool(assignment.confirmed),
  };
}

export async function upsertAssignment(ex: Executor, assignment: Omit<Assignment, 'person'> & { personId: string }): Promise<void> {
  const values = assignmentRow(assignment);
  const { id: _id, ...changes } = values;
  await ex.insertInto('assignment').values(values).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...changes, version: eb('assignment.version', '+', 1) }))).execute();
}

/** A body as its row holds it (seed and workspace alike). */
function bodyRow(body: Body) {
  return {
    code: body.code,
    type: body.type,
    name: json(body.names),
    parent_code: body.parent,
    region_code: body.region,
    aliases: json(body.aliases),
    starts_on: body.from,
    ends_on: body.to,
    place: body.place === null ? null : json(body.place),
    confirmed: bool(body.confirmed),
    note: body.note,
  };
}

/** A body's titles per study period, added or renamed (a period's title is never removed). */
async function upsertBodyTerms(ex: Executor, body: Body): Promise<void> {
  for (const term of body.terms) {
    const termValues = { body_code: body.code, study_period: term.studyPeriod, name: json(term.names), confirmed: bool(term.confirmed) };
    await ex
      .insertInto('body_term')
      .values(termValues)
      .onConflict((oc) => oc.columns(['body_code', 'study_period']).doUpdateSet({ name: termValues.name, confirmed: termValues.confirmed }))
      .execute();
  }
}

export async function upsertBody(ex: Executor, body: Body): Promise<void> {
  const values = bodyRow(body);
  const { code: _code, ...changes } = values;
  await ex.insertInto('body').values(values).onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ ...changes, version: eb('body.version', '+', 1) }))).execute();
  await upsertBodyTerms(ex, body);
}

// ---- reads ----

export async function listRegions(ex: Executor): Promise<Region[]> {
  const rows = await ex.selectFrom('region').selectAll().orderBy('position').execute();
  return rows.map(toRegion);
}

export interface OfficeFilter {
  region?: RegionCode | undefined;
  kind?: OfficeKind | undefined;
}

export async function listOffices(ex: Executor, filter: OfficeFilter = {}): Promise<Office[]> {
  let query = ex.selectFrom('office').innerJoin('region', 'region.code', 'office.region_code').selectAll('office');
  if (filter.region) query = query.where('office.region_code', '=', filter.region);
  if (filter.kind) query = query.where('office.kind', '=', filter.kind);
  const rows = await query.orderBy('region.position').orderBy('office.code').execute();
  return rows.map(toOffice);
}

export async function findOffice(ex: Executor, code: string): Promise<Office | null> {
  const row = await ex.selectFrom('office').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toOffice(row) : null;
}

export async function listAssignments(ex: Executor, filter: { offices?: string[]; role?: AssignmentRole; bureau?: string } = {}): Promise<Assignment[]> {
  let query = ex
    .selectFrom('assignment')
    .innerJoin('person', 'person.id', 'assignment.person_id')
    .selectAll('assignment')
    .select(['person.honorific', 'person.name as person_name', 'person.email']);
  if (filter.offices) {
    if (filter.offices.length === 0) return [];
    query = query.where('assignment.office_code', 'in', filter.offices);
  }
  if (filter.role) query = query.where('assignment.role', '=', filter.role);
  if (filter.bureau) query = query.where('assignment.bureau_code', '=', filter.bureau);
  // Oldest first, an open start before any day, sorted here so both databases agree (PostgreSQL puts NULL last).
  const rows = (await query.execute()).sort((a, b) => (a.starts_on ?? '').localeCompare(b.starts_on ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((row) =>
    toAssignment(row, { id: row.person_id, honorific: row.honorific, name: row.person_name, email: row.email }),
  );
}

export interface BodyFilter {
  type?: BodyType | undefined;
  parent?: string | undefined;
  region?: RegionCode | undefined;
}

export async function listBodies(ex: Executor, filter: BodyFilter = {}): Promise<Body[]> {
  let query = ex.selectFrom('body').selectAll();
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.parent) query = query.where('parent_code', '=', filter.parent);
  if (filter.region) query = query.where('region_code', '=', filter.region);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const terms = await ex
    .selectFrom('body_term')
    .selectAll()
    .where('body_code', 'in', rows.map((r) => r.code))
    .orderBy('study_period')
    .execute();
  return rows.map((row) => toBody(row, terms)).sort(compareBodies);
}

export async function findBody(ex: Executor, code: string): Promise<Body | null> {
  const row = await ex.selectFrom('body').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const terms = await ex.selectFrom('body_term').selectAll().where('body_code', '=', code).orderBy('study_period').execute();
  return toBody(row, terms);
}

// ---- workspace edits (decision 23) ----

const markOf = (row: { version: number; edited_at: string | null; edited_by: string | null }): EditMark => ({
  version: Number(row.version),
  editedAt: row.edited_at,
  editedBy: row.edited_by,
});

/** Whether each record of a table has been edited in the workspace, by key. */
export async function editedKeys(ex: Executor, table: 'office' | 'body' | 'assignment' | 'person'): Promise<Set<string>> {
  const rows =
    table === 'office'
      ? await ex.selectFrom('office').select('code as key').where('edited_at', 'is not', null).execute()
      : table === 'body'
        ? await ex.selectFrom('body').select('code as key').where('edited_at', 'is not', null).execute()
        : table === 'assignment'
          ? await ex.selectFrom('assignment').select('id as key').where('edited_at', 'is not', null).execute()
          : await ex.selectFrom('person').select('id as key').where('edited_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.key));
}

export async function listPeople(ex: Executor): Promise<Person[]> {
  return (await ex.selectFrom('person').selectAll().orderBy('id').execute()).map(toPerson);
}

/** Every assignment as the seed loads it (the person by id). */
export async function listStoredAssignments(ex: Executor): Promise<StoredAssignment[]> {
  return (await listAssignments(ex)).map(({ person, ...a }) => ({
    id: a.id,
    personId: person.id,
    role: a.role,
    office: a.office,
    bureau: a.bureau,
    title: a.title,
    from: a.from,
    to: a.to,
    source: a.source,
    confirmed: a.confirmed,
  }));
}

export async function officeMark(ex: Executor, code: string): Promise<EditMark | null> {
  const row = await ex.selectFrom('office').select(['version', 'edited_at', 'edited_by']).where('code', '=', code).executeTakeFirst();
  return row ? markOf(row) : null;
}

export async function bodyMark(ex: Executor, code: string): Promise<EditMark | null> {
  const row = await ex.selectFrom('body').select(['version', 'edited_at', 'edited_by']).where('code', '=', code).executeTakeFirst();
  return row ? markOf(row) : null;
}

/** The heads of one office with their versions and edit marks, oldest first. */
export async function officeAssignmentMarks(ex: Executor, office: string): Promise<Map<string, EditMark>> {
  const rows = await ex.selectFrom('assignment').select(['id', 'version', 'edited_at', 'edited_by']).where('office_code', '=', office).execute();
  return new Map(rows.map((r) => [r.id, markOf(r)]));
}

export interface EditedBy {
  at: string;
  by: string;
}

/** A new office opened in the workspace. */
export async function insertOffice(ex: Executor, office: Office, edit: EditedBy): Promise<void> {
  await upsertOffice(ex, office);
  await ex.updateTable('office').set({ edited_at: edit.at, edited_by: edit.by }).where('code', '=', office.code).execute();
}

/** Changes an office at the version the editor saw; false when it is no longer at that version. */
export async function updateOffice(ex: Executor, office: Office, expectedVersion: number, edit: EditedBy): Promise<boolean> {
  const result = await ex
    .updateTable('office')
    .set((eb) => {
      const { code: _code, ...changes } = officeRow(office);
      return { ...changes, version: eb('version', '+', 1), edited_at: edit.at, edited_by: edit.by };
    })
    .where('code', '=', office.code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findPerson(ex: Executor, id: string): Promise<Person | null> {
  const row = await ex.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** A person named in the workspace; edited, so the seed leaves them as they are. */
export async function insertPerson(ex: Executor, person: Person, edit: EditedBy): Promise<void> {
  await ex.insertInto('person').values({ ...person, edited_at: edit.at, edited_by: edit.by }).execute();
}

export async function updatePerson(ex: Executor, person: Person, edit: EditedBy): Promise<void> {
  await ex
    .updateTable('person')
    .set((eb) => ({ honorific: person.honorific, name: person.name, version: eb('version', '+', 1), edited_at: edit.at, edited_by: edit.by }))
    .where('id', '=', person.id)
    .execute();
}

export async function insertAssignment(ex: Executor, assignment: StoredAssignment, edit: EditedBy): Promise<void> {
  await upsertAssignment(ex, assignment);
  await ex.updateTable('assignment').set({ edited_at: edit.at, edited_by: edit.by }).where('id', '=', assignment.id).execute();
}

export async function updateAssignment(ex: Executor, assignment: StoredAssignment, expectedVersion: number, edit: EditedBy): Promise<boolean> {
  const result = await ex
    .updateTable('assignment')
    .set((eb) => {
      // The role and where it is held stay as they were recorded; the rest is the editor's.
      const { id: _id, role: _role, office_code: _office, bureau_code: _bureau, ...changes } = assignmentRow(assignment);
      return { ...changes, version: eb('version', '+', 1), edited_at: edit.at, edited_by: edit.by };
    })
    .where('id', '=', assignment.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertBody(ex: Executor, body: Body, edit: EditedBy): Promise<void> {
  await upsertBody(ex, body);
  await ex.updateTable('body').set({ edited_at: edit.at, edited_by: edit.by }).where('code', '=', body.code).execute();
}

/** Changes a body and its titles per study period (added or renamed; a period's title is never removed) at the version the editor saw. */
export async function updateBody(ex: Executor, body: Body, expectedVersion: number, edit: EditedBy): Promise<boolean> {
  const result = await ex
    .updateTable('body')
    .set((eb) => {
      // A body's type is what it is; the workspace edits the rest.
      const { code: _code, type: _type, ...changes } = bodyRow(body);
      return { ...changes, version: eb('version', '+', 1), edited_at: edit.at, edited_by: edit.by };
    })
    .where('code', '=', body.code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await upsertBodyTerms(ex, body);
  return true;
}
