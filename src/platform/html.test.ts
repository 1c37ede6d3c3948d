import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that end text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('escapes an ampersand once, so an entity the user typed stays visible as typed', () => {
    expect(escapeHtml('&amp; &#39;')).toBe('&amp;amp; &amp;#39;');
  });

  it('drops control characters HTML text may not hold, keeping tabs and line breaks', () => {
    expect(escapeHtml('a\u0001b\u0007c\u001bd\u007fe\u0085f\tg\nh')).toBe('abcdef\tg\nh');
  });

  it('leaves other text, any script or direction, as it is', () => {
    expect(escapeHtml('Addis Ababa – أديس أبابا – 亚的斯亚贝巴')).toBe('Addis Ababa – أديس أبابا – 亚的斯亚贝巴');
  });
});
