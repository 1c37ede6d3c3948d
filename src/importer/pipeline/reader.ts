/**
 * Stage: blocks → sections → items → proposals. The whole reading of a document.
 */
import { type OfficeRole } from '#src/activities/model.ts';
import { type Office } from '#src/registry/model.ts';
import { type RegionCode } from '#src/registry/reference.ts';
import { type Block, type ImportContext, type ImportProposal, type ImportSection, type ProposedActivity } from '../model.ts';
import { CLOSING, textToBlocks } from './blocks.ts';
import { findSectors } from './bodies.ts';
import { datelineOf, documentFrame, mentionsSameMeeting, officeChooser, stampOf, tellsOfEvent } from './content.ts';
import { describesWork, findKind, findRoles } from './cues.ts';
import { type DateHit, findDates, mayHoldDate } from './dates.ts';
import { LABEL, findPeriod } from './header.ts';
import { type Indexes, indexesOf } from './indexes.ts';
import { type ItemContext, type Reading, readItem, sentenceSpans } from './items.ts';
import { BASED_IN, LED_BY, pickOffice, readCity, readHead, regionalOffice } from './offices.ts';
import { MAX_ACTIVITIES, MAX_ANALYSED, MAX_BLOCK, cleanText, listUnplaced } from './text.ts';

export function sectionKey(section: ImportSection | null): string | null {
  if (!section) return null;
  return section.number !== '' ? section.number : section.heading;
}

