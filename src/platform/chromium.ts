/**
 * How Fieldbook starts Chromium, for the PDF reports and the browser tests alike: headless, with
 * no sandbox (it runs as an unprivileged service or in a container), no GPU, and none of the
 * background traffic (updates, sync, QUIC probes) a server has no use for.
 */
import type { Browser } from 'playwright-core';

/** Debian's package; CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the Chromium at `executablePath`. playwright-core is loaded on the first launch, not when the server starts. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}
