/** What every page template is given: the language and its messages, where the page is, the registry. */
import type { Language } from '#src/platform/i18n.ts';
import type { Translator } from '#src/platform/messages.ts';
import type { Snapshot } from '../service.ts';

export interface PageContext {
  language: Language;
  t: Translator['t'];
  direction: Translator['direction'];
  /** The page's path without the language prefix, with its query: "/events?view=month". */
  path: string;
  /** scheme://host of the request, for webcal:// links and feed ids. */
  origin: string;
  today: string;
  snapshot: Snapshot;
}

/** A path of the site in the context's language: href(ctx, '/events') → "/fr/events". */
export const href = (ctx: Pick<PageContext, 'language'>, path: string): string => `/${ctx.language}${path}`;
