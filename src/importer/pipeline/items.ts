/**
 * Items → proposed activities: sentences, clauses, one or more activities per item.
 */
import { type OfficeRole } from '#src/activities/model.ts';
import { type RegionCode } from '#src/registry/reference.ts';
import { type ImportContext, type ProposedActivity, type RegionSource } from '../model.ts';
import { findBodies, sortBodies } from './bodies.ts';
import { findKind, findRoles, findStatus } from './cues.ts';
import { type DateHit, type DateOptions, findDates, readDate } from './dates.ts';
import { type Indexes } from './indexes.ts';
import { findPlace } from './places.ts';
import { GLOBAL_CONFERENCE, regionFromContent } from './regions.ts';
import { eventName, shortTitle } from './titles.ts';

export interface Span {
  start: number;
  end: number;
}

export const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Rev|No|Nos|St|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Jr|Sr|M|Mme|Art|Fig|Vol|approx|ca|cf|Res|Doc|Sept|[A-Z])$/;

export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const boundary = /[.!?]["”’)]?\s+(?=["“(]?[\p{Lu}\p{Lo}])/gu;
  for (const m of text.matchAll(boundary)) {
    const dot = m.index;
    if (ABBREVIATION.test(text.slice(Math.max(0, dot - 10), dot))) continue;
    const end = dot + m[0].trimEnd().length;
    if (end > start) spans.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

export interface Piece extends Span {
  dates: DateHit[];
  /** The words that joined this piece to the one before ("followed by", "and"), if any. */
  joiner: string | null;
}

export const CLAUSE_JOINERS = /\bfollowed\s+by\b|\bback[- ]to[- ]back\s+with\b|;\s+|,?\s+and\s+(?=\S)|\bas\s+well\s+as\b|(?<=\)),\s+(?=\p{Lu})/giu;

