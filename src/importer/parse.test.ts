import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReferenceData } from '#src/registry/reference-data.ts';
import type { Body, Office, Region } from '#src/registry/model.ts';
import { readDocument } from './document.ts';
import { parseBlocks, parseReport, textToBlocks, type ImportContext } from './parse.ts';
import { reportToDocx } from '../../test/support/report-docx.ts';

const read = (path: string) => ({ file: path, text: readFileSync(path, 'utf8') });
const reference = checkReferenceData({
  regions: read('data/reference/regions.json'),
  offices: read('data/reference/offices.json'),
  people: read('data/reference/people.json'),
  assignments: read('data/reference/assignments.json'),
  bodies: ['sectors', 'study-groups', 'regional-groups', 'organisations', 'conferences'].map((f) => read(`data/reference/bodies/${f}.json`)),
});
const context: ImportContext = {
  document: 'seed.txt',
  regions: reference.regions.map((r): Region => ({ code: r.code, position: r.position, names: r.name })),
  offices: reference.offices.map(
    (o): Office => ({
      code: o.code,
      kind: o.kind,
      region: o.region,
      parent: o.parent,
      names: o.name,
      cityNames: o.city,
      country: o.country,
      coordinates: o.coordinates,
      countriesCovered: o.countriesCovered,
      coverageConfirmed: o.coverageConfirmed,
      openedOn: o.openedOn,
      closedOn: o.closedOn,
      confirmed: o.confirmed,
      note: o.note ?? null,
    }),
  ),
  bodies: reference.bodies.map(
    (b): Body => ({
      code: b.code,
      type: b.type,
      names: b.name,
      parent: b.parent,
      region: b.region,
      aliases: b.aliases,
      from: b.from,
      to: b.to,
      place: b.place ?? null,
      confirmed: b.confirmed,
      note: b.note ?? null,
      terms: [],
    }),
  ),
};
const SEED = readFileSync('data/demo/tsag-2020-regional-offices-contribution.txt', 'utf8');
const EXPECTED = JSON.parse(readFileSync('test/fixtures/importer/seed-expected.json', 'utf8')) as Array<Record<string, unknown>>;

const comparable = (a: ReturnType<typeof parseReport>['activities'][number]) => ({
  region: a.region,
  office: a.office,
  kind: a.kind,
  status: a.status,
  roles: a.roles,
  date: a.date,
  place: a.place,
  bodies: a.bodies,
  related: a.related,
  section: a.provenance.section,
  item: a.provenance.item,
});

describe('parseReport on the seed', () => {
  const proposal = parseReport(SEED, context);

  it('reads the header, the period and each region section with its office, city and head', () => {
    expect(proposal.header.abstract).toMatch(/^This document summarizes contribution of the ITU Regional Offices/);
    expect(proposal.period).toEqual({ text: 'January – August 2020', start: '2020-01-01', end: '2020-08-31' });
    const regions = proposal.sections.filter((s) => s.region);
    expect(regions.map((s) => [s.number, s.region, s.office, s.city, s.head?.honorific, s.head?.name])).toEqual([
      ['4', 'AFR', 'addis-ababa', 'Addis Ababa', 'Mr', 'Andrew Rugege'],
      ['5', 'AMS', 'brasilia', 'Brasilia', 'Mr', 'Bruno Ramos'],
      ['6', 'ARB', 'cairo', 'Cairo', 'Mr', 'Adel Darwish'],
      ['7', 'ASP', 'bangkok', 'Bangkok', 'Mrs', 'Atsuko Okuda'],
      ['8', 'CIS', 'moscow', 'Moscow', 'Mrs', 'Natalia Mochu'],
      ['9', 'EUR', 'europe', 'Geneva', 'Mr', 'Jaroslaw Ponder'],
    ]);
  });

  it('extracts every item as the expected activity, field by field', () => {
    expect(proposal.activities).toHaveLength(EXPECTED.length);
    proposal.activities.forEach((activity, i) => {
      expect(comparable(activity), `activity ${i}: ${activity.provenance.text.slice(0, 60)}`).toEqual(EXPECTED[i]);
      expect(activity.sectors).toEqual(['ITU-T']);
      expect(activity.title.length).toBeGreaterThan(10);
    });
  });

  it('keeps provenance and places nothing silently outside an activity', () => {
    const itemLines = SEED.split('\n').filter((l) => /^\s*\d+[.\t]/.test(l) && !/^\d\t[A-Z][^.]*$/.test(l.trim()));
    for (const line of itemLines.slice(6)) {
      const text = line.replace(/^\s*\d+[.\t]\s*/, '').trim();
      if (!text) continue;
      expect(proposal.activities.some((a) => a.provenance.text === text), text.slice(0, 50)).toBe(true);
    }
    // What is left over is listed with its position, never inside a region's items.
    for (const u of proposal.unplaced) expect(u.line).toBeGreaterThan(0);
  });

  it('reads the same from the Word version of the seed', async () => {
    const document = await readDocument(await reportToDocx(SEED), 'seed.docx');
    expect(document.format).toBe('docx');
    if (document.format !== 'docx') return;
    const fromWord = parseBlocks(document.blocks, context);
    expect(fromWord.period).toEqual(proposal.period);
    expect(fromWord.header.abstract).toEqual(proposal.header.abstract);
    expect(fromWord.activities.map(comparable)).toEqual(proposal.activities.map(comparable));
    expect(fromWord.activities.map((a) => a.provenance.text)).toEqual(proposal.activities.map((a) => a.provenance.text));
  });
});

