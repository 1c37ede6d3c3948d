/**
 * HTTP/1.1 spoken by hand over a socket: a request goes out byte for byte as the drill wrote it
 * (paths with bad percent-encoding, raw control bytes, bodies that lie about their type), which
 * fetch would refuse or normalise. One connection per request, closed after the answer. And the
 * health watch: GET /api/health over and over while a drill attacks, noting every failure and
 * the slowest answer.
 */
import { connect } from 'node:net';
import { pause } from './drill.ts';

export interface RawRequest {
  method: string;
  /** The request target exactly as sent: `/api/activities/%ff?q=…` */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export type RawAnswer =
  | { ok: true; status: number; headers: Record<string, string>; body: Buffer; ms: number }
  | { ok: false; error: 'timeout' | 'refused' | 'reset' | 'closed'; ms: number };

export async function rawRequest(port: number, request: RawRequest, timeoutMs: number): Promise<RawAnswer> {
  const started = performance.now();
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...request.headers };
  if (body) headers['content-length'] = String(body.length);
  const head = `${request.method} ${request.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;

  return new Promise<RawAnswer>((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (error?: 'timeout' | 'refused' | 'reset' | 'closed') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const ms = performance.now() - started;
      // An answer that came before the socket failed counts: a 413 sent while the body was still going out is an answer.
      const parsed = parseAnswer(Buffer.concat(chunks));
      resolve(parsed ? { ok: true, ...parsed, ms } : { ok: false, error: error ?? 'closed', ms });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('connect', () => {
      socket.write(head, 'latin1');
      // The server may answer and close before the whole body is sent; that error is its answer.
      if (body) socket.write(body, () => undefined);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'refused' : 'reset'));
  });
}

/** Status, headers and body (de-chunked) of a whole answer, or null when there is no status line. */
function parseAnswer(bytes: Buffer): { status: number; headers: Record<string, string>; body: Buffer } | null {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (!match) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = bytes.subarray(end + 4);
  if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  return { status: Number(match[1]), headers, body };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Node's limit on a request's head: past it the server answers 431 and closes at once. */
const HEAD_LIMIT_BYTES = 16 * 1024;
/**
 * A body larger than the sockets' buffers: when the server answers before reading it (413 from
 * the Content-Length alone, or a 401 or 404 decided from the head) and closes, the unread bytes
 * make the kernel reset the connection, and the drill, still sending, may see the reset before
 * the answer.
 */
const UNREAD_BODY_BYTES = 64 * 1024;

/**
 * A reset on a request the server may answer and close on before reading it whole (see above):
 * that reset is the server's refusal, not a request left unanswered. (A server that died instead
 * is caught by the drills' health checks and exit watch.)
 */
export function refusedUnread(answer: RawAnswer, request: RawRequest): boolean {
  if (answer.ok || answer.error !== 'reset') return false;
  const head = Buffer.byteLength(request.target, 'latin1') + Object.entries(request.headers ?? {}).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  const body = request.body === undefined ? 0 : Buffer.byteLength(request.body);
  return head > HEAD_LIMIT_BYTES || body > UNREAD_BODY_BYTES;
}

export interface HealthFigures {
  checks: number;
  /** Answers other than 200, and no answer within the limit. */
  failures: number;
  maxLatencyMs: number;
}

/** How long a health check may take before it counts as a failure: the server is not answering. */
export const HEALTH_LIMIT_MS = 3000;

/** GET /api/health every `intervalMs` until stopped; a slow answer is waited for up to HEALTH_LIMIT_MS. */
export function watchHealth(port: number, intervalMs = 250): { stop(): Promise<HealthFigures> } {
  const figures: HealthFigures = { checks: 0, failures: 0, maxLatencyMs: 0 };
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      const answer = await rawRequest(port, { method: 'GET', target: '/api/health' }, HEALTH_LIMIT_MS);
      figures.checks += 1;
      figures.maxLatencyMs = Math.max(figures.maxLatencyMs, answer.ms);
      if (!answer.ok || answer.status !== 200) figures.failures += 1;
      await pause(intervalMs, stopping.signal);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
      return figures;
    },
  };
}

/** A multipart/form-data body of text fields and one file named "file", as a browser sends an upload. */
export function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `drill${crypto.randomUUID().replaceAll('-', '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`, 'utf8'));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A JSON request with a bearer token (the drills' usual call). */
export function jsonRequest(method: string, target: string, token: string | null, body?: unknown): RawRequest {
  return {
    method,
    target,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** The body of a 2xx JSON answer; anything else is an error naming what came back. */
export function expectJson<T>(answer: RawAnswer, what: string): T {
  if (!answer.ok) throw new Error(`${what}: no answer (${answer.error})`);
  if (answer.status < 200 || answer.status > 299) throw new Error(`${what}: ${answer.status} ${answer.body.toString('utf8').slice(0, 300)}`);
  return JSON.parse(answer.body.toString('utf8')) as T;
}
