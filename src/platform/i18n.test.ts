import { describe, expect, it } from 'vitest';
import { pickLanguage } from './i18n.ts';

describe('pickLanguage', () => {
  it('prefers the explicit language', () => expect(pickLanguage('ar', 'fr-FR,fr;q=0.9')).toBe('ar'));
  it('reads Accept-Language by quality', () => expect(pickLanguage(undefined, 'de;q=1, es;q=0.5, ru;q=0.8')).toBe('ru'));
  it('maps regional tags to their language', () => expect(pickLanguage(undefined, 'zh-CN')).toBe('zh'));
  it('falls back to English', () => {
    expect(pickLanguage(undefined, 'de-DE')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
    expect(pickLanguage(undefined, 'fr;q=0')).toBe('en');
  });
});
