import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH, launchChromium } from './chromium.ts';

describe('launchChromium', () => {
  it('starts the browser with every one of the house arguments on its command line', async () => {
    const browser = await launchChromium(process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH);
    try {
      const page = await browser.newPage();
      await page.goto('chrome://version');
      const commandLine = (await page.locator('#command_line').textContent()) ?? '';
      for (const arg of CHROMIUM_ARGS) expect(commandLine.split(/\s+/)).toContain(arg);
    } finally {
      await browser.close();
    }
  });

  it('fails, naming the path, when there is no browser there', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow('/nonexistent/chromium');
  });
});
