/**
 * The staff workspace: the React bundle built into web/dist, served at /app. Every path under
 * /app that is not a built file is a client route, so it gets index.html and React decides.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notFound, unavailable } from '#src/platform/errors.ts';
import type { TypedApp } from '#src/platform/http.ts';

export const WORKSPACE_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Vite's output folder: hashed names change with their content, so they may be cached for good. */
const ASSETS = 'assets/';

export function workspaceRoutes(root: string = WORKSPACE_DIST) {
  return async (app: TypedApp): Promise<void> => {
    await app.register(fastifyStatic, { root, serve: false });

    const sendIndex = (reply: FastifyReply) => {
      if (!existsSync(join(root, 'index.html'))) throw unavailable('workspace_not_built', 'The workspace is not built yet: run npm run build.');
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    };

    app.get('/app', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.get('/app/*', { schema: { hide: true } }, (request, reply) => {
      const file = normalize((request.params as { '*': string })['*']);
      if (!file.startsWith(ASSETS)) return sendIndex(reply);
      if (file.includes('..') || !existsSync(join(root, file))) throw notFound('asset_not_found', `There is no workspace file ${file}.`);
      return reply.sendFile(file, { maxAge: '365d', immutable: true });
    });
  };
}
