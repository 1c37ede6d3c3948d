/** The regional presence as domain objects, and the pure rules over it. */
import { BODY_TYPES, type AssignmentRole, type BodyType, type Language, type Names, type OfficeKind, type RegionCode } from './reference.ts';

export interface Region {
  code: RegionCode;
  position: number;
  names: Names;
}

export interface Office {
  code: string;
  kind: OfficeKind;
  region: RegionCode;
  parent: string | null;
  names: Names;
  cityNames: Names;
  country: string;
  coordinates: { lat: number; lon: number };
  countriesCovered: string[] | null;
  coverageConfirmed: boolean;
  openedOn: string | null;
  closedOn: string | null;
  confirmed: boolean;
  note: string | null;
}

export interface Person {
  id: string;
  honorific: string | null;
  name: string;
  email: string | null;
}

export interface Assignment {
  id: string;
  person: Person;
  role: AssignmentRole;
  office: string | null;
  bureau: string | null;
  title: Names | null;
  from: string | null;
  to: string | null;
  source: string;
  confirmed: boolean;
}

/** A head-of-office or focal-point assignment as stored: the person by id. */
export type StoredAssignment = Omit<Assignment, 'person'> & { personId: string };

export interface BodyTerm {
  studyPeriod: string;
  names: Names;
  confirmed: boolean;
}

export interface Body {
  code: string;
  type: BodyType;
  names: Names;
  parent: string | null;
  region: RegionCode | null;
  aliases: string[];
  from: string | null;
  to: string | null;
  place: { city: string; country: string } | null;
  confirmed: boolean;
  note: string | null;
  terms: BodyTerm[];
}

export interface Localised {
  text: string;
  language: Language;
  /** True when the requested language is missing and English stands in. */
  fallback: boolean;
}

export function localise(names: Names, language: Language): Localised {
  const text = names[language];
  return text !== undefined ? { text, language, fallback: false } : { text: names.en, language: 'en', fallback: language !== 'en' };
}

/** Whether a dated thing (open or closed at either end) covers a day. Dates are ISO strings. */
export function coversDay(span: { from: string | null; to: string | null }, day: string): boolean {
  return (span.from === null || span.from <= day) && (span.to === null || span.to >= day);
}

export function isOfficeOpenOn(office: Pick<Office, 'openedOn' | 'closedOn'>, day: string): boolean {
  return coversDay({ from: office.openedOn, to: office.closedOn }, day);
}

/**
 * The head of an office on a day: the assignment covering the day, the latest-starting one
 * if several do. A later head never rewrites who led the office before.
 */
export function headOn(assignments: readonly Assignment[], officeCode: string, day: string): Assignment | null {
  const covering = assignments.filter(
    (a) => a.role === 'head-of-office' && a.office === officeCode && coversDay(a, day),
  );
  covering.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  return covering[0] ?? null;
}

/** A bureau's director on a day: the director assignment covering it, the latest-starting if several do (decision 24). */
export function directorOn(assignments: readonly Assignment[], bureau: string, day: string): Assignment | null {
  const covering = assignments.filter((a) => a.role === 'director' && a.bureau === bureau && coversDay(a, day));
  covering.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  return covering[0] ?? null;
}

export interface PresenceSummary {
  on: string;
  /** Every office away from headquarters: regional, area and the Office for Europe. */
  fieldOffices: number;
  byKind: Record<OfficeKind, number>;
  byRegion: Record<RegionCode, number>;
}

/** Counts of the regional presence on a day, always computed from the offices, never typed. */
export function presenceSummary(offices: readonly Office[], regions: readonly Region[], day: string): PresenceSummary {
  const open = offices.filter((o) => isOfficeOpenOn(o, day) && o.kind !== 'headquarters');
  const byKind: Record<OfficeKind, number> = { regional: 0, area: 0, europe: 0, headquarters: 0 };
  const byRegion = Object.fromEntries(regions.map((r) => [r.code, 0])) as Record<RegionCode, number>;
  for (const office of open) {
    byKind[office.kind] += 1;
    byRegion[office.region] = (byRegion[office.region] ?? 0) + 1;
  }
  return { on: day, fieldOffices: open.length, byKind, byRegion };
}

/** Regions in report order. */
export function inReportOrder<T extends { position: number }>(regions: readonly T[]): T[] {
  return [...regions].sort((a, b) => a.position - b.position);
}

