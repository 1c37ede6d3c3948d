/**
 * Stage 1: document text → blocks (headings, paragraphs, list items).
 */
import { type Office } from '#src/registry/model.ts';
import { type Block } from '../model.ts';
import { BOOKMARK, CONTROL, cleanText } from './text.ts';

export const HEADING_NUM = /^[ \t]{0,3}(\d{1,2}(?:\.\d{1,2}){0,3})\.?\t+\s*(\S.*)$/;
export const MD_HEADING = /^\s{0,3}(#{1,6})\s+(\S.*)$/;
export const LIST_NUM = /^\s*(\d{1,3})(?:[.)](?=\s)|\t)\s*(\S.*)$/;
export const LIST_LETTER = /^\s*\(?([a-h]|[ivx]{1,4})\)\s+(\S.*)$/;
export const BULLET = /^\s*(?:[·•▪◦●○■□➢►✓]\s*|[-–—*]\s+)(\S.*)$/;
export const REGION_WORDS =
  /\b(Africa|Afrique|África|Americas|Amériques|Américas|Arab States|États arabes|Estados Árabes|Asia and the Pacific|Asia[- ]Pacific|Asie-Pacifique|Asia-Pacífico|Commonwealth of Independent States|CIS|Europe|Europa)\b|СНГ|Африк|Европ|Америк|Арабск|Азиатско-Тихоокеанск/;

export function numberKey(n: string): number[] {
  return n.split('.').map((p) => Number(p));
}

export function keyGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

