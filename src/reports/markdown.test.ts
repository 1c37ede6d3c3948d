import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';

describe('narrative Markdown', () => {
  it('reads paragraphs, emphasis, links, lists and quotes', () => {
    const blocks = parseMarkdown('Some *words* and **more** [site](https://itu.int).\n\n1. one\n2. two\n   - nested\n\n> quoted');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [{ text: 'Some ' }, { text: 'words', italic: true }, { text: ' and ' }, { text: 'more', bold: true }, { text: ' ' }, { text: 'site', href: 'https://itu.int' }, { text: '.' }],
      },
      {
        kind: 'list',
        ordered: true,
        start: 1,
        items: [
          [{ kind: 'paragraph', inlines: [{ text: 'one' }] }],
          [{ kind: 'paragraph', inlines: [{ text: 'two' }] }, { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', inlines: [{ text: 'nested' }] }]] }],
        ],
      },
      { kind: 'quote', blocks: [{ kind: 'paragraph', inlines: [{ text: 'quoted' }] }] },
    ]);
  });

  it('keeps raw HTML and scripts as plain text, and drops links that are not web or mail addresses', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', inlines: [{ text: '<script>alert(1)</script>' }] }]);
    expect(parseMarkdown('Hi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi)')).toEqual([
      { kind: 'paragraph', inlines: [{ text: 'Hi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi)' }] },
    ]);
    expect(parseMarkdown('<div onclick="x">\nblock\n</div>')[0]).toEqual({ kind: 'paragraph', inlines: [{ text: '<div onclick="x"> block </div>' }] });
  });

  it('keeps line breaks and code as they are', () => {
    expect(parseMarkdown('line one  \nline two')).toEqual([{ kind: 'paragraph', inlines: [{ text: 'line one' }, { text: 'line two', break: true }] }]);
    expect(parseMarkdown('```\na <b>\n\nb\n```')).toEqual([
      { kind: 'paragraph', inlines: [{ text: 'a <b>', code: true }, { text: ' ', code: true, break: true }, { text: 'b', code: true, break: true }] },
    ]);
    expect(parseMarkdown('')).toEqual([]);
  });
});
