/**
 * The report as PDF: the HTML rendering printed by Chromium (`page.pdf()`), the same Chromium the
 * browser tests use. One browser, launched on the first PDF and reused; each PDF gets its own
 * context with JavaScript off and every network request refused, so the page is only our HTML.
 */
import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchChromium } from '#src/platform/chromium.ts';
import { unavailable } from '#src/platform/errors.ts';
import { escapeHtml } from '#src/platform/html.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { ReportTree } from './tree.ts';
import { renderHtml } from './render-html.ts';

export interface PdfPrinter {
  print(tree: ReportTree, language: Language): Promise<Buffer>;
  /** Closes the browser if one was launched; a later print launches a new one. */
  close(): Promise<void>;
}

/** A missing or broken browser is the server's set-up, not a bug: say which setting to fix. */
const noBrowser = (executablePath: string, why: string) =>
  unavailable('pdf_unavailable', `PDF reports cannot be printed: ${why}. Install Chromium or set CHROMIUM_PATH to its executable (now "${executablePath}"); the other formats work.`);

async function startBrowser(executablePath: string): Promise<Browser> {
  await access(executablePath, constants.X_OK).catch(() => {
    throw noBrowser(executablePath, `there is no executable Chromium at "${executablePath}"`);
  });
  return launchChromium(executablePath).catch((error: unknown) => {
    throw noBrowser(executablePath, `Chromium did not start (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`);
  });
}

/** `executablePath`: the configured CHROMIUM_PATH. */
export function createPdfPrinter(executablePath: string): PdfPrinter {
  let browser: Promise<Browser> | null = null;

  const launch = (): Promise<Browser> => {
    if (!browser) {
      const launching = startBrowser(executablePath);
      browser = launching;
      launching.then(
        (b) => b.on('disconnected', () => (browser === launching ? (browser = null) : undefined)),
        () => (browser === launching ? (browser = null) : undefined),
      );
    }
    return browser;
  };

  return {
    async print(tree, language) {
      const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(renderHtml(tree, language, { pageHeader: false }), { waitUntil: 'load' });
        const small = 'font-family: "Times New Roman", "Liberation Serif", serif; font-size: 9pt; width: 100%; margin: 0 20mm;';
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: `<div style='${small} text-align: end;' dir="${tree.direction}">${
            tree.draft ? `<strong style='float: inline-start; font-size: 11pt;'>${escapeHtml(tree.draft.mark)}</strong>` : ''
          }${escapeHtml(tree.header.reference)}</div>`,
          footerTemplate: `<div style='${small} text-align: center;'>- <span class="pageNumber"></span> -</div>`,
        });
      } finally {
        await context.close();
      }
    },

    async close() {
      const open = browser;
      browser = null;
      if (open) await open.then((b) => b.close()).catch(() => undefined);
    },
  };
}
