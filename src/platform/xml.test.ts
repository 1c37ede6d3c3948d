import { describe, expect, it } from 'vitest';
import { escapeXml, xmlChars } from './xml.ts';

describe('escapeXml', () => {
  it('escapes markup so a title can neither close nor open an element', () => {
    expect(escapeXml('Abuja ]]> x ]]><b>city</b> & "co" \'s')).toBe('Abuja ]]&gt; x ]]&gt;&lt;b&gt;city&lt;/b&gt; &amp; &quot;co&quot; &apos;s');
  });

  it('drops characters XML 1.0 cannot carry and keeps every other one', () => {
    expect(xmlChars('a\u0000b\u0001c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(xmlChars('tab\tline\nreturn\r – Genève 日内瓦 مرحبا 😀')).toBe('tab\tline\nreturn\r – Genève 日内瓦 مرحبا 😀');
  });
});
