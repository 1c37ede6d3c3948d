import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { testActivity } from '../../test/support/factories.ts';
import { htmlText } from '../../test/support/html-text.ts';
import { context, definition } from '../../test/support/report-fixtures.ts';

const HOSTILE = 'Hello <script>alert("x")</script> & <img src=x onerror=alert(1)> | `tick` *star* # 1. [x](javascript:alert(1))';

const tree = (language: 'en' | 'ar' = 'en') =>
  buildReport(
    definition({
      header: { ...definition().header, documentNumber: 'TD 120 <Rev.1>', contacts: [{ name: 'Jane Doe', organisation: 'TSB', country: null, tel: '+41 22 730 0000', email: 'jane@itu.int' }] },
      narrative: [
        { key: 'introduction', title: null, markdown: `${HOSTILE}\n\n- one\n- two  \n  second line\n\n> quoted **bold**` },
        { key: 'mandate', title: null, markdown: null },
      ],
    }),
    context([testActivity({ date: { text: '3 March 2020', start: '2020-03-03', end: '2020-03-03' }, description: { en: `Item with ${HOSTILE}` } })]),
    language,
  );

describe('renderers', () => {
  it('HTML: one standalone page, every text escaped, nothing executable', () => {
    const html = renderHtml(tree(), 'en');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(html).not.toMatch(/<script|<img|<a href="javascript/i);
    expect(html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('TD 120 &lt;Rev.1&gt;');
    expect(html).not.toMatch(/(src|href)="(?!mailto:)/);
    expect(htmlText(html)).toContain('Hello <script>alert("x")</script> & <img src=x onerror=alert(1)>');
    expect(renderHtml(tree('ar'), 'ar')).toContain('<html lang="ar" dir="rtl">');
  });

  it('Markdown: means exactly the tree when read back', () => {
    const md = renderMarkdown(tree(), 'en');
    const back = new MarkdownIt('commonmark', { html: false }).render(md);
    expect(back).not.toMatch(/<script|<img|href="javascript/i);
    expect(md).toContain('## 3 Africa – Regional Office for Africa');
    expect(md).toContain('1. Item with Hello \\<script\\>');
    const text = htmlText(`<html><body>${back}</body></html>`);
    expect(text).toContain(`Item with ${HOSTILE}`);
    expect(text).toContain('| `tick` *star* # 1.');
  });

  it('DOCX: a Word file whose text, read back with mammoth, is the HTML version\'s text', async () => {
    for (const language of ['en', 'ar'] as const) {
      const t = tree(language);
      const docx = await renderDocx(t, language);
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      const raw = (await mammoth.extractRawText({ buffer: docx })).value.replace(/\s+/g, ' ').trim();
      expect(raw).toBe(htmlText(renderHtml(t, language)));
    }
    const { value, messages } = await mammoth.convertToHtml({ buffer: await renderDocx(tree(), 'en') });
    expect(messages).toEqual([]);
    expect(value).toContain('<h1><strong>3\tAfrica – Regional Office for Africa</strong></h1>');
    expect(value).toMatch(/<ol><li>Item with Hello &lt;script&gt;/);
  });

  it('lays out a table block in every format, its cells escaped', async () => {
    const base = tree();
    const withTable = {
      ...base,
      sections: [
        ...base.sections,
        { number: 9, title: 'Annex', kind: 'narrative' as const, blocks: [{ kind: 'table' as const, caption: 'T.2-1 Bridging the gap', columns: ['Office', 'Activity'], rows: [['Moscow', HOSTILE]] }] },
      ],
    };
    const html = renderHtml(withTable, 'en');
    expect(html).toMatch(/<table class="annex">\n<caption dir="auto">T\.2-1 Bridging the gap<\/caption>\n<thead><tr><th scope="col">Office<\/th><th scope="col">Activity<\/th><\/tr><\/thead>/);
    expect(html).not.toContain('<script>');
    const md = renderMarkdown(withTable, 'en');
    const rendered = new MarkdownIt().render(md);
    expect(rendered).toMatch(/<table>[\s\S]*<th>Office<\/th>[\s\S]*<td>Moscow<\/td>/);
    expect(rendered).not.toContain('<script>');
    const { value } = await mammoth.convertToHtml({ buffer: await renderDocx(withTable, 'en') });
    expect(value).toMatch(/<p><strong>T\.2-1 Bridging the gap<\/strong><\/p><table>(<thead>)?<tr><t[hd]><p><strong>Office<\/strong><\/p><\/t[hd]><t[hd]><p><strong>Activity<\/strong><\/p><\/t[hd]><\/tr>(<\/thead>)?(<tbody>)?<tr><td><p>Moscow<\/p><\/td>/);
  });
});
