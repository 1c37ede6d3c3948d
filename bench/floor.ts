/**
 * The floor: a bare Fastify instance (no plugins, no hooks, no logger) answering the same URLs
 * as the real server with a fixed JSON body of the same size as the measured answers. What it
 * costs is the cost of HTTP, routing and the load generator on this machine; every figure of the
 * real server is also given as a ratio to it.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

export interface Floor {
  port: number;
  close(): Promise<void>;
}

export async function startFloor(body: string): Promise<Floor> {
  const app: FastifyInstance = Fastify({ logger: false });
  const answer = (_request: FastifyRequest, reply: FastifyReply): void => {
    void reply.header('content-type', 'application/json; charset=utf-8').send(body);
  };
  // The same routes as the register, so the load generator sends exactly the same requests;
  // the PATCH route parses the JSON request body, as the real one does.
  app.get('/api/activities', answer);
  app.get('/api/activities/:id', answer);
  app.patch('/api/activities/:id', answer);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the floor server has no port');
  return { port: address.port, close: () => app.close() };
}
