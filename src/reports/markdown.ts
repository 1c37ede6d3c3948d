/**
 * Narrative Markdown into the report tree's blocks. CommonMark with raw HTML off: `<script>` and
 * any other tag stay literal text, which every renderer then escapes for its format; nothing of
 * the input is ever passed through as markup. Links keep only http(s) and mailto targets.
 */
import type MarkdownIt from 'markdown-it';
import { createRequire } from 'node:module';
import type { Block, Inline } from './tree.ts';

type Token = ReturnType<MarkdownIt['parse']>[number];

let parser: MarkdownIt | null = null;
/** The parser, loaded with the first narrative: most requests never need it (start-up, issue 19). */
function markdown(): MarkdownIt {
  if (!parser) {
    const Parser = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
    parser = new Parser('commonmark', { html: false, linkify: false, typographer: false });
  }
  return parser;
}

/** Narrative text longer than this is refused at the API; the parser never sees more. */
export const MARKDOWN_MAX = 50_000;

const SAFE_LINK = /^(https?:|mailto:)/i;

function inlines(children: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  let pendingBreak = false;
  const push = (text: string, extra: Partial<Inline> = {}) => {
    if (text === '') return;
    const inline: Inline = { text };
    if (bold > 0) inline.bold = true;
    if (italic > 0) inline.italic = true;
    if (href) inline.href = href;
    if (pendingBreak) inline.break = true;
    pendingBreak = false;
    out.push({ ...inline, ...extra });
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
        push(token.content);
        break;
      case 'code_inline':
        push(token.content, { code: true });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        pendingBreak = true;
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open': {
        const target = token.attrGet('href') ?? '';
        href = SAFE_LINK.test(target) ? target : null;
        break;
      }
      case 'link_close':
        href = null;
        break;
      case 'image':
        push(token.content);
        break;
      default:
        if (token.content) push(token.content);
    }
  }
  // Adjacent runs with the same marks read as one.
  return out.reduce<Inline[]>((merged, inline) => {
    const last = merged.at(-1);
    if (last && !inline.break && last.bold === inline.bold && last.italic === inline.italic && last.code === inline.code && last.href === inline.href) {
      last.text += inline.text;
    } else {
      merged.push({ ...inline });
    }
    return merged;
  }, []);
}

/** Reads blocks from `tokens[start]` until the closing token type `until`; returns them and where it stopped. */
function blocks(tokens: readonly Token[], start: number, until: string | null): { blocks: Block[]; next: number } {
  const out: Block[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (until !== null && token.type === until) return { blocks: out, next: i + 1 };
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const content = tokens[i + 1];
        const parsed = content?.type === 'inline' ? inlines(content.children ?? []) : [];
        if (parsed.length > 0) out.push({ kind: token.type === 'heading_open' ? 'subheading' : 'paragraph', inlines: parsed });
        i += 3;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Block[][] = [];
        i += 1;
        while (i < tokens.length && tokens[i]!.type !== close) {
          if (tokens[i]!.type === 'list_item_open') {
            const item = blocks(tokens, i + 1, 'list_item_close');
            items.push(item.blocks);
            i = item.next;
          } else {
            i += 1;
          }
        }
        out.push({ kind: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) || 1 : 1, items });
        i += 1;
        break;
      }
      case 'blockquote_open': {
        const quote = blocks(tokens, i + 1, 'blockquote_close');
        out.push({ kind: 'quote', blocks: quote.blocks });
        i = quote.next;
        break;
      }
      case 'fence':
      case 'code_block':
      case 'html_block':
        if (token.content.trim() !== '') {
          const lines = token.content.replace(/\n$/, '').split('\n');
          out.push({ kind: 'paragraph', inlines: lines.map((line, n) => ({ text: line || ' ', code: true, ...(n > 0 ? { break: true } : {}) })) });
        }
        i += 1;
        break;
      default:
        i += 1;
    }
  }
  return { blocks: out, next: i };
}

export function parseMarkdown(text: string): Block[] {
  return blocks(markdown().parse(text.slice(0, MARKDOWN_MAX), {}), 0, null).blocks;
}
