import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { isAppError } from '#src/platform/errors.ts';
import type { Block, ReportTree, Section } from '#src/reports/tree.ts';
import { renderDocx } from '#src/reports/render-docx.ts';
import { renderBlocksHtml, renderHtml } from '#src/reports/render-html.ts';
import { renderMarkdown } from '#src/reports/render-markdown.ts';
import { compileOffice, compileRound, type RoundReportInput } from './compile.ts';
import type { ContributionContent } from './content.ts';
import { docxParts, partText } from '../../test/support/docx-parts.ts';
import { context, definition } from '../../test/support/report-fixtures.ts';

const { activities: _a, outlook: _o, ...ctx } = context();

const link = (id: string) => ({ id, seen: { version: 1, title: id, date: '2020', place: null, status: 'held' as const } });

const africa: ContributionContent = {
  language: 'en',
  blocks: [
    { id: 'p1', kind: 'paragraph', text: 'During the period, the Regional Office for Africa contributed to:', activities: [] },
    {
      id: 'l1',
      kind: 'list',
      items: [
        { id: 'i1', text: 'Two events in Abuja: a workshop, 3 and 4 February 2020, followed by a meeting on 5 and 6 February.', activities: [link('a1'), link('a2')] },
        { id: 'i2', text: 'Promoted TSB events.', activities: [] },
        { id: 'i3', text: 'Promoted TSB events.', activities: [] },
      ],
    },
    { id: 'p2', kind: 'paragraph', text: 'Experts took part in these:', activities: [] },
    { id: 'l2', kind: 'list', items: [{ id: 'i4', text: 'A forum in Minsk.', activities: [link('a1')] }] },
    { id: 'p3', kind: 'paragraph', text: 'A closing paragraph.\nWith a second line.', activities: [] },
  ],
};
const dakar: ContributionContent = { language: 'en', blocks: [{ id: 'p', kind: 'paragraph', text: 'Dakar wrote this.', activities: [] }] };
const americas: ContributionContent = {
  language: 'en',
  blocks: ['First paragraph.', 'Second paragraph.', 'Third paragraph.'].map((text, n) => ({ id: `p${n}`, kind: 'paragraph' as const, text, activities: [] })),
};

const input = (extra: Partial<RoundReportInput> = {}): RoundReportInput => ({
  definition: definition(),
  ctx,
  contributions: [
    { office: 'dakar', content: dakar },
    { office: 'addis-ababa', content: africa },
    { office: 'brasilia', content: americas },
  ],
  missing: [],
  draft: false,
  ...extra,
});

const lines = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => {
    if (b.kind === 'list') return b.items.map((item, n) => `${n + 1}. ${lines(item).join(' ')}`);
    if (b.kind === 'quote') return lines(b.blocks);
    if (b.kind === 'table') return [b.caption, ...b.rows.map((r) => r.join(' | '))];
    return [b.inlines.map((i) => (i.break ? `/${i.text}` : i.text)).join('')];
  });
const region = (tree: ReportTree, code: string): Section => tree.sections.find((s) => s.region === code)!;

