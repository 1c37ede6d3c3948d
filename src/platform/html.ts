/**
 * The one HTML escaper: text made safe inside elements and quoted attributes (both quote kinds),
 * for the public site's templates and the report's HTML and PDF alike.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
