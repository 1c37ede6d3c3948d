/**
 * The load generator, run as a child process so it does not share the server's event loop:
 * `concurrency` keep-alive connections, each sending its next request as soon as the last one
 * has been read in full, for a warm-up and then a measured window. Latency is from sending the
 * request to having read the whole body.
 *
 * The parent sends `LoadJob`s over IPC and receives a `LoadResult` for each (see `startLoadGenerator`).
 */
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'PATCH' | 'POST';
  path: string;
}

export interface LoadJob {
  host: string;
  port: number;
  headers: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** GET scenarios: requests sent in turn. */
  requests?: LoadRequest[];
  /**
   * PATCH scenario: activities edited in turn, each by one connection at a time, with the version
   * the last answer gave (so no request is stale unless someone else wrote the activity).
   */
  patch?: { pathPrefix: string; items: Array<{ id: string; version: number }> };
  /** How many response bodies of the measured window to send back (to size the floor). */
  keepBodies: number;
  /**
   * Open loop (the `mixed` suite): requests are sent at `rate` per second whatever the answers
   * do, not by `concurrency` connections in turn; latency counts from when a request was due, so
   * a server falling behind shows its queue. `share` of the slots go to `requests` in turn, the
   * rest alternate between a PATCH of an activity no other request is editing (as `patch`) and a
   * POST of `create` to `createPath`.
   */
  openLoop?: { rate: number; share: number; createPath: string; create: string };
}

export interface LoadResult {
  /** Latencies in milliseconds of the requests completed in the measured window. */
  latencies: number[];
  windowMs: number;
  /** Non-2xx answers and transport errors, by status ("409", "error: ECONNRESET"). */
  errors: Record<string, number>;
  /** Sum of body bytes of the measured requests. */
  bytes: number;
  bodies: string[];
  /** Latencies per request of `requests` (by index), when there are few enough to tell apart. */
  perRequest: number[][] | null;
  /** Open loop: latencies by what was sent. */
  byKind?: Record<SentKind, number[]>;
}

/** Up to this many distinct requests, latencies are also kept per request. */
const PER_REQUEST_MAX = 50;

