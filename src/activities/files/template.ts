/**
 * Pure: the import template in one language, its headings in that language's words (which the
 * import reads back, `header-words.ts`) and one example row of a planned workshop to replace.
 * Codes stay codes (workshop, planned, addis-ababa:organised): they are what the register reads.
 */
import type { Translator } from '#src/platform/messages.ts';
import type { ImportableColumn } from './header-words.ts';
import type { Cell } from './table-format.ts';

/** The columns of the template: what a new activity needs and usually has; id and version belong to exported rows. */
export const TEMPLATE_COLUMNS = [
  'title',
  'original_language',
  'kind',
  'status',
  'visibility',
  'offices',
  'sectors',
  'bodies',
  'date_text',
  'place_mode',
  'place_city',
  'place_country',
  'participants',
  'description',
  'outcome',
  'links',
] as const satisfies readonly ImportableColumn[];

export function templateTable({ language, t }: Translator): { header: string[]; row: Cell[] } {
  const example: Record<(typeof TEMPLATE_COLUMNS)[number], Cell> = {
    title: t('sheets.template.exampleTitle'),
    original_language: language,
    kind: 'workshop',
    status: 'planned',
    visibility: 'public',
    offices: 'addis-ababa:organised',
    sectors: 'ITU-T',
    bodies: '',
    date_text: t('sheets.template.exampleDate'),
    place_mode: 'in-person',
    place_city: t('sheets.template.exampleCity'),
    place_country: 'ET',
    participants: null,
    description: t('sheets.template.exampleDescription'),
    outcome: '',
    links: '',
  };
  return { header: TEMPLATE_COLUMNS.map((column) => t(`sheets.column.${column}`)), row: TEMPLATE_COLUMNS.map((column) => example[column]) };
}