export function readBlocks(input: Block[], context: ImportContext): ImportProposal {
  const ix = indexesOf(context);
  const blocks = input
    .filter((b): b is Block => b !== null && typeof b === 'object' && typeof b.text === 'string')
    .map((b, i) => {
      let text = b.text.length > MAX_BLOCK * 10 ? b.text : cleanText(b.text);
      let number = typeof b.number === 'string' && b.number.trim() !== '' ? b.number.trim() : undefined;
      if (b.kind === 'heading' && number === undefined) {
        const m = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/.exec(text);
        if (m) {
          number = m[1]!;
          text = m[2]!;
        }
      }
      const kind: Block['kind'] = b.kind === 'heading' || b.kind === 'list-item' ? b.kind : 'paragraph';
      const line = typeof b.line === 'number' && Number.isFinite(b.line) ? b.line : i + 1;
      return { kind, level: typeof b.level === 'number' ? b.level : number ? number.split('.').length : 1, number, text, line };
    })
    .filter((b) => b.text !== '');

  const proposal: ImportProposal = { header: { title: null, abstract: null }, period: null, sections: [], activities: [], unplaced: [], unplacedCount: 0 };

  // Header: labelled lines before the first heading.
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  const preamble = firstHeading === -1 ? blocks.length : firstHeading;
  const used = new Set<number>();
  for (let i = 0; i < preamble; i++) {
    const b = blocks[i]!;
    if (b.text.length > 2000) continue;
    const m = LABEL.exec(b.text);
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    const isTitle = label === 'title' || label === 'titre' || label === 'título';
    const isAbstract = ['abstract', 'summary', 'résumé', 'resumen'].includes(label);
    if (!isTitle && !isAbstract) continue;
    let value = m[2]!.trim();
    used.add(i);
    const next = blocks[i + 1];
    if (value === '' && next && i + 1 < preamble && !LABEL.test(next.text)) {
      value = next.text;
      used.add(i + 1);
    }
    if (value === '') continue;
    if (isTitle && proposal.header.title === null) proposal.header.title = value;
    if (isAbstract && proposal.header.abstract === null) proposal.header.abstract = value;
  }

  const headerTexts = [proposal.header.title, proposal.header.abstract].filter((t): t is string => t !== null);
  let periodChars = 0;
  const periodTexts = blocks.filter((b) => b.kind !== 'heading' && (periodChars += b.text.length) <= MAX_ANALYSED).map((b) => b.text);
  proposal.period = findPeriod([...headerTexts, ...periodTexts]);
  let defaultYear: number | undefined = proposal.period ? Number(proposal.period.end.slice(0, 4)) : undefined;
  if (defaultYear === undefined) {
    const y = /\b((?:19|20)\d{2})\b/.exec(headerTexts.join(' '));
    if (y) defaultYear = Number(y[1]);
  }
  let sectors = findSectors(headerTexts.join(' '), ix);
  if (sectors.length === 0) sectors = findSectors(blocks.map((b) => b.text).join('\n'), ix).slice(0, 1);
  const reading: Reading = { ix, context, dates: { defaultYear, period: proposal.period }, period: proposal.period, sectors };

  const unplace = (text: string, section: ImportSection | null, line: number) => listUnplaced(proposal, text, sectionKey(section), line);

  // A document without numbered headings may be any of the genre's layouts: what is not an
  // office's own section is read from its content (content.ts), its first passages included.
  const structured = blocks.some((b) => b.kind === 'heading' && b.number !== undefined);
  const frame = structured ? null : documentFrame(blocks.map((b) => b.text), ix, context, reading.dates);
  if (reading.dates.defaultYear === undefined && frame?.year !== undefined) reading.dates.defaultYear = frame.year;
  if (structured) for (let i = 0; i < preamble; i++) if (!used.has(i)) unplace(blocks[i]!.text, null, blocks[i]!.line);
  /** Sections that are an office's own (the heading names the office): their items are its, wherever held. */
  const ownSections = new Set<ImportSection>();
  /** The date a date heading or stamp gives what follows ("3 – 7 March", "14.11.2023"). */
  let dateContext: DateHit['value'] | null = null;
  /** The date of the page, letter or news item: a held activity after it is planned. */
  let documentDate: string | null = null;
  /** The region of the last activity read from content: the default of one whose words name none ("a follow-up webinar"). */
  let lastRegion: RegionCode | null = null;
  /** Past a letter's closing words: the signature and contact block. */
  let closed = false;

  // Sections.
  let section: ImportSection | null = null;
  /** Open sections with their levels: a sub-heading's parent is the nearest of a lower level. */
  const stack: Array<{ section: ImportSection; level: number }> = [];
  let leadRoles: OfficeRole[] = [];
  let leadDate: DateHit['value'] | null = null;
  let inList = false;
  let analysed = 0;

  for (let i = structured ? preamble : 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (used.has(i)) continue;
    if (b.kind === 'heading') {
      const heading = b.text.slice(0, 1000);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= b.level) stack.pop();
      const parent = stack[stack.length - 1]?.section ?? null;
      const named = ix.regions.scan(heading)[0]?.values[0] ?? null;
      const officeHit = ix.officeNames.scan(heading)[0]?.values ?? [];
      let region: RegionCode | null = named;
      const headingOffice = pickOffice(officeHit, region ?? officeHit[0]?.region ?? null, reading.period);
      if (region === null && headingOffice) region = headingOffice.region;
      if (region === null && parent) region = parent.region;
      section = {
        number: b.number ?? '',
        heading,
        region,
        office: null,
        head: null,
        city: null,
        line: b.line,
        context: [],
      };
      // The office: "is based in <City>" in the section, else the heading's office, else the parent's, else the regional office.
      if (region !== null) {
        let based: { city: string; offices: Office[] } | null = null;
        let head: ImportSection['head'] = null;
        for (let j = i + 1; j < blocks.length && blocks[j]!.kind !== 'heading'; j++) {
          const t = blocks[j]!.text;
          if (t.length > 2000 || blocks[j]!.kind !== 'paragraph') continue;
          based ??= readCity(t, ix);
          head ??= readHead(t);
          if (based && head) break;
        }
        const fromCity = based ? pickOffice(based.offices, region, reading.period) : null;
        const office =
          fromCity ?? headingOffice ?? (parent?.office ? ((context.offices ?? []).find((o) => o.code === parent.office) ?? null) : null) ?? regionalOffice(region, context, reading.period);
        section.office = office?.code ?? null;
        section.city = based?.city ?? (office ? (office.cityNames?.en ?? null) : null);
        section.head = head;
      }
      if (headingOffice || (parent && ownSections.has(parent) && region === parent.region)) ownSections.add(section);
      if (!structured) {
        const dateline = datelineOf(heading, reading.dates);
        if (dateline) {
          dateContext = dateline.value;
          if (dateline.value.precision === 'day') documentDate = dateline.value.start;
          reading.dates.defaultYear = Number(dateline.value.end.slice(0, 4));
        }
      }
      proposal.sections.push(section);
      stack.push({ section, level: b.level });
      leadRoles = [];
      leadDate = null;
      inList = false;
      continue;
    }

    const regionSection = section !== null && section.region !== null && section.office !== null ? section : null;
    const ownDateline = !structured && regionSection && ownSections.has(regionSection) ? datelineOf(b.text, reading.dates) : null;
    if (ownDateline) {
      // "September 2015 – February 2016" under an office's heading: the time its report covers.
      dateContext = ownDateline.value;
      unplace(b.text, section, b.line);
      continue;
    }
    if (!structured && !(regionSection && ownSections.has(regionSection))) {
      analysed += b.text.length;
      if (b.text.length > MAX_BLOCK || analysed > MAX_ANALYSED || proposal.activities.length >= MAX_ACTIVITIES) {
        unplace(b.text, section, b.line);
        continue;
      }
      if (CLOSING.test(b.text)) closed = true;
      // Most lines of a long noisy text have no date to read and no date heading above them.
      if (dateContext === null && !mayHoldDate(b.text)) {
        unplace(b.text, section, b.line);
        continue;
      }
      const dateline = closed ? null : datelineOf(b.text, reading.dates);
      if (dateline) {
        // "Dakar, 8 May 2019" dates the page; "3 – 7 March" or "14.11.2023" alone heads what follows.
        const bare = /^[\d\s\p{P}]*$/u.test(b.text.replace(dateline.text, ''));
        if (bare) dateContext = dateline.value;
        if (dateline.value.precision === 'day') documentDate = dateline.value.start;
        reading.dates.defaultYear = Number(dateline.value.end.slice(0, 4));
      }
      const stamp = closed || dateline ? null : stampOf(b.text, reading.dates);
      if (stamp) {
        documentDate = stamp.value.start;
        reading.dates.defaultYear = Number(stamp.value.end.slice(0, 4));
      }
      // The document's title ("Report on the activities of … 2016") names no event of its own.
      const title = i === 0 && b.kind !== 'list-item' && b.text.length <= 200 && !/[.!?]$/.test(b.text);
      const event =
        !closed &&
        !dateline &&
        !title &&
        (tellsOfEvent(stamp ? b.text.slice(stamp.end) : b.text, dateContext !== null, reading.dates, ix, context) ||
          (b.kind === 'list-item' && findKind(b.text, [], ix) !== null));
      if (!event) {
        unplace(b.text, section, b.line);
        continue;
      }
      const item: ItemContext = {
        region: regionSection?.region ?? frame?.region ?? lastRegion,
        regionFrom: regionSection ? 'heading' : 'document',
        office: null,
        officeFor: officeChooser(b.text, frame?.office ?? null, ix, context),
        fixed: false,
        stampEnd: stamp?.end ?? null,
        documentDate,
        section: sectionKey(section) ?? '',
        item: b.number ?? null,
        leadRoles: [],
        leadDate: dateContext,
      };
      const first = proposal.activities.length;
      const read = readItem(b.text, item, reading, first).filter((a) => a.related.length > 0 || !proposal.activities.some((earlier) => mentionsSameMeeting(earlier, a)));
      if (read.length === 0 && readItem(b.text, item, reading, first).length === 0) {
        unplace(b.text, section, b.line);
        continue;
      }
      proposal.activities.push(...read);
      lastRegion = read.at(-1)?.region ?? lastRegion;
      relateAcrossItems(proposal.activities, first);
      continue;
    }
    if (!regionSection) {
      unplace(b.text, section, b.line);
      continue;
    }
    analysed += b.text.length;
    if (b.text.length > MAX_BLOCK || analysed > MAX_ANALYSED || proposal.activities.length >= MAX_ACTIVITIES) {
      unplace(b.text, section, b.line);
      continue;
    }
    const region = regionSection.region!;
    const sectionOffice = regionSection.office!;
    const key = sectionKey(regionSection)!;

    if (b.kind === 'paragraph') {
      inList = false;
      leadRoles = [];
      leadDate = null;
      // Where the office is and who leads it.
      if (BASED_IN.test(b.text) || LED_BY.test(b.text)) {
        regionSection.context.push({ line: b.line, text: b.text, use: 'office' });
        const rest = sentenceSpans(b.text)
          .map((s) => b.text.slice(s.start, s.end).trim())
          .filter((s) => !BASED_IN.test(s) && !LED_BY.test(s))
          .join(' ');
        if (rest !== '' && describesWork(rest, reading.dates)) {
          proposal.activities.push(...readItem(rest, { region, office: sectionOffice, section: key, item: null, leadRoles: [], leadDate: null }, reading, proposal.activities.length));
        }
        continue;
      }
      // A lead-in: "…participated in the following:" followed by items.
      if (/:\s*$/.test(b.text) && blocks[i + 1]?.kind === 'list-item') {
        regionSection.context.push({ line: b.line, text: b.text, use: 'lead-in' });
        leadRoles = findRoles(b.text);
        leadDate = findDates(b.text, reading.dates)[0]?.value ?? null;
        inList = true;
        continue;
      }
      if (/[\p{L}]{3}/u.test(b.text) && describesWork(b.text, reading.dates)) {
        const office = officeNamedIn(b.text, region, sectionOffice, ix, reading.period) ?? sectionOffice;
        const first = proposal.activities.length;
        proposal.activities.push(...readItem(b.text, { region, office, section: key, item: null, leadRoles: [], leadDate: null }, reading, first));
        relateAcrossItems(proposal.activities, first);
      } else {
        unplace(b.text, section, b.line);
      }
      continue;
    }

    // List items: always activities (of kind `other` if nothing fits), unless there are no words.
    if (!/[\p{L}]{3}/u.test(b.text)) {
      unplace(b.text, section, b.line);
      continue;
    }
    const office = officeNamedIn(b.text, region, sectionOffice, ix, reading.period) ?? sectionOffice;
    const item: ItemContext = {
      region,
      office,
      section: key,
      item: b.number ?? null,
      leadRoles: inList ? leadRoles : [],
      leadDate: inList ? leadDate : null,
    };
    const first = proposal.activities.length;
    proposal.activities.push(...readItem(b.text, item, reading, first));
    relateAcrossItems(proposal.activities, first);
  }
  return proposal;
}

