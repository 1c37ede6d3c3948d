/**
 * The Outbox screen in Chromium: an admin sees the notices waiting without a mail server, in
 * their states, filters them and reads one; others have no such screen. Checked with axe-core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { axeCheck, describeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';

let server: TestServer;
let browser: Browser;
let admin: TestUser;
let editor: TestUser;
const contexts: BrowserContext[] = [];

async function signedIn(user: TestUser, locale = 'en'): Promise<Page> {
  const { context, page } = await newPage(browser, { locale });
  contexts.push(context);
  context.setDefaultTimeout(8_000);
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${server.url}/app`);
  await page.locator('input[type=email]').fill(user.email);
  await page.locator('input[type=password]').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  admin = await buildUser(server, { role: 'admin' });
  editor = await buildUser(server, { role: 'editor' });
  const { database, services } = server.database.fieldbook;
  await database.db.transaction().execute((trx) =>
    services.mail.enqueue(trx, [
      { to: 'amina@example.org', language: 'en', subject: 'TSAG 2021 is open', text: 'Your contribution is due on 31 August 2021.', key: 'e2e-opened' },
      { to: 'omar@example.org', language: 'ar', subject: 'طُلبت تعديلات على مساهمتكم', text: 'يرجى مراجعة التعليقات.', key: 'e2e-changes' },
    ]),
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

it('shows an admin the notices waiting in the outbox, by state, and lets them read one', async () => {
  const page = await signedIn(admin);
  await page.getByRole('link', { name: 'Outbox' }).click();
  await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
  const rows = page.locator('table.outbox tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await rows.filter({ hasText: 'amina@example.org' }).locator('td').nth(4).textContent()).toBe('Pending');

  await page.getByText('TSAG 2021 is open').click();
  await page.getByText('Your contribution is due on 31 August 2021.').waitFor();
  await screenshot(page, 'workspace-outbox');
  const violations = await axeCheck(page);
  expect(violations, describeViolations(violations)).toEqual([]);

  await page.getByLabel('State').selectOption('sent');
  await page.getByText('No messages.').waitFor();
  expect(page.url()).toMatch(/\/outbox\?state=sent$/);
});

it('speaks Arabic right to left on the outbox', async () => {
  const page = await signedIn(admin, 'ar');
  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  await page.getByRole('heading', { name: 'صندوق الصادر', level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => page.locator('table.outbox tbody tr').count()).toBe(2);
  const violations = await axeCheck(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});

it('has no outbox in the navigation of anyone but admins', async () => {
  const page = await signedIn(editor);
  await page.getByRole('link', { name: 'Register' }).waitFor();
  expect(await page.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
});
