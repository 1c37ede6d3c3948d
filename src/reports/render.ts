/** One interface over the four renderers: a report tree in, the bytes of a file out. */
import type { Language } from '#src/platform/i18n.ts';
import type { ReportFormat } from './definition.ts';
import type { ReportTree } from './tree.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { PdfPrinter } from './render-pdf.ts';

export interface Renderer {
  contentType: string;
  render(tree: ReportTree, language: Language): Promise<Buffer | string>;
}

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  /** "TSAG-TD-120-2020-01-01-2020-08-31.docx" */
  fileName: string;
  activityCount: number;
}

/** The Word renderer (the `docx` package, half a megabyte) is loaded with the first document, not at start-up. */
export function renderers(printer: PdfPrinter): Record<ReportFormat, Renderer> {
  return {
    docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: async (tree, language) => (await import('./render-docx.ts')).renderDocx(tree, language) },
    pdf: { contentType: 'application/pdf', render: (tree, language) => printer.print(tree, language) },
    html: { contentType: 'text/html; charset=utf-8', render: async (tree, language) => renderHtml(tree, language) },
    md: { contentType: 'text/markdown; charset=utf-8', render: async (tree, language) => renderMarkdown(tree, language) },
  };
}