const AREA_WORDS: ReadonlyArray<[RegExp, RegionCode]> = [
  [/^(AFR|AF|AFRICA|AFRICAN)$/, 'AFR'],
  [/^(AMS|AMR|AM|LAC|LATAM|AMERICAS|AMERICA|INTER-AMERICAN)$/, 'AMS'],
  [/^(ARB|ARAB|AR)$/, 'ARB'],
  [/^(ASP|AO|AP|ASIA|ASIA-PACIFIC|ASIA-OCEANIA)$/, 'ASP'],
  [/^(CIS|EECAT)$/, 'CIS'],
  [/^(EUR|EURM|EUROPE|EUROPEAN|EUROMED)$/, 'EUR'],
];

function regionOfAreaWord(word: string): RegionCode | null {
  const normalised = word.toUpperCase().replace(/\s+/g, '-');
  for (const [pattern, region] of AREA_WORDS) if (pattern.test(normalised)) return region;
  return null;
}

/**
 * Reads the many ways a regional group of a study group is written: "SG12RG-AFR",
 * "SG12 RG-AFR", "SG3RG-EECAT", "SG5 RG-LAC", "African group of SG13", "the African Group to SG12".
 */
export function parseRegionalGroupName(text: string): { studyGroup: number; region: RegionCode } | null {
  const coded = /\bSG\s?(\d{1,2})\s?RG[-\s]?([A-Za-z]+)\b/i.exec(text);
  if (coded?.[1] && coded[2]) {
    const region = regionOfAreaWord(coded[2]);
    return region ? { studyGroup: Number(coded[1]), region } : null;
  }
  const spelled =
    /\b(African|Arab|Americas|Asia[-\s]Pacific|Asia[-\s]Oceania|EECAT|European)\s+(?:regional\s+)?group\s+(?:of|to|for)\s+(?:the\s+)?(?:ITU-T\s+)?(?:SG\s?|Study\s+Group\s+)(\d{1,2})\b/i.exec(
      text,
    );
  if (spelled?.[1] && spelled[2]) {
    const region = regionOfAreaWord(spelled[1]);
    return region ? { studyGroup: Number(spelled[2]), region } : null;
  }
  return null;
}

/** The regional-group body a piece of text names, if any. */
export function findRegionalGroup(text: string, bodies: readonly Body[]): Body | null {
  const parsed = parseRegionalGroupName(text);
  if (!parsed) return null;
  const studyGroup = `SG${parsed.studyGroup}`;
  return bodies.find((b) => b.type === 'regional-group' && b.parent === studyGroup && b.region === parsed.region) ?? null;
}

/** Bodies by type in the order BODY_TYPES lists them (Sectors first), then code in natural order (SG2 before SG12). */
export function compareBodies(a: Pick<Body, 'type' | 'code'>, b: Pick<Body, 'type' | 'code'>): number {
  return BODY_TYPES.indexOf(a.type) - BODY_TYPES.indexOf(b.type) || a.code.localeCompare(b.code, 'en', { numeric: true });
}

/** The version of a registry record and the mark of its last edit in the workspace (decision 23). */
export interface EditMark {
  version: number;
  /** When someone last changed it in the workspace; null while it is as `fieldbook seed` loaded it. */
  editedAt: string | null;
  editedBy: string | null;
}

/** What `fieldbook seed` does with the records of one kind. */
export interface SeedPlan<T> {
  /** New in the files, or changed there and never edited in the workspace: written. */
  write: T[];
  /** Edited in the workspace and different in the files: left as the workspace has them, and reported. */
  kept: string[];
}

/**
 * Pure: the seed meets the workspace. A record the workspace has edited is never overwritten;
 * one the files hold unchanged is not written again (its version stays, so nobody's form goes stale).
 */
export function seedPlan<T>(
  fromFiles: readonly T[],
  stored: ReadonlyMap<string, { value: T; edited: boolean }>,
  key: (t: T) => string,
): SeedPlan<T> {
  const write: T[] = [];
  const kept: string[] = [];
  for (const record of fromFiles) {
    const current = stored.get(key(record));
    if (!current) {
      write.push(record);
      continue;
    }
    if (JSON.stringify(current.value) === JSON.stringify(record)) continue;
    if (current.edited) kept.push(key(record));
    else write.push(record);
  }
  return { write, kept };
}

/** A head-of-office assignment's dates in order; the issue found, or null. */
export function spanProblem(span: { from: string | null; to: string | null }): 'before_start' | null {
  return span.from !== null && span.to !== null && span.to < span.from ? 'before_start' : null;
}
