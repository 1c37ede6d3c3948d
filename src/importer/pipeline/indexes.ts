/**
 * The registry (offices, bodies, regions) as phrase indexes, built once per import context.
 */
import { type Body, type Office, type Region } from '#src/registry/model.ts';
import { type RegionCode } from '#src/registry/reference.ts';
import { type ImportContext } from '../model.ts';
import { PhraseIndex } from './text.ts';

export interface Indexes {
  bodies: PhraseIndex<Body>;
  bodyByCode: Map<string, Body>;
  /** Sector code by the words that name it, its bureau or its advisory group. */
  sectors: PhraseIndex<string>;
  sectorOrder: string[];
  officeCities: PhraseIndex<Office>;
  officeNames: PhraseIndex<Office>;
  regions: PhraseIndex<RegionCode>;
  regionCodes: Set<RegionCode>;
  /** Results of reading texts against these indexes, by text (items repeat across imports). */
  memo: Map<string, unknown>;
}

export const indexCache = new WeakMap<object, Indexes>();

export const REGION_EXTRA: Record<RegionCode, string[]> = {
  AFR: ['Africa', 'African region', 'Africa region'],
  AMS: ['Americas', 'Americas region', 'America', 'Latin America and the Caribbean'],
  ARB: ['Arab States', 'Arab states', 'Arab region', 'Arab Region'],
  ASP: ['Asia and the Pacific', 'Asia-Pacific', 'Asia Pacific', 'Asia and Pacific'],
  CIS: ['CIS', 'Commonwealth of Independent States', 'CIS region', 'СНГ'],
  EUR: ['Europe'],
};

export function indexesOf(context: ImportContext): Indexes {
  const cached = indexCache.get(context);
  if (cached) return cached;
  const bodies = new PhraseIndex<Body>();
  const sectors = new PhraseIndex<string>();
  const bodyList = Array.isArray(context.bodies) ? context.bodies : [];
  const bodyByCode = new Map(bodyList.map((b) => [b.code, b]));
  const sectorOf = (b: Body): string | null => {
    if (b.type === 'sector') return b.code;
    if ((b.type === 'bureau' || b.type === 'advisory-group') && b.parent && bodyByCode.get(b.parent)?.type === 'sector') return b.parent;
    return null;
  };
  const isCodeLike = (s: string) => !/\p{Ll}/u.test(s);
  for (const b of bodyList) {
    const sector = sectorOf(b);
    if (sector !== null) {
      if (isCodeLike(b.code) && b.code.length >= 3) sectors.add(b.code, sector, true);
      for (const alias of b.aliases ?? []) sectors.add(alias, sector, isCodeLike(alias));
      for (const name of Object.values(b.names ?? {})) if (name) sectors.add(name, sector, false);
    }
    if (b.type === 'sector' || b.type === 'bureau') continue;
    if (isCodeLike(b.code) && b.code.length >= 3) bodies.add(b.code, b, true);
    for (const alias of b.aliases ?? []) if (alias.length >= 3) bodies.add(alias, b, isCodeLike(alias));
    // Study groups' names are short titles ("Security", "Multimedia"): too common to match.
    if (b.type !== 'study-group') for (const name of Object.values(b.names ?? {})) if (name && name.length >= 6) bodies.add(name, b, false);
  }
  const sectorOrder = bodyList.filter((b) => b.type === 'sector').map((b) => b.code);

  const officeCities = new PhraseIndex<Office>();
  const officeNames = new PhraseIndex<Office>();
  const officeList = Array.isArray(context.offices) ? context.offices : [];
  for (const o of officeList) {
    for (const city of Object.values(o.cityNames ?? {})) if (city) officeCities.add(city, o, false);
    for (const name of Object.values(o.names ?? {})) if (name) officeNames.add(name, o, false);
  }
  const regions = new PhraseIndex<RegionCode>();
  const regionList = Array.isArray(context.regions) ? context.regions : [];
  const regionCodes = new Set(regionList.map((r) => r.code));
  for (const r of regionList) {
    for (const name of Object.values(r.names ?? {})) if (name) regions.add(name, r.code, false);
    for (const extra of REGION_EXTRA[r.code] ?? []) regions.add(extra, r.code, extra === 'CIS');
  }
  const built: Indexes = { bodies, bodyByCode, sectors, sectorOrder, officeCities, officeNames, regions, regionCodes, memo: new Map() };
  indexCache.set(context, built);
  return built;
}
