/** What the open data's API routes may be asked and answer (the IATI file reads the site's filter by hand). */
import { z } from 'zod';
import { languageParam } from '#src/platform/i18n.ts';

export const yearQuery = z
  .object({
    year: z.coerce.number().int().min(1900).max(2200).describe('The year counted'),
    lang: languageParam,
  })
  .strict();

export const yearCountsResponse = z.object({
  year: z.number().int(),
  counts: z.array(
    z.object({
      month: z.number().int().describe('1–12 the month the activities start in; 0 those dated by the whole year only'),
      region: z.string().describe('Region of the offices (an activity of offices in two regions counts in each)'),
      count: z.number().int(),
    }),
  ),
});
export type YearCountsResponse = z.infer<typeof yearCountsResponse>;
