/**
 * The BDT region a place is read into: the registry's table of member states by region
 * (`registry/countries.ts`, from data/reference/countries.json), the one the register uses too.
 */
import { regionOfCountry as memberStateRegion } from '#src/registry/countries.ts';
import type { RegionCode } from '#src/registry/reference.ts';

/** The BDT region of a country (ISO 3166 alpha-2), or null for a territory or no country. */
export const regionOfCountry = (country: string): RegionCode | null => memberStateRegion(country)?.region ?? null;
