/**
 * The report reader against documents read by hand (test/fixtures/importer/*-expected.json):
 * the seed report and three documents of other Sectors, years and layouts; then robustness
 * (empty, binary, 5 MB of words, other languages) and a fuzz of 1,000 mutated seeds that checks
 * nothing is ever dropped silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, OFFICE_ROLES, STATUSES } from '#src/activities/model.ts';
import { FUZZY_PRECISIONS } from '#src/activities/fuzzy-date.ts';
import { referenceRegistry } from '../../../test/support/reference-registry.ts';
import { reportToDocx } from '../../../test/support/report-docx.ts';
import { readDocument } from '../document.ts';
import type { Block, ImportContext, ImportProposal } from '../model.ts';
import { cleanText, MAX_UNPLACED_CHARS, MAX_UNPLACED_LISTED, parseBlocks, parseReport, textToBlocks } from './index.ts';

const registry = referenceRegistry;

function contextFor(document: string): ImportContext {
  return { document, regions: registry.regions, offices: registry.offices, bodies: registry.bodies };
}

// The repository's copy of the seed (the same bytes as the shared seeds' 000_701a641aab1af00f.txt), so a fresh clone runs this.
const SEED_NAME = 'tsag-2020-regional-offices-contribution.txt';
const SEED = readFileSync(join('data/demo', SEED_NAME), 'utf8');
const FIXTURES = 'test/fixtures/importer';

// ---------------------------------------------------------------------------------------------
// Comparing a proposal with a hand-written reading

interface ExpectedActivity {
  region: string;
  office: string;
  kind: string;
  status: string;
  roles: string[];
  date: { text: string; start: string; end: string; precision: string } | null;
  place: { city: string | null; country: string | null; online: boolean } | null;
  bodies: string[];
  related: number[];
  section: string;
  item: string | null;
  line: number;
  titleIncludes: string;
}

interface Expected {
  header: ImportProposal['header'];
  period: ImportProposal['period'];
  sectors: string[];
  sections: Array<{ number: string; heading: string; region: string | null; office: string | null; city: string | null; head: unknown; line: number; context: Array<{ line: number; use: string }> }>;
  activities: ExpectedActivity[];
  unplaced: Array<{ line: number; section: string | null }>;
}

const loadExpected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Expected;

function compare(proposal: ImportProposal, expected: Expected, text: string, document: string): void {
  const blockText = new Map(textToBlocks(text).map((b) => [b.line, b.text]));
  expect(proposal.header).toEqual(expected.header);
  expect(proposal.period).toEqual(expected.period);

  expect(proposal.sections.map(({ context, ...s }) => ({ ...s, context: context.map(({ line, use }) => ({ line, use })) }))).toEqual(expected.sections);
  for (const section of proposal.sections) for (const c of section.context) expect(c.text).toBe(blockText.get(c.line));

  expect(proposal.activities.map((a) => `${a.region} ${a.office} ${a.kind}`)).toEqual(expected.activities.map((a) => `${a.region} ${a.office} ${a.kind}`));
  proposal.activities.forEach((a, i) => {
    const e = expected.activities[i]!;
    const label = `activity ${i} (line ${e.line}): ${a.provenance.text.slice(0, 70)}`;
    expect(
      {
        region: a.region,
        office: a.office,
        kind: a.kind,
        status: a.status,
        roles: a.roles,
        date: a.date,
        place: a.place,
        bodies: a.bodies,
        related: a.related.map((r) => r.index),
        section: a.provenance.section,
        item: a.provenance.item,
      },
      label,
    ).toEqual({
      region: e.region,
      office: e.office,
      kind: e.kind,
      status: e.status,
      roles: e.roles,
      date: e.date,
      place: e.place,
      bodies: e.bodies,
      related: e.related,
      section: e.section,
      item: e.item,
    });
    expect(a.sectors, label).toEqual(expected.sectors);
    expect(a.related.every((r) => r.kind === 'back-to-back'), label).toBe(true);
    expect(a.provenance.document, label).toBe(document);
    expect(a.provenance.text, label).toBe(blockText.get(e.line));
    // Titles are short (issue 17); the gist is in the title or, whole, in the description.
    expect(`${a.title} ${a.description}`.toLowerCase(), label).toContain(e.titleIncludes.toLowerCase());
    expect(a.title.length, label).toBeLessThanOrEqual(120);
    expect(a.title, label).not.toMatch(/…$/);
    expect(a.description.length, label).toBeGreaterThanOrEqual(a.title.replace(/…$/, '').length - 1);
  });

  expect(proposal.unplaced.map(({ line, section }) => ({ line, section }))).toEqual(expected.unplaced);
  for (const u of proposal.unplaced) expect(u.text).toBe(blockText.get(u.line));
}

// ---------------------------------------------------------------------------------------------

describe('textToBlocks', () => {
  it('tells headings, numbered items, bullets and paragraphs apart as the seed writes them', () => {
    const blocks = textToBlocks(
      [
        '\tAbstract:',
        '4\tAfrica – Regional Office for Africa ',
        'During the timeframe the office took part in the following:',
        '1\tITU-T SG13 events held in Abuja.',
        ' 3\tThe Regional Office for Africa (ROA) participated.',
        '4\tROA consulted countries',
        '',
        '[bookmark: _Toc1][bookmark: _Toc2]Plain  paragraph\u00a0with   odd spacing.',
        '1. Developed a concept note',
        '· Africa',
        '•\tAmericas',
        '- Arab States',
        'a) Lettered item',
        '4.1\tArea Office for West Africa',
        '5\tAmericas – Regional Office for the Americas',
      ].join('\r\n'),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Abstract:', line: 1 },
      { kind: 'heading', level: 1, number: '4', text: 'Africa – Regional Office for Africa', line: 2 },
      { kind: 'paragraph', text: 'During the timeframe the office took part in the following:', line: 3 },
      { kind: 'list-item', number: '1', text: 'ITU-T SG13 events held in Abuja.', line: 4 },
      { kind: 'list-item', number: '3', text: 'The Regional Office for Africa (ROA) participated.', line: 5 },
      { kind: 'list-item', number: '4', text: 'ROA consulted countries', line: 6 },
      { kind: 'paragraph', text: 'Plain paragraph with odd spacing.', line: 8 },
      { kind: 'list-item', number: '1', text: 'Developed a concept note', line: 9 },
      { kind: 'list-item', text: 'Africa', line: 10 },
      { kind: 'list-item', text: 'Americas', line: 11 },
      { kind: 'list-item', text: 'Arab States', line: 12 },
      { kind: 'list-item', number: 'a', text: 'Lettered item', line: 13 },
      { kind: 'heading', level: 2, number: '4.1', text: 'Area Office for West Africa', line: 14 },
      { kind: 'heading', level: 1, number: '5', text: 'Americas – Regional Office for the Americas', line: 15 },
    ]);
  });

  it('gives one block per non-blank line of the seed, with its line', () => {
    const lines = SEED.split('\n');
    const blocks = textToBlocks(SEED);
    expect(blocks.map((b) => b.line)).toEqual(lines.flatMap((l, i) => (cleanText(l) === '' ? [] : [i + 1])));
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('parseReport on the seed report', () => {
  const proposal = parseReport(SEED, contextFor(SEED_NAME));

  it('reads header, period, sections, every item and what it cannot place, as read by hand', () => {
    compare(proposal, loadExpected('seed-expected.json'), SEED, SEED_NAME);
  });

  it('writes an item cut into several activities as sentences a report can list, and keeps whole items as written', () => {
    const cut = proposal.activities.filter((a) => a.description !== a.provenance.text);
    expect(cut.map((a) => a.description)).toEqual([
      'ITU-T SG13 events held in Abuja, Nigeria: A workshop on Standardization of fiber networks towards a better connected Africa, 3 and 4 February 2020.',
      'ITU-T SG13 events held in Abuja, Nigeria: a regular meeting of the African group to SG13 on 5 and 6 February.',
      'The Regional Office supported the ITU-T SG12 RG-AFR activities held in Ndjamena, Chad. A workshop was successfully organized on “Quality of Service”, 2 - 3 March 2020.',
      'The Regional Office supported the ITU-T SG12 RG-AFR activities held in Ndjamena, Chad. The regular meeting of the African Group of SG12 was hosted back to back the 4 - 5 March 2020.',
      expect.stringMatching(/^The Regional Office for Africa \(ROA\) participated in .* Common Proposals for WTSA-20\.$/),
      'The Regional Office worked on ensuring good participation from the African Administrations and another meeting is confirmed in the second week of November 2020.',
      expect.stringMatching(/^The ROA participated to the regular consultative meetings .* implemented by TSB\.$/),
      'The ARO office is collaborating with TSB to organize a regional workshop on “Security of Financial Services” in October 2020.',
      'TSBs contribution in the upcoming emerging technologies week planned for mid November 2020.',
    ]);
    // "(the event was postponed to next year 2021)": no full stop added to an item kept whole.
    expect(proposal.activities.find((a) => a.provenance.text.startsWith('Developed a concept note'))!.description).toMatch(/2021\)$/);
  });

  it('reads the same from the Word version of the report', async () => {
    const document = await readDocument(await reportToDocx(SEED), 'seed.docx');
    expect(document.format).toBe('docx');
    if (document.format !== 'docx') return;
    const fromWord = parseBlocks(document.blocks, contextFor(SEED_NAME));
    const essentials = (p: ImportProposal) => ({
      header: p.header,
      period: p.period,
      sections: p.sections.map(({ number, heading, region, office, city, head }) => ({ number, heading, region, office, city, head })),
      activities: p.activities.map(({ region, office, kind, status, roles, date, place, bodies, sectors, related, title, provenance }) => ({
        region,
        office,
        kind,
        status,
        roles,
        date,
        place,
        bodies,
        sectors,
        related,
        title,
        section: provenance.section,
        text: provenance.text,
      })),
      unplaced: p.unplaced.map((u) => [u.section, u.text]),
      context: p.sections.map((s) => s.context.map((c) => [c.use, c.text])),
    });
    expect(essentials(fromWord)).toEqual(essentials(proposal));
  });
});

describe('parseReport on other documents', () => {
  it.each([
    ['tdag-2021.txt', 'tdag-2021-expected.json'],
    ['rag-2022.txt', 'rag-2022-expected.json'],
    ['tsag-2019-crlf.txt', 'tsag-2019-crlf-expected.json'],
  ])('reads %s as read by hand', (document, expected) => {
    const text = readFileSync(join(FIXTURES, document), 'utf8');
    compare(parseReport(text, contextFor(document)), loadExpected(expected), text, document);
  });
});

// ---------------------------------------------------------------------------------------------
// Robustness

/** Every activity well formed: known kinds, statuses and roles, ordered dates, symmetric relations. */
function checkWellFormed(proposal: ImportProposal): void {
  const n = proposal.activities.length;
  proposal.activities.forEach((a, i) => {
    expect(ACTIVITY_KINDS).toContain(a.kind);
    expect(STATUSES).toContain(a.status);
    for (const role of a.roles) expect(OFFICE_ROLES).toContain(role);
    if (a.date) {
      expect(a.date.start <= a.date.end).toBe(true);
      expect(FUZZY_PRECISIONS).toContain(a.date.precision);
    }
    if (a.place?.country) expect(a.place.country).toMatch(/^[A-Z]{2}$/);
    expect(a.provenance.text.trim()).not.toBe('');
    expect(a.title.trim()).not.toBe('');
    for (const r of a.related) {
      expect(r.index >= 0 && r.index < n && r.index !== i).toBe(true);
      expect(proposal.activities[r.index]!.related.some((back) => back.index === i)).toBe(true);
    }
  });
}

