/**
 * The report as a Word document in the organisation's style: Times New Roman 12, the TD header
 * table, headings numbered "4<tab>Africa – …", lists with Word's own numbering (each list
 * restarting at 1), page numbers "- 2 -" at the top of every page after the first.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { Language } from '#src/platform/i18n.ts';
import type { Block, HeaderView, Inline, ReportTree } from './tree.ts';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
const CODE_FONT = 'Courier New';
/** A4 in twentieths of a point, with the organisation's 2 cm side margins. */
const PAGE = { width: 11906, height: 16838, margin: { top: 1418, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const COLUMNS = [Math.round(TEXT_WIDTH * 0.17), Math.round(TEXT_WIDTH * 0.48)];
COLUMNS.push(TEXT_WIDTH - COLUMNS[0]! - COLUMNS[1]!);
/** Indent of one list level and of a heading's text after its number: 1 cm. */
const STEP = 567;

/** Arabic and Hebrew letters, and the first letter of a text in any script. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const FIRST_LETTER = /\p{L}/u;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const line = (size: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color: '000000' });

interface Context {
  rtl: boolean;
  /** Paragraph direction: only right-to-left paragraphs say so. */
  dir: { bidirectional?: true };
  /** Text at the end of the line: "right" for left-to-right text (read by every Word version), "end" otherwise. */
  end: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** One numbering instance per list, so each list starts again at 1. */
  instance: number;
  /** Ordered lists that start elsewhere than 1 need a numbering definition of their own. */
  starts: Set<number>;
}

/** In a right-to-left report, a paragraph takes its direction from its first letter (an English item stays left to right). */
function direction(inlines: readonly Inline[], ctx: Context): { bidirectional?: true } {
  if (!ctx.rtl) return {};
  const first = FIRST_LETTER.exec(inlines.map((i) => i.text).join(''))?.[0];
  return first === undefined || RTL_LETTER.test(first) ? { bidirectional: true } : {};
}

function runs(inlines: readonly Inline[], ctx: Context, extra: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  // Plain text, the common case of generated list items, needs no run properties (fewer objects for long reports).
  const only = inlines.length === 1 ? inlines[0]! : null;
  if (only && !ctx.rtl && !only.bold && !only.italic && !only.code && !only.href && !only.break && !extra.bold && !extra.size) return [new TextRun(only.text)];
  return inlines.flatMap((inline) => {
    const rtl = ctx.rtl && RTL_LETTER.test(inline.text) ? { rightToLeft: true } : {};
    // A space before a line break: invisible at the end of the line, and text readers see two words, not one.
    const space = inline.break ? [new TextRun({ text: ' ', ...rtl })] : [];
    const run = new TextRun({
      text: inline.text,
      bold: inline.bold || extra.bold,
      italics: inline.italic,
      ...(extra.size ? { size: extra.size } : {}),
      ...(inline.code ? { font: CODE_FONT, size: 22 } : {}),
      ...(inline.href ? { style: 'Hyperlink' } : {}),
      ...(inline.break ? { break: 1 } : {}),
      ...rtl,
    });
    return [...space, inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run];
  });
}

const text = (value: string, ctx: Context, options: { bold?: boolean; size?: number } = {}): ParagraphChild[] => runs([{ text: value }], ctx, options);

/** A table block: its caption, then a ruled table with a header row repeated on every page. */
function table(block: Extract<Block, { kind: 'table' }>, ctx: Context): Array<Paragraph | Table> {
  const width = Math.floor(TEXT_WIDTH / Math.max(block.columns.length, 1));
  const ruled = { top: line(4), bottom: line(4), left: line(4), right: line(4) };
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      // Only the header row says so: some readers take any tblHeader element, false or not, for a header.
      ...(header ? { tableHeader: true } : {}),
      cantSplit: true,
      children: cells.map(
        (value) =>
          new TableCell({
            children: [new Paragraph({ children: text(value, ctx, header ? { bold: true, size: 20 } : { size: 20 }), ...direction([{ text: value }], ctx), spacing: { before: 0 } })],
            width: { size: width, type: WidthType.DXA },
            borders: ruled,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
          }),
      ),
    });
  return [
    new Paragraph({ children: text(block.caption, ctx, { bold: true }), ...ctx.dir, keepNext: true, spacing: { before: 240, after: 60 } }),
    new Table({
      rows: [row(block.columns, true), ...block.rows.map((r) => row(r, false))],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: block.columns.map(() => width),
      layout: TableLayoutType.FIXED,
      ...(ctx.rtl ? { visuallyRightToLeft: true } : {}),
    }),
  ];
}

