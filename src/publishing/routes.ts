/**
 * The public site and its feeds, under a language prefix (`/en/…`, `/ar/…`), server-rendered,
 * no client JavaScript. Every page and feed is a conditional GET (ETag/Last-Modified, 304).
 * Errors go through the app's one error mapper: on pages they become pages in the page
 * language, on feeds problem+json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { presentActivity } from '#src/activities/present.ts';
import { invalid, isAppError, issue, notFound } from '#src/platform/errors.ts';
import type { TypedApp } from '#src/platform/http.ts';
import { problemOf, sendProblem } from '#src/platform/problem.ts';
import { LANGUAGES, pickLanguage, type Language } from '#src/platform/i18n.ts';
import { translator } from '#src/platform/messages.ts';
import { REGION_CODES } from '#src/registry/reference.ts';
import { atomFeed } from './atom.ts';
import { calendarFeed } from './ical.ts';
import { FEED_MAX_DAYS, feedWindow, parseFilter, parseMonth, todayUtc, valuesOf, type FilterIssue, type RawQuery, type SiteFilter } from './model.ts';
import type { PageContext } from './pages/context.ts';
import { eventPage } from './pages/event.ts';
import { eventsPage, type EventsView } from './pages/events.ts';
import { homePage } from './pages/home.ts';
import { errorPage, notFoundPage } from './pages/not-found.ts';
import { officePage } from './pages/office.ts';
import { nameText } from './pages/parts.ts';
import { regionPage } from './pages/region.ts';
import { RenderCache, sendConditional, type Rendered } from './respond.ts';
import type { PublishingService } from './service.ts';

const HTML = 'text/html; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';
const FEED_ROUTE = /\.(ics|atom|json)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENTS_PER_PAGE = 50;

const CSS = readFileSync(new URL('./site.css', import.meta.url), 'utf8');
const CSS_ETAG = `"${createHash('sha256').update(CSS).digest('base64url').slice(0, 16)}"`;

type LangParams = { lang: string };
type CodeParams = LangParams & { code: string };
type IdParams = LangParams & { id: string };
type Request<P = LangParams> = FastifyRequest<{ Params: P; Querystring: RawQuery }>;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

export function publishingRoutes(publishing: PublishingService) {
  const cache = new RenderCache();

  async function contextFor(request: FastifyRequest, language: Language): Promise<PageContext> {
    const { t, direction } = translator(language);
    const path = request.url.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
    return { language, t, direction, path, origin: `${request.protocol}://${request.host}`, today: todayUtc(), snapshot: await publishing.snapshot() };
  }

  /** The page language, or a 404 (which is how an unknown language prefix reads). */
  function languageOf(request: Request<LangParams>): Language {
    if (!isLanguage(request.params.lang)) throw notFound('page_not_found', 'No such page.');
    return request.params.lang;
  }

  /** A conditional GET of a page or feed built from the register. */
  async function conditional(request: FastifyRequest, reply: FastifyReply, render: () => Promise<Rendered>) {
    return sendConditional(request, reply, cache, await publishing.stamp(), render);
  }

  const page = (body: { value: string }, status = 200): Rendered => ({ status, type: HTML, body: body.value });

  /** A feed's filter: unknown values are refused by field (a feed has no page to explain them on). */
  function feedFilter(query: RawQuery, known: Parameters<typeof parseFilter>[1]): SiteFilter {
    const { filter, issues } = parseFilter(query, known);
    if (issues.length > 0) {
      throw invalid(
        issues.map((i) =>
          i.reason === 'before_from'
            ? issue(`query.${i.field}`, 'before_start', `"${i.value}" is before from (${filter.from ?? ''})`, { from: filter.from ?? '', to: i.value })
            : issue(`query.${i.field}`, 'unknown_value', `"${i.value}" is not a known value`, { value: i.value }),
        ),
      );
    }
    return filter;
  }

  async function feed(ctx: PageContext, name: string, filter: SiteFilter, filename: string): Promise<Rendered> {
    const found = feedWindow(ctx.today, filter.from, filter.to);
    if (!found.ok) {
      throw invalid(
        [issue('query.to', 'window_too_long', `a feed covers at most ${FEED_MAX_DAYS} days (this asks for ${found.days}); ask for a shorter period with from and to`, { maximum: FEED_MAX_DAYS, days: found.days })],
        'feed_window_too_long',
      );
    }
    const { events, truncated } = await publishing.feedEvents({ ...filter, from: undefined, to: undefined }, found.window, ctx.today);
    const headers: Record<string, string> = { 'content-disposition': `inline; filename="${filename}"` };
    // Says so when the window held more than a feed does; from/to narrow it.
    if (truncated) headers['x-feed-truncated'] = `${found.window.from} to ${found.window.to} holds more events than a feed does; narrow it with from and to`;
    return { status: 200, type: ICS, body: calendarFeed(ctx, name, events), headers };
  }

  return async (app: TypedApp) => {
    await app.register(async (site: FastifyInstance) => {
      // The app's one error mapper decides what went wrong; a page shows it in the page language, a feed as problem+json.
      site.setErrorHandler(async (error, request, reply) => {
        // Validators belong to the page that was asked for, not to an error in its place.
        reply.removeHeader('etag').removeHeader('last-modified').header('cache-control', 'no-store');
        const problem = problemOf(error, request);
        if (FEED_ROUTE.test(request.routeOptions.url ?? '') || request.url.startsWith('/api/')) return sendProblem(reply, request, problem);
        const lang = (request.params as Partial<LangParams> | undefined)?.lang;
        const ctx = await contextFor(request, lang && isLanguage(lang) ? lang : 'en');
        const body = problem.status === 404 ? notFoundPage(ctx) : errorPage(ctx, problem.status, problem.correlationId ?? '');
        return reply.code(problem.status).type(HTML).send(body.value);
      });

      site.get('/', async (request, reply) => {
        const language = pickLanguage(undefined, request.headers['accept-language']);
        return reply.header('vary', 'Accept-Language').redirect(`/${language}/`, 302);
      });

      site.get('/site.css', async (request, reply) => {
        reply.header('etag', CSS_ETAG).header('cache-control', 'public, max-age=86400');
        if (request.headers['if-none-match'] === CSS_ETAG) return reply.code(304).send();
        return reply.type('text/css; charset=utf-8').send(CSS);
      });

      site.get('/calendar.ics', async (request: Request<Record<string, never>>, reply) =>
        conditional(request, reply, async () => {
          const ctx = await contextFor(request, 'en');
          return feed(ctx, ctx.t('site.feeds.title'), feedFilter(request.query, ctx.snapshot.known), 'itu-regional-events.ics');
        }),
      );

      site.get('/:lang', async (request: Request, reply) => {
        if (!isLanguage(request.params.lang)) return reply.callNotFound();
        return reply.redirect(`/${request.params.lang}/`, 301);
      });

      site.get('/:lang/', async (request: Request, reply) => {
        if (!isLanguage(request.params.lang)) return reply.callNotFound();
        const language = request.params.lang;
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const [upcoming, recent] = await Promise.all([publishing.upcoming({}, ctx.today, 10), publishing.recent({}, ctx.today, 5)]);
          return page(homePage(ctx, { upcoming, recent }));
        });
      });

      site.get('/:lang/regions/:code', async (request: Request<CodeParams>, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const region = ctx.snapshot.regions.find((r) => r.code === request.params.code);
          if (!region) throw notFound('region_not_found', 'No such region.');
          const filter = { region: [region.code] };
          const [upcoming, recent] = await Promise.all([publishing.upcoming(filter, ctx.today, 10), publishing.recent(filter, ctx.today, 10)]);
          return page(regionPage(ctx, { region, upcoming, recent }));
        });
      });

      site.get('/:lang/regions/:code/calendar.ics', async (request: Request<CodeParams>, reply) => {
        const language = languageOf(request);
        if (!(REGION_CODES as readonly string[]).includes(request.params.code)) throw notFound('region_not_found', `There is no region "${request.params.code}".`);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const region = ctx.snapshot.regions.find((r) => r.code === request.params.code)!;
          const filter = { ...feedFilter(request.query, ctx.snapshot.known), region: [region.code] };
          return feed(ctx, `${ctx.t('site.feeds.title')} – ${nameText(ctx, region.names)}`, filter, `itu-${region.code.toLowerCase()}-events.ics`);
        });
      });

      site.get('/:lang/offices/:code', async (request: Request<CodeParams>, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const details = ctx.snapshot.officeByCode.get(request.params.code);
          if (!details) throw notFound('office_not_found', 'No such office.');
          const [asked] = valuesOf(request.query, 'year');
          const year = asked === undefined ? Number(ctx.today.slice(0, 4)) : /^\d{4}$/.test(asked) && Number(asked) >= 1900 && Number(asked) <= 2200 ? Number(asked) : null;
          if (year === null) {
            const issue: FilterIssue = { field: 'year', value: asked!.slice(0, 80) };
            return page(officePage(ctx, { details, year: Number(ctx.today.slice(0, 4)), plan: [], past: [], issue }), 400);
          }
          const [plan, past] = await Promise.all([publishing.plan(details.office.code, year), publishing.recent({ office: [details.office.code] }, ctx.today, 10)]);
          return page(officePage(ctx, { details, year, plan, past, issue: null }));
        });
      });

      site.get('/:lang/offices/:code/calendar.ics', async (request: Request<CodeParams>, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const details = ctx.snapshot.officeByCode.get(request.params.code);
          if (!details) throw notFound('office_not_found', `There is no office "${request.params.code}".`);
          const filter = { ...feedFilter(request.query, ctx.snapshot.known), office: [details.office.code] };
          return feed(ctx, `${ctx.t('site.feeds.title')} – ${nameText(ctx, details.office.names)}`, filter, `itu-${details.office.code}-events.ics`);
        });
      });

      site.get('/:lang/events', async (request: Request, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const { filter, issues } = parseFilter(request.query, ctx.snapshot.known);
          const [view = 'list'] = valuesOf(request.query, 'view');
          if (view !== 'list' && view !== 'month') issues.push({ field: 'view', value: view.slice(0, 80) });
          let result: EventsView | null;
          try {
            result = view === 'month' ? await monthResult(ctx, request.query, filter, issues) : await listResult(ctx, request.query, filter);
          } catch (error) {
            if (!isAppError(error) || error.code !== 'export_too_large') throw error;
            result = null;
          }
          return page(eventsPage(ctx, { filter, issues, result }), issues.length > 0 ? 400 : 200);
        });
      });

      site.get('/:lang/events.ics', async (request: Request, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          return feed(ctx, ctx.t('site.feeds.title'), feedFilter(request.query, ctx.snapshot.known), 'itu-events.ics');
        });
      });

      site.get('/:lang/events.atom', async (request: Request, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const events = await publishing.changes(feedFilter(request.query, ctx.snapshot.known), 50);
          return { status: 200, type: 'application/atom+xml; charset=utf-8', body: atomFeed(ctx, request.url, events) };
        });
      });

      site.get('/:lang/events.json', async (request: Request, reply) => {
        const language = languageOf(request);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const filter = feedFilter(request.query, ctx.snapshot.known);
          const list = await listResult(ctx, request.query, filter);
          const options = { staff: false, bureauOfSector: await publishing.bureauOfSector() };
          return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify({ data: list.events.map((a) => presentActivity(a, options)), next: list.next }) };
        });
      });

      site.get('/:lang/events/:id', async (request: Request<IdParams>, reply) => {
        const language = languageOf(request);
        if (!UUID.test(request.params.id)) throw notFound('activity_not_found', 'No such event.');
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          return page(eventPage(ctx, await publishing.event(request.params.id)));
        });
      });

      site.get('/:lang/events/:id/calendar.ics', async (request: Request<IdParams>, reply) => {
        const language = languageOf(request);
        if (!UUID.test(request.params.id)) throw notFound('activity_not_found', `There is no event ${request.params.id}.`);
        return conditional(request, reply, async () => {
          const ctx = await contextFor(request, language);
          const { activity } = await publishing.event(request.params.id);
          return { status: 200, type: ICS, body: calendarFeed(ctx, ctx.t('site.feeds.title'), [activity]), headers: { 'content-disposition': `attachment; filename="event-${activity.id}.ics"` } };
        });
      });

      // Anything else under a language prefix is a 404 page in that language; other paths keep the app's 404.
      site.get('/:lang/*', async (request: Request, reply) => {
        if (!isLanguage(request.params.lang)) return reply.callNotFound();
        const ctx = await contextFor(request, request.params.lang);
        return reply.code(404).type(HTML).send(notFoundPage(ctx).value);
      });
    });
  };

  /** The list view: upcoming events by default, or the filter's date range; one page at a time. */
  async function listResult(ctx: PageContext, query: RawQuery, filter: SiteFilter): Promise<Extract<EventsView, { view: 'list' }>> {
    const [sortValue] = valuesOf(query, 'sort');
    const sort = sortValue === '-date' ? '-date' : 'date';
    const [cursor] = valuesOf(query, 'cursor');
    const upcoming = filter.from === undefined && filter.to === undefined;
    const page = await publishing.eventsPage(upcoming ? { ...filter, from: ctx.today } : filter, { sort, cursor, limit: EVENTS_PER_PAGE });
    return { view: 'list', sort, events: page.activities, next: page.next, paged: cursor !== undefined };
  }

  async function monthResult(ctx: PageContext, query: RawQuery, filter: SiteFilter, issues: FilterIssue[]): Promise<EventsView> {
    const [asked] = valuesOf(query, 'month');
    let month = asked === undefined ? null : parseMonth(asked);
    if (asked !== undefined && month === null) issues.push({ field: 'month', value: asked.slice(0, 80) });
    month ??= parseMonth((filter.from ?? ctx.today).slice(0, 7))!;
    return { view: 'month', month, events: await publishing.monthEvents({ ...filter, from: undefined, to: undefined }, month) };
  }
}

