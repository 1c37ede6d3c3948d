/**
 * The registry kept in the workspace, in Chromium: a focal point records a new head of the
 * Cairo office with dates and title, sees it as today's head and in the history; the vacancies
 * screen reads in Arabic, right to left. Checked with axe-core.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { expectAccessible, openPage, signIn } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let focal: TestUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer('sqlite');
  focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

it("records a new head of office with dates and title, shown as today's head and in the history", async () => {
  const page = await openPage(browser, contexts);
  await signIn(page, server.url, focal);
  await page.getByRole('link', { name: 'Offices' }).click();
  await page.getByRole('link', { name: 'Edit Regional Office for the Arab States' }).click();
  await page.getByRole('heading', { name: 'Office: Regional Office for the Arab States', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Record a head of office' }).click();
  const form = page.getByRole('form', { name: 'Record a head of office' });
  await form.getByLabel('Person', { exact: true }).fill('Test Successor');
  await form.getByLabel('Title (English)').fill('Regional Director');
  await form.getByLabel('From', { exact: true }).fill('2025-07-01');
  await form.getByLabel('Source', { exact: true }).fill('An appointment notice');
  await form.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('row', { name: /Test Successor/ });
  await expect.poll(() => row.textContent()).toContain('today');
  await page.getByText('office.head.add').waitFor();
  await expectAccessible(page, 'workspace-office-edit');
});

it('shows the vacancies screen in Arabic, right to left', async () => {
  const page = await openPage(browser, contexts);
  await signIn(page, server.url, focal);
  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('link', { name: 'الشواغر' }).click();
  await page.getByRole('heading', { name: 'الشواغر والترشيحات', level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('heading', { name: 'المناصب القيادية' }).waitFor();
  await expectAccessible(page, 'workspace-vacancies-ar');
});
