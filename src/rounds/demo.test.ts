/**
 * The demo's TSAG 2020 round against the seed it comes from: the six contributions, compiled,
 * print each regional section of the seed item for item, in its order and grouping; and every
 * activity matcher names exactly one activity of the seed as the importer reads it.
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import { parseReport } from '#src/importer/pipeline/index.ts';
import type { RegistryContext } from '#src/reports/build.ts';
import { renderDocx } from '#src/reports/render-docx.ts';
import { renderMarkdown } from '#src/reports/render-markdown.ts';
import { compileRound } from './compile.ts';
import type { ActivitySeen } from './content.ts';
import { DEMO_CONTRIBUTIONS, demoContributionsFile, resolveDemoContributions } from './demo.ts';
import { testActivity } from '../../test/support/factories.ts';
import { referenceAssignments, referenceRegistry } from '../../test/support/reference-registry.ts';
import { definition } from '../../test/support/report-fixtures.ts';

const SEED_NAME = 'tsag-2020-regional-offices-contribution.txt';
const SEED = readFileSync(`data/demo/${SEED_NAME}`, 'utf8');
const file = demoContributionsFile.parse(JSON.parse(readFileSync(DEMO_CONTRIBUTIONS, 'utf8')));

const { regions, offices, bodies } = referenceRegistry;
const body = (code: string) => bodies.find((b) => b.code === code)!;
const ctx: RegistryContext = {
  regions,
  offices,
  assignments: referenceAssignments,
  sector: body('ITU-T'),
  advisoryGroup: body('TSAG'),
  bureau: body('TSB'),
  studyPeriods: ['2017-2020'],
  today: '2020-09-14',
};

/** The seed as the importer proposes it: what `fieldbook seed --demo` puts in the register. */
const seedActivities: Activity[] = parseReport(SEED, { document: SEED_NAME, regions, offices, bodies }).activities.map((p) =>
  testActivity({
    title: { en: p.title },
    description: { en: p.description },
    status: p.status,
    offices: [{ office: p.office, role: 'participated' }],
    ...(p.date ? { date: p.date } : {}),
    provenance: { source: 'import', document: p.provenance.document, section: p.provenance.section, item: p.provenance.item, text: p.provenance.text, batch: null },
  }),
);
const seen = (a: Activity): ActivitySeen => ({ version: a.version, title: a.title.en ?? '', date: a.date.text, place: null, status: a.status });

/** Text as a reader compares it: Word's bookmarks, list numbers, Markdown escapes and spacing set aside. */
const normal = (line: string): string =>
  line
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/^\s*\d{1,2}(?:\.\s+|\t)/, '')
    .replace(/\s+/g, ' ')
    .replace(/ - /g, ' – ')
    .trim();

/** The seed's regional sections (4 to 9), each as its heading and its lines. */
function seedSections(): Array<{ heading: string; lines: string[] }> {
  const sections: Array<{ heading: string; lines: string[] }> = [];
  for (const raw of SEED.split('\n')) {
    const heading = /^([4-9])\t((?:Africa|Americas|Arab|Asia|Commonwealth|Europe).+)$/.exec(raw);
    if (heading) sections.push({ heading: normal(heading[2]!), lines: [] });
    else if (sections.length > 0 && raw.trim() !== '') sections.at(-1)!.lines.push(normal(raw));
  }
  return sections;
}

