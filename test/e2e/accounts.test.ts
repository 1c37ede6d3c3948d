/**
 * Accounts in the workspace, in Chromium against the real server (SQLite, no mail server): an
 * admin invites an editor and is shown the one-time link; the editor opens it, sets a password
 * and signs in; on their own page they create an API token and revoke it. Each screen is checked
 * with axe-core and photographed into test/e2e/screenshots/. One journey, in the order written.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { expectAccessible, openPage, signIn } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let admin: TestUser;
const contexts: BrowserContext[] = [];
let link = '';
let adminPage: Page;
let editorPage: Page;
const PASSWORD = 'seven brisk otters paddle home';

beforeAll(async () => {
  server = await startTestServer('sqlite');
  admin = await buildUser(server, { role: 'admin', email: 'admin@example.org' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

it('lets an admin invite an editor and shows the one-time link when no mail server is set up', async () => {
  adminPage = await openPage(browser, contexts);
  await signIn(adminPage, server.url, admin);
  await adminPage.getByRole('link', { name: 'Users' }).click();
  await adminPage.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await adminPage.getByLabel('Email').fill('amina.diallo@example.org');
  await adminPage.getByLabel('Name').fill('Amina Diallo');
  await adminPage.getByLabel('Role').selectOption('editor');
  await adminPage.getByLabel('Office', { exact: true }).selectOption('addis-ababa');
  await adminPage.getByRole('button', { name: 'Invite' }).click();
  await adminPage.getByText('Link for amina.diallo@example.org:').waitFor();
  link = (await adminPage.locator('.shown-once code').textContent()) ?? '';
  expect(link).toMatch(/\/app\/set-password#.{20,}$/);
  const row = adminPage.locator('table.users tbody tr', { hasText: 'Amina Diallo' });
  await expect.poll(() => row.locator('td').allTextContents()).toEqual(['Office editor', 'Regional Office for Africa', 'never signed in', 'may sign in']);
  await expectAccessible(adminPage, 'workspace-users-invited');
});

it('lets the invited editor set a password through the link, once, and sign in', async () => {
  editorPage = await openPage(browser, contexts);
  // The link names the public address (PUBLIC_URL); the test server listens elsewhere.
  const path = link.slice(link.indexOf('/app/'));
  await editorPage.goto(`${server.url}${path}`);
  await editorPage.getByRole('heading', { name: 'Welcome to Fieldbook', level: 1 }).waitFor();
  await editorPage.getByText('For Amina Diallo (amina.diallo@example.org)').waitFor();
  await editorPage.getByLabel('New password', { exact: true }).fill('short');
  await editorPage.getByLabel('New password again').fill('short');
  await editorPage.getByRole('button', { name: 'Set password' }).click();
  await editorPage.getByText('at least 10 characters').first().waitFor();
  await expectAccessible(editorPage, 'workspace-set-password');

  await editorPage.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await editorPage.getByLabel('New password again').fill(PASSWORD);
  await editorPage.getByRole('button', { name: 'Set password' }).click();
  await editorPage.getByRole('heading', { name: 'Your password is set', level: 1 }).waitFor();
  expect(editorPage.url()).not.toContain('#');
  expect(await editorPage.getByLabel('Email').inputValue()).toBe('amina.diallo@example.org');
  await editorPage.getByLabel('Password').fill(PASSWORD);
  await editorPage.getByRole('button', { name: 'Sign in' }).click();
  await editorPage.getByRole('heading', { level: 1 }).filter({ hasText: 'My office' }).waitFor();

  // The link worked once.
  const second = await openPage(browser, contexts);
  await second.goto(`${server.url}${path}`);
  await second.getByText('This link does not work').waitFor();
});

it('lets the editor make an API token on their own page, see its secret once, and revoke it', async () => {
  await editorPage.getByRole('link', { name: 'My account: Amina Diallo' }).click();
  await editorPage.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
  await editorPage.getByText('No API tokens.').waitFor();
  await editorPage.getByLabel('Name', { exact: true }).fill('import script');
  await editorPage.getByRole('button', { name: 'Create token' }).click();
  const secret = (await editorPage.locator('.shown-once code').textContent()) ?? '';
  expect(secret).toMatch(/^fbt_/);
  const row = editorPage.locator('table.tokens tbody tr', { hasText: 'import script' });
  await row.waitFor();
  expect((await server.request('GET', '/api/session', { token: secret })).body.user.email).toBe('amina.diallo@example.org');
  await expectAccessible(editorPage, 'workspace-account-token');

  await row.getByRole('button', { name: 'Revoke' }).click();
  await editorPage.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('Revoked');
  expect((await server.request('GET', '/api/session', { token: secret })).status).toBe(401);
});

it('shows the admin when the editor last signed in, on the user page, with their revoked token', async () => {
  await adminPage.reload();
  await adminPage.getByRole('link', { name: 'Amina Diallo' }).click();
  await adminPage.getByRole('heading', { name: 'Amina Diallo', level: 1 }).waitFor();
  await adminPage.getByText(/last signed in/).waitFor();
  await adminPage.locator('table.tokens tbody tr', { hasText: 'import script' }).getByText('Revoked', { exact: true }).waitFor();
  await expectAccessible(adminPage, 'workspace-user');
});

it('speaks Arabic right to left on the users and account screens', async () => {
  const page = await openPage(browser, contexts);
  await signIn(page, server.url, admin);
  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('link', { name: 'المستخدمون' }).click();
  await page.getByRole('heading', { name: 'المستخدمون', level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await expectAccessible(page, 'workspace-users-ar');
  await page.getByRole('link', { name: /^حسابي/ }).click();
  await page.getByRole('heading', { name: 'حسابي', level: 1 }).waitFor();
  await expectAccessible(page, 'workspace-account-ar');
});

/** The elements that stick out past the screen's right edge, named (runs in the page): none on a page that fits. */
const sticking = (): string[] => {
  type Element = { tagName: string; className: string; getBoundingClientRect(): { right: number } };
  const { documentElement, body } = (globalThis as unknown as { document: { documentElement: { clientWidth: number }; body: { querySelectorAll(s: string): Element[] } } }).document;
  return [...body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > documentElement.clientWidth + 1).map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`);
};

it('fits a 390 px phone: the users list and the tokens as cards, nothing wider than the screen', async () => {
  const phone = await openPage(browser, contexts, { viewport: { width: 390, height: 844 }, mobile: true });
  await signIn(phone, server.url, admin);
  await phone.goto(`${server.url}/app/users`);
  await phone.locator('table.users tbody tr', { hasText: 'Amina Diallo' }).waitFor();
  await expectAccessible(phone, 'workspace-users-phone');
  expect(await phone.evaluate(sticking)).toEqual([]);
  await phone.getByRole('link', { name: 'Amina Diallo' }).click();
  await phone.locator('table.tokens tbody tr', { hasText: 'import script' }).waitFor();
  await expectAccessible(phone, 'workspace-user-phone');
  expect(await phone.evaluate(sticking)).toEqual([]);
});