/** Cuts an item into pieces: sentences, "Title: rest" and clauses that each carry a date. */
export function piecesOf(text: string, dates: DateHit[]): Piece[] {
  const pieces: Piece[] = [];
  const datesIn = (s: Span) => dates.filter((d) => d.start >= s.start && d.end <= s.end);
  for (const sentence of sentenceSpans(text)) {
    // "ITU-T SG13 events held in Abuja, Nigeria: A workshop…": the part before the colon is a lead.
    const parts: Span[] = [];
    let from = sentence.start;
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(/:\s+(?=[\p{Lu}"“])/gu)) {
      const at = sentence.start + m.index;
      if (dates.some((d) => d.start < at && d.end > at)) continue;
      parts.push({ start: from, end: at + 1 });
      from = at + m[0].length;
    }
    parts.push({ start: from, end: sentence.end });
    for (const part of parts) {
      // Clauses joined by "followed by", "and"…: cut only where both sides have a date of their own.
      const joiners: Array<{ at: number; length: number; words: string }> = [];
      const partText = text.slice(part.start, part.end);
      for (const m of partText.matchAll(CLAUSE_JOINERS)) {
        const at = part.start + m.index;
        if (dates.some((d) => d.start <= at && d.end > at)) continue;
        joiners.push({ at, length: m[0].length, words: m[0].trim().replace(/^[,;]\s*/, '').toLowerCase() });
      }
      let pieceStart = part.start;
      let pieceJoiner: string | null = null;
      for (let i = 0; i < joiners.length; i++) {
        const j = joiners[i]!;
        const left = { start: pieceStart, end: j.at };
        const right = { start: j.at, end: part.end };
        if (datesIn(left).length > 0 && datesIn(right).length > 0) {
          pieces.push({ ...left, dates: datesIn(left), joiner: pieceJoiner });
          pieceStart = j.at;
          pieceJoiner = j.words;
        }
      }
      const last = { start: pieceStart, end: part.end };
      pieces.push({ ...last, dates: datesIn(last), joiner: pieceJoiner });
    }
  }
  return pieces.filter((p) => text.slice(p.start, p.end).trim() !== '');
}

export const ANOTHER = /\b(?:another|a\s+further|a\s+second|a\s+third|the\s+next|a\s+follow-up|a\s+subsequent)\s+(?:\w+\s+)?(?:meeting|session|workshop|event|edition)\b/i;
export const BACK_TO_BACK = /\bback[- ]to[- ]back\b|\bfollowed\s+by\b|\bpreceded\s+by\b|\bimmediately\s+(?:after|before|followed)\b|\bon\s+the\s+(?:eve|margins?|sidelines?)\s+of\b|\bin\s+conjunction\s+with\b/i;
export const LEADING_WORDS = /^(?:(?:and|followed\s+by|back[- ]to[- ]back\s+with|furthermore|moreover|also|in\s+addition|additionally|then|as\s+well\s+as|internally)[,\s]+)+/i;

/**
 * A part cut out of an item ("…, and the ARO office is collaborating … in October 2020") is listed
 * on its own in reports: it starts with a capital and, in scripts that use one, ends with a full
 * stop. An item kept whole stays exactly as written.
 */
export function asSentence(part: string, item: string): string {
  if (part === item.trim() || part === '') return part;
  const capitalised = capitalise(part.replace(/[\s,;:–—-]+$/, ''));
  return /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\d]$/u.test(capitalised) ? `${capitalised}.` : capitalised;
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The joining words and punctuation a part starts with once cut from its item (", and …", "followed by …"). */
export const tidyPart = (part: string): string => part.replace(/^[\s,;:–—-]+/, '').replace(LEADING_WORDS, '');

/** A lead shared by several parts, then one part: a new sentence when the lead ends one. */
export const joinSentences = (lead: string, part: string): string =>
  lead === '' ? part : part === '' ? lead : `${lead} ${/[.!?]$/.test(lead) ? capitalise(part) : part}`;

/** The sentence a title is taken from, without the joining words and the report period it may open with. */
export function titleOf(text: string): string {
  let t = text
    .trim()
    .replace(/^[\s,;:–—-]+/, '')
    .replace(LEADING_WORDS, '')
    // "During the January – August 2020 timeframe, the Americas region …": the period is not the title.
    .replace(/^(?:during|in|over|throughout)\s+the\s+[^,]{0,60}?\s+(?:timeframe|time\s+frame|period)\s*,?\s*/i, '')
    .replace(/[\s.;,:]+$/, '');
  if (t === '') t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export interface ItemContext {
  /** The region the section or document gives: a default unless `fixed`; null when none does. */
  region: RegionCode | null;
  office: string | null;
  /** Where `region` came from. */
  regionFrom?: RegionSource;
  /** The section is an office's own (its heading names the office): its items are that office's, wherever held. Unless false. */
  fixed?: boolean;
  /** Where a date stamp opening the item ends ("March 3 2019, Geneva –"): the item's publication date, not the activity's. */
  stampEnd?: number | null;
  /** The date of the document or news item (ISO): a held activity after it is planned. */
  documentDate?: string | null;
  /** The office of a region the item's own words name ("the ITU Regional Office for the Americas held…"). */
  officeFor?: (region: RegionCode, country: string | null) => string | null;
  section: string;
  item: string | null;
  /** Roles of the lead-in the item follows. */
  leadRoles: OfficeRole[];
  /** Date of the lead-in, if it gives one. */
  leadDate: DateHit['value'] | null;
}

export interface Reading {
  ix: Indexes;
  context: ImportContext;
  dates: DateOptions;
  period: { text: string; start: string; end: string } | null;
  sectors: string[];
}

/** One item (or work paragraph) as one or more activities; `base` is the index of the first. */
export function readItem(text: string, item: ItemContext, r: Reading, base: number): ProposedActivity[] {
  const dates = findDates(text, r.dates).filter((d) => !(item.stampEnd != null && d.end <= item.stampEnd));
  const pieces = piecesOf(text, dates);
  // Group pieces: a dated piece starts a new activity when the current one already has a date.
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let currentDated = false;
  for (const piece of pieces) {
    const dated = piece.dates.length > 0;
    if (dated && currentDated) {
      groups.push(current);
      current = [];
      currentDated = false;
    }
    current.push(piece);
    if (dated) currentDated = true;
  }
  if (current.length > 0) groups.push(current);
  if (groups.length === 0) groups.push([{ start: 0, end: text.length, dates: [], joiner: null }]);

  const split = groups.length > 1;
  const firstDated = pieces.findIndex((p) => p.dates.length > 0);
  const lead: Piece[] = split && firstDated > 0 ? pieces.slice(0, firstDated) : [];
  const textOf = (ps: Piece[]) => ps.map((p) => text.slice(p.start, p.end).trim()).join(' ');
  const leadText = textOf(lead);
  const leadFound = lead.length > 0 ? findBodies(leadText, r.ix, r.context, r.period) : [];
  const leadBodies = leadFound.filter((b) => !b.unknown).map((b) => b.code);
  const leadPlace = lead.length > 0 ? findPlace(leadText, r.ix) : null;
  const leadRolesOwn = lead.length > 0 ? findRoles(leadText) : [];
  const leadStatus = lead.length > 0 ? findStatus(leadText) : null;

  const out: ProposedActivity[] = [];
  groups.forEach((group, g) => {
    const own = g === 0 ? group.filter((p) => !lead.includes(p)) : group;
    const ownText = textOf(own.length > 0 ? own : group);
    const ownFound = findBodies(ownText, r.ix, r.context, r.period);
    const ownBodies = ownFound.filter((b) => !b.unknown).map((b) => b.code);
    const newBodies = [...new Set([...leadFound, ...ownFound].filter((b) => b.unknown).map((b) => b.code))];
    const previous = out[out.length - 1];
    let bodies = sortBodies([...leadBodies, ...ownBodies], r.ix);
    let kind = findKind(ownText, ownBodies, r.ix) ?? (lead.length > 0 ? findKind(leadText, leadBodies, r.ix) : null) ?? 'other';
    if (previous && ANOTHER.test(ownText)) {
      kind = previous.kind;
      if (ownBodies.length === 0) bodies = previous.bodies;
    }
    const related = g > 0 && (BACK_TO_BACK.test(ownText) || (group[0]?.joiner ?? '').startsWith('followed') || (group[0]?.joiner ?? '').startsWith('back'));
    let place = findPlace(ownText, r.ix) ?? leadPlace;
    if (!place && related && previous?.place) place = previous.place;
    const ownRoles = findRoles(ownText);
    const roles =
      ownRoles.length > 0 ? ownRoles : leadRolesOwn.length > 0 ? leadRolesOwn : previous && previous.roles.length > 0 ? previous.roles : item.leadRoles;
    const status = findStatus(ownText) ?? leadStatus ?? 'held';
    const firstDate = group.flatMap((p) => p.dates)[0];
    let date: ProposedActivity['date'] = firstDate ? { ...firstDate.value } : null;
    if (!date && status === 'held') {
      const inherited = item.leadDate ?? (r.period ? readDate(r.period.text, r.dates) : null);
      if (inherited) date = { ...inherited };
    }
    // Where it was: the section's office's region, or what its own words say over the default.
    let region = item.region;
    let regionFrom: RegionSource = item.regionFrom ?? 'heading';
    let office = item.office;
    if (item.fixed === false) {
      const content = regionFromContent(`${leadText} ${ownText}`, place, bodies, r.ix);
      // A world conference at its own venue is no region's activity unless the office took part.
      if (GLOBAL_CONFERENCE.test(ownText) && roles.length === 0 && findKind(ownText.replace(GLOBAL_CONFERENCE, ''), [], r.ix) === null) return;
      if (content) {
        if (content.region !== region) office = null;
        region = content.region;
        regionFrom = content.from;
      }
      if (region !== null && office === null) office = item.officeFor?.(region, content?.country ?? place?.country ?? null) ?? null;
    }
    if (region === null || office === null) return;
    const dated = date;
    const laterThanDocument = item.documentDate && dated && dated.start > item.documentDate;
    const finalStatus = status === 'held' && laterThanDocument ? 'planned' : status;
    const titleSource = split ? textOf(group.filter((p) => p.dates.length > 0).slice(0, 1)) || ownText : text.slice(sentenceSpans(text)[0]?.start ?? 0, sentenceSpans(text)[0]?.end ?? text.length);
    const description = g === 0 ? textOf(group) : joinSentences(leadText, tidyPart(textOf(group)));
    out.push({
      region,
      regionFrom,
      office,
      kind,
      status: finalStatus,
      roles,
      date,
      place: place ? { city: place.city, country: place.country, online: place.online } : null,
      bodies,
      ...(newBodies.length > 0 ? { newBodies } : {}),
      sectors: [...r.sectors],
      title: titleFor(titleOf(titleSource), previous, place),
      description: asSentence(tidyPart(description), text),
      related: related && previous ? [{ index: base + out.length - 1, kind: 'back-to-back' }] : [],
      provenance: { document: r.context.document, section: item.section, item: item.item, text },
    });
    if (related && previous) previous.related.push({ index: base + out.length - 1, kind: 'back-to-back' });
  });
  return out;
}

/**
 * A bulletin's second meeting ("…, Quito, Ecuador (12 October)") names no event of its own:
 * it is another of the one before it, at its own place.
 */
function titleFor(sentence: string, previous: ProposedActivity | undefined, place: { city: string | null } | null): string {
  if (previous && eventName(sentence) === null && place?.city && sentence.trim().startsWith(place.city)) {
    return `${previous.title.replace(/, [^,]+$/, '')}, ${place.city}`;
  }
  return shortTitle(sentence);
}