function blocks(list: readonly Block[], ctx: Context, depth: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const block of list) {
    switch (block.kind) {
      case 'paragraph':
        out.push(new Paragraph({ children: runs(block.inlines, ctx), ...direction(block.inlines, ctx), ...(depth > 0 ? { indent: { left: depth * STEP } } : {}) }));
        break;
      case 'subheading':
        out.push(new Paragraph({ children: runs(block.inlines.map((i) => ({ ...i, bold: true, italic: true })), ctx), ...ctx.dir, keepNext: true, spacing: { before: 240 } }));
        break;
      case 'quote':
        out.push(...blocks(block.blocks, ctx, depth + 1));
        break;
      case 'table':
        out.push(...table(block, ctx));
        break;
      case 'list': {
        ctx.instance += 1;
        const instance = ctx.instance;
        if (block.ordered && block.start !== 1) ctx.starts.add(block.start);
        const reference = block.ordered ? (block.start === 1 ? 'report-ordered' : `report-ordered-${block.start}`) : 'report-bullets';
        const level = Math.min(depth, 2);
        for (const item of block.items) {
          item.forEach((part, n) => {
            if (part.kind === 'list' || part.kind === 'quote' || part.kind === 'table') {
              out.push(...blocks([part], ctx, depth + 1));
            } else if (n === 0) {
              const inlines = part.kind === 'subheading' ? part.inlines.map((i) => ({ ...i, bold: true })) : part.inlines;
              out.push(new Paragraph({ children: runs(inlines, ctx), numbering: { reference, level, instance }, ...direction(inlines, ctx) }));
            } else {
              out.push(...blocks([part], ctx, depth + 1));
            }
          });
        }
        break;
      }
    }
  }
  return out;
}

function cell(children: Paragraph[], options: { span?: number; bottom?: IBorderOptions; width: number }): TableCell {
  return new TableCell({
    children,
    columnSpan: options.span,
    width: { size: options.width, type: WidthType.DXA },
    borders: { top: NONE, left: NONE, right: NONE, bottom: options.bottom ?? NONE },
    margins: { top: 40, bottom: 60, left: 80, right: 80 },
  });
}

