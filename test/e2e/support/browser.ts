/**
 * Shared Chromium set-up for the end-to-end tests (the public site, the staff workspace):
 * one browser per test file, pages with or without JavaScript, an axe-core accessibility check
 * and screenshots under test/e2e/screenshots/ (git-ignored) for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_CHROMIUM_PATH, launchChromium } from '#src/platform/chromium.ts';

export const SCREENSHOTS_DIR = join(import.meta.dirname, '..', 'screenshots');

/** The Chromium the server prints with, started the same way: Debian's unless CHROMIUM_PATH names another. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium(process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH);
}

export interface PageOptions {
  /** False proves a page works with JavaScript turned off (the public site needs none). */
  javaScript?: boolean;
  /** Accept-Language and navigator language, e.g. "ar". */
  locale?: string;
  viewport?: { width: number; height: number };
  /** A phone: touch, the mobile viewport meta honoured (Chromium's mobile emulation). */
  mobile?: boolean;
}

/** A fresh context (no cookies shared with other tests) and a page in it; close the context when done. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    locale: options.locale ?? 'en',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  return { context, page };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** The WCAG 2.1 A and AA rules. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page and returns its violations of the given rule tags. axe is
 * JavaScript, so a page opened without JavaScript is checked by `axeCheckUrl` instead.
 */
export async function axeCheck(page: Page, tags: string[] = WCAG_21_AA): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so a page's CSP (no inline scripts) does not block it.
  await page.evaluate(axeScript());
  return page.evaluate(async (runOnly: string[]) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    // The page's own document: axe's default context when none is given.
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: runOnly } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, tags);
}

/** Opens the URL in its own JavaScript-enabled context (axe needs it) and checks it. */
export async function axeCheckUrl(browser: Browser, url: string, options: Omit<PageOptions, 'javaScript'> = {}, tags: string[] = WCAG_21_AA): Promise<AxeViolation[]> {
  const { context, page } = await newPage(browser, { ...options, javaScript: true });
  try {
    await page.goto(url);
    return await axeCheck(page, tags);
  } finally {
    await context.close();
  }
}

/** A readable summary of violations, for a failing assertion's message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

/** Saves a full-page screenshot as test/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
