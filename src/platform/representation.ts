/**
 * How an answer is represented: content negotiation from the Accept header, JSON text made
 * once and sent as it is, and files sent as downloads. Routes call these instead of setting
 * headers by hand.
 */
import type { FastifyReply } from 'fastify';

/** The media type of a Content-Type or Accept entry, without its parameters, lower case. */
export const mediaTypeOf = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Which of the offered representations (by media type) an Accept header prefers, by its q
 * values; `fallback` when it names none of them.
 */
export function negotiate<F extends string>(accept: string | undefined, offered: Readonly<Record<string, F>>, fallback: F): F {
  let best: { format: F; q: number } = { format: fallback, q: 0 };
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const format = offered[type];
    if (format !== undefined && Number.isFinite(q) && q > best.q) best = { format, q };
  }
  return best.format;
}

/** JSON already serialised (e.g. kept in a cache): sent as it is, past the response serializer. */
export function sendJsonText(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

export interface FileDownload {
  /** The Content-Type, with its charset where it has one. */
  contentType: string;
  fileName: string;
  body: Buffer | string;
  /** `inline` for what a browser shows (HTML, Markdown), `attachment` for what it saves. */
  disposition?: 'inline' | 'attachment';
}

/** A generated file: never cached, named for saving. */
export function sendDownload(reply: FastifyReply, file: FileDownload) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `${file.disposition ?? 'attachment'}; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
