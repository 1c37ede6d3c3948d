import { describe, expect, it } from 'vitest';
import { bodyOf, emptyDraft, mergeDrafts, openClashes, patchOf, withOriginal, withoutTranslation, withTranslation, type Draft } from './draft-model.ts';

const base: Draft = { ...emptyDraft('en', 'addis-ababa'), title: { en: 'Forum on inclusion', fr: 'Forum sur l’inclusion' }, languages: ['en', 'fr'], status: 'planned', participants: '' };

describe('the texts of a draft, language by language', () => {
  it('moves only the mark of the original when "Written in" changes: no text changes language', () => {
    const french = withOriginal(base, 'fr');
    expect(french.originalLanguage).toBe('fr');
    expect(french.languages).toEqual(['fr', 'en']);
    expect(bodyOf(french).title).toEqual({ en: 'Forum on inclusion', fr: 'Forum sur l’inclusion' });
    // A language with no text yet becomes the original with an empty field, the English left where it was.
    const spanish = withOriginal(base, 'es');
    expect(spanish.title.es).toBeUndefined();
    expect(bodyOf(spanish).title).toEqual({ en: 'Forum on inclusion', fr: 'Forum sur l’inclusion' });
  });

  it('adds an empty translation and removes one with its texts only when asked, never the original', () => {
    const withRussian = withTranslation(base, 'ru');
    expect(withRussian.languages).toEqual(['en', 'fr', 'ru']);
    expect(bodyOf(withRussian).title).toEqual(base.title);
    const withoutFrench = withoutTranslation({ ...base, description: { en: 'Forty experts.', fr: 'Quarante experts.' } }, 'fr');
    expect(patchOf(withoutFrench, 3)).toMatchObject({ title: { en: 'Forum on inclusion' }, description: { en: 'Forty experts.' }, version: 3 });
    expect(withoutTranslation(base, 'en')).toBe(base);
  });

  it('clears an emptied description on PATCH rather than leaving the stored one', () => {
    expect(patchOf({ ...base, description: { en: '  ' } }, 2)).toMatchObject({ description: null, outcome: null });
  });

  it('saves a body typed into the finder without "Add"', () => {
    expect(bodyOf({ ...base, bodies: ['SG12'], pendingBody: ' SG13 ' }).bodies).toEqual(['SG12', 'SG13']);
    expect(bodyOf({ ...base, bodies: ['SG13'], pendingBody: 'SG13' }).bodies).toEqual(['SG13']);
  });
});

describe('merging after a conflict, against the version the user started from', () => {
  it('takes what only the other person changed, keeps what only the user changed, and names the fields both changed', () => {
    const mine: Draft = { ...base, participants: '40', title: { ...base.title, en: 'Forum on digital inclusion' }, description: { en: 'Mine.' } };
    const theirs: Draft = { ...base, status: 'confirmed', sectors: ['ITU-T'], title: { ...base.title, fr: 'Forum sur l’inclusion numérique' }, description: { en: 'Theirs.' } };
    const merge = mergeDrafts(base, mine, theirs);
    expect(merge.draft).toMatchObject({
      participants: '40',
      status: 'confirmed',
      sectors: ['ITU-T'],
      // The same text merged per language: my English, their French.
      title: { en: 'Forum on digital inclusion', fr: 'Forum sur l’inclusion numérique' },
      description: { en: 'Mine.' },
    });
    expect(merge.taken.sort()).toEqual(['sectors', 'status', 'title']);
    expect(merge.clashes).toEqual(['description']);
    expect(openClashes(merge.clashes, merge.draft, theirs)).toEqual(['description']);
    expect(openClashes(merge.clashes, { ...merge.draft, description: theirs.description }, theirs)).toEqual([]);
  });

  it('lists nothing as the user\'s when the user changed nothing, and keeps a translation the other person added', () => {
    const theirs: Draft = { ...base, languages: ['en', 'fr', 'es'], title: { ...base.title, es: 'Foro sobre la inclusión' } };
    const merge = mergeDrafts(base, base, theirs);
    expect(merge.clashes).toEqual([]);
    expect(merge.draft.languages).toEqual(['en', 'fr', 'es']);
    expect(merge.draft.title.es).toBe('Foro sobre la inclusión');
  });

  it('keeps a translation the user removed out of the merge when the other person left it alone', () => {
    const mine = withoutTranslation(base, 'fr');
    const merge = mergeDrafts(base, mine, { ...base, status: 'held' });
    expect(merge.draft.languages).toEqual(['en']);
    expect(merge.draft.title).toEqual({ en: 'Forum on inclusion' });
    expect(merge.draft.status).toBe('held');
  });
});
