/**
 * Reader of regions: the region an activity's own words put it in, and where that came from.
 * In order: the place it was held (city or country → the country's BDT region), a region
 * named in the sentence ("for the Asia-Pacific region", "pour l'Afrique centrale"), a regional
 * body (ATU, CITEL, APT, CEPT, RCC, the Arab group, a study group's regional group), an
 * office the sentence names, then any member state it names. A heading only gives a default
 * (the reader's), which any of these overrides.
 */
import type { RegionCode } from '#src/registry/reference.ts';
import type { RegionSource } from '../model.ts';
import { countriesNamedIn } from './countries.ts';
import type { Indexes } from './indexes.ts';
import { regionOfCountry } from './member-states.ts';
import type { Place } from './places.ts';

export interface RegionReading {
  region: RegionCode;
  from: RegionSource;
  /** The country that gave it, when a place or a country did. */
  country: string | null;
}

/** Conferences and assemblies of the whole Union: their venue says nothing of a region. */
export const GLOBAL_CONFERENCE = /\b(?:WTSA|WTDC|WRC|PP|RA|WCIT|WTPF|WSIS)[-\s]?\d{2}\b|\bWorld\s+(?:Telecommunication|Radiocommunication)\s+(?:Standardization\s+Assembly|Development\s+Conference|Conference)\b|\bPlenipotentiary\s+Conference\b/;

export function regionFromContent(text: string, place: Place | null, bodies: string[], ix: Indexes): RegionReading | null {
  const global = GLOBAL_CONFERENCE.test(text);
  const placeRegion = place?.country && !global ? regionOfCountry(place.country) : null;
  if (placeRegion && ix.regionCodes.has(placeRegion)) return { region: placeRegion, from: 'place', country: place!.country };
  const named = ix.regions.scan(text)[0]?.values[0];
  if (named) return { region: named, from: 'region-named', country: null };
  for (const code of bodies) {
    const body = ix.bodyByCode.get(code);
    if (body?.region && (body.type === 'regional-group' || body.type === 'regional-organisation')) return { region: body.region, from: 'body', country: null };
  }
  const office = ix.officeNames.scan(text)[0]?.values.find((o) => o.kind !== 'headquarters');
  if (office) return { region: office.region, from: 'office', country: null };
  for (const hit of countriesNamedIn(text)) {
    const region = regionOfCountry(hit.code);
    if (region && ix.regionCodes.has(region)) return { region, from: 'country', country: hit.code };
  }
  return null;
}