/** A page's number or a separator between pages joined into one text: not content; a sentence may run across it. */
export const PAGE_MARKER =
  /^\s*(?:[-=_*~#]{2,}\s*)?(?:page|p\.|página|pagina|страница|стр\.)\s*\d{1,4}(?:\s*(?:of|\/|de|sur|из)\s*\d{1,4})?(?:\s*[-=_*~#]{2,})?\s*$|^\s*[-=_*~]{3,}\s*(?:page\s*break|saut\s+de\s+page)?\s*[-=_*~]*\s*$|^\s*-\s*\d{1,4}\s*-\s*$|^\s*\f\s*$/i;
/** A slide's number: not content; a new slide starts as after a blank line. */
export const SLIDE_MARKER = /^\s*(?:slide|diapositive|diapositiva|слайд)\s*\d{1,3}\s*:?\s*$/i;
/** Labelled lines of a letter or a form ("Ref.:", "Subject:", "To:"): never headings. */
const LETTER_LABEL = /^\s*(?:ref(?:erence)?\.?|our\s+ref\.?|your\s+ref\.?|r[ée]f\.?|subject|objet|asunto|to|from|date|fecha|cc|contact|tel\.?|fax|e-?mail|attachments?|annex(?:es)?|title|abstract|source|purpose|keywords|original|titre|résumé|título|resumen|destinataires?|destinatarios?)\s*:/i;
/** The words that close a letter: what follows is its signature and contact block. */
export const CLOSING = /^\s*(?:yours\s+(?:faithfully|sincerely|truly)|sincerely(?:\s+yours)?|(?:best|kind|warm)\s+regards|respectfully|veuillez\s+agr[ée]er|je\s+vous\s+prie\s+d['’]agr[ée]er|cordialement|atentamente|(?:muy\s+)?cordialmente|с\s+уважением)\b/i;
/** A line's end where a sentence goes on on the next line ("14 to", "in Moscow,", "Regional Seminar on"). */
const OPEN_END =
  /(?:[,(–—\-]|\b(?:to|and|or|of|in|at|on|for|the|a|an|from|with|by|du|de|des|la|le|les|et|au|aux|en|à|y|del|el|los|las|al|para|с|по|и|в|на|для))\s*$/iu;
/** A month at a line's end goes on only with the year on the next ("17 and 18 November\n2015"). */
const MONTH_END = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/i;
const TERMINAL = /[.!?:;]["”’)]?\s*$/;

/**
 * Cuts plain text into blocks: "4<TAB>Africa – …" headings (numbered after the previous heading,
 * short, not inside a list), numbered items ("1<TAB>", " 3<TAB>", "1. ", "a) "), bullets ("·",
 * "•", "-"), and paragraphs. Word's "[bookmark: …]" artefacts go. A line broken inside a
 * sentence (hard-wrapped text, a date range or a place cut by the line's end) is joined to the
 * line it goes on in, across a page marker; page and slide markers are not blocks. In a document
 * without numbered headings, a short line standing alone before its text is a heading: a region
 * ("Europe"), a topic ("Digital inclusion: Africa"), a news item's title. After a letter's
 * closing words ("Yours faithfully") nothing is a heading.
 */
export function textToBlocks(text: string): Block[] {
  const source = typeof text === 'string' ? text : '';
  const physical = source.split(/\r\n|\n|\r|\u2028|\u2029/).map((l) => l.replace(BOOKMARK, '').replace(CONTROL, ' '));
  // Logical lines: page markers out with the blank lines around them, slide markers as blank lines.
  const lines: string[] = [];
  const numbers: number[] = [];
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    if (raw.length < 80 && PAGE_MARKER.test(raw) && raw.trim() !== '') {
      while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') {
        lines.pop();
        numbers.pop();
      }
      while (i + 1 < physical.length && physical[i + 1]!.trim() === '') i++;
      continue;
    }
    lines.push(raw.length < 40 && SLIDE_MARKER.test(raw) ? '' : raw);
    numbers.push(i + 1);
  }
  const structured = lines.some((l) => HEADING_NUM.test(l));
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  const isListStart = (raw: string) => HEADING_NUM.test(raw) || MD_HEADING.test(raw) || LIST_NUM.test(raw) || LIST_LETTER.test(raw) || BULLET.test(raw);
  const openLines = lines.filter((l, i) => l.trim().length >= 55 && !TERMINAL.test(l) && (lines[i + 1] ?? '').trim() !== '').length;
  // Hard-wrapped text: no line longer than a printed one, several lines cut before their sentence ends.
  const hardWrapped = longest <= 100 && openLines >= 2;
  const isDateLine = (body: string) => body.length <= 40 && /\d/.test(body) && !/[\p{L}]{4,}.*[\p{L}]{4,}.*[\p{L}]{4,}/u.test(body.replace(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/gi, ''));
  /** Does the line at `next` go on with the sentence `sofar` (the block being read) leaves open? */
  const continues = (text: string, next: number, inItem: boolean): boolean => {
    let sofar = text;
    const raw = lines[next];
    if (raw === undefined || raw.trim() === '' || isListStart(raw) || CLOSING.test(raw)) return false;
    const body = raw.trim();
    // Only the end of what is read so far matters, and a block stays within what is analysed.
    if (sofar.length > 4_000) return false;
    sofar = sofar.slice(-80);
    // A date on a line of its own under a title ("September 2015 – February 2016") is not the title's end.
    if (isDateLine(body) && !OPEN_END.test(sofar) && !MONTH_END.test(sofar)) return false;
    if (TERMINAL.test(sofar)) return inItem && /^\s{2,}/.test(raw) && /^\p{Ll}/u.test(body);
    // A line wrapped at a margin ("…on Digital Broadcasting\nfor CIS countries"), not a list of short lines.
    if (/^\p{Ll}/u.test(body) && sofar.trim().length >= 45) return true;
    if (OPEN_END.test(sofar)) return true;
    if (MONTH_END.test(sofar)) return /^(?:19|20)\d{2}\b/.test(body);
    if (inItem && /^\s{2,}/.test(raw)) return true;
    return hardWrapped && sofar.trim().length >= 55;
  };

  const blocks: Block[] = [];
  let lastHeading: number[] | null = null;
  let previousWasItem = false;
  let previousNonBlank = '';
  let closed = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = numbers[index]!;
    if (raw.trim() === '') {
      previousWasItem = false;
      continue;
    }
    const afterLeadIn = /:\s*$/.test(previousNonBlank);
    const beforeBlank = index === 0 || lines[index - 1]!.trim() === '' || isDateLine(cleanText(lines[index - 1]!));
    previousNonBlank = raw;
    /** The block's text with the lines that go on with it; `index` moves past them. */
    const joined = (first: string, inItem: boolean): string => {
      let sofar = first;
      while (continues(sofar, index + 1, inItem)) {
        index++;
        sofar = `${sofar.replace(/\s+$/, '')} ${lines[index]!.trim()}`;
      }
      return cleanText(sofar);
    };

    const heading = HEADING_NUM.exec(raw);
    if (heading) {
      const number = heading[1]!;
      const body = cleanText(heading[2]!);
      const key = numberKey(number);
      const looksLikeHeading =
        // "2.1<TAB>…" cannot be a list item; "3<TAB>…" right after items or a lead-in is one,
        // unless it names a region (a section whose blank line was lost).
        (key.length > 1 || REGION_WORDS.test(body) || (!previousWasItem && !afterLeadIn)) &&
        body.length <= 150 &&
        !/[.;,:]$/.test(body) &&
        /^[\p{Lu}\p{Lo}\p{N}"“(]/u.test(body) &&
        (lastHeading === null || keyGreater(key, lastHeading));
      if (looksLikeHeading) {
        lastHeading = key;
        blocks.push({ kind: 'heading', level: key.length, number, text: body, line });
        previousWasItem = false;
        continue;
      }
    }
    const md = MD_HEADING.exec(raw);
    if (md) {
      blocks.push({ kind: 'heading', level: md[1]!.length, text: cleanText(md[2]!), line });
      previousWasItem = false;
      continue;
    }
    const numbered = LIST_NUM.exec(raw) ?? LIST_LETTER.exec(raw);
    if (numbered) {
      blocks.push({ kind: 'list-item', number: numbered[1]!, text: joined(numbered[2]!, true), line });
      previousWasItem = true;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      blocks.push({ kind: 'list-item', text: joined(bullet[1]!, true), line });
      previousWasItem = true;
      continue;
    }
    if (CLOSING.test(raw)) closed = true;
    const goesOn = continues(raw, index + 1, false);
    const body = goesOn ? joined(raw, false) : cleanText(raw);
    const nextLine = lines[index + 1];
    const next = nextLine !== undefined && nextLine.trim() !== '';
    // An unnumbered heading: a short line on its own naming a region ("Africa – Regional Office for Africa").
    const regionHeading =
      beforeBlank &&
      (next || !structured) &&
      !goesOn &&
      !closed &&
      body.length <= 100 &&
      !/[.;:,!?]$/.test(body) &&
      !(structured ? false : /,\s/.test(body)) &&
      REGION_WORDS.test(body) &&
      (body.length <= 40 || /\b(Office|Bureau|Oficina)\b|[Оо]тделени/u.test(body));
    // In a document without numbered headings: a short title standing alone before its text.
    const titleHeading =
      !structured &&
      beforeBlank &&
      next &&
      !goesOn &&
      !closed &&
      body.length <= 100 &&
      /^[\p{Lu}\p{N}"“(]/u.test(body) &&
      !/[.;,!?]$/.test(body) &&
      !LETTER_LABEL.test(body) &&
      !isDateLine(body) &&
      !/,\s/.test(body);
    if (regionHeading || titleHeading) {
      blocks.push({ kind: 'heading', level: 1, text: body, line });
      previousWasItem = false;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: body, line });
    previousWasItem = false;
  }
  return blocks;
}
