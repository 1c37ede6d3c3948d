/**
 * HTML that escapes by default: `html\`<p>${title}</p>\`` escapes every interpolated string;
 * only values that are already `Html` (another `html\`\`` fragment, or `trustedHtml` of text we
 * wrote ourselves) go in as they are. Arrays are joined, null/undefined/false print nothing.
 */
import { escapeHtml } from '#src/platform/html.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Markup we produced ourselves (e.g. the server-drawn SVG map); never user text. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}
