/** What every page template is given: the language and its messages, where the page is, the registry. */
import type { Activity } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { GenerationalCache } from '#src/platform/lru.ts';
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
  /** The site's parts made from one activity alone (a feed's event, a plan's row), kept across requests. */
  fragments?: GenerationalCache<string>;
}

/**
 * A part of a page or feed made from one activity, in the context's language: made once per
 * version of the activity and kept in the context's fragments (it depends on nothing else but
 * the language and the origin, which the key holds).
 */
export function fragmentOf(ctx: PageContext, part: string, activity: Pick<Activity, 'id' | 'version'>, make: () => string): string {
  if (!ctx.fragments) return make();
  const key = `${part}|${ctx.language}|${ctx.origin}|${activity.id}|${activity.version}`;
  let made = ctx.fragments.get(key);
  if (made === undefined) ctx.fragments.set(key, (made = make()));
  return made;
}

/** A path of the site in the context's language: href(ctx, '/events') → "/fr/events". */
export const href = (ctx: Pick<PageContext, 'language'>, path: string): string => `/${ctx.language}${path}`;