describe('parseReport on other documents', () => {
  it('reads a development-sector report with other wording', () => {
    const text = [
      'Title: Contribution of the regional offices to the ITU-D operational plan',
      '1\tAmericas – Regional Office for the Americas',
      'The Regional Office for the Americas is based in Brasilia and is led by Ms Ana Example.',
      'During the January – June 2021 timeframe the office organised the following:',
      '• A regional forum on digital inclusion, co-organised with CITEL, 14-15 April 2021, Quito, Ecuador.',
      '• The ITU-T SG3RG-LAC meeting planned for October 2021 was postponed to 2022.',
      '2\tArab States – Regional Office for the Arab States',
      'The Regional Office for the Arab States is based in Cairo and is led by Mr Someone Else.',
      '1. A webinar on ITU-D study questions, online, 3 March 2021.',
    ].join('\n');
    const proposal = parseReport(text, { ...context, document: 'bdt-2021.txt' });
    expect(proposal.header.title).toBe('Contribution of the regional offices to the ITU-D operational plan');
    expect(proposal.period).toEqual({ text: 'January – June 2021', start: '2021-01-01', end: '2021-06-30' });
    expect(proposal.activities.map((a) => [a.office, a.kind, a.status, a.date?.start, a.place?.city ?? (a.place?.online ? 'online' : null)])).toEqual([
      ['brasilia', 'forum', 'held', '2021-04-14', 'Quito'],
      ['brasilia', 'regional-group-meeting', 'postponed', '2021-10-01', null],
      ['cairo', 'webinar', 'held', '2021-03-03', 'online'],
    ]);
    expect(proposal.activities[0]!.roles).toContain('co-organised');
    expect(proposal.activities[0]!.bodies).toContain('CITEL');
    expect(proposal.activities[1]!.bodies).toEqual(['SG3RG-LAC']);
    expect(proposal.sections.find((s) => s.region === 'ARB')?.head).toEqual({ honorific: 'Mr', name: 'Someone Else' });
  });
});

describe('parseReport on what is not a report', () => {
  it('returns a proposal, never throws, for empty, binary, foreign and noisy input', () => {
    expect(parseReport('', context).activities).toEqual([]);
    const binary = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536));
    expect(() => parseReport(binary, context)).not.toThrow();
    const french = 'Le Bureau régional pour l’Afrique a participé à un atelier.\nRien d’autre.';
    const foreign = parseReport(french, context);
    expect(foreign.activities).toEqual([]);
    expect(foreign.unplaced.map((u) => u.line)).toEqual([1, 2]);
    const words = ['meeting', 'Africa', '4', '\t', 'March', '2020', 'led by', 'is based in', 'SG12', 'workshop', '\n', '–'];
    let noise = '';
    for (let i = 0; noise.length < 2_000_000; i++) noise += `${words[(i * 31 + (i >> 3)) % words.length]} `;
    const noisy = parseReport(noise, context);
    expect(Array.isArray(noisy.unplaced)).toBe(true);
  });

  it('survives hundreds of mutated seeds, keeping every region item somewhere', () => {
    const lines = SEED.split('\n');
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const mutated = lines
        .filter(() => random() > 0.1)
        .flatMap((line) => (random() < 0.05 ? [line, line] : [line]))
        .map((line) => (random() < 0.05 ? line.split('').map((c) => (random() < 0.05 ? String.fromCharCode(32 + Math.floor(random() * 95)) : c)).join('') : line));
      if (random() < 0.2) mutated.sort(() => random() - 0.5);
      const proposal = parseReport(mutated.join('\n'), context);
      for (const activity of proposal.activities) {
        expect(activity.provenance.text.length).toBeGreaterThan(0);
        if (activity.date) expect(activity.date.start <= activity.date.end).toBe(true);
      }
    }
  });
});
