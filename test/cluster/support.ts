/**
 * Several `fieldbook serve` processes on one PostgreSQL schema behind a real HAProxy, configured
 * from the documented file (docs/deployment/haproxy.cfg) with only its addresses replaced, and a
 * client that says which instance answered (the balancer's X-Fieldbook-Instance header).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from '../../drill/server.ts';

export const HAPROXY_CONFIG = 'docs/deployment/haproxy.cfg';

/** Where HAProxy is, or null when it is not installed. */
export function haproxyPath(): string | null {
  for (const candidate of ['haproxy', '/usr/sbin/haproxy', '/usr/local/sbin/haproxy']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // Not there; try the next.
    }
  }
  return null;
}

export interface Instance {
  name: string;
  server: ServerProcess;
  /** What it printed, for the once-only start-up messages. */
  log(): string;
}

/** Starts `count` instances with `env` at the same moment and waits until all listen (or stops those that did). */
export async function startInstances(count: number, env: Record<string, string>, dir: string): Promise<Instance[]> {
  const started = await Promise.allSettled(
    Array.from({ length: count }, async (_, index) => {
      const name = `fieldbook${index + 1}`;
      const logFile = join(dir, `${name}.log`);
      const server = await startServer(env, logFile);
      return { name, server, log: () => readFileSync(logFile, 'utf8') };
    }),
  );
  const failed = started.filter((s) => s.status === 'rejected');
  if (failed.length === 0) return started.map((s) => (s as PromiseFulfilledResult<Instance>).value);
  await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.server.stop() : undefined)));
  const logs = Array.from({ length: count }, (_, index) => `fieldbook${index + 1}: ${readFileSync(join(dir, `fieldbook${index + 1}.log`), 'utf8').slice(-2000)}`);
  throw new Error(`${failed.length} of ${count} instances did not start:\n${logs.join('\n')}`);
}

/** The documented balancer config with the frontend on `port` and one server line per instance. */
export function balancerConfig(template: string, port: number, instances: readonly Instance[]): string {
  const lines = template.split('\n');
  const servers = instances.map((i) => `    server ${i.name} 127.0.0.1:${i.server.port}`);
  const firstServer = lines.findIndex((line) => /^\s*server\s/.test(line));
  if (firstServer < 0 || !lines.some((line) => /^\s*bind\s/.test(line))) throw new Error(`${HAPROXY_CONFIG}: expected a bind line and server lines`);
  const kept = lines.flatMap((line, index) => {
    if (/^\s*bind\s/.test(line)) return [`    bind 127.0.0.1:${port}`];
    if (/^\s*server\s/.test(line)) return index === firstServer ? servers : [];
    return [line];
  });
  return kept.join('\n');
}

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

export async function startBalancer(haproxy: string, instances: readonly Instance[], dir: string): Promise<Balancer> {
  const port = await freePort();
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, balancerConfig(readFileSync(HAPROXY_CONFIG, 'utf8'), port, instances));
  // -db: in the foreground, as the test's child; its request log is not needed.
  const child: ChildProcess = spawn(haproxy, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when every instance has answered through it (health checks passed, round robin turning).
  const seen = new Set<string>();
  const deadline = Date.now() + 20_000;
  while (seen.size < instances.length) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`HAProxy did not balance over every instance (answered: ${[...seen].join(', ') || 'none'}): ${errors}`);
    }
    const answer = await send(url, 'GET', '/api/health').catch(() => null);
    if (answer?.status === 200 && answer.instance) seen.add(answer.instance);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Answer<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: T;
  /** Which instance answered (the balancer's header). */
  instance: string;
}

export interface SendOptions {
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  /** The client's own address (another loopback address is another client to the limits). */
  from?: string;
}

/** One HTTP request, on its own connection, from `options.from` when given. */
export function send<T = any>(base: string, method: string, path: string, options: SendOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers, agent: false, ...(options.from ? { localAddress: options.from } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = (res.headers['content-type'] ?? '').includes('json') && text !== '';
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: json ? JSON.parse(text) : text, instance: String(res.headers['x-fieldbook-instance'] ?? '') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The session cookie a sign-in answer sets, as a Cookie header. */
export function sessionCookie(answer: Answer): string {
  const set = [answer.headers['set-cookie'] ?? []].flat();
  const cookie = set.map((line) => line.split(';')[0]!).find((pair) => pair.startsWith('fieldbook_session='));
  if (!cookie) throw new Error(`no session cookie in ${answer.status} ${answer.text}`);
  return cookie;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-cluster-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
