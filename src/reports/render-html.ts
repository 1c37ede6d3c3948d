/**
 * The report as one standalone, printable HTML page: no scripts, no outside resources, every
 * text escaped. Chromium prints this same page to PDF. Paragraphs take their direction from their
 * first letter, so an English item reads left to right in an Arabic report.
 */
import { escapeHtml } from '#src/platform/html.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Block, HeaderView, Inline, ReportTree } from './tree.ts';

function inline(run: Inline): string {
  let html = escapeHtml(run.text);
  if (run.code) html = `<code>${html}</code>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
  return run.break ? `<br>${html}` : html;
}

const inlines = (runs: readonly Inline[]): string => runs.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p dir="auto">${inlines(b.inlines)}</p>`;
    case 'subheading':
      return `<h3>${inlines(b.inlines)}</h3>`;
    case 'quote':
      return `<blockquote>${b.blocks.map(block).join('\n')}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      return `<${tag}${start}>\n${b.items.map((item) => `<li>${item.map(block).join('')}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return `<table class="annex">\n<caption dir="auto">${escapeHtml(b.caption)}</caption>\n<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${b.rows
        .map((r) => `<tr>${r.map((c) => `<td dir="auto">${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('\n')}\n</tbody>\n</table>`;
  }
}

/** Blocks alone, as they print inside a section: the live preview of an office's part. */
export const renderBlocksHtml = (blocks: readonly Block[]): string => blocks.map(block).join('\n');

function header(h: HeaderView): string {
  const banner = [h.union, h.sectorBanner, h.studyPeriod].filter((l): l is string => l !== null).map(escapeHtml);
  const rows = h.rows
    .map((row) => {
      const value =
        'text' in row
          ? `<td colspan="2">${escapeHtml(row.text)}</td>`
          : `<td>${row.contacts.map((c) => `<p>${c.lines.map(escapeHtml).join('<br>')}</p>`).join('')}</td><td>${row.contacts
              .map(
                (c) =>
                  `<p>${[c.tel ? `${escapeHtml(h.labels.tel)} ${escapeHtml(c.tel)}` : '', c.email ? `${escapeHtml(h.labels.email)} <a href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>` : '']
                    .filter(Boolean)
                    .join('<br>')}</p>`,
              )
              .join('')}</td>`;
      return `<tr class="labelled"><th scope="row">${escapeHtml(row.label)}</th>${value}</tr>`;
    })
    .join('\n');
  return `<table class="td-header">
<colgroup><col class="c1"><col class="c2"><col class="c3"></colgroup>
<tr class="banner"><td colspan="2" class="union">${banner.map((l, i) => (i < 2 ? `<strong>${l}</strong>` : l)).join('<br>')}</td><td class="docref"><span class="group">${escapeHtml(h.group)}</span>${
    h.documentNumber ? `<br><strong>${escapeHtml(h.documentNumber)}</strong>` : ''
  }</td></tr>
<tr class="meta"><td colspan="2"></td><td class="original"><strong>${escapeHtml(h.original)}</strong></td></tr>
<tr class="questions"><th scope="row">${escapeHtml(h.questionsLabel)}</th><td>${escapeHtml(h.questions)}</td><td class="place">${escapeHtml(h.placeAndDate)}</td></tr>
<tr class="doctype"><td colspan="3">${escapeHtml(h.documentType)}</td></tr>
${rows}
</table>`;
}

const STYLE = `
@page { size: A4; margin: 20mm 20mm 22mm 20mm; }
html { font-family: "Times New Roman", "Liberation Serif", Times, "WenQuanYi Micro Hei", "Noto Serif CJK SC", "DejaVu Sans", serif; font-size: 12pt; line-height: 1.3; color: #000; background: #fff; }
body { margin: 0; }
main { max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
@media print { main { padding: 0; max-width: none; } }
p { margin: 6pt 0 0; }
a { color: #0b5cad; }
table.annex { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; font-size: 10pt; page-break-inside: auto; }
table.annex caption { text-align: start; font-weight: bold; font-size: 12pt; padding: 6pt 0 3pt; }
table.annex th, table.annex td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: start; vertical-align: top; }
table.annex thead { display: table-header-group; }
table.annex tr { page-break-inside: avoid; }
table.td-header { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
table.td-header col.c1 { width: 17%; } table.td-header col.c2 { width: 48%; } table.td-header col.c3 { width: 35%; }
table.td-header td, table.td-header th { vertical-align: top; padding: 3pt 4pt; text-align: start; font-weight: normal; }
table.td-header tr.banner td { border-bottom: 1.5pt solid #000; padding-bottom: 6pt; }
table.td-header td.union { font-size: 11pt; line-height: 1.4; }
table.td-header td.docref { text-align: end; font-size: 11pt; }
table.td-header span.group { font-size: 18pt; font-weight: bold; }
table.td-header td.original { text-align: end; }
table.td-header tr.questions th { font-weight: bold; }
table.td-header td.place { text-align: end; }
table.td-header tr.questions td, table.td-header tr.questions th { border-bottom: 1pt solid #000; }
table.td-header tr.doctype td { text-align: center; font-weight: bold; font-size: 14pt; padding: 6pt; border-bottom: 1pt solid #000; }
table.td-header tr.labelled th { font-weight: bold; }
table.td-header tr.labelled th, table.td-header tr.labelled td { border-bottom: 0.5pt solid #000; }
table.td-header tr.labelled p { margin: 0; }
h2 { font-size: 12pt; font-weight: bold; margin: 18pt 0 6pt; display: flex; gap: 0; break-after: avoid; page-break-after: avoid; }
h2 .num { display: inline-block; min-width: 10mm; flex: none; }
h3 { font-size: 12pt; font-weight: bold; font-style: italic; margin: 12pt 0 0; }
ol, ul { margin: 6pt 0 0; padding-inline-start: 10mm; }
li { margin: 3pt 0 0; break-inside: avoid; }
li > p:first-child { margin-top: 0; }
blockquote { margin: 6pt 0 0 10mm; }
[dir="rtl"] blockquote { margin: 6pt 10mm 0 0; }
code { font-family: "Courier New", "Liberation Mono", monospace; font-size: 11pt; }
footer.end { text-align: center; margin-top: 18pt; }
`;

/** A CSS string literal that nothing in the text can end early (nor close the style element). */
const cssString = (text: string): string => `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/** A draft's banner at the top and, printed, its mark at the top of every page. */
function draft(tree: ReportTree, pageHeader: boolean): { style: string; banner: string } {
  if (!tree.draft) return { style: '', banner: '' };
  const style = `
.draft-banner { border: 1.5pt solid #000; padding: 6pt 8pt; margin: 0 0 12pt; }
.draft-banner strong { letter-spacing: 0.1em; }${pageHeader ? `
@page { @top-center { content: ${cssString(tree.draft.mark)}; font-family: "Times New Roman", "Liberation Serif", serif; font-size: 11pt; font-weight: bold; } }` : ''}`;
  return { style, banner: `<p class="draft-banner" role="note" dir="auto"><strong>${escapeHtml(tree.draft.mark)}</strong> ${escapeHtml(tree.draft.notice)}</p>\n` };
}

/**
 * `pageHeader`: false when the printer draws the page headers itself (the PDF printer does, so a
 * draft's mark is printed once per page).
 */
export function renderHtml(tree: ReportTree, language: Language, options: { pageHeader?: boolean } = {}): string {
  const marker = draft(tree, options.pageHeader ?? true);
  const sections = tree.sections
    .map(
      (s) =>
        `<section class="${s.kind}"${s.region ? ` data-region="${escapeHtml(s.region)}"` : ''}>
<h2><span class="num">${s.number}</span> <span class="title">${escapeHtml(s.title)}</span></h2>
${s.blocks.map(block).join('\n')}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${language}" dir="${tree.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${tree.header.reference}: ${tree.header.title}`)}</title>
<style>${STYLE}${marker.style}</style>
</head>
<body>
<main>
${marker.banner}${header(tree.header)}
${sections}
<footer class="end">______________</footer>
</main>
</body>
</html>
`;
}
