/**
 * The register in the words of the IATI Standard 2.03 (decision 20): pure mappings from an activity
 * to the standard's codes. Codes are from the IATI codelists of version 2.03 (ActivityStatus,
 * ActivityDateType, OrganisationRole, OrganisationType, Language, Region/Sector/Tag vocabularies,
 * GeographicExactness, GeographicLocationClass, GeographicLocationReach, DocumentCategory),
 * named here rather than copied: only the codes the register has a meaning for.
 */
import type { Activity, OfficeRole } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';

/** ITU as IATI knows it: the OECD DAC channel code 41303 (International Telecommunication Union), type 40 (Multilateral). */
export const REPORTING_ORG = { ref: 'XM-DAC-41303', type: '40' } as const;

/** The version of the IATI activity standard the file follows. */
export const IATI_VERSION = '2.03';

/** ActivityStatus: 1 Pipeline/identification, 2 Implementation, 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended. */
export type IatiStatus = '1' | '2' | '3' | '4' | '5' | '6';

/**
 * The activity's status on `today`: a cancelled one 5, a postponed one 6 (suspended until a new
 * date); one held 4 once its last day has passed, 2 while under way; one planned or confirmed 1
 * until it starts, 2 while under way, and 3 once its dates have passed without its office
 * recording it held (complete, awaiting the report). Undated, it is still in the pipeline.
 */
export function iatiStatus(activity: Pick<Activity, 'status' | 'date'>, today: string): IatiStatus {
  const { status, date } = activity;
  if (status === 'cancelled') return '5';
  if (status === 'postponed') return '6';
  if (date.precision === 'undated') return '1';
  const over = date.end < today;
  if (status === 'held') return over ? '4' : '2';
  if (over) return '3';
  return date.start <= today ? '2' : '1';
}

/** ActivityDateType: 1 Planned start, 2 Actual start, 3 Planned end, 4 Actual end. */
export interface IatiDate {
  type: '1' | '2' | '3' | '4';
  isoDate: string;
}

/**
 * The activity's dates: actual for what was held (the end actual once it has passed), planned
 * otherwise. A fuzzy date ("March 2020") gives its range, its words going with it as a narrative.
 * Undated activities have none (they are not in the file: the standard requires a start date).
 */
export function iatiDates(activity: Pick<Activity, 'status' | 'date'>, today: string): IatiDate[] {
  const { date, status } = activity;
  if (date.precision === 'undated') return [];
  const held = status === 'held';
  return [
    { type: held ? '2' : '1', isoDate: date.start },
    { type: held && date.end < today ? '4' : '3', isoDate: date.end },
  ];
}

/** The register's six languages as IATI's Language codelist has them (ISO 639-1, the same two letters). */
export const IATI_LANGUAGE: Readonly<Record<Language, string>> = { en: 'en', fr: 'fr', es: 'es', ru: 'ru', ar: 'ar', zh: 'zh' };

/** OrganisationRole 4 (Implementing) for the offices that carried an activity out; the others only took part and are not named as its organisations. */
const IMPLEMENTING_ROLES: ReadonlySet<OfficeRole> = new Set(['organised', 'co-organised', 'hosted', 'facilitated', 'supported']);

export const isImplementing = (role: OfficeRole): boolean => IMPLEMENTING_ROLES.has(role);

/** Shares of 100 in hundredths that add up to exactly 100 (33.34, 33.33, 33.33), as IATI's percentages must per vocabulary. */
export function shares(count: number): string[] {
  if (count <= 0) return [];
  const cents = Math.floor(10_000 / count);
  const left = 10_000 - cents * count;
  return Array.from({ length: count }, (_, i) => formatPercent(cents + (i < left ? 1 : 0)));
}

const formatPercent = (cents: number): string => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(/0$/, ''));

/** Sector vocabulary 1 (OECD DAC CRS, 5 digits): 22040, Information and communication technology (ICT), for all of ITU's regional work. */
export const DAC_SECTOR = '22040';

/** Vocabulary 99: the reporting organisation's own codes (regions, Sectors, bodies), described at a URI of the API. */
export const OWN_VOCABULARY = '99';

/** Where the activity took place, as IATI's recipient country, or else the regions of the offices that carried it out. */
export type Recipient = { kind: 'country'; code: string } | { kind: 'regions'; codes: string[] } | { kind: 'none' };

/**
 * An activity in a country is for that country; one online, or without a place, is for the
 * regions of its offices (the headquarters, which serves every region, names none).
 */
export function recipientOf(activity: Pick<Activity, 'place' | 'offices'>, regionOf: (office: string) => string | null): Recipient {
  if (activity.place?.country) return { kind: 'country', code: activity.place.country };
  const codes = [...new Set(activity.offices.map((o) => regionOf(o.office)).filter((r): r is string => r !== null))].sort();
  return codes.length > 0 ? { kind: 'regions', codes } : { kind: 'none' };
}
