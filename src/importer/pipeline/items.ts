/**
 * Items → proposed activities: sentences, clauses, one or more activities per item.
 */
import { type OfficeRole } from '#src/activities/model.ts';
import { type RegionCode } from '#src/registry/reference.ts';
import { type ImportContext, type ProposedActivity } from '../model.ts';
import { findBodies, sortBodies } from './bodies.ts';
import { findKind, findRoles, findStatus } from './cues.ts';
import { type DateHit, type DateOptions, findDates, readDate } from './dates.ts';
import { type Indexes } from './indexes.ts';
import { findPlace } from './places.ts';

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

export const CLAUSE_JOINERS = /\bfollowed\s+by\b|\bback[- ]to[- ]back\s+with\b|;\s+|,?\s+and\s+(?=\S)|\bas\s+well\s+as\b/gi;

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

export function titleOf(text: string): string {
  let t = text
    .trim()
    .replace(/^[\s,;:–—-]+/, '')
    .replace(LEADING_WORDS, '')
    // "During the January – August 2020 timeframe, the Americas region …": the period is not the title.
    .replace(/^(?:during|in|over|throughout)\s+the\s+[^,]{0,60}?\s+(?:timeframe|time\s+frame|period)\s*,?\s*/i, '')
    .replace(/[\s.;,:]+$/, '');
  if (t === '') t = text.trim();
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length > 200) {
    const cut = t.slice(0, 200);
    const space = cut.lastIndexOf(' ');
    t = `${(space > 120 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
  }
  return t;
}

export interface ItemContext {
  region: RegionCode;
  office: string;
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
  const dates = findDates(text, r.dates);
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
  const leadBodies = lead.length > 0 ? findBodies(leadText, r.ix, r.context, r.period).map((b) => b.code) : [];
  const leadPlace = lead.length > 0 ? findPlace(leadText, r.ix) : null;
  const leadRolesOwn = lead.length > 0 ? findRoles(leadText) : [];
  const leadStatus = lead.length > 0 ? findStatus(leadText) : null;

  const out: ProposedActivity[] = [];
  groups.forEach((group, g) => {
    const own = g === 0 ? group.filter((p) => !lead.includes(p)) : group;
    const ownText = textOf(own.length > 0 ? own : group);
    const ownBodies = findBodies(ownText, r.ix, r.context, r.period).map((b) => b.code);
    const previous = out[g - 1];
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
    const titleSource = split ? textOf(group.filter((p) => p.dates.length > 0).slice(0, 1)) || ownText : text.slice(sentenceSpans(text)[0]?.start ?? 0, sentenceSpans(text)[0]?.end ?? text.length);
    const description = g === 0 ? textOf(group) : joinSentences(leadText, tidyPart(textOf(group)));
    out.push({
      region: item.region,
      office: item.office,
      kind,
      status,
      roles,
      date,
      place: place ? { city: place.city, country: place.country, online: place.online } : null,
      bodies,
      sectors: [...r.sectors],
      title: titleOf(titleSource),
      description: asSentence(tidyPart(description), text),
      related: related ? [{ index: base + g - 1, kind: 'back-to-back' }] : [],
      provenance: { document: r.context.document, section: item.section, item: item.item, text },
    });
    if (related && previous) previous.related.push({ index: base + g, kind: 'back-to-back' });
  });
  return out;
}
