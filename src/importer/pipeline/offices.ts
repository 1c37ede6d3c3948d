/**
 * Sections' offices: where the office is based, who leads it, which office a region's is.
 */
import { type Office } from '#src/registry/model.ts';
import { type RegionCode } from '#src/registry/reference.ts';
import { type ImportContext } from '../model.ts';
import { type Indexes } from './indexes.ts';

export const BASED_IN =
  /\b(?:is|are|remains|has\s+been)\s+(?:\w+\s+)?(?:based|located|situated|headquartered)\s+(?:in|at)\s+|\best\s+(?:bas[ée]e?|situ[ée]e?|install[ée]e?|implant[ée]e?)\s+(?:à|a|au|en)\s+|\b(?:tiene\s+su\s+sede|se\s+encuentra)\s+en\s+|\best[áa]\s+(?:ubicad[oa]|situad[oa]|basad[oa])\s+en\s+/i;
export const LED_BY =
  /\b(?:is|are)\s+(?:\w+\s+)?(?:led|headed|directed|managed)\s+by\s+|\bunder\s+the\s+leadership\s+of\s+|\best\s+dirig[ée]e?\s+par\s+|\best[áa]\s+dirigid[oa]\s+por\s+/i;
export const HONORIFICS: Record<string, string> = {
  mr: 'Mr',
  mrs: 'Mrs',
  ms: 'Ms',
  miss: 'Ms',
  dr: 'Dr',
  prof: 'Prof',
  m: 'Mr',
  mme: 'Mrs',
  mlle: 'Ms',
  sr: 'Mr',
  sra: 'Mrs',
  srta: 'Ms',
  eng: 'Eng',
};

export function readHead(text: string): { honorific: string | null; name: string } | null {
  const m = LED_BY.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
  const h = /^(Mr|Mrs|Ms|Miss|Dr|Prof|M|Mme|Mlle|Sr|Sra|Srta|Eng)\.?\s+/.exec(rest);
  const afterHonorific = h ? rest.slice(h[0].length) : rest;
  const name = /^(?:\p{Lu}[\p{L}'’-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|(?:van|von|de|da|del|di|le|la|bin|al|el)(?=\s+\p{Lu}))){0,5}/u.exec(afterHonorific);
  if (!name) return null;
  const written = name[0].replace(/\.$/, (dot) => (/\s\p{Lu}\.$/u.test(name[0]) ? dot : '')).trim();
  if (written === '') return null;
  return { honorific: h ? (HONORIFICS[h[1]!.toLowerCase()] ?? h[1]!) : null, name: written };
}

export function readCity(text: string, ix: Indexes): { city: string; offices: Office[] } | null {
  const m = BASED_IN.exec(text);
  if (!m) return null;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 100);
  const phrase = after.split(/\s+(?:and|et|y)\s+|[,.;]/)[0]?.trim() ?? '';
  const hit = ix.officeCities.scan(phrase)[0];
  if (hit) return { city: hit.text, offices: hit.values };
  const written = /^(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})/u.exec(phrase);
  return written?.[1] ? { city: written[1], offices: [] } : null;
}

export function activeOn(o: Office, period: { start: string; end: string } | null): boolean {
  if (!period) return o.closedOn === null;
  return (o.openedOn === null || o.openedOn <= period.end) && (o.closedOn === null || o.closedOn >= period.start);
}

export function pickOffice(candidates: Office[], region: RegionCode | null, period: { start: string; end: string } | null): Office | null {
  const ranked = [...candidates].sort((a, b) => {
    const score = (o: Office) =>
      (region !== null && o.region === region ? 0 : 4) + (o.kind === 'headquarters' ? 2 : 0) + (activeOn(o, period) ? 0 : 1);
    return score(a) - score(b);
  });
  const best = ranked[0];
  if (!best) return null;
  if (region !== null && best.region !== region) return null;
  return best;
}

export function regionalOffice(region: RegionCode, context: ImportContext, period: { start: string; end: string } | null): Office | null {
  const offices = (Array.isArray(context.offices) ? context.offices : []).filter((o) => o.region === region && o.kind !== 'headquarters');
  const order = (o: Office) => (o.kind === 'regional' ? 0 : o.kind === 'europe' ? 1 : 2) + (activeOn(o, period) ? 0 : 3);
  return offices.sort((a, b) => order(a) - order(b))[0] ?? null;
}
