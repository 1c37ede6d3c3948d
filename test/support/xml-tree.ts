/**
 * XML read strictly (saxes, as a feed reader or a publisher's validator reads it: any error
 * throws) into a small tree, for tests that check elements, attributes and their order.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's). */
  text: string;
}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.name, attributes, children: [], text: '' };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('text', (t) => {
    open.at(-1)!.text += t;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(text).close();
  if (root.children.length !== 1) throw new Error(`expected one root element, found ${root.children.length}`);
  return root.children[0]!;
}

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>, expected one`);
  return found[0]!;
}

/** The narratives of an element by their xml:lang. */
export const narrativesOf = (element: XmlElement): Record<string, string> =>
  Object.fromEntries(childrenNamed(element, 'narrative').map((n) => [n.attributes['xml:lang'] ?? '', n.text]));

/** The element and every element under it, in document order. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}
