/**
 * Duplicate warnings in Chromium: an office's editor records the SG12 regional group's meeting that
 * TSB already recorded at headquarters, is shown the entry and why, and saves anyway with a
 * reason; the focal point finds the pair kept apart, with that reason, in the coordination view.
 * Checked with axe-core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildActivity, buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { expectAccessible, openPage, signIn } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let editor: TestUser;
let focal: TestUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer('sqlite');
  editor = await buildUser(server, { role: 'editor', office: 'addis-ababa' });
  focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
  await buildActivity(server, {
    title: { en: 'ITU-T SG12 Regional Group for Africa (SG12RG-AFR) meeting' },
    kind: 'regional-group-meeting',
    offices: [{ office: 'geneva', role: 'organised' }],
    date: { text: '4 - 6 March 2020' },
    bodies: ['SG12RG-AFR'],
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

it('warns the editor of the entry at headquarters, keeps the pair apart with the reason, and shows it to the focal point', async () => {
  const page: Page = await openPage(browser, contexts);
  await signIn(page, server.url, editor);
  await page.getByRole('link', { name: 'New activity' }).click();
  await page.getByLabel('Title').fill('Meeting of the African Group of SG12');
  await page.getByLabel('Date').fill('4 - 5 March 2020');
  await page.getByLabel('City').fill('Ndjamena');
  await page.getByLabel('Country (two-letter code)').fill('TD');
  await page.getByLabel('Find a body (type its code or name)').fill('SG12RG-AFR');
  await page.getByRole('button', { name: 'Add body' }).click();
  await page.getByRole('button', { name: 'Save' }).click();

  const warning = page.getByRole('dialog', { name: 'This may already be in the register' });
  await warning.waitFor();
  const entry = warning.getByRole('listitem').filter({ hasText: 'ITU-T SG12 Regional Group for Africa' });
  await expect(entry.getByText('Same body: SG12RG-AFR').count()).resolves.toBe(1);
  await expect(entry.getByText('Headquarters, organised by TSB').count()).resolves.toBe(1);
  await expectAccessible(page, 'duplicates-warning');
  await warning.getByLabel('Why this is a different event').fill('Our own side meeting before the group');
  await warning.getByRole('button', { name: 'Save anyway' }).click();
  await page.waitForURL(/\/app\/activities\/[0-9a-f-]{36}$/);

  const view = await openPage(browser, contexts);
  await signIn(view, server.url, focal);
  await view.goto(`${server.url}/app/duplicates?from=2020-03-01&to=2020-03-31`);
  const pair = view.getByRole('listitem').filter({ hasText: 'Meeting of the African Group of SG12' });
  await pair.getByText('Kept apart').waitFor();
  await expect(pair.getByText('Reason: Our own side meeting before the group').count()).resolves.toBe(1);
  await expectAccessible(view, 'duplicates-coordination');
});
