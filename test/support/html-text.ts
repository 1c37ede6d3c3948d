/** A reader of HTML for tests: the text a person sees on a page, and the elements it holds. */
import { DomUtils, parseDocument } from 'htmlparser2';

/** The text of an HTML page as a reader sees it, whitespace collapsed (what mammoth's text is compared with). */
export function htmlText(html: string): string {
  const document = parseDocument(html);
  const body = DomUtils.findOne((e) => e.name === 'body', document.children) ?? document;
  const parts: string[] = [];
  const walk = (node: ReturnType<typeof parseDocument>['children'][number] | typeof document): void => {
    if (node.type === 'text') parts.push(node.data);
    if ('name' in node && node.name === 'br') parts.push(' ');
    if ('children' in node) {
      for (const child of node.children) walk(child);
      parts.push(' ');
    }
  };
  walk(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export interface FoundElement {
  attribs: Record<string, string>;
  /** The text a reader sees in it, whitespace collapsed. */
  text: string;
}

/** The elements named `name` in an HTML text, in document order. */
export function elementsOf(html: string, name: string): FoundElement[] {
  return DomUtils.findAll((e) => e.name === name, parseDocument(html).children).map((e) => ({
    attribs: e.attribs,
    text: DomUtils.textContent(e).replace(/\s+/g, ' ').trim(),
  }));
}
