/**
 * The public site and its feeds, under a language prefix (`/en/…`, `/ar/…`), server-rendered,
 * no client JavaScript. Every page and feed is a conditional GET (ETag/Last-Modified, 304).
 * Errors go through the app's one error mapper: on pages they become pages in the page
 * language, on feeds problem+json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, notFound } from '#src/platform/errors.ts';
import type { TypedApp } from '#src/platform/http.ts';
import { pickLanguage, type Language } from '#src/platform/i18n.ts';
import { translator } from '#src/platform/messages.ts';
import { problemOf, sendProblem } from '#src/platform/problem.ts';
import { todayUtc } from './model.ts';
import type { PageContext } from './pages/context.ts';
import { eventPage } from './pages/event.ts';
import { eventsPage, type EventsView } from './pages/events.ts';
import { homePage } from './pages/home.ts';
import { errorPage, notFoundPage } from './pages/not-found.ts';
import { officePage } from './pages/office.ts';
import { openDataPage } from './pages/open-data.ts';
import { nameText } from './pages/parts.ts';
import { regionPage } from './pages/region.ts';
import { yearPage } from './pages/year.ts';
import { atomResponse, calendarResponse, eventCalendarResponse, eventsJsonResponse, htmlPage } from './present.ts';
import { RenderCache, sendConditional, type Rendered } from './respond.ts';
import { eventId, eventsQuery, feedFilter, feedWindowOf, isLanguage, pageLanguage, planMonth, planYear, yearParam, type EventsQuery, type RawQuery, type SiteFilter } from './schemas.ts';
import type { PublishingService } from './service.ts';
import type { CoverageService } from '#src/coverage/service.ts';
import { coveragePage } from '#src/coverage/page.ts';
import { PLAN_SECTORS } from '#src/plans/model.ts';
import { ANONYMOUS } from '#src/platform/access.ts';
import { GenerationalCache } from '#src/platform/lru.ts';

const HTML = 'text/html; charset=utf-8';
const FEED_ROUTE = /\.(ics|atom|json)$/;
const EVENTS_PER_PAGE = 50;

const CSS = readFileSync(new URL('./site.css', import.meta.url), 'utf8');
const CSS_ETAG = `"${createHash('sha256').update(CSS).digest('base64url').slice(0, 16)}"`;
const FAVICON = readFileSync(new URL('./favicon.svg', import.meta.url), 'utf8');
const FAVICON_ETAG = `"${createHash('sha256').update(FAVICON).digest('base64url').slice(0, 16)}"`;

type LangParams = { lang: string };
type CodeParams = LangParams & { code: string };
type IdParams = LangParams & { id: string };
type YearParams = LangParams & { year: string };
type CoverageParams = YearParams & { sector: string };
type Request<P = LangParams> = FastifyRequest<{ Params: P; Querystring: RawQuery }>;

/** `coverage`: the public summary of the plans' coverage (decision 25), when the app has it. */
export function publishingRoutes(publishing: PublishingService, pages: { coverage?: CoverageService } = {}) {
  const cache = new RenderCache();
  /** Parts made from one activity (feed events, plan rows), by part, language, origin, id and version (pages/context.ts). */
  const fragments = new GenerationalCache<string>(100_000);

  async function contextFor(request: FastifyRequest, language: Language): Promise<PageContext> {
    const { t, direction } = translator(language);
    const path = request.url.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
    return { language, t, direction, path, origin: `${request.protocol}://${request.host}`, today: todayUtc(), snapshot: await publishing.snapshot(), fragments };
  }

  /**
   * A conditional GET of a page or feed built from the register, in the path's language. A page
   * that shows only some offices' activities names them (`offices`): a write to another office's
   * activity then leaves it as it was, cached and with the same ETag.
   */
  async function conditional(
    request: Request<LangParams>,
    reply: FastifyReply,
    render: (ctx: PageContext) => Promise<Rendered>,
    language = pageLanguage(request.params.lang),
    offices?: readonly string[],
  ) {
    return sendConditional(request, reply, cache, await publishing.stamp(offices), async () => render(await contextFor(request, language)));
  }

  /** An office's page or feed: one office's activities alone. */
  const officeConditional = (request: Request<CodeParams>, reply: FastifyReply, render: (ctx: PageContext) => Promise<Rendered>) =>
    conditional(request, reply, render, pageLanguage(request.params.lang), [request.params.code]);

  /** A calendar feed of the filter's window (or the default one), named and filed as given. */
  async function calendar(ctx: PageContext, filter: SiteFilter, name: string, fileName: string): Promise<Rendered> {
    const window = feedWindowOf(filter, ctx.today);
    const { events, truncated } = await publishing.feedEvents({ ...filter, from: undefined, to: undefined }, window, ctx.today);
    return calendarResponse(ctx, { name: `${ctx.t('site.feeds.title')}${name ? ` – ${name}` : ''}`, fileName, events, truncated: truncated ? window : null });
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

      // Pages name the SVG icon; browsers that ask for /favicon.ico on their own are sent to it.
      site.get('/favicon.svg', async (request, reply) => {
        reply.header('etag', FAVICON_ETAG).header('cache-control', 'public, max-age=86400');
        if (request.headers['if-none-match'] === FAVICON_ETAG) return reply.code(304).send();
        return reply.type('image/svg+xml').send(FAVICON);
      });
      site.get('/favicon.ico', async (_request, reply) => reply.redirect('/favicon.svg', 301));

      site.get('/calendar.ics', async (request: Request, reply) =>
        conditional(
          request,
          reply,
          async (ctx) => calendar(ctx, feedFilter(request.query, ctx.snapshot.known), '', 'itu-regional-events.ics'),
          'en',
        ),
      );

      site.get('/:lang', async (request: Request, reply) => {
        if (!isLanguage(request.params.lang)) return reply.callNotFound();
        return reply.redirect(`/${request.params.lang}/`, 301);
      });

      site.get('/:lang/', async (request: Request, reply) => {
        if (!isLanguage(request.params.lang)) return reply.callNotFound();
        return conditional(request, reply, async (ctx) => {
          const [upcoming, recent] = await Promise.all([publishing.upcoming({}, ctx.today, 10), publishing.recent({}, ctx.today, 5)]);
          return htmlPage(homePage(ctx, { upcoming, recent }));
        });
      });

      site.get('/:lang/regions/:code', async (request: Request<CodeParams>, reply) =>
        conditional(request, reply, async (ctx) => {
          const region = ctx.snapshot.regions.find((r) => r.code === request.params.code);
          if (!region) throw notFound('region_not_found', 'No such region.');
          const filter = { region: [region.code] };
          const [upcoming, recent] = await Promise.all([publishing.upcoming(filter, ctx.today, 10), publishing.recent(filter, ctx.today, 10)]);
          return htmlPage(regionPage(ctx, { region, upcoming, recent }));
        }),
      );

      site.get('/:lang/regions/:code/calendar.ics', async (request: Request<CodeParams>, reply) =>
        conditional(request, reply, async (ctx) => {
          const region = ctx.snapshot.regions.find((r) => r.code === request.params.code);
          if (!region) throw notFound('region_not_found', `There is no region "${request.params.code.slice(0, 80)}".`);
          const filter = { ...feedFilter(request.query, ctx.snapshot.known), region: [region.code] };
          return calendar(ctx, filter, nameText(ctx, region.names), `itu-${region.code.toLowerCase()}-events.ics`);
        }),
      );

      site.get('/:lang/offices/:code', async (request: Request<CodeParams>, reply) =>
        officeConditional(request, reply, async (ctx) => {
          const details = ctx.snapshot.officeByCode.get(request.params.code);
          if (!details) throw notFound('office_not_found', 'No such office.');
          const { year, issue } = planYear(request.query, ctx.today);
          if (issue) return htmlPage(officePage(ctx, { details, year, plan: [], past: [], issue }), 400);
          // Past activities are those before the year shown: the plan already lists that year's, held or not.
          const before = `${year}-01-01` < ctx.today ? `${year}-01-01` : ctx.today;
          const [view, past] = await Promise.all([publishing.planView(details.office.code, year, planMonth(request.query), ctx.today), publishing.recent({ office: [details.office.code] }, before, 10)]);
          const byOutput = await publishing.annualPlan(details.office.code, year, view.activities);
          return htmlPage(officePage(ctx, { details, year, plan: view.activities, paged: view.paged, byOutput, past, issue: null }));
        }),
      );

      site.get('/:lang/offices/:code/calendar.ics', async (request: Request<CodeParams>, reply) =>
        officeConditional(request, reply, async (ctx) => {
          const details = ctx.snapshot.officeByCode.get(request.params.code);
          if (!details) throw notFound('office_not_found', `There is no office "${request.params.code.slice(0, 80)}".`);
          const filter = { ...feedFilter(request.query, ctx.snapshot.known), office: [details.office.code] };
          return calendar(ctx, filter, nameText(ctx, details.office.names), `itu-${details.office.code}-events.ics`);
        }),
      );

      site.get('/:lang/events', async (request: Request, reply) =>
        conditional(request, reply, async (ctx) => {
          const asked = eventsQuery(request.query, ctx.snapshot.known, ctx.today);
          const result = await eventsResult(ctx, asked);
          return htmlPage(eventsPage(ctx, { filter: asked.filter, issues: asked.issues, result }), asked.issues.length > 0 ? 400 : 200);
        }),
      );

      site.get('/:lang/events.ics', async (request: Request, reply) =>
        conditional(request, reply, async (ctx) => calendar(ctx, feedFilter(request.query, ctx.snapshot.known), '', 'itu-events.ics')),
      );

      site.get('/:lang/events.atom', async (request: Request, reply) =>
        conditional(request, reply, async (ctx) => atomResponse(ctx, request.url, await publishing.changes(feedFilter(request.query, ctx.snapshot.known), 50))),
      );

      site.get('/:lang/events.json', async (request: Request, reply) =>
        conditional(request, reply, async (ctx) => {
          const asked = { ...eventsQuery(request.query, ctx.snapshot.known, ctx.today), filter: feedFilter(request.query, ctx.snapshot.known) };
          const list = await listResult(ctx, asked);
          return eventsJsonResponse(await publishing.presenter(list.events), list);
        }),
      );

      site.get('/:lang/events/:id', async (request: Request<IdParams>, reply) => {
        const id = eventId(request.params.id);
        return conditional(request, reply, async (ctx) => htmlPage(eventPage(ctx, await publishing.event(id))));
      });

      site.get('/:lang/events/:id/calendar.ics', async (request: Request<IdParams>, reply) => {
        const id = eventId(request.params.id);
        return conditional(request, reply, async (ctx) => eventCalendarResponse(ctx, (await publishing.event(id)).activity));
      });

      site.get('/:lang/years/:year', async (request: Request<YearParams>, reply) => {
        const year = yearParam(request.params.year);
        return conditional(request, reply, async (ctx) => htmlPage(yearPage(ctx, { year, counts: await publishing.yearCounts(year) })));
      });

      const { coverage } = pages;
      if (coverage)
        site.get('/:lang/plans/:sector/:year/coverage', async (request: Request<CoverageParams>, reply) => {
          const year = yearParam(request.params.year);
          const sector = PLAN_SECTORS.find((s) => s === request.params.sector);
          if (!sector) throw notFound('page_not_found', 'No such Sector.');
          // Anonymous: the public summary counts public activities only, whoever asks.
          return conditional(request, reply, async (ctx) => htmlPage(coveragePage(ctx, await coverage.view(ANONYMOUS, sector, year))));
        });

      site.get('/:lang/open-data', async (request: Request, reply) => conditional(request, reply, async (ctx) => htmlPage(openDataPage(ctx))));

      // Anything else under a language prefix is a 404 page in that language; other paths keep the app's 404.
      site.get('/:lang/*', async (request: Request, reply) => {
        if (!isLanguage(request.params.lang)) return reply.callNotFound();
        const ctx = await contextFor(request, request.params.lang);
        return reply.code(404).type(HTML).send(notFoundPage(ctx).value);
      });
    });
  };

  /** The events page's list or month; null when the month holds more than a page shows. */
  async function eventsResult(ctx: PageContext, asked: EventsQuery): Promise<EventsView | null> {
    try {
      if (asked.view === 'list') return await listResult(ctx, asked);
      return { view: 'month', month: asked.month, events: await publishing.monthEvents({ ...asked.filter, from: undefined, to: undefined }, asked.month) };
    } catch (error) {
      if (isAppError(error) && error.code === 'export_too_large') return null;
      throw error;
    }
  }

  /** The list view: upcoming events by default, or the filter's date range; one page at a time. */
  async function listResult(ctx: PageContext, asked: Pick<EventsQuery, 'filter' | 'sort' | 'cursor'>): Promise<Extract<EventsView, { view: 'list' }>> {
    const { filter, sort, cursor } = asked;
    // With no dates the list shows what is coming; a search looks through every date.
    const upcoming = filter.from === undefined && filter.to === undefined && filter.q === undefined;
    const page = await publishing.eventsPage(upcoming ? { ...filter, from: ctx.today } : filter, { sort, cursor, limit: EVENTS_PER_PAGE });
    return { view: 'list', sort, events: page.activities, next: page.next, paged: cursor !== undefined };
  }
}
