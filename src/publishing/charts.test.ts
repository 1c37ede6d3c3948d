import { describe, expect, it } from 'vitest';
import { allElements, childNamed, parseXml, type XmlElement } from '../../test/support/xml-tree.ts';
import { CHART_HEIGHT, stackedBars, type StackedBarsInput } from './charts.ts';

const COUNTS: Record<string, Record<string, number>> = { '1': { AFR: 3, EUR: 1 }, '2': { AFR: 0, EUR: 4 }, '3': { AFR: 0, EUR: 0 } };

const input = (direction: 'ltr' | 'rtl'): StackedBarsInput => ({
  id: 'c',
  title: 'Activities <per> month',
  description: 'Stacked & counted',
  categories: [
    { key: '1', label: 'Jan', name: 'January 2026' },
    { key: '2', label: 'Feb', name: 'February 2026' },
    { key: '3', label: 'Mar', name: 'March 2026' },
  ],
  series: [
    { key: 'AFR', label: 'Africa' },
    { key: 'EUR', label: 'Europe' },
  ],
  value: (category, series) => COUNTS[category]![series]!,
  direction,
  formatNumber: (n) => String(n),
  barTitle: (series, category, count) => `${series}, ${category}: ${count}`,
});

const svg = (direction: 'ltr' | 'rtl') => parseXml(stackedBars(input(direction)).value);
const rects = (root: XmlElement) => allElements(root).filter((e) => e.name === 'rect');
const num = (e: XmlElement, name: string) => Number(e.attributes[name]);

describe('stackedBars', () => {
  it('is an image named by its title and description (escaped), for assistive technology', () => {
    const root = svg('ltr');
    expect(root.attributes).toMatchObject({ role: 'img', 'aria-labelledby': 'c-title c-desc' });
    expect(childNamed(root, 'title').text).toBe('Activities <per> month');
    expect(childNamed(root, 'desc').text).toBe('Stacked & counted');
  });

  it('draws one bar per non-zero count, each as tall as its count and titled with it', () => {
    const bars = rects(svg('ltr'));
    expect(bars.map((r) => childNamed(r, 'title').text)).toEqual(['Africa, January 2026: 3', 'Europe, January 2026: 1', 'Europe, February 2026: 4']);
    const [afrJan, eurJan, eurFeb] = bars.map((r) => num(r, 'height'));
    expect(afrJan! / eurJan!).toBeCloseTo(3, 1);
    expect(eurFeb! / eurJan!).toBeCloseTo(4, 1);
  });

  it('stacks a month’s series on each other from the axis up', () => {
    const [afrJan, eurJan] = rects(svg('ltr'));
    expect(num(afrJan!, 'y') + num(afrJan!, 'height')).toBeLessThanOrEqual(CHART_HEIGHT);
    expect(num(eurJan!, 'y') + num(eurJan!, 'height')).toBeCloseTo(num(afrJan!, 'y'), 1);
    expect(num(eurJan!, 'x')).toBe(num(afrJan!, 'x'));
  });

  it('runs the months from the right in a right-to-left page', () => {
    const ltr = rects(svg('ltr'));
    const rtl = rects(svg('rtl'));
    expect(num(ltr[0]!, 'x')).toBeLessThan(num(ltr[2]!, 'x'));
    expect(num(rtl[0]!, 'x')).toBeGreaterThan(num(rtl[2]!, 'x'));
    const axis = (root: XmlElement) => allElements(root).filter((e) => e.name === 'text' && e.attributes.dy === '0.32em').map((e) => num(e, 'x'));
    expect(Math.min(...axis(svg('rtl')))).toBeGreaterThan(num(rtl[0]!, 'x'));
    expect(Math.max(...axis(svg('ltr')))).toBeLessThan(num(ltr[0]!, 'x'));
  });

  it('labels the axis in whole numbers only', () => {
    const ticks = allElements(svg('ltr')).filter((e) => e.name === 'g' && e.attributes.class === 'chart-tick');
    const values = ticks.map((t) => childNamed(t, 'text').text);
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) expect(v).toMatch(/^\d+$/);
  });
});
