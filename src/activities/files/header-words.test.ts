import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#src/platform/i18n.ts';
import { allMessages } from '#src/platform/messages.ts';
import { importPreviewQuery } from '../schemas.ts';
import { foldHeading, guessColumns, headerWordsOf, IMPORTABLE_COLUMNS, indexColumns } from './header-words.ts';

// The real catalogues: the test also proves no heading of any language names two columns.
const words = headerWordsOf(Object.values(allMessages()));

describe('guessing what each heading holds', () => {
  it('reads headings in French, Spanish, Russian, Arabic and Chinese, with accents, case and spacing as people write them', () => {
    expect(guessColumns(['Titre', 'Langue', 'Type', 'Bureaux', 'Date', 'Ville', 'PAYS', 'Remarques'], words)).toEqual([
      'title',
      'original_language',
      'kind',
      'offices',
      'date_text',
      'place_city',
      'place_country',
      null,
    ]);
    expect(guessColumns(['Título', 'Idioma', 'Tipo', 'Oficinas', 'Fecha', 'Ciudad', 'Pais'], words)).toEqual(['title', 'original_language', 'kind', 'offices', 'date_text', 'place_city', 'place_country']);
    expect(guessColumns(['Название', 'Язык', 'Вид', 'Отделения', 'Дата', 'Город', 'Страна'], words)).toEqual(['title', 'original_language', 'kind', 'offices', 'date_text', 'place_city', 'place_country']);
    expect(guessColumns(['العنوان', 'اللغة', 'النوع', 'المكاتب', 'التاريخ', 'المدينة'], words)).toEqual(['title', 'original_language', 'kind', 'offices', 'date_text', 'place_city']);
    expect(guessColumns(['标题', '语言', '类型', '办事处', '日期', '城市'], words)).toEqual(['title', 'original_language', 'kind', 'offices', 'date_text', 'place_city']);
  });

  it("reads the export's own column names and other usual names, a bracketed note aside", () => {
    expect(guessColumns(['id', 'Original-Language', 'date_start', 'Date de fin', 'Intitulé (obligatoire)', 'version', 'deleted_at'], words)).toEqual([
      'id',
      'original_language',
      'date_start',
      'date_end',
      'title',
      'version',
      null,
    ]);
  });

  it('gives a column to its first heading only, leaving a second one for the user to decide', () => {
    expect(guessColumns(['Title', 'Titre', 'Name'], words)).toEqual(['title', null, null]);
  });

  it('reads back the template heading of every column in every language', () => {
    for (const language of LANGUAGES) {
      const headings = IMPORTABLE_COLUMNS.map((column) => allMessages()[language][`sheets.column.${column}`]!);
      expect(guessColumns(headings, words), language).toEqual([...IMPORTABLE_COLUMNS]);
    }
  });

  it('folds case, accents, vowel marks and separators', () => {
    expect(foldHeading('  Date_de-Début ')).toBe('date de debut');
    expect(foldHeading('المعرّف')).toBe(foldHeading('المعرف'));
  });
});

describe('checking a choice of columns', () => {
  it('indexes a complete choice, and asks for a date as written or a start day', () => {
    const result = indexColumns(5, ['title', null, 'original_language', 'kind', 'offices']);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'column_missing', column: 'date_text' }] });
    const complete = indexColumns(5, ['title', 'date_start', 'original_language', 'kind', 'offices']);
    expect(complete.ok && [...complete.index]).toEqual([['title', 0], ['date_start', 1], ['original_language', 2], ['kind', 3], ['offices', 4]]);
  });

  it('names every problem at once: a column chosen twice, the required ones missing, a choice of the wrong length', () => {
    expect(indexColumns(3, ['title', 'title', null])).toEqual({
      ok: false,
      problems: [
        { code: 'column_twice', column: 'title', positions: [0, 1] },
        { code: 'column_missing', column: 'original_language' },
        { code: 'column_missing', column: 'kind' },
        { code: 'column_missing', column: 'offices' },
        { code: 'column_missing', column: 'date_text' },
      ],
    });
    expect(indexColumns(3, ['title'])).toEqual({ ok: false, problems: [{ code: 'columns_not_matching_header', given: 1, headings: 3 }] });
  });
});

describe('the columns an import may be told', () => {
  it('are the importable columns, and only those', () => {
    expect(importPreviewQuery.parse({ columns: `${IMPORTABLE_COLUMNS.join(',')},` }).columns).toEqual([...IMPORTABLE_COLUMNS, null]);
    for (const computed of ['date_precision', 'updated_at', 'deleted_at']) expect(importPreviewQuery.safeParse({ columns: `title,${computed}` }).success).toBe(false);
  });
});
