/**
 * The coverage as a heatmap drawn on the server (no script in the browser): d3-scale places the
 * rows and columns and shades a cell by how many activities it counts (planned and held); a gap
 * (none) is hatched, and every non-empty cell prints its figure, so colour never carries the
 * meaning alone; the table beside it gives the figures apart. The SVG carries its own colours (it
 * is an image in the workspace and inline on the public page). In a right-to-left page the
 * columns run from the right and the row labels stand on the right (`direction="ltr"` on the
 * drawing itself, as charts.ts explains).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { html, type Html } from '#src/publishing/html.ts';
import { isGap, type Figures } from './model.ts';

export interface HeatmapInput {
  /** Unique on the page: the ids of the title and description. */
  id: string;
  title: string;
  description: string;
  rows: ReadonlyArray<{ label: string; cells: readonly Figures[] }>;
  columns: ReadonlyArray<{ label: string; strong: boolean }>;
  direction: 'ltr' | 'rtl';
  formatNumber(value: number): string;
  /** A cell's tooltip, in the page's words. */
  cellTitle(row: string, column: string, figures: Figures): string;
  /** The legend's words. */
  legend: { fewer: string; more: string; gap: string };
}

const CELL = { width: 34, height: 26 };
const MARGIN = { label: 72, end: 8, legend: 40 };
/** About how wide a character of a 12px label is; the column labels, turned 60°, set the top margin and the overhang. */
const CHAR_WIDTH = 6.6;
const LIGHT = '#e6eef7';
const DARK = '#084a8c';

export function heatmap(input: HeatmapInput): Html {
  const { rows, columns } = input;
  const rtl = input.direction === 'rtl';
  const longest = CHAR_WIDTH * Math.max(3, ...columns.map((c) => c.label.length));
  const top = Math.round(longest * Math.sin(Math.PI / 3)) + 16;
  // Turned labels lean to the right: the drawing's right edge leaves room for the last one's overhang.
  const overhang = Math.round(longest * Math.cos(Math.PI / 3));
  const gridWidth = Math.max(1, columns.length) * CELL.width;
  const width = MARGIN.label + gridWidth + Math.max(MARGIN.end, overhang);
  const height = top + Math.max(1, rows.length) * CELL.height + MARGIN.legend;
  const gridStart = rtl ? width - MARGIN.label - gridWidth : MARGIN.label;
  const gridEnd = gridStart + gridWidth;
  const x = scaleBand<number>().domain(columns.map((_, i) => i)).range(rtl ? [gridEnd, gridStart] : [gridStart, gridEnd]);
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, top + rows.length * CELL.height]);
  const most = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.planned + c.held)));
  const shade = scaleLinear<string>().domain([1, Math.max(2, most)]).range([LIGHT, DARK]);
  const round = (v: number) => Math.round(v * 10) / 10;
  const cells = rows.map((row, r) =>
    row.cells.map((figures, c) => {
      const count = figures.planned + figures.held;
      const at = { x: round(x(c) ?? 0), y: round(y(r) ?? 0) };
      const tooltip = html`<title>${input.cellTitle(row.label, columns[c]!.label, figures)}</title>`;
      if (isGap(figures)) return html`<rect x="${at.x}" y="${at.y}" width="${CELL.width}" height="${CELL.height}" fill="url(#${input.id}-gap)" stroke="#fff">${tooltip}</rect>`;
      const fill = shade(count);
      const ink = count > (most + 1) / 2 ? '#fff' : '#1a1a1a';
      return html`<g><rect x="${at.x}" y="${at.y}" width="${CELL.width}" height="${CELL.height}" fill="${fill}" stroke="#fff">${tooltip}</rect><text x="${round(at.x + CELL.width / 2)}" y="${round(at.y + CELL.height / 2)}" dy="0.35em" text-anchor="middle" fill="${ink}">${input.formatNumber(count)}</text></g>`;
    }),
  );
  const rowLabels = rows.map(
    (row, r) =>
      html`<text x="${rtl ? gridEnd + 6 : gridStart - 6}" y="${round((y(r) ?? 0) + CELL.height / 2)}" dy="0.35em" text-anchor="${rtl ? 'start' : 'end'}">${row.label}</text>`,
  );
  const columnLabels = columns.map((column, c) => {
    const cx = round((x(c) ?? 0) + CELL.width / 2);
    const cy = top - 6;
    return html`<text x="${cx}" y="${cy}" transform="rotate(-60 ${cx} ${cy})" text-anchor="start"${column.strong ? html` font-weight="bold"` : null}>${column.label}</text>`;
  });
  const legendY = top + rows.length * CELL.height + 14;
  // The legend reads from the reading side: swatch, then its word, three times.
  const legend = [
    { fill: LIGHT, word: input.legend.fewer, stroke: null },
    { fill: DARK, word: input.legend.more, stroke: null },
    { fill: `url(#${input.id}-gap)`, word: input.legend.gap, stroke: '#b3261e' },
  ].map((entry, i) => {
    const swatch = rtl ? gridEnd - 14 - i * 80 : gridStart + i * 80;
    const text = rtl ? swatch - 6 : swatch + 20;
    return html`<rect x="${swatch}" y="${legendY}" width="14" height="14" fill="${entry.fill}"${entry.stroke ? html` stroke="${entry.stroke}" stroke-width="0.5"` : null}/><text x="${text}" y="${legendY + 11}" text-anchor="${rtl ? 'end' : 'start'}">${entry.word}</text>`;
  });
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" direction="ltr" role="img" aria-labelledby="${input.id}-title ${input.id}-desc">
<title id="${input.id}-title">${input.title}</title><desc id="${input.id}-desc">${input.description}</desc>
<defs><pattern id="${input.id}-gap" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="1.5"/></pattern></defs>
<g font-family="system-ui, sans-serif" font-size="12" fill="#1a1a1a">
<g>${cells}</g>
<g fill="#1a1a1a">${rowLabels}</g>
<g fill="#4d4d4d">${columnLabels}</g>
<g>${legend}</g>
</g></svg>`;
}