/**
 * Nothing dropped silently: every block of the text is a heading (a section), the header, a
 * section's context, an activity's provenance or unplaced. In a region section every block is
 * context, provenance or unplaced. Unplaced past the listed ones are counted, not listed.
 */
function checkNothingLost(text: string, proposal: ImportProposal): void {
  const blocks = textToBlocks(text);
  const sectionLines = new Set(proposal.sections.map((s) => s.line));
  const unplacedLines = new Map(proposal.unplaced.map((u) => [u.line, u.text]));
  const listFull = proposal.unplaced.length === MAX_UNPLACED_LISTED;
  const lastListed = Math.max(0, ...proposal.unplaced.map((u) => u.line));
  /** Not placed and past the full list: counted in unplacedCount only. */
  let unlisted = 0;
  const placed = (block: Block, isPlaced: boolean, where: string) => {
    if (!isPlaced && listFull && block.line! > lastListed) unlisted += 1;
    else expect(isPlaced, where).toBe(true);
  };
  const provenance = new Set(proposal.activities.map((a) => `${a.provenance.section}\n${a.provenance.text}`));
  const sorted = [...proposal.sections].sort((a, b) => a.line - b.line);
  const header = [proposal.header.title, proposal.header.abstract];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      expect(sectionLines.has(block.line!), `heading at line ${block.line} is a section`).toBe(true);
      continue;
    }
    const section = sorted.filter((s) => s.line < block.line!).at(-1);
    const where = `line ${block.line}: ${block.text.slice(0, 60)}`;
    if (unplacedLines.has(block.line!)) {
      const listed = block.text.length > MAX_UNPLACED_CHARS ? `${block.text.slice(0, MAX_UNPLACED_CHARS - 1)}…` : block.text;
      expect(unplacedLines.get(block.line!), where).toBe(listed);
      continue;
    }
    if (!section) {
      // Before any heading: only the header's labels and values are not listed.
      const label = /^(title|abstract|summary|titre|résumé|título|resumen)\s*:/i.test(block.text);
      placed(block, label || header.includes(block.text), where);
      continue;
    }
    const key = section.number !== '' ? section.number : section.heading;
    const inContext = section.context.some((c) => c.line === block.line && c.text === block.text);
    const inActivity = provenance.has(`${key}\n${block.text}`);
    placed(block, section.region !== null && (inContext || inActivity), where);
  }
  expect(proposal.unplaced.length + unlisted, 'every unplaced passage counted').toBe(proposal.unplacedCount);
}