/** The compiled Markdown's region sections, each as its heading and its lines (list items keep their numbers apart). */
function markdownSections(md: string): Array<{ heading: string; lines: string[]; numbers: string[] }> {
  const parts = md.split(/^## /m).slice(1);
  return parts
    .map((part) => {
      const [heading, ...rest] = part.split('\n');
      const lines = rest.filter((l) => l.trim() !== '');
      return { heading: normal(heading!.replace(/^\d+ /, '')), lines: lines.map(normal), numbers: lines.map((l) => /^(\d+)\. /.exec(l)?.[1] ?? '') };
    })
    .slice(3);
}

describe('the demo TSAG 2020 round', () => {
  const resolved = resolveDemoContributions(file, seedActivities, seen);
  const tree = compileRound({ definition: definition(), ctx, contributions: resolved.contributions, missing: [], draft: false }, 'en');

  it('names each activity of the seed by a matcher that finds exactly that one, and links every imported activity', () => {
    expect(resolved.unresolved).toEqual([]);
    expect(resolved.ambiguous).toEqual([]);
    const linked = new Set(resolved.contributions.flatMap((c) => c.content.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b]).flatMap((u) => u.activities.map((l) => l.id)))));
    expect(seedActivities.filter((a) => !linked.has(a.id)).map((a) => a.title.en)).toEqual([]);
    expect(tree.activityCount).toBe(seedActivities.length);
    // Africa's first two items each name two events.
    const africa = resolved.contributions.find((c) => c.office === 'addis-ababa')!.content.blocks[1]!;
    expect(africa.kind === 'list' && africa.items.map((i) => i.activities.length)).toEqual([2, 2, 2, 1, 1]);
  });

  it('keeps an item whose activity is not in the register, without the link', () => {
    const inReview = seedActivities.filter((a) => !a.title.en!.startsWith('Developed the Project document'));
    expect(inReview).toHaveLength(seedActivities.length - 1);
    const partial = resolveDemoContributions(file, inReview, seen);
    expect(partial.unresolved).toEqual([{ office: 'cairo', matcher: { section: '6', title: 'Developed the Project document on Promoting Innovation in IoT' } }]);
    const list = partial.contributions.find((c) => c.office === 'cairo')!.content.blocks[1]!;
    expect(list.kind === 'list' && list.items[1]).toMatchObject({ id: 'cairo-b2-i2', text: expect.stringMatching(/^Developed the Project document/), activities: [] });
  });

  it('compiles to Markdown that says, item for item and in the same grouping, what each regional section of the seed says', () => {
    const seed = seedSections();
    const compiled = markdownSections(renderMarkdown(tree, 'en'));
    // Headings are the registry's names, as in the report from the register (the seed adds "(CIS)" once).
    expect(compiled.map((s) => s.heading)).toEqual(seed.map((s) => s.heading.replace(' (CIS)', '')));
    compiled.forEach((section, n) => {
      // The first line is the registry's "based in … led by …" sentence; the rest is the office's, exactly.
      expect(section.lines.slice(1)).toEqual(seed[n]!.lines.slice(1));
    });
    // Lists restart at 1, as the seed's do: the CIS section's two lists stay two.
    const cis = compiled[4]!;
    expect(cis.numbers.filter(Boolean)).toEqual(['1', '1', '2']);
    // Paragraphs stay paragraphs: the Americas section has no list.
    expect(compiled[1]!.numbers.filter(Boolean)).toEqual([]);
  });

  it('prints the registry\'s "based in … led by …" sentence as the seed does', () => {
    const compiled = markdownSections(renderMarkdown(tree, 'en'));
    const seed = seedSections();
    expect(compiled.map((s) => s.lines[0])).toEqual(seed.map((s) => s.lines[0]!.replace('for Arab States', 'for the Arab States')));
  });

  it('compiles to a Word file in which every item of the six sections is found, in order', async () => {
    const docx = await renderDocx(tree, 'en');
    const text = normal((await mammoth.extractRawText({ buffer: docx })).value);
    let from = 0;
    for (const section of seedSections()) {
      for (const line of section.lines.slice(1)) {
        const at = text.indexOf(line, from);
        expect(at, line).toBeGreaterThanOrEqual(from);
        from = at + line.length;
      }
    }
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    // Six numbered lists: Africa's, the Arab States', Asia-Pacific's, the CIS section's two, Europe's.
    expect(html.match(/<ol>/g)?.length).toBe(6);
  });

  it('prints the cover as a TD does, the round\'s focal point as its Contact', async () => {
    const focalPoint = { name: 'Jane Focal', organisation: 'TSB', country: 'Switzerland', tel: '+41 22 730 0000', email: 'jane.focal@example.org' };
    const cover = compileRound({ definition: definition(), ctx, contributions: resolved.contributions, missing: [], draft: false, focalPoint }, 'en');
    const text = normal((await mammoth.extractRawText({ buffer: await renderDocx(cover, 'en') })).value);
    expect(text).toContain('Contact: Jane Focal TSB Switzerland Tel: +41 22 730 0000 E-mail: jane.focal@example.org');
    // The seed's abstract, word for word.
    expect(text).toContain(`Abstract: ${normal(SEED.split('\n')[1]!)}`);
  });
});
