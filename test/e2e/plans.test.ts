/**
 * The plans in the workspace, in Chromium on a temporary SQLite database: an editor links an
 * activity to a regional initiative with the picker (found by words of its title), the register
 * filters by it, and a focal point renames an output on the plans screen. Each screen is checked
 * with axe-core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivity, buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { axeCheckUrl, describeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { expectAccessible, openPage, signIn } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let editor: TestUser;
let focal: TestUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer('sqlite');
  editor = await buildUser(server, { role: 'editor', office: 'moscow', email: 'plans-editor@example.org' });
  focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB', email: 'plans-focal@example.org' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('the plans in the workspace', () => {
  it('links an activity to a regional initiative found by its title, and the register finds it by the initiative', async () => {
    const page: Page = await openPage(browser, contexts);
    await signIn(page, server.url, editor);
    await page.getByRole('link', { name: 'New activity' }).click();
    await page.getByLabel('Title').fill('Smart cities forum');
    await page.getByLabel('Date').fill('3-5 March 2020');
    await page.getByLabel('Look up a plan item by label or subject').fill('cities settlements');
    await page.getByRole('button', { name: /^Regional initiative CIS3 – Development and regulation/ }).click();
    await expectAccessible(page, 'plans-editor-picker');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/app\/activities\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    const stored = await server.request('GET', `/api/activities/${id}`, { token: editor.token });
    expect(stored.body.plans).toEqual(['WTDC-17:initiative:CIS3']);

    await page.goto(`${server.url}/app/activities?initiative=CIS3`);
    await page.getByRole('link', { name: 'Smart cities forum' }).waitFor();
    expect(await page.getByLabel('Regional initiative').inputValue()).toBe('CIS3');
  });

  it('lets a focal point rename an output of ITU-T\'s plan, kept in its history', async () => {
    const page: Page = await openPage(browser, contexts);
    await signIn(page, server.url, focal);
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await page.getByRole('link', { name: 'ITU-T operational plan 2020-2023' }).click();
    const output = page.getByTestId('plan-item-T-2020:output:T.4-3');
    await output.getByRole('button', { name: 'Rename' }).click();
    await output.getByLabel('Title (English)').fill('Outreach, promotion and regional events');
    await output.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => output.textContent()).toContain('Outreach, promotion and regional events');
    await output.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => output.getByRole('listitem').count()).toBe(1);
    await expectAccessible(page, 'plans-screen');
  });

  it('shows a focal point the coverage of ITU-T 2020 with its gaps and heatmap; a figure opens the register filtered to it', async () => {
    await buildActivity(server, { title: { en: 'SG12 regional group meeting' }, plans: ['T-2020:output:T.2-1'] });
    await buildActivity(server, { title: { en: 'Planning call' }, status: 'planned', visibility: 'internal', date: { text: 'November 2020' }, plans: ['T-2020:output:T.2-1'] });
    const page: Page = await openPage(browser, contexts);
    await signIn(page, server.url, focal);
    await page.getByRole('link', { name: 'Coverage', exact: true }).click();
    await page.getByLabel('Year').fill('2020');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coverage of ITU-T operational plan 2020-2023 in 2020' }).waitFor();
    const outputs = page.getByRole('table', { name: /^Outputs of ITU-T operational plan/ });
    const row = outputs.getByRole('row', { name: /^T\.2-1/ });
    expect(await row.getByText('gap').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('img.coverage-heatmap').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page, 'coverage-workspace');

    await row.getByRole('link', { name: '1 planned (T.2-1, Addis Ababa)' }).click();
    await page.getByRole('link', { name: 'Planning call' }).waitFor();
    expect(await page.getByRole('link', { name: 'SG12 regional group meeting' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('status')).toBe('planned,confirmed');
    // The register's filters show what the figure counted.
    await expect.poll(() => page.getByLabel('Office').inputValue()).toBe('addis-ababa');
    expect(await page.getByLabel('Status').inputValue()).toBe('planned,confirmed');
  });

  it('publishes the summary without the internal activity, in English and in Arabic (right to left), with no script', { timeout: 60_000 }, async () => {
    for (const language of ['en', 'ar']) {
      const { context, page } = await newPage(browser, { javaScript: false, locale: language });
      contexts.push(context);
      await page.goto(`${server.url}/${language}/plans/ITU-T/2020/coverage`);
      expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(await page.locator('svg.heatmap').count()).toBe(1);
      expect(await page.locator('script').count()).toBe(0);
      await screenshot(page, `coverage-site-${language}`);
      const violations = await axeCheckUrl(browser, page.url(), { locale: language });
      expect(violations, describeViolations(violations)).toEqual([]);
    }
  });

  it("lets an office editor write its plan contribution for an output, with the planned activities linked to it, shown on the public office page by output", async () => {
    await buildActivity(server, {
      title: { en: 'Regional group meeting on quality of service' },
      status: 'planned',
      offices: [{ office: 'moscow', role: 'organised' }],
      date: { text: '4-5 March 2020' },
      place: { city: 'Minsk', country: 'BY' },
      bodies: [],
      plans: ['T-2020:output:T.2-1'],
    });
    const page: Page = await openPage(browser, contexts);
    await signIn(page, server.url, editor);
    await page.getByRole('link', { name: 'Plan contribution' }).click();
    await page.getByLabel('Plan year').fill('2020');
    await page.locator('a[href$="/offices/moscow?year=2020#by-output"]').waitFor();
    await page.getByLabel('Look up a plan item by label or subject').fill('standardization gap');
    await page.getByRole('button', { name: /T\.2-1 – Bridging the standardization gap/ }).click();
    await page.getByLabel('What the office will do for T.2-1').fill('We support the regional groups of Study Groups 3 and 20 in Minsk.');
    await page.getByRole('button', { name: 'Save the contribution' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved (version 1).' }).waitFor();
    await page.getByRole('link', { name: 'Regional group meeting on quality of service' }).waitFor();
    await expectAccessible(page, 'plan-contribution-editor');

    const stored = await server.request('GET', '/api/offices/moscow/plan-contributions/2020/ITU-T');
    expect(stored.body.entries.map((e: { item: { id: string }; text: { en?: string } }) => [e.item.id, e.text.en])).toEqual([['T-2020:output:T.2-1', 'We support the regional groups of Study Groups 3 and 20 in Minsk.']]);

    await page.goto(`${server.url}/en/offices/moscow?year=2020`);
    const byOutput = page.locator('section.plan-output').filter({ hasText: 'T.2-1' });
    await expect.poll(() => byOutput.textContent()).toContain('We support the regional groups of Study Groups 3 and 20 in Minsk.');
    expect(await byOutput.getByRole('link', { name: 'Regional group meeting on quality of service' }).count()).toBe(1);
    await expectAccessible(page, 'office-page-by-output');
  });
});
