/**
 * The one HTML escaper: text made safe inside elements and quoted attributes (both quote kinds),
 * for the public site's templates and the report's HTML and PDF alike. Control characters HTML
 * does not allow in text (C0 but tab and line breaks, DEL, C1) are dropped: a title typed or
 * imported with one must not make a page ill-formed.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// eslint-disable-next-line no-control-regex
const NOT_HTML_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function escapeHtml(text: string): string {
  return text.replace(NOT_HTML_TEXT, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