describe('parseReport on what is not a report', () => {
  const context = contextFor('noise.txt');

  it('returns an empty proposal for an empty document', () => {
    expect(parseReport('', context)).toEqual({ header: { title: null, abstract: null }, period: null, sections: [], activities: [], unplaced: [], unplacedCount: 0 });
    expect(parseBlocks([], context).activities).toEqual([]);
  });

  it('lists binary garbage as unplaced and never throws', () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 200_000 }, () => (seed = (seed * 48271) % 2147483647) % 256);
    for (const text of [new TextDecoder('latin1').decode(bytes), new TextDecoder('utf-8').decode(bytes), String.fromCharCode(...bytes.slice(0, 60_000))]) {
      const proposal = parseReport(text, context);
      checkWellFormed(proposal);
      checkNothingLost(text, proposal);
    }
  });

  it('reads 5 MB of random words, report words among them, and returns', () => {
    const words = [
      'meeting', 'Africa', '4\t', '\n', '\n1.\t', 'March', '2020', 'led', 'by', 'is based in', 'Cairo', 'SG12', 'workshop', '–', 'the',
      'Regional', 'Office', 'for', 'organized', 'online', 'Abuja,', 'Nigeria', 'and', 'followed by', 'back to back', 'postponed', '\n·',
      'Europe', 'ITU-T', 'WTSA', 'of', 'to', '3', 'and 4 February', 'mid', 'November', 'week', 'planned', ':', '.', 'Minsk (Belarus)',
    ];
    let seed = 1;
    const parts: string[] = [];
    let length = 0;
    while (length < 5_000_000) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const word = words[seed % words.length]!;
      parts.push(word);
      length += word.length + 1;
    }
    const text = parts.join(' ');
    const proposal = parseReport(text, context);
    checkWellFormed(proposal);
    const one = parseReport(text.replace(/\n/g, ' '), context);
    expect(one.unplaced).toHaveLength(1);
    expect(one.unplacedCount).toBe(1);
    expect(one.unplaced[0]!.text).toHaveLength(MAX_UNPLACED_CHARS);
  }, 120_000);

  it('lists the first thousand of a hundred thousand short unplaced lines and counts them all', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `line ${i} of nothing`).join('\n');
    const proposal = parseReport(text, context);
    expect(proposal.unplacedCount).toBe(100_000);
    expect(proposal.unplaced).toHaveLength(MAX_UNPLACED_LISTED);
    expect(proposal.unplaced.at(-1)).toEqual({ text: `line ${MAX_UNPLACED_LISTED - 1} of nothing`, section: null, line: MAX_UNPLACED_LISTED });
    checkNothingLost(text, proposal);
  });

  it('keeps text in other languages, with nothing to place, as unplaced lines', () => {
    const text = [
      'Региональное отделение МСЭ для СНГ провело семинар в Москве.',
      '国际电联亚太区域代表处在曼谷举办了讲习班。',
      'قام المكتب الإقليمي بتنظيم ورشة عمل.',
      '',
      'Le Bureau régional a participé à un atelier.',
    ].join('\n');
    const proposal = parseReport(text, context);
    expect(proposal.activities).toEqual([]);
    expect(proposal.unplaced.map((u) => u.line)).toEqual([1, 2, 3, 5]);
  });

  it('takes any blocks, even malformed ones, and a context with no reference data', () => {
    const blocks = [
      { kind: 'heading', text: '4 Africa – Regional Office for Africa' },
      { kind: 'list-item', text: 'Participated in a workshop, 3 March 2020, Abuja, Nigeria.', number: '1' },
      { kind: 'weird', text: 'Organised a forum on 5 May 2020.' },
      null,
      { kind: 'paragraph' },
      { kind: 'paragraph', text: 42 },
    ] as unknown as Block[];
    const proposal = parseBlocks(blocks, context);
    expect(proposal.activities.map((a) => [a.office, a.kind, a.date?.start])).toEqual([
      ['addis-ababa', 'workshop', '2020-03-03'],
      ['addis-ababa', 'forum', '2020-05-05'],
    ]);
    const bare = parseReport(SEED, { document: 'x', offices: [], bodies: [], regions: [] });
    expect(bare.activities).toEqual([]);
    checkNothingLost(SEED, bare);
    expect(parseReport(SEED, null as unknown as ImportContext).activities).toEqual([]);
    expect(parseReport(undefined as unknown as string, context).activities).toEqual([]);
  });
});

