/**
 * Conditional responses for every page and feed: ETag and Last-Modified from the register's
 * freshness marker, 304 when the client has the current one, and a small cache of rendered
 * bodies keyed by that marker and the URL, so an unchanged register is never rendered twice.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LruCache } from '#src/platform/lru.ts';
import { isNotModified } from './model.ts';

export interface Rendered {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

/** A rendered response as kept: the body encoded once, not on every request that reuses it. */
interface Kept extends Omit<Rendered, 'body'> {
  body: Buffer;
}

/** At most 500 pages, none over 2 MB, 64 MB in all whatever the pages weigh. */
export class RenderCache extends LruCache<Kept> {
  constructor() {
    super({ maxEntries: 500, weigh: (kept) => kept.body.length, maxEntryWeight: 2_000_000, maxTotalWeight: 64_000_000 });
  }
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/**
 * Answers with the validators, 304 if the client is current, otherwise the rendered body (from
 * the cache when this URL was rendered for the same register state). Only 200s are cached.
 */
export async function sendConditional(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: RenderCache,
  stamp: { etag: string; lastModified: Date },
  render: () => Promise<Rendered>,
): Promise<FastifyReply> {
  reply.header('etag', stamp.etag);
  reply.header('last-modified', stamp.lastModified.toUTCString());
  // Shared caches may keep a copy but must ask again each time; the 304 makes asking cheap.
  reply.header('cache-control', 'public, no-cache');
  if (isNotModified({ ifNoneMatch: header(request, 'if-none-match'), ifModifiedSince: header(request, 'if-modified-since') }, stamp.etag, stamp.lastModified)) {
    return reply.code(304).send();
  }
  // The host is part of the key: pages carry absolute links (hreflang, webcal://), and one Host
  // header must never decide what another visitor is served.
  const key = `${stamp.etag} ${request.protocol}://${request.host}${request.url}`;
  let rendered = cache.get(key);
  if (!rendered) {
    const fresh = await render();
    rendered = { ...fresh, body: Buffer.from(fresh.body, 'utf8') };
    if (rendered.status === 200) cache.set(key, rendered);
  }
  for (const [name, value] of Object.entries(rendered.headers ?? {})) reply.header(name, value);
  return reply.code(rendered.status).type(rendered.type).send(rendered.body);
}
