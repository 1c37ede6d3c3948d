/**
 * Reader of bodies (study groups, regional groups, conferences, organisations) and Sectors.
 */
import { compareBodies, findRegionalGroup } from '#src/registry/model.ts';
import { type ImportContext } from '../model.ts';
import { type Indexes } from './indexes.ts';
import { MAX_ANALYSED, MAX_BLOCK, remember, tokenize } from './text.ts';

export const CONFERENCE_FAMILY = /^(WTSA|WTDC|PP|WRC|RA|WCIT|WTPF)-?(\d{2})$/i;

export function yearOfIso(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/** Body codes a text names, with where (so the caller can tell own words from shared ones). */
export function findBodies(text: string, ix: Indexes, context: ImportContext, period: { start: string } | null): Array<{ code: string; start: number; unknown?: boolean }> {
  return remember(ix.memo, `b|${period?.start ?? ''}|${text}`, () => findBodiesNow(text, ix, context, period));
}

export function findBodiesNow(text: string, ix: Indexes, context: ImportContext, period: { start: string } | null): Array<{ code: string; start: number; unknown?: boolean }> {
  if (text.length > MAX_BLOCK) return [];
  const tokens = tokenize(text);
  const found: Array<{ code: string; start: number; end: number; unknown?: boolean }> = [];
  const bodyList = Array.isArray(context.bodies) ? context.bodies : [];
  const conferences = bodyList.filter((b) => b.type === 'conference');
  const otherSector = (start: number) => /(?:ITU[-\u2010-\u2015]?[DR]|UIT[-\u2010-\u2015]?[DR]|BDT|BR)[\s/]*$/i.test(text.slice(Math.max(0, start - 12), start));

  for (const hit of ix.bodies.scan(text, tokens)) {
    let body = hit.values[0];
    if (!body) continue;
    if ((body.type === 'study-group' || body.type === 'regional-group') && otherSector(hit.start)) continue;
    // "WTSA 12": an edition written apart from its family is read with the editions below.
    if (body.type === 'conference' && !/\d/.test(hit.text) && /^\s*[-\u2010-\u2015]?\s*\d{2}(?![\p{N}])/u.test(text.slice(hit.end, hit.end + 5))) continue;
    // "WTSA" alone: the assembly of the report's time, not necessarily the one the alias is on.
    if (body.type === 'conference' && !/\d/.test(hit.text) && period) {
      const family = body.code.split('-')[0] ?? body.code;
      const next = conferences
        .filter((c) => c.code.startsWith(`${family}-`) && (c.to ?? '9999') >= period.start)
        .sort((a, b) => (a.to ?? '9999').localeCompare(b.to ?? '9999'))[0];
      if (next) body = next;
    }
    found.push({ code: body.code, start: hit.start, end: hit.end });
  }
  // Regional groups written in ways no alias lists ("SG12 RG-AFR", "African Group to the ITU-T SG12").
  const rgPatterns = [
    /\bSG\s?\d{1,2}\s?RG[-\s]?[A-Za-z]+\b/gi,
    /\b(?:African|Arab|Americas|Asia[-\s]Pacific|Asia[-\s]Oceania|EECAT|European)\s+(?:regional\s+)?group\s+(?:of|to|for)\s+(?:the\s+)?(?:ITU-T\s+)?(?:SG\s?|Study\s+Group\s+)\d{1,2}\b/gi,
  ];
  for (const pattern of rgPatterns) {
    for (const m of text.matchAll(pattern)) {
      if (otherSector(m.index)) continue;
      const rg = findRegionalGroup(m[0], bodyList);
      if (rg && !found.some((f) => f.code === rg.code && f.start <= m.index + m[0].length && f.end >= m.index)) {
        found.push({ code: rg.code, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  // Conferences by their own edition ("WTSA-12", "WTSA 12"): the registry's body of that edition,
  // or one held a year later (WTDC-21 met in 2022 as WTDC-22); an edition the registry does not
  // know is proposed as a new body (`unknown`), never mapped to another edition.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const apart = next && /^\s*$/.test(text.slice(t.end, next.start)) && /^\d{2}$/.test(next.raw) ? next : null;
    const m = CONFERENCE_FAMILY.exec(apart ? `${t.raw}-${apart.raw}` : t.raw);
    const end = apart ? apart.end : t.end;
    if (!m || found.some((f) => f.start <= t.start && f.end >= end)) continue;
    const year = 2000 + Number(m[2]);
    const family = m[1]!.toUpperCase();
    const written = `${family}-${m[2]}`;
    const candidates = conferences
      .filter((c) => c.code.startsWith(`${family}-`))
      .map((c) => ({ c, distance: c.code === written ? -1 : (yearOfIso(c.from) ?? 0) - year }))
      .filter((x) => x.distance === -1 || x.distance === 1)
      .sort((a, b) => a.distance - b.distance);
    found.push({ code: candidates[0]?.c.code ?? written, start: t.start, end, ...(candidates[0] ? {} : { unknown: true }) });
  }
  // A study group written inside its regional group's name is the regional group only.
  const kept = found.filter((f) => {
    const body = ix.bodyByCode.get(f.code);
    if (body?.type !== 'study-group') return true;
    return !found.some((g) => g !== f && ix.bodyByCode.get(g.code)?.type === 'regional-group' && g.start <= f.start && g.end >= f.end);
  });
  return kept.map(({ code, start, unknown }) => ({ code, start, ...(unknown ? { unknown } : {}) }));
}

export function sortBodies(codes: Iterable<string>, ix: Indexes): string[] {
  const unique = [...new Set(codes)];
  return unique.sort((a, b) => {
    const x = ix.bodyByCode.get(a);
    const y = ix.bodyByCode.get(b);
    if (x && y) return compareBodies(x, y);
    return a.localeCompare(b);
  });
}

export function findSectors(text: string, ix: Indexes): string[] {
  if (text.length > MAX_ANALYSED) text = text.slice(0, MAX_ANALYSED);
  const counts = new Map<string, number>();
  for (const hit of ix.sectors.scan(text)) for (const s of hit.values.slice(0, 1)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || ix.sectorOrder.indexOf(a[0]) - ix.sectorOrder.indexOf(b[0])).map(([s]) => s);
}
