import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_ISSUE_CODES } from '#src/platform/errors.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { LOCALES_DIR, allMessages, placeholdersOf, translator } from '#src/platform/messages.ts';

describe('the UI catalogue', () => {
  const messages = allMessages();
  const englishKeys = Object.keys(messages.en).sort();

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English key, no other key, and the same placeholders', (language) => {
    const own = messages[language];
    expect(Object.keys(own).sort()).toEqual(englishKeys);
    for (const key of englishKeys) expect(placeholdersOf(own[key] ?? ''), `${language} ${key}`).toEqual(placeholdersOf(messages.en[key] ?? ''));
  });

  it('has no empty message and every key starts with its file name', () => {
    for (const language of LANGUAGES) {
      for (const file of readdirSync(join(LOCALES_DIR, language))) {
        const area = file.replace(/\.json$/, '');
        const keys = Object.keys(messages[language]).filter((key) => key.startsWith(`${area}.`));
        expect(keys.length, `${language}/${file}`).toBeGreaterThan(0);
      }
      for (const [key, value] of Object.entries(messages[language])) expect(value.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('words every field issue code and every reason an activity is due, with no other', () => {
    const fieldErrors = englishKeys.filter((key) => key.startsWith('app.fieldError.')).map((key) => key.slice('app.fieldError.'.length));
    expect(fieldErrors.sort()).toEqual(Object.keys(FIELD_ISSUE_CODES).sort());
  });

  it('fills placeholders and refuses unknown keys', () => {
    expect(translator('fr').t('common.notTranslated', { language: 'anglais' })).toBe('non traduit ; affiché en anglais');
    expect(translator('ar').direction).toBe('rtl');
    expect(() => translator('en').t('common.noSuchKey')).toThrow(/common.noSuchKey/);
  });
});
