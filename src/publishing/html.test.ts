import { describe, expect, it } from 'vitest';
import { html, trustedHtml } from './html.ts';

describe('html``', () => {
  it('escapes interpolated text, including attribute quotes', () => {
    const title = '<script>alert("x")</script> & \'co\'';
    expect(html`<h1 title="${title}">${title}</h1>`.value).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1>',
    );
  });

  it('nests fragments without escaping them twice, joins arrays and drops empty values', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${false}${undefined}${3}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>3');
    expect(html`${trustedHtml('<svg></svg>')}`.value).toBe('<svg></svg>');
  });
});
