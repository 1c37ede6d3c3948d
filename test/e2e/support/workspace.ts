/** What every workspace journey does: open a page that fails the step on a page error, sign in, check a screen with axe. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestUser } from '../../support/factories.ts';
import { axeCheck, describeViolations, newPage, screenshot, type PageOptions } from './browser.ts';

export type { PageOptions } from './browser.ts';

/** A page in a context of its own (kept in `contexts` for closing); a missing element fails in seconds, a page error at once. */
export async function openPage(browser: Browser, contexts: BrowserContext[], options: PageOptions = {}): Promise<Page> {
  const { context, page } = await newPage(browser, options);
  contexts.push(context);
  // Well inside vitest's own timeout.
  context.setDefaultTimeout(8_000);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Signs in through the workspace's form, as a person does, and waits for the home screen. */
export async function signIn(page: Page, serverUrl: string, user: TestUser): Promise<void> {
  await page.goto(`${serverUrl}/app`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /My office|All offices/ }).waitFor();
}

/** Photographs the screen into test/e2e/screenshots/ and fails on any axe-core violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeCheck(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
