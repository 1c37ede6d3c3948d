/**
 * Charts drawn as SVG on the server (no script in the browser): d3-scale places the bands and the
 * axis, d3-shape stacks the series; the markup is ours. A chart names itself for assistive
 * technology (role="img" with its <title> and <desc>), and every figure it draws is also in a
 * table beside it. Series are told apart by CSS classes (`chart-s0`…) whose colours site.css
 * keeps, and by the legend's order. In a right-to-left page the categories run from the right
 * and the axis stands on the right; the text anchors are given for the drawing's own left-to-right
 * coordinates, so the SVG says `direction="ltr"` (a right-to-left page's direction, inherited,
 * would turn every "start" into a right edge); each label's own words still read right to left.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { html, type Html } from './html.ts';

export interface ChartCategory {
  key: string;
  /** Short, under its bar ("Mar"). */
  label: string;
  /** In full, in the bar's tooltips ("March 2026"). */
  name: string;
}

export interface ChartSeries {
  key: string;
  label: string;
}

export interface StackedBarsInput {
  /** Unique on the page: the ids of the title and description. */
  id: string;
  title: string;
  description: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** The count of a series in a category. */
  value(category: string, series: string): number;
  direction: 'ltr' | 'rtl';
  formatNumber(value: number): string;
  /** A bar's tooltip: its series, its category's full name and its count, in the page's words. */
  barTitle(series: string, category: string, count: string): string;
}

/** The series' colours (Okabe–Ito, told apart by colour-blind readers); site.css has the same for pages. */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 320;
const MARGIN = { top: 12, bottom: 28, axis: 44, end: 8 };

type Row = Record<string, number>;

/**
 * Bars of stacked series per category, with a y axis of whole numbers. `standalone`: an SVG file of
 * its own (an image in the workspace), carrying its colours and its legend, which a page gives
 * with its style sheet and beside the chart.
 */
export function stackedBars(input: StackedBarsInput, options: { standalone?: boolean } = {}): Html {
  const { categories, series, direction } = input;
  const rows: Row[] = categories.map((c) => Object.fromEntries(series.map((s) => [s.key, input.value(c.key, s.key)])));
  const layers = stack<Row, string>().keys(series.map((s) => s.key))(rows);
  const top = Math.max(1, ...rows.map((row) => series.reduce((sum, s) => sum + (row[s.key] ?? 0), 0)));
  const rtl = direction === 'rtl';
  const left = rtl ? MARGIN.end : MARGIN.axis;
  const right = CHART_WIDTH - (rtl ? MARGIN.axis : MARGIN.end);
  const x = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range(rtl ? [right, left] : [left, right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const y = scaleLinear().domain([0, top]).nice().range([CHART_HEIGHT - MARGIN.bottom, MARGIN.top]);
  // Whole numbers only: a count has no halves.
  const ticks = y.ticks(5).filter((tick) => Number.isInteger(tick));
  const axisX = rtl ? right : left;
  const round = (v: number) => Math.round(v * 10) / 10;
  // A band from a right-to-left range starts at its right edge: scaleBand gives the left edge either way.
  const bandX = (i: number) => round(x(i) ?? 0);
  const bars = layers.map(
    (layer, s) =>
      html`<g class="chart-s${s}">${layer.map(([low, high], i) => {
        const count = high - low;
        if (count <= 0) return null;
        const category = categories[i]!;
        return html`<rect x="${bandX(i)}" y="${round(y(high))}" width="${round(x.bandwidth())}" height="${round(y(low) - y(high))}"><title>${input.barTitle(series[s]!.label, category.name, input.formatNumber(count))}</title></rect>`;
      })}</g>`,
  );
  const gridLines = ticks.map(
    (tick) =>
      html`<g class="chart-tick"><line x1="${left}" x2="${right}" y1="${round(y(tick))}" y2="${round(y(tick))}"/><text x="${rtl ? axisX + 6 : axisX - 6}" y="${round(y(tick))}" dy="0.32em" text-anchor="${rtl ? 'start' : 'end'}">${input.formatNumber(tick)}</text></g>`,
  );
  const labels = categories.map(
    (category, i) => html`<text x="${round(bandX(i) + x.bandwidth() / 2)}" y="${CHART_HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${category.label}</text>`,
  );
  const legendRows = options.standalone ? Math.ceil(series.length / 3) : 0;
  const height = CHART_HEIGHT + legendRows * LEGEND_ROW;
  return html`<svg${options.standalone ? html` xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}"` : null} class="chart" viewBox="0 0 ${CHART_WIDTH} ${height}" direction="ltr" role="img" aria-labelledby="${input.id}-title ${input.id}-desc">
<title id="${input.id}-title">${input.title}</title><desc id="${input.id}-desc">${input.description}</desc>${options.standalone ? standaloneStyle(series.length) : null}
<g class="chart-grid">${gridLines}</g>${bars}<line class="chart-axis" x1="${left}" x2="${right}" y1="${round(y(0))}" y2="${round(y(0))}"/>
<g class="chart-labels">${labels}</g>${options.standalone ? svgLegend(series, rtl) : null}</svg>`;
}

const LEGEND_ROW = 22;

/** What site.css gives a chart on a page, for a chart that is a file of its own. */
function standaloneStyle(count: number): Html {
  const colours = SERIES_COLOURS.slice(0, Math.max(count, 1))
    .map((colour, i) => `.chart-s${i}{fill:${colour}}`)
    .join('');
  return html`<style>${`svg{font-family:system-ui,sans-serif;font-size:12px}rect{stroke:#fff;stroke-width:.5}.chart-tick line{stroke:#d0d7de}.chart-tick text,.chart-labels text{fill:#4d4d4d}.chart-axis{stroke:#1a1a1a}.chart-legend text{fill:#1a1a1a}${colours}`}</style>`;
}

/** The legend drawn under the axis labels, three series a row, from the reading side. */
function svgLegend(series: readonly ChartSeries[], rtl: boolean): Html {
  const column = (CHART_WIDTH - 2 * MARGIN.end) / 3;
  return html`<g class="chart-legend">${series.map((s, i) => {
    const row = Math.floor(i / 3);
    const offset = (i % 3) * column;
    const x = rtl ? CHART_WIDTH - MARGIN.end - offset - 12 : MARGIN.end + offset;
    const y = CHART_HEIGHT + row * LEGEND_ROW + 4;
    return html`<g class="chart-s${i}"><rect x="${x}" y="${y}" width="12" height="12"/><text x="${rtl ? x - 6 : x + 18}" y="${y + 10}" text-anchor="${rtl ? 'end' : 'start'}">${s.label}</text></g>`;
  })}</g>`;
}

/** The legend of a chart's series: the same classes and order as the bars. */
export function chartLegend(series: readonly ChartSeries[]): Html {
  return html`<ul class="chart-legend">${series.map((s, i) => html`<li><span class="chart-swatch chart-s${i}" aria-hidden="true"></span>${s.label}</li>`)}</ul>`;
}