function send(agent: http.Agent, job: LoadJob, method: string, path: string, body: string | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...job.headers };
    if (body !== null) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const request = http.request({ host: job.host, port: job.port, method, path, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}

/** Labels a latency by what was sent, for the mixed suite's per-kind figures. */
export type SentKind = 'read' | 'edit' | 'create';

async function runOpenLoop(job: LoadJob): Promise<LoadResult> {
  const open = job.openLoop!;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const byKind: Record<SentKind, number[]> = { read: [], edit: [], create: [] };
  let bytes = 0;
  let cursor = 0;
  let slot = 0;
  let participants = 0;
  const free = job.patch ? [...job.patch.items] : [];
  const interval = 1000 / open.rate;
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const measureTo = measureFrom + job.durationMs;
  const inFlight = new Set<Promise<void>>();

  const fire = (due: number) => {
    let method = 'GET';
    let path: string;
    let body: string | null = null;
    let kind: SentKind = 'read';
    let item: { id: string; version: number } | undefined;
    const write = (slot++ * 7919) % 1000 >= open.share * 1000;
    if (write && slot % 2 === 0 && free.length > 0) {
      item = free.shift()!;
      kind = 'edit';
      method = 'PATCH';
      path = `${job.patch!.pathPrefix}${item.id}`;
      participants = (participants % 500) + 1;
      body = JSON.stringify({ version: item.version, participants });
    } else if (write) {
      kind = 'create';
      method = 'POST';
      path = open.createPath;
      body = open.create;
    } else {
      path = job.requests![cursor++ % job.requests!.length]!.path;
    }
    const done = send(agent, job, method, path, body).then(
      (outcome) => {
        const end = performance.now();
        if (item) {
          if (outcome.status < 300) item.version = (JSON.parse(outcome.text) as { version: number }).version;
          else if (outcome.status === 409) item.version = (JSON.parse(outcome.text) as { current: { version: number } }).current.version;
          free.push(item);
        }
        if (due < measureFrom || due > measureTo) return;
        if (outcome.status >= 300) errors[`${method} ${outcome.status}`] = (errors[`${method} ${outcome.status}`] ?? 0) + 1;
        latencies.push(end - due);
        byKind[kind].push(end - due);
        bytes += Buffer.byteLength(outcome.text);
      },
      (error: unknown) => {
        if (item) free.push(item);
        if (due < measureFrom || due > measureTo) return;
        const key = `error: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        errors[key] = (errors[key] ?? 0) + 1;
      },
    );
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  // Each due request is sent on time; a timer that fires late sends all those due meanwhile.
  let next = start;
  while (next < measureTo) {
    const now = performance.now();
    while (next <= now && next < measureTo) {
      fire(next);
      next += interval;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  // Requests still unanswered 10 s after the window are counted as lost.
  const lost = new Promise<'lost'>((r) => setTimeout(() => r('lost'), 10_000).unref());
  if ((await Promise.race([Promise.all(inFlight).then(() => 'done' as const), lost])) === 'lost') errors['no answer within 10 s'] = inFlight.size;
  agent.destroy();
  return { latencies, windowMs: job.durationMs, errors, bytes, bodies: [], perRequest: null, byKind };
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  if (job.openLoop) return runOpenLoop(job);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency, maxFreeSockets: job.concurrency });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const bodies: string[] = [];
  let bytes = 0;
  let cursor = 0;
  const free = job.patch ? [...job.patch.items] : [];
  let participants = 0;
  const perRequest = job.requests && job.requests.length <= PER_REQUEST_MAX ? job.requests.map((): number[] => []) : null;

  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const measureTo = measureFrom + job.durationMs;

  const worker = async () => {
    while (performance.now() < measureTo) {
      let method: string;
      let path: string;
      let body: string | null = null;
      let item: { id: string; version: number } | undefined;
      let index = -1;
      if (job.patch) {
        item = free.shift();
        if (!item) throw new Error('more connections than activities to edit');
        method = 'PATCH';
        path = `${job.patch.pathPrefix}${item.id}`;
        participants = (participants % 500) + 1;
        body = JSON.stringify({ version: item.version, participants });
      } else {
        index = cursor++ % job.requests!.length;
        const next = job.requests![index]!;
        method = next.method;
        path = next.path;
      }
      const sent = performance.now();
      let outcome: { status: number; text: string } | null = null;
      try {
        outcome = await send(agent, job, method, path, body);
      } catch (error) {
        const key = `error: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        if (sent >= measureFrom) errors[key] = (errors[key] ?? 0) + 1;
      }
      const done = performance.now();
      if (item) {
        // Carry on from the version the server now has (on 409 the problem carries the current row).
        if (outcome && outcome.status < 300) item.version = (JSON.parse(outcome.text) as { version: number }).version;
        else if (outcome?.status === 409) item.version = (JSON.parse(outcome.text) as { current: { version: number } }).current.version;
        free.push(item);
      }
      if (sent < measureFrom || done > measureTo || !outcome) continue;
      if (outcome.status >= 300) errors[String(outcome.status)] = (errors[String(outcome.status)] ?? 0) + 1;
      latencies.push(done - sent);
      if (perRequest && index >= 0) perRequest[index]!.push(done - sent);
      bytes += Buffer.byteLength(outcome.text);
      if (bodies.length < job.keepBodies) bodies.push(outcome.text);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  agent.destroy();
  return { latencies, windowMs: job.durationMs, errors, bytes, bodies, perRequest };
}

// As a child process: jobs in, results out, one at a time, until the parent disconnects.
const CHILD_FLAG = '--fieldbook-load-generator';

if (process.send && process.argv.includes(CHILD_FLAG)) {
  process.on('message', (message: { id: number; job: LoadJob }) => {
    runLoad(message.job).then(
      (result) => process.send!({ id: message.id, ok: true, result }),
      (error: unknown) => process.send!({ id: message.id, ok: false, error: String((error as Error).stack ?? error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

export interface LoadGenerator {
  run(job: LoadJob): Promise<LoadResult>;
  close(): void;
}

/** Starts the load generator in its own process (TypeScript through tsx, like the parent). */
export async function startLoadGenerator(): Promise<LoadGenerator> {
  const { fork } = await import('node:child_process');
  let loader = 'tsx';
  try {
    loader = import.meta.resolve('tsx');
  } catch {
    // Resolved from the working directory instead.
  }
  const child = fork(new URL(import.meta.url), [CHILD_FLAG], { execArgv: ['--import', loader], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  child.on('message', (message: { id: number; ok: boolean; result?: LoadResult; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.result!);
    else waiting?.reject(new Error(`load generator: ${message.error}`));
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`the load generator exited (${code})`));
    pending.clear();
  });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ id, job });
      }),
    close: () => child.disconnect(),
  };
}
