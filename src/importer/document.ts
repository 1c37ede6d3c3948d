/**
 * Reads an uploaded document into what the parser takes: plain text as it is, a Word file
 * (through mammoth) as headings, paragraphs and list items with their numbers. A Word file is
 * checked against what an upload may unpack to before mammoth opens it (platform/zip-limits.ts).
 * mammoth is loaded on the first Word file read (in a worker thread), not when the server starts.
 */
import { Parser } from 'htmlparser2';
import { invalid, issue, tooLarge } from '#src/platform/errors.ts';
import { unpackWithinLimits } from '#src/platform/zip-limits.ts';
import type { Block } from './model.ts';
import { textToBlocks } from './pipeline/index.ts';

export type ReadDocument = { format: 'text'; text: string } | { format: 'docx'; blocks: Block[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const looksLikeZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** Text has few control characters besides tabs and line breaks; binaries have many. */
function looksLikeText(text: string): boolean {
  if (text.length === 0) return true;
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control += 1;
  }
  return control / sample.length < 0.01;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Mammoth's HTML as blocks: h1–h6 headings, paragraphs, list items numbered by their place in <ol>. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let current: { kind: Block['kind']; level?: number; number?: string; text: string } | null = null;
  let depth = 0;

  const flush = () => {
    // A plain paragraph keeps its tabs ("4<TAB>Africa – …", "1.<TAB>…"): typed numbering is read from them, as in a text file.
    if (current?.kind === 'paragraph') blocks.push({ ...current, text: current.text.replace(/[ \u00a0]+/g, ' ').trim() });
    else if (current && current.text.trim() !== '') blocks.push({ ...current, text: current.text.replace(/[ \t\u00a0]+/g, ' ').trim() });
    current = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'ol' || name === 'ul') {
          flush();
          lists.push({ ordered: name === 'ol', next: Number(attributes.start ?? 1) || 1 });
        } else if (/^h[1-6]$/.test(name)) {
          flush();
          current = { kind: 'heading', level: Number(name[1]), text: '' };
        } else if (name === 'li') {
          flush();
          const list = lists.at(-1);
          current = { kind: 'list-item', level: lists.length, text: '', ...(list?.ordered ? { number: String(list.next++) } : {}) };
          depth = 0;
        } else if (name === 'p') {
          // A paragraph inside a list item belongs to the item; an empty one is a blank line.
          if (current?.kind === 'list-item') {
            depth += 1;
            if (current.text !== '') current.text += ' ';
          } else {
            flush();
            current = { kind: 'paragraph', text: '' };
          }
        } else if (name === 'br' && current) {
          current.text += ' ';
        }
      },
      ontext(text) {
        if (current) current.text += text;
        else if (text.trim() !== '') current = { kind: 'paragraph', text };
      },
      onclosetag(name) {
        if (name === 'ol' || name === 'ul') {
          flush();
          lists.pop();
        } else if (/^h[1-6]$/.test(name) || name === 'li') {
          flush();
        } else if (name === 'p') {
          if (current?.kind === 'list-item' && depth > 0) depth -= 1;
          else flush();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/**
 * Plain paragraphs (no Word heading or list style) read as the lines of a text file, so typed
 * numbering ("4<TAB>Africa – …", "1.<TAB>…", "a) …"), typed bullets and blank lines mean in a
 * Word file what they mean in its .txt copy. Headings and Word lists stay as Word made them.
 * `line` is the paragraph's place among the document's blocks.
 */
export function retypePlainParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let run: string[] = [];
  let runStart = 0;
  const flushRun = () => {
    if (run.some((line) => line.trim() !== '')) {
      for (const block of textToBlocks(run.join('\n'))) out.push({ ...block, line: runStart + (block.line ?? 1) });
    }
    run = [];
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      if (run.length === 0) runStart = index;
      run.push(block.text);
      return;
    }
    flushRun();
    if (block.text.trim() !== '') out.push({ ...block, line: index + 1 });
  });
  flushRun();
  return out;
}

/** Reads the bytes of an upload; anything neither Word nor text is refused, naming the file. */
export async function readDocument(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  if (bytes.length === 0) throw invalid([issue('file', 'document_empty', `"${name}" is empty`, { name })], 'empty_document');
  const unreadable = (message: string) => invalid([issue('file', 'document_unreadable', message, { name })], 'unreadable_document');
  if (looksLikeZip(bytes)) {
    const unpacked = unpackWithinLimits(bytes);
    if (!unpacked.ok && unpacked.problem === 'too_large') throw tooLarge('document_unpacks_too_large', `"${name}" ${unpacked.reason}.`);
    if (!unpacked.ok) throw unreadable(`"${name}" is a zip file but not a Word document (.docx) that can be read: ${unpacked.reason}`);
    const { default: mammoth } = await import('mammoth');
    try {
      const { value } = await mammoth.convertToHtml({ buffer: unpacked.zip }, { ignoreEmptyParagraphs: false });
      return { format: 'docx', blocks: retypePlainParagraphs(htmlToBlocks(value)) };
    } catch {
      throw unreadable(`"${name}" is a zip file but not a Word document (.docx) that can be read`);
    }
  }
  const text = decodeText(bytes);
  if (!looksLikeText(text)) throw unreadable(`"${name}" is neither a Word document (.docx) nor text`);
  return { format: 'text', text };
}