describe('compiling a round', () => {
  it('prints the cover and common sections, then each region with its offices\' blocks exactly as written', () => {
    const tree = compileRound(input(), 'en');
    expect(tree.sections.map((s) => s.title)).toEqual([
      'Introduction: ITU Regional Presence',
      'ITU Plenipotentiary Resolution 25 (Rev. Dubai, 2018)',
      'TSB mechanisms of coordination with the Regions',
      'Africa – Regional Office for Africa',
      'Americas – Regional Office for the Americas',
      'Arab States – Regional Office for the Arab States',
      'Asia and the Pacific – Regional Office for Asia and the Pacific',
      'Commonwealth of Independent States – Regional Office for the CIS Region',
      'Europe – ITU Office for Europe',
    ]);
    expect(lines(region(tree, 'AFR').blocks)).toEqual([
      'The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.',
      'During the period, the Regional Office for Africa contributed to:',
      '1. Two events in Abuja: a workshop, 3 and 4 February 2020, followed by a meeting on 5 and 6 February.',
      // Two items saying the same stay two items: the office's text is not de-duplicated.
      '2. Promoted TSB events.',
      '3. Promoted TSB events.',
      'Experts took part in these:',
      '1. A forum in Minsk.',
      'A closing paragraph./With a second line.',
      // The area office after the regional one, introduced by the registry's sentence.
      'The Area Office for West Africa is based in Dakar.',
      'Dakar wrote this.',
    ]);
    // Paragraphs stay paragraphs.
    expect(region(tree, 'AMS').blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(lines(region(tree, 'ARB').blocks)).toEqual(['The Regional Office for the Arab States is based in Cairo.', 'No activities were reported for this period.']);
    expect(tree.activityCount).toBe(2);
    expect(tree.draft).toBeNull();
  });

  it('gives the preview one office\'s part as the report prints it', () => {
    const part = compileOffice({ definition: definition(), ctx, office: 'dakar', content: dakar }, 'en');
    expect(lines(part)).toEqual(['The Area Office for West Africa is based in Dakar.', 'Dakar wrote this.']);
    const main = compileOffice({ definition: definition(), ctx, office: 'addis-ababa', content: africa }, 'en');
    expect(main).toEqual(region(compileRound(input(), 'en'), 'AFR').blocks.slice(1, 6));
    expect(renderBlocksHtml(part)).toBe('<p dir="auto">The Area Office for West Africa is based in Dakar.</p>\n<p dir="auto">Dakar wrote this.</p>');
  });

  it('refuses to issue a report with offices missing, and marks a draft with them on every page', async () => {
    let refused: unknown = null;
    try {
      compileRound(input({ missing: ['cairo'] }), 'en');
    } catch (error) {
      refused = error;
    }
    expect(isAppError(refused) && refused.code).toBe('round_incomplete');

    const tree = compileRound(input({ missing: ['cairo', 'moscow'], draft: true }), 'en');
    expect(tree.draft).toEqual({
      mark: 'DRAFT',
      notice: 'Draft, compiled before every contribution was accepted. Not yet accepted: Regional Office for the Arab States and Regional Office for the CIS Region.',
      missing: ['Regional Office for the Arab States', 'Regional Office for the CIS Region'],
    });
    expect(lines(region(tree, 'ARB').blocks).at(-1)).toBe('Contribution not yet accepted: Regional Office for the Arab States.');
    expect(lines(region(tree, 'ASP').blocks).at(-1)).toBe('No activities were reported for this period.');
    expect(tree.fileName).toMatch(/-draft$/);
    expect(compileRound(input({ missing: ['cairo'], draft: true }), 'fr').draft?.mark).toBe('PROJET');

    const md = renderMarkdown(tree, 'en');
    expect(md.startsWith('> **DRAFT**\\\n> Draft, compiled before every contribution was accepted. Not yet accepted: Regional Office for the Arab States')).toBe(true);

    const html = renderHtml(tree, 'en');
    expect(html).toContain('<p class="draft-banner" role="note" dir="auto"><strong>DRAFT</strong> Draft, compiled');
    expect(html).toMatch(/@page \{ @top-center \{ content: "DRAFT";/);
    expect(renderHtml(tree, 'en', { pageHeader: false })).not.toContain('@top-center');
    expect(renderHtml(compileRound(input(), 'en'), 'en')).not.toContain('draft-banner');

    const docx = await renderDocx(tree, 'en');
    const parts = docxParts(docx);
    const headers = [...parts].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => partText(xml));
    // The first page has a header of its own; both it and the other pages' say DRAFT.
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const header of headers) expect(header).toContain('DRAFT');
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(text.trimStart().startsWith('Draft, compiled before every contribution was accepted.')).toBe(true);
    const complete = docxParts(await renderDocx(compileRound(input(), 'en'), 'en'));
    expect([...complete].filter(([name]) => name.startsWith('word/header')).map(([, xml]) => partText(xml)).join('')).not.toContain('DRAFT');
  });

  it('prints the round\'s focal point as the Contact unless the cover names one', () => {
    const focalPoint = { name: 'Jane Focal', organisation: 'TSB', country: 'Switzerland', tel: '+41 22 730 5111', email: 'jane.focal@itu.int' };
    const contact = (tree: ReportTree) => tree.header.rows.find((r) => 'contacts' in r);
    expect(contact(compileRound(input({ focalPoint }), 'en'))).toEqual({
      label: 'Contact:',
      contacts: [{ lines: ['Jane Focal', 'TSB', 'Switzerland'], tel: '+41 22 730 5111', email: 'jane.focal@itu.int' }],
    });
    const named = definition({ header: { ...definition().header, contacts: [{ name: 'Named Author', organisation: null, country: null, tel: null, email: 'a@itu.int' }] } });
    expect(contact(compileRound(input({ definition: named, focalPoint }), 'en'))).toEqual({
      label: 'Contact:',
      contacts: [{ lines: ['Named Author'], tel: null, email: 'a@itu.int' }],
    });
    expect(contact(compileRound(input(), 'en'))).toBeUndefined();
  });
});