function headerTable(h: HeaderView, ctx: Context): Table {
  const [c1, c2, c3] = COLUMNS as [number, number, number];
  const para = (children: ParagraphChild[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ children, ...(alignment ? { alignment } : {}), ...ctx.dir, spacing: { before: 0 } });
  const banner = [h.union, h.sectorBanner, h.studyPeriod].filter((l): l is string => l !== null);
  const bannerLines = banner.map((l, i) => para(text(l, ctx, { bold: i < 2, size: 22 })));
  const docref = [
    para(text(h.group, ctx, { bold: true, size: 36 }), ctx.end),
    ...(h.documentNumber ? [para(text(h.documentNumber, ctx, { bold: true, size: 22 }), ctx.end)] : []),
  ];
  const rows: TableRow[] = [
    new TableRow({ children: [cell(bannerLines, { span: 2, width: c1 + c2, bottom: line(12) }), cell(docref, { width: c3, bottom: line(12) })] }),
    new TableRow({ children: [cell([para([])], { span: 2, width: c1 + c2 }), cell([para(text(h.original, ctx, { bold: true }), ctx.end)], { width: c3 })] }),
    new TableRow({
      children: [
        cell([para(text(h.questionsLabel, ctx, { bold: true }))], { width: c1, bottom: line(8) }),
        cell([para(text(h.questions, ctx))], { width: c2, bottom: line(8) }),
        cell([para(text(h.placeAndDate, ctx), ctx.end)], { width: c3, bottom: line(8) }),
      ],
    }),
    new TableRow({ children: [cell([para(text(h.documentType, ctx, { bold: true, size: 28 }), AlignmentType.CENTER)], { span: 3, width: TEXT_WIDTH, bottom: line(8) })] }),
  ];
  for (const row of h.rows) {
    const label = cell([para(text(row.label, ctx, { bold: true }))], { width: c1, bottom: line(4) });
    if ('text' in row) {
      rows.push(new TableRow({ children: [label, cell([para(text(row.text, ctx))], { span: 2, width: c2 + c3, bottom: line(4) })] }));
    } else {
      const who = row.contacts.flatMap((c) => c.lines.map((l) => para(text(l, ctx))));
      const reach = row.contacts.flatMap((c) => [
        ...(c.tel ? [para(text(`${h.labels.tel} ${c.tel}`, ctx))] : []),
        ...(c.email ? [para(runs([{ text: `${h.labels.email} ` }, { text: c.email, href: `mailto:${c.email}` }], ctx))] : []),
      ]);
      rows.push(new TableRow({ children: [label, cell(who, { width: c2, bottom: line(4) }), cell(reach, { width: c3, bottom: line(4) })] }));
    }
  }
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

const levels = (format: 'ordered' | 'bullets', start = 1): ILevelsOptions[] =>
  [0, 1, 2].map((level) => ({
    level,
    format: format === 'bullets' ? LevelFormat.BULLET : [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level]!,
    text: format === 'bullets' ? ['•', '–', '◦'][level]! : ['%1.', '%2)', '%3)'][level]!,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: (level + 1) * STEP, hanging: STEP }, spacing: { before: 60 } } },
  }));

export async function renderDocx(tree: ReportTree, language: Language): Promise<Buffer> {
  const rtl = tree.direction === 'rtl';
  const ctx: Context = { rtl, dir: rtl ? { bidirectional: true } : {}, end: rtl ? AlignmentType.END : AlignmentType.RIGHT, instance: 0, starts: new Set() };
  const body: Array<Paragraph | Table> = [];
  if (tree.draft) body.push(new Paragraph({ children: text(tree.draft.notice, ctx, { bold: true }), ...ctx.dir, spacing: { before: 0, after: 240 } }));
  body.push(headerTable(tree.header, ctx));
  for (const section of tree.sections) {
    body.push(
      new Paragraph({
        children: text(`${section.number}\t${section.title}`, ctx, { bold: true }),
        heading: 'Heading1',
        ...ctx.dir,
        keepNext: true,
        tabStops: [{ type: 'left', position: STEP }],
        indent: { left: STEP, hanging: STEP },
        spacing: { before: 360, after: 60 },
      }),
      ...blocks(section.blocks, ctx, 0),
    );
  }
  body.push(new Paragraph({ children: text('______________', ctx), alignment: AlignmentType.CENTER, spacing: { before: 360 } }));

  // A draft says so at the top of every page, the first included (Word gives the first page its own header).
  const draftMark = tree.draft ? new Paragraph({ alignment: AlignmentType.CENTER, ...ctx.dir, children: text(tree.draft.mark, ctx, { bold: true, size: 28 }) }) : null;
  const document = new Document({
    creator: 'Fieldbook',
    title: tree.header.title,
    description: tree.header.reference,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: language } }, paragraph: { spacing: { before: 120 } } },
        heading1: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 60 } } },
        hyperlink: { run: { color: '0B5CAD', underline: { type: 'single' } } },
      },
    },
    numbering: {
      config: [
        { reference: 'report-ordered', levels: levels('ordered') },
        { reference: 'report-bullets', levels: levels('bullets') },
        ...[...ctx.starts].map((start) => ({ reference: `report-ordered-${start}`, levels: levels('ordered', start) })),
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin }, titlePage: true },
        headers: {
          first: new Header({ children: [draftMark ?? new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              ...(draftMark ? [draftMark] : []),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })] }),
              new Paragraph({ alignment: ctx.end, ...ctx.dir, children: text(tree.header.reference, ctx, { size: 20 }) }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
