/**
 * Text made safe for XML: characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped, and markup characters are escaped, so no title or place
 * can end an element, open one, or make a document ill-formed. Never CDATA: "]]>" would end it.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Drops what XML 1.0 cannot hold; keeps tabs, line breaks and every other character. */
export const xmlChars = (text: string): string => text.replace(NOT_XML, '');

/** Whether a text holds anything to drop or escape (most texts do not: they go out as they are). */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for an XML element or quoted attribute. */
export const escapeXml = (text: string): string => (NEEDS_WORK.test(text) ? xmlChars(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text);
