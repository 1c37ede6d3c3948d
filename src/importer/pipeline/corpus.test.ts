/**
 * The importer against a corpus of documents of the genre (test/fixtures/importer/corpus/):
 * reports with sections, plain lists, web pages, news feeds, periodic highlights, letters,
 * bulletins, slides and hard-wrapped text, in English, French, Spanish and Russian, each with
 * an answer key written by hand. Every document is scored: recall of items, dates right,
 * region right, precision; the figures are printed. The bar: recall and dates right ≥ 0.9 on
 * each document, precision ≥ 0.8.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceRegistry } from '../../../test/support/reference-registry.ts';
import type { ProposedActivity } from '../model.ts';
import { parseReport } from './index.ts';

const CORPUS = 'test/fixtures/importer/corpus';

interface KeyItem {
  /** Words of the item's source sentence, enough to tell it from the others. */
  match: string;
  date: [string, string] | null;
  region: string;
  office?: string;
}

interface Score {
  document: string;
  items: number;
  proposals: number;
  recall: number;
  dates: number;
  regions: number;
  offices: string;
  precision: number;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Each key item to at most one proposal: one whose words hold the item's, the one with the right date first. */
function score(document: string, proposals: ProposedActivity[], key: KeyItem[]): Score {
  const taken = new Set<number>();
  let found = 0;
  let dates = 0;
  let regions = 0;
  let offices = 0;
  let officesStated = 0;
  for (const item of key) {
    const candidates = proposals
      .map((p, index) => ({ p, index }))
      .filter(({ p, index }) => !taken.has(index) && fold(`${p.title} ${p.description}`).includes(fold(item.match)));
    const dateRight = (p: ProposedActivity) => (item.date === null ? p.date === null : p.date?.start === item.date[0] && p.date?.end === item.date[1]);
    const best = candidates.find(({ p }) => dateRight(p)) ?? candidates[0];
    if (item.office) officesStated += 1;
    if (!best) continue;
    taken.add(best.index);
    found += 1;
    if (dateRight(best.p)) dates += 1;
    if (best.p.region === item.region) regions += 1;
    if (item.office && best.p.office === item.office) offices += 1;
  }
  const n = key.length;
  return {
    document,
    items: n,
    proposals: proposals.length,
    recall: found / n,
    dates: dates / n,
    regions: regions / n,
    offices: officesStated === 0 ? '–' : `${offices}/${officesStated}`,
    precision: proposals.length === 0 ? 0 : taken.size / proposals.length,
  };
}

const documents = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('the importer on a corpus of the genre', () => {
  const context = (document: string) => ({ document, regions: referenceRegistry.regions, offices: referenceRegistry.offices, bodies: referenceRegistry.bodies });
  const scores = documents.map((document) => {
    const text = readFileSync(join(CORPUS, document), 'utf8');
    const key = (JSON.parse(readFileSync(join(CORPUS, document.replace(/\.txt$/, '.key.json')), 'utf8')) as { items: KeyItem[] }).items;
    return score(document, parseReport(text, context(document)).activities, key);
  });

  it('prints the figures of every document', () => {
    const f = (x: number) => x.toFixed(2);
    const rows = scores.map((s) => `| ${s.document} | ${s.items} | ${s.proposals} | ${f(s.recall)} | ${f(s.dates)} | ${f(s.regions)} | ${s.offices} | ${f(s.precision)} |`);
    console.log(['| document | items | proposals | recall | dates right | region right | office right | precision |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n'));
    expect(documents.length).toBeGreaterThanOrEqual(12);
  });

  it.each(scores.map((s) => [s.document, s] as const))('reads %s at the bar', (_, s) => {
    expect(s.recall, 'recall').toBeGreaterThanOrEqual(0.9);
    expect(s.dates, 'dates right').toBeGreaterThanOrEqual(0.9);
    expect(s.precision, 'precision').toBeGreaterThanOrEqual(0.8);
  });
});
