/**
 * The demo's outreach and nominations. The seed report says the Regional Office for Africa
 * "consulted countries and encouraged them to propose nominations for relevant and vacant
 * positions in TSAG and Study Groups" (January – August 2020), ahead of WTSA-20, which elects
 * TSAG's leadership for the next study period (data/reference/positions.json: TSAG 2022-2024,
 * holder unconfirmed). The seed names no country, day or candidate: the demo records the office
 * encouraging two countries where it supported events that year (Nigeria: Abuja; Chad:
 * Ndjamena) and one nomination that followed, each saying in its own words that it is demo data.
 * Made through the vacancies service as the seed loader, so each outreach is also a consultation
 * in the register. Idempotent: an office that has outreach already is left as it is.
 */
import type { Actor } from '#src/platform/access.ts';
import type { Nomination, Outreach } from './model.ts';
import type { VacancyService } from './service.ts';

export const DEMO_OFFICE = 'addis-ababa';
const BODY = 'TSAG';
const STUDY_PERIOD = '2022-2024';
const COUNTRIES = ['NG', 'TD'] as const;
/** Illustrative: within the report's January – August 2020. */
const ON = '2020-06-15';
export const DEMO_OUTREACH_NOTE =
  'Demo record. The seed report says the Regional Office for Africa consulted countries and encouraged them to propose nominations for relevant and vacant positions in TSAG and Study Groups (January – August 2020); the country and the day here are illustrative.';
export const DEMO_CANDIDATE = 'Demo candidate (illustrative, not a real nomination)';

export async function seedDemoOutreach(vacancies: VacancyService, actor: Actor): Promise<{ outreach: Outreach[]; nomination: Nomination } | null> {
  if ((await vacancies.listOutreach(actor, { office: DEMO_OFFICE })).length > 0) return null;
  const [chair] = (await vacancies.listPositions(actor, { studyPeriod: STUDY_PERIOD, body: BODY })).filter((p) => p.position.role === 'chair');
  if (!chair) return null;
  const outreach: Outreach[] = [];
  for (const country of COUNTRIES) {
    outreach.push(
      await vacancies.recordOutreach(
        actor,
        { office: DEMO_OFFICE, country, kind: 'encouraged-to-nominate', body: BODY, studyPeriod: STUDY_PERIOD, position: chair.position.id, on: ON, note: DEMO_OUTREACH_NOTE },
        'en',
      ),
    );
  }
  const nomination = await vacancies.recordNomination(actor, {
    office: DEMO_OFFICE,
    country: COUNTRIES[0],
    position: chair.position.id,
    candidate: DEMO_CANDIDATE,
    outreach: outreach[0]!.id,
    on: '2020-08-31',
    state: 'proposed',
  });
  return { outreach, nomination };
}
