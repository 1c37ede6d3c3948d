/**
 * The report as Markdown, for pasting into other tools and for reading in a diff. Every text is
 * escaped so that the Markdown means exactly the tree: a "<script>" in a narrative stays text.
 */
import type { Language } from '#src/platform/i18n.ts';
import type { Block, HeaderView, Inline, ReportTree } from './tree.ts';

/** Backslash-escapes what Markdown would read as inline syntax (ASCII punctuation is always escapable). */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)/g, '\\$&');

/** What would start a heading, list, quote or rule at the start of a line. */
const atLineStart = (text: string): string => text.replace(/^(\s*)([#>+=-])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2');

/** Table cells: escaped, on one line. */
const cell = (text: string): string => escapeMarkdown(text).replace(/\s*\n\s*/g, ' ');

function inline(run: Inline): string {
  let md = run.code ? `\`${run.text.replace(/`/g, "'")}\`` : escapeMarkdown(run.text);
  if (run.italic) md = `*${md}*`;
  if (run.bold) md = `**${md}**`;
  if (run.href) md = `[${md}](<${run.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return run.break ? `\\\n${md}` : md;
}

const inlines = (runs: readonly Inline[]): string => runs.map(inline).join('');

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return atLineStart(inlines(b.inlines));
    case 'subheading':
      return `### ${inlines(b.inlines)}`;
    case 'quote':
      return b.blocks
        .map(block)
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'list':
      return b.items
        .map((item, n) => {
          const marker = b.ordered ? `${b.start + n}. ` : '- ';
          const body = item.map(block).join('\n\n');
          return marker + indent(body, ' '.repeat(marker.length)).slice(marker.length);
        })
        .join('\n');
    case 'table': {
      const cells = (values: readonly string[]) => `| ${values.map(cell).join(' | ')} |`;
      return [`**${escapeMarkdown(b.caption)}**`, '', cells(b.columns), `|${b.columns.map(() => '---').join('|')}|`, ...b.rows.map(cells)].join('\n');
    }
  }
}

function header(h: HeaderView): string {
  const banner = [h.union, h.sectorBanner, h.studyPeriod].filter((l): l is string => l !== null).map(escapeMarkdown);
  const rows = h.rows.map((row) => {
    const value =
      'text' in row
        ? cell(row.text)
        : row.contacts
            .map((c) => [...c.lines, c.tel ? `${h.labels.tel} ${c.tel}` : '', c.email ? `${h.labels.email} ${c.email}` : ''].filter(Boolean).map(cell).join('; '))
            .join(' / ');
    return `| **${cell(row.label)}** | ${value} |`;
  });
  return [
    banner.map(atLineStart).join('\\\n'),
    `**${escapeMarkdown(h.group)}**${h.documentNumber ? ` **${escapeMarkdown(h.documentNumber)}**` : ''}\\\n${escapeMarkdown(h.original)}`,
    `**${escapeMarkdown(h.questionsLabel)}** ${escapeMarkdown(h.questions)}\\\n${escapeMarkdown(h.placeAndDate)}`,
    `# ${escapeMarkdown(h.documentType)}`,
    ['| | |', '|---|---|', ...rows].join('\n'),
  ].join('\n\n');
}

export function renderMarkdown(tree: ReportTree, _language: Language): string {
  const sections = tree.sections.map((s) => [`## ${s.number} ${escapeMarkdown(s.title)}`, ...s.blocks.map(block)].join('\n\n'));
  const draft = tree.draft ? [`> **${escapeMarkdown(tree.draft.mark)}**\\\n> ${atLineStart(escapeMarkdown(tree.draft.notice))}`] : [];
  return `${[...draft, header(tree.header), ...sections].join('\n\n')}\n`;
}
