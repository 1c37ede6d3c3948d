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
  /\b(Africa|Afrique|África|Americas|Amériques|Américas|Arab States|États arabes|Estados Árabes|Asia and the Pacific|Asia[- ]Pacific|Asie-Pacifique|Asia-Pacífico|Commonwealth of Independent States|CIS|Europe|Europa)\b/;

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

/**
 * Cuts plain text into blocks, one per non-blank line: "4<TAB>Africa – …" headings (numbered
 * after the previous heading, short, not inside a list), numbered items ("1<TAB>", " 3<TAB>",
 * "1. ", "a) "), bullets ("·", "•", "-"), and paragraphs. Word's "[bookmark: …]" artefacts go.
 */
export function textToBlocks(text: string): Block[] {
  const source = typeof text === 'string' ? text : '';
  const lines = source.split(/\r\n|\n|\r|\u2028|\u2029/);
  const blocks: Block[] = [];
  let lastHeading: number[] | null = null;
  let previousWasItem = false;
  let previousNonBlank = '';
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] ?? '').replace(BOOKMARK, '').replace(CONTROL, ' ');
    const line = index + 1;
    if (raw.trim() === '') {
      previousWasItem = false;
      continue;
    }
    const afterLeadIn = /:\s*$/.test(previousNonBlank);
    previousNonBlank = raw;

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
      blocks.push({ kind: 'list-item', number: numbered[1]!, text: cleanText(numbered[2]!), line });
      previousWasItem = true;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      blocks.push({ kind: 'list-item', text: cleanText(bullet[1]!), line });
      previousWasItem = true;
      continue;
    }
    const body = cleanText(raw);
    // An unnumbered heading: a short line on its own naming a region ("Africa – Regional Office for Africa").
    const before = index === 0 || (lines[index - 1] ?? '').trim() === '';
    const next = (lines[index + 1] ?? '').trim() !== '';
    if (
      before &&
      next &&
      body.length <= 100 &&
      !/[.;:,!?]$/.test(body) &&
      REGION_WORDS.test(body) &&
      (body.length <= 40 || /\b(Office|Bureau|Oficina)\b/.test(body))
    ) {
      blocks.push({ kind: 'heading', level: 1, text: body, line });
      previousWasItem = false;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: body, line });
    previousWasItem = false;
  }
  return blocks;
}
