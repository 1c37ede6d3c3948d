/**
 * Reading a document that has no office sections (a web page, a news feed, highlights, a letter,
 * a bulletin, slides, a plain list): what the document says of itself (its office and region
 * from the title or letterhead, its year, its date), datelines and date stamps, which passages
 * tell of an event, which office an activity is the office's, and two mentions of one meeting.
 */
import type { RegionCode } from '#src/registry/reference.ts';
import type { ImportContext, ProposedActivity } from '../model.ts';
import { findRoles, findKind } from './cues.ts';
import { type DateHit, type DateOptions, findDates } from './dates.ts';
import type { Indexes } from './indexes.ts';
import { findPlace } from './places.ts';
import { findBodies } from './bodies.ts';
import { countriesNamedIn } from './countries.ts';
import { regionOfCountry } from './member-states.ts';
import { regionalOffice } from './offices.ts';

/** "The Regional Office" without the region's name: the region's regional office. */
const REGIONAL_OFFICE = /\bRegional\s+Office\b|\bOficina\s+Regional\b|\bBureau\s+r[ée]gional\b|Региональное\s+отделение/u;

export interface DocumentFrame {
  region: RegionCode | null;
  office: string | null;
  year: number | undefined;
}

/** The office, region and year the first passages (title, letterhead, dateline) give the whole document. */
export function documentFrame(texts: string[], ix: Indexes, context: ImportContext, dates: DateOptions): DocumentFrame {
  let region: RegionCode | null = null;
  let office: string | null = null;
  let year: number | undefined;
  /** A member state the title names ("ITU and Senegal open…"): the region when nothing names one. */
  let countryRegion: RegionCode | null = null;
  for (const text of texts.slice(0, 4)) {
    if (text.length > 150) continue;
    if (office === null) {
      const named = ix.officeNames.scan(text)[0]?.values.find((o) => o.kind !== 'headquarters');
      if (named) {
        office = named.code;
        region ??= named.region;
      }
    }
    region ??= ix.regions.scan(text)[0]?.values[0] ?? null;
    countryRegion ??= countriesNamedIn(text).map((c) => regionOfCountry(c.code)).find((r) => r !== null && ix.regionCodes.has(r)) ?? null;
    if (year === undefined) {
      const hit = findDates(text, dates)[0];
      const y = hit ? Number(hit.value.end.slice(0, 4)) : Number(/\b((?:19|20)\d{2})\b/.exec(text)?.[1] ?? NaN);
      if (Number.isFinite(y)) year = y;
    }
  }
  region ??= countryRegion;
  if (region !== null && office === null) office = regionalOffice(region, context, null)?.code ?? null;
  return { region, office, year };
}

const DATELINE_WORDS = /\b(?:date|dated|published|posted|updated|on|le|el|fecha|publi[ée]e?|publicado|опубликовано|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;

/**
 * A passage that is only a date, with perhaps a place and a label before it ("Dakar, 8 May 2019",
 * "14.11.2023", "3 – 7 March", "Date: 12 August 2019"): the date of what follows, not an activity.
 */
export function datelineOf(text: string, dates: DateOptions): DateHit | null {
  if (text.length > 80) return null;
  const hits = findDates(text, dates);
  if (hits.length !== 1) return null;
  const hit = hits[0]!;
  const rest = (text.slice(0, hit.start) + text.slice(hit.end))
    .replace(DATELINE_WORDS, ' ')
    .replace(/^\s*[\p{Lu}][\p{L}'’.-]*(?:[\s-]+[\p{Lu}][\p{L}'’.-]*){0,3}\s*[,–—-]/u, ' ')
    .replace(/[\p{P}\p{S}\s\d]+/gu, '');
  return rest === '' ? hit : null;
}

/** A stamp opening a news item ("March 3 2019, Geneva – …", "14.11.2023: …"), if there is one. */
export function stampOf(text: string, dates: DateOptions): DateHit | null {
  const first = findDates(text, dates)[0];
  // The stamp's year is the year of the dates after it that name none ("held from 20 to 21 June").
  const second = first ? findDates(text, { ...dates, defaultYear: dates.defaultYear ?? Number(first.value.end.slice(0, 4)) })[1] : undefined;
  // A day, then the item's own date further on: "Du 12 au 14 juin 2019, le Bureau…" is the event's.
  if (!first || !second || first.value.precision !== 'day') return null;
  // Opening the text, perhaps after the place it was written in ("Bridgetown, 22 June 2022 –").
  const before = text.slice(0, first.start);
  if (before !== '' && !/^[\p{Lu}][\p{L}'’.-]*(?:[\s-]+[\p{Lu}][\p{L}'’.-]*){0,3},\s*$/u.test(before)) return null;
  return /^\s*[,–—:-]/.test(text.slice(first.end)) ? first : null;
}

/**
 * Does a passage outside an office's section tell of an event? It needs a date (its own or the
 * heading's) and something of an event: an event or work word, an office's role, a body, a place.
 * A registration deadline or a letter's date has none of these.
 */
export function tellsOfEvent(text: string, inherited: boolean, dates: DateOptions, ix: Indexes, context: ImportContext): boolean {
  if (!/[\p{L}]{3}/u.test(text)) return false;
  if (findDates(text, dates).length === 0 && !inherited) return false;
  if (findKind(text, [], ix) !== null || findRoles(text).length > 0) return true;
  if (findBodies(text, ix, context, null).length > 0) return true;
  const place = findPlace(text, ix);
  return place !== null && place.city !== null;
}

/**
 * The office an activity read from the content is the office's: the one its words name, else the
 * document's when in the same region, else the area office covering the country, else the
 * region's regional office.
 */
export function officeChooser(text: string, documentOffice: string | null, ix: Indexes, context: ImportContext) {
  const offices = Array.isArray(context.offices) ? context.offices : [];
  const named = ix.officeNames.scan(text)[0]?.values.filter((o) => o.kind !== 'headquarters') ?? [];
  return (region: RegionCode, country: string | null): string | null => {
    const own = named.find((o) => o.region === region);
    if (own) return own.code;
    if (REGIONAL_OFFICE.test(text)) return regionalOffice(region, context, null)?.code ?? null;
    const document = offices.find((o) => o.code === documentOffice);
    if (document && document.region === region) return document.code;
    const covering = country ? offices.find((o) => o.region === region && o.closedOn === null && (o.countriesCovered ?? []).includes(country)) : undefined;
    return covering?.code ?? regionalOffice(region, context, null)?.code ?? null;
  };
}

/**
 * Two mentions of one meeting in one document (a letter's subject line and its body, a news
 * title and its text): same region, same dates to the day, and the same kind or the same city.
 */
export function mentionsSameMeeting(a: ProposedActivity, b: ProposedActivity): boolean {
  if (!a.date || !b.date || a.region !== b.region) return false;
  if (a.date.start !== b.date.start || a.date.end !== b.date.end) return false;
  if (a.date.precision !== 'day' && a.date.precision !== 'days') return false;
  const sameCity = a.place?.city && b.place?.city && a.place.city === b.place.city;
  return a.kind === b.kind || Boolean(sameCity);
}