describe('parseReport on 1,000 mutated seeds', () => {
  it('never throws, keeps activities well formed and drops no line silently', async () => {
    const context = contextFor(SEED_NAME);
    const lines = SEED.split('\n');
    let seed = 20200831;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const noise = ['\t', '1\t', '5\t', '·', ':', '.', ' and ', 'followed by', '2020', 'March', '–', '\u00a0', '[bookmark: x]', '\r', 'é', 'ث'];
    let activities = 0;
    for (let round = 0; round < 1000; round++) {
      // Let the worker answer the test runner now and then: a minute of synchronous work, on a
      // machine whose cores other test files share, made the runner's calls to it time out.
      if (round % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      let mutated = [...lines];
      const mutations = 1 + Math.floor(random() * 6);
      for (let m = 0; m < mutations; m++) {
        const at = Math.floor(random() * mutated.length);
        switch (Math.floor(random() * 6)) {
          case 0: // delete lines
            mutated.splice(at, 1 + Math.floor(random() * 5));
            break;
          case 1: // duplicate a line
            mutated.splice(at, 0, mutated[at] ?? '');
            break;
          case 2: // shuffle some lines
            for (let k = 0; k < 10; k++) {
              const a = Math.floor(random() * mutated.length);
              const b = Math.floor(random() * mutated.length);
              [mutated[a], mutated[b]] = [mutated[b]!, mutated[a]!];
            }
            break;
          case 3: {
            // flip characters
            const line = mutated[at] ?? '';
            mutated[at] = [...line].map((c) => (random() < 0.08 ? String.fromCharCode(32 + Math.floor(random() * 400)) : c)).join('');
            break;
          }
          case 4: // insert noise
            mutated[at] = `${pick(noise)}${mutated[at] ?? ''}${pick(noise)}`;
            break;
          default: // join or split lines
            if (random() < 0.5) mutated.splice(at, 2, `${mutated[at] ?? ''} ${mutated[at + 1] ?? ''}`);
            else {
              const line = mutated[at] ?? '';
              const cut = Math.floor(random() * line.length);
              mutated.splice(at, 1, line.slice(0, cut), line.slice(cut));
            }
        }
      }
      if (random() < 0.05) mutated = mutated.sort(() => random() - 0.5);
      const text = mutated.join(random() < 0.1 ? '\r\n' : '\n');
      const proposal = parseReport(text, context);
      checkWellFormed(proposal);
      checkNothingLost(text, proposal);
      activities += proposal.activities.length;
    }
    // The mutations leave most of the report readable.
    expect(activities).toBeGreaterThan(1000 * 20);
  }, 300_000);
});
