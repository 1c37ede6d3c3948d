/** What of vacancies and nominations leaves the server (to signed-in users only), in the requested language. */
import type { Language } from '#src/platform/i18n.ts';
import { countryName } from '#src/registry/countries.ts';
import { localise, type Body } from '#src/registry/model.ts';
import type { Nomination, Outreach, Position, VacancyOverview } from './model.ts';
import type { NominationResponse, OutreachResponse, OverviewResponse, PositionResponse } from './schemas.ts';
import type { PositionView } from './service.ts';

export function presentPosition(view: PositionView, bodies: ReadonlyMap<string, Body>, language: Language): PositionResponse {
  const { position, mark } = view;
  const body = bodies.get(position.body);
  return { ...position, bodyName: body ? localise(body.names, language).text : position.body, ...mark, nominations: view.nominations };
}

export function presentOutreach(outreach: Outreach, language: Language): OutreachResponse {
  return { ...outreach, countryName: countryName(outreach.country, language, 'display') };
}

export function presentNomination(nomination: Nomination, language: Language): NominationResponse {
  return { ...nomination, countryName: countryName(nomination.country, language, 'display') };
}

export function presentOverview(
  { overview, views }: { overview: VacancyOverview; views: ReadonlyMap<string, PositionView> },
  bodies: ReadonlyMap<string, Body>,
  language: Language,
): OverviewResponse {
  const viewOf = (position: Position): PositionView => views.get(position.id) ?? { position, mark: { version: 1, editedAt: null, editedBy: null }, nominations: 0 };
  return {
    studyPeriod: overview.studyPeriod,
    positions: overview.positions,
    vacant: overview.vacant.map((p) => presentPosition(viewOf(p), bodies, language)),
    regions: overview.regions.map((r) => ({
      region: r.region,
      countries: r.countries.map((c) => ({ ...c, countryName: countryName(c.country, language, 'display') })),
    })),
  };
}
