/**
 * The public site in Chromium with JavaScript turned off: every page type in English and Arabic,
 * following links home → region → office → event, the filter form, axe-core at WCAG 2.1 AA with
 * zero violations (in a JavaScript-enabled twin of each page, as axe is a script), screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#src/app.ts';
import { buildActivity } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { axeCheckUrl, describeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';

const day = (offset: number): string => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

// Nine pages with axe-core each can pass 30 s on a busy two-core machine; the limit only guards
// against a hang, so it is generous here.
describe('public site in Chromium', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let eventId: string;

  // The public site only reads the register, so the tests share this one.
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await seedDemo(server.database.fieldbook);
    const upcoming = await buildActivity(server, {
      title: { en: 'Regional forum on digital transformation', ar: 'المنتدى الإقليمي للتحول الرقمي' },
      kind: 'forum',
      status: 'confirmed',
      date: { start: day(12), end: day(14) },
      place: { city: 'Addis Ababa', country: 'ET' },
      description: { en: 'Three days with the administrations of the region.' },
      sectors: ['ITU-D'],
      bodies: [],
    });
    await buildActivity(server, { title: { en: 'Training on numbering resources' }, kind: 'training', status: 'cancelled', date: { start: day(20), end: day(20) } });
    eventId = upcoming.id;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const language of ['en', 'ar'] as const) {
    it(`follows links home → region → office → event in ${language}, without JavaScript`, async () => {
      const { context, page } = await newPage(browser, { javaScript: false, locale: language });
      try {
        await page.goto(`${server.url}/${language}/`);
        expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator('svg.map a').count()).toBeGreaterThan(10);
        await screenshot(page, `site-home-${language}`);

        await page.locator('.regions a[href$="/regions/AFR"]').click();
        await page.waitForURL(`**/${language}/regions/AFR`);
        await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
        await screenshot(page, `site-region-${language}`);

        await page.locator('.cards a[href$="/offices/addis-ababa"]').click();
        await page.waitForURL(`**/${language}/offices/addis-ababa`);
        // Last year's plan is one link away; the demo report is of 2020, so type that year in the form.
        await page.fill('#year', '2020');
        await page.locator('.year-form button').click();
        await page.waitForURL(`**/offices/addis-ababa?year=2020`);
        expect(await page.locator('table.plan').count()).toBeGreaterThan(0);
        await screenshot(page, `site-office-${language}`);

        await page.locator('table.plan a').first().click();
        await page.waitForURL(`**/${language}/events/*`);
        expect(await page.locator('a[href$="/calendar.ics"]').count()).toBeGreaterThan(0);
        await screenshot(page, `site-event-${language}`);
      } finally {
        await context.close();
      }
    });

    it(`filters events with the form and switches to the month view in ${language}`, async () => {
      const { context, page } = await newPage(browser, { javaScript: false, locale: language });
      try {
        await page.goto(`${server.url}/${language}/events`);
        await screenshot(page, `site-events-${language}`);
        await page.selectOption('#f-region', 'AFR');
        await page.fill('#f-from', '2020-01-01');
        await page.fill('#f-to', '2020-12-31');
        await page.locator('form.filters button[type="submit"]').click();
        await page.waitForURL(/region=AFR/);
        const url = new URL(page.url());
        expect(url.searchParams.get('from')).toBe('2020-01-01');
        expect(url.searchParams.get('to')).toBe('2020-12-31');
        expect(await page.locator('.events .event').count()).toBeGreaterThan(3);
        await screenshot(page, `site-events-filtered-${language}`);

        // The African meeting "in the second week of November 2020" has no day: it is listed above the grid.
        await page.goto(`${server.url}/${language}/events?view=month&month=2020-11&region=AFR`);
        expect(await page.locator('.month-band a').count()).toBeGreaterThan(0);
        await page.goto(`${server.url}/${language}/events?view=month&month=2020-03&region=AFR`);
        expect(await page.locator('table.month a').count()).toBeGreaterThan(0);
        // A month whose period-long activities stay out of the day cells fits a screen or two, not metres.
        expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThan(4000);
        await screenshot(page, `site-month-${language}`);
        await page.locator('a[rel="next"]').first().click();
        await page.waitForURL(/month=2020-04/);
        expect(await page.locator('#month-heading').textContent()).toMatch(/2020/);

        await page.goto(`${server.url}/${language}/events?region=MARS`);
        expect(await page.locator('.notice[role="alert"]').textContent()).toContain('MARS');
        await screenshot(page, `site-bad-filter-${language}`);
        await page.goto(`${server.url}/${language}/offices/atlantis`);
        await screenshot(page, `site-not-found-${language}`);
      } finally {
        await context.close();
      }
    });

    it(`has no WCAG 2.1 AA violations on any page type in ${language}`, async () => {
      const paths = [
        '/',
        '/regions/AFR',
        '/offices/addis-ababa?year=2020',
        '/events',
        '/events?view=month&month=2020-11',
        '/events?region=AFR&from=2020-01-01&to=2020-12-31',
        '/events?region=MARS',
        `/events/${eventId}`,
        '/offices/atlantis',
        '/years/2020',
        '/open-data',
      ];
      for (const path of paths) {
        const violations = await axeCheckUrl(browser, `${server.url}/${language}${path}`, { locale: language });
        expect(violations, `${language}${path}\n${describeViolations(violations)}`).toEqual([]);
      }
    });
  }

  it('stays readable at 200% zoom (narrow viewport, no horizontal scrolling)', async () => {
    const { context, page } = await newPage(browser, { javaScript: false, viewport: { width: 640, height: 900 } });
    try {
      for (const path of ['/en/', '/en/offices/addis-ababa?year=2020', '/en/events?view=month&month=2020-11', '/en/years/2020']) {
        await page.goto(`${server.url}${path}`);
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await screenshot(page, 'site-month-narrow-en');
    } finally {
      await context.close();
    }
  });
});
