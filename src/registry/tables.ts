/** Kysely table interfaces of the registry. JSON columns hold text; booleans are 0/1. */
import type { Generated, Selectable } from 'kysely';

/** A record's version (a stale edit gets 409) and the mark of its last workspace edit, which `fieldbook seed` leaves alone (decision 23). */
export interface EditColumns {
  version: Generated<number>;
  edited_at: string | null;
  edited_by: string | null;
}

export interface RegionTable {
  code: string;
  position: number;
  name: string;
}

export interface BodyTable extends EditColumns {
  code: string;
  type: string;
  name: string;
  parent_code: string | null;
  region_code: string | null;
  aliases: string;
  starts_on: string | null;
  ends_on: string | null;
  place: string | null;
  confirmed: number;
  note: string | null;
}

export interface BodyTermTable {
  body_code: string;
  study_period: string;
  name: string;
  confirmed: number;
}

export interface OfficeTable extends EditColumns {
  code: string;
  kind: string;
  region_code: string;
  parent_code: string | null;
  name: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  countries_covered: string | null;
  coverage_confirmed: number;
  opened_on: string | null;
  closed_on: string | null;
  confirmed: number;
  note: string | null;
}

export interface PersonTable extends EditColumns {
  id: string;
  honorific: string | null;
  name: string;
  email: string | null;
}

export interface AssignmentTable extends EditColumns {
  id: string;
  person_id: string;
  role: string;
  office_code: string | null;
  bureau_code: string | null;
  title: string | null;
  starts_on: string | null;
  ends_on: string | null;
  source: string;
  confirmed: number;
}

export interface RegistryTables {
  region: RegionTable;
  body: BodyTable;
  body_term: BodyTermTable;
  office: OfficeTable;
  person: PersonTable;
  assignment: AssignmentTable;
}

export type RegionRow = Selectable<RegionTable>;
export type BodyRow = Selectable<BodyTable>;
export type BodyTermRow = Selectable<BodyTermTable>;
export type OfficeRow = Selectable<OfficeTable>;
export type PersonRow = Selectable<PersonTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