/** Another office of the region an item names near its start ("The Area Office for the Caribbean organised…"). */
export function officeNamedIn(text: string, region: RegionCode, sectionOffice: string, ix: Indexes, period: { start: string; end: string } | null): string | null {
  // Only the subject counts: "The Area Office for the Caribbean organised…", not "coordinated with the Area Office…".
  const subject = /^(?:the\s+)?(?:itu\s+)?/i.exec(text)?.[0].length ?? 0;
  const hit = ix.officeNames.scan(text.slice(0, 160))[0];
  if (!hit || hit.start > subject) return null;
  const office = pickOffice(hit.values, region, period);
  return office && office.code !== sectionOffice ? office.code : null;
}

export const DAY_MS = 86_400_000;

/**
 * An item that says it was held back to back ("hosted back to back", "on the eve of") with no
 * partner of its own is related to the activity just before it in the section, when their
 * dates touch (at most a day apart).
 */
export function relateAcrossItems(activities: ProposedActivity[], first: number): void {
  const current = activities[first];
  const previous = activities[first - 1];
  if (!current || !previous || current.related.length > 0) return;
  if (previous.provenance.section !== current.provenance.section || previous.provenance.text === current.provenance.text) return;
  if (!/\bback[- ]to[- ]back\b|\bon\s+the\s+eve\s+of\b|\bpreceded\s+by\b|\bimmediately\s+(?:after|before)\b/i.test(current.provenance.text)) return;
  if (!current.date || !previous.date) return;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const gap = Math.min(Math.abs(day(current.date.start) - day(previous.date.end)), Math.abs(day(previous.date.start) - day(current.date.end)));
  if (!(gap <= DAY_MS)) return;
  current.related.push({ index: first - 1, kind: 'back-to-back' });
  previous.related.push({ index: first, kind: 'back-to-back' });
}

/** Reads blocks (from plain text or a Word file) into a proposal. Never throws. */
export function parseBlocks(blocks: Block[], context: ImportContext): ImportProposal {
  const safeContext: ImportContext =
    context && typeof context === 'object' ? context : { offices: [], bodies: [], regions: [], document: '' };
  const list = Array.isArray(blocks) ? blocks : [];
  try {
    return readBlocks(list, safeContext);
  } catch {
    // Last resort: nothing read, nothing lost.
    const proposal: ImportProposal = { header: { title: null, abstract: null }, period: null, sections: [], activities: [], unplaced: [], unplacedCount: 0 };
    list.forEach((b, i) => {
      if (b && typeof b.text === 'string' && b.text.trim() !== '') listUnplaced(proposal, b.text, null, typeof b.line === 'number' ? b.line : i + 1);
    });
    return proposal;
  }
}

/** Reads a report as plain text (the .txt of a Word report): cuts it into blocks, then parseBlocks. Never throws. */
export function parseReport(text: string, context: ImportContext): ImportProposal {
  let blocks: Block[];
  try {
    blocks = textToBlocks(typeof text === 'string' ? text : '');
  } catch {
    blocks = [];
  }
  return parseBlocks(blocks, context);
}
