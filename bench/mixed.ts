/**
 * The `mixed` suite (issue 19): a busy day's traffic offered at a fixed rate, open loop (requests
 * are sent when due whatever the answers do, load.ts `openLoop`), every URL distinct so the page
 * cache misses as it does for many people: 70 % API reads and searches (lists by office, text
 * searches, single activities), 20 % public pages and calendar feeds (office pages by year, region
 * pages, office and region feeds for a year), 10 % edits (PATCH) and creations (POST) as the bench
 * focal point. First at `--mixed-rate` (200/s), then rising rates to find the knee: the highest
 * offered rate answered with no errors and p99 under 100 ms.
 */
import http from 'node:http';
import { benchToken, distinctDay, workloads } from './api.ts';
import type { LoadJob, LoadRequest, LoadResult, SentKind } from './load.ts';
import { percentile, round, type Suite, type SuiteContext } from './suite.ts';
import { Random } from './vocabulary.ts';

/** The issue's bar for a rate being held. */
export const MIXED_P99_MS = 100;
const KNEE_RATES = [25, 50, 100, 150, 200, 300, 400, 600];

export interface MixedFigures {
  offered: number;
  achieved: number;
  requests: number;
  errors: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  byKind: Record<SentKind, { requests: number; p50Ms: number; p99Ms: number }>;
  held: boolean;
}

export interface MixedResult {
  at: MixedFigures;
  steps: MixedFigures[];
  /** The highest offered rate held (null: not even the lowest). */
  knee: number | null;
}

function figuresOf(offered: number, result: LoadResult): MixedFigures {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const kinds = result.byKind ?? { read: [], edit: [], create: [] };
  const kind = (list: number[]) => {
    const s = [...list].sort((a, b) => a - b);
    return { requests: s.length, p50Ms: round(percentile(s, 50), 2), p99Ms: round(percentile(s, 99), 2) };
  };
  const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
  const p99Ms = round(percentile(sorted, 99), 2);
  return {
    offered,
    achieved: round(sorted.length / (result.windowMs / 1000), 1),
    requests: sorted.length,
    errors: result.errors,
    p50Ms: round(percentile(sorted, 50), 2),
    p95Ms: round(percentile(sorted, 95), 2),
    p99Ms,
    byKind: { read: kind(kinds.read), edit: kind(kinds.edit), create: kind(kinds.create) },
    held: errors === 0 && p99Ms < MIXED_P99_MS,
  };
}

/** The mix's text searches. */
export const MIXED_QUERIES = ['workshop', 'spectrum', 'quality of service', 'e-waste', 'Bangkok', 'cybersecurity', 'numbering', 'emergency telecommunications', 'SG12', 'Minsk'];
/** The regions whose pages and feeds the mix asks for. */
export const MIXED_REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];

/** 7 API reads to 2 public pages, shuffled, every URL different. */
function readsAndPages(offices: string[], readable: string[], regions: string[], seed: number, count: number): LoadRequest[] {
  const rng = new Random(seed);
  const pick = <T>(list: readonly T[]): T => list[rng.int(0, list.length - 1)]!;
  const requests: LoadRequest[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2010 + (i % 17);
    const slot = i % 9;
    let path: string;
    if (slot < 7) {
      const api = slot % 3;
      path =
        api === 0 ? `/api/activities?office=${pick(offices)}&limit=50&from=${distinctDay(i)}`
        : api === 1 ? `/api/activities?q=${encodeURIComponent(pick(MIXED_QUERIES))}&limit=50&from=${distinctDay(i)}`
        : `/api/activities/${readable[i % readable.length]}`;
    } else {
      const site = rng.int(0, 3);
      const office = pick(offices);
      path =
        site === 0 ? `/en/offices/${office}?year=${year}`
        : site === 1 ? `/en/regions/${pick(regions)}?v=${i}`
        : site === 2 ? `/en/offices/${office}/calendar.ics?from=${year}-01-01&to=${year}-12-31`
        : `/en/regions/${pick(regions)}/calendar.ics?from=${year}-01-01&to=${year}-06-30`;
    }
    requests.push({ method: 'GET', path });
  }
  return requests;
}

/** Waits (up to a minute) until the server answers its health check within 50 ms: the last run's queue is gone. */
async function drained(port: number): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const started = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/api/health' }, (response) => response.resume().on('end', () => resolve(response.statusCode === 200))).on('error', () => resolve(false));
    });
    if (ok && performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function measureMixed(context: SuiteContext, rate: number): Promise<MixedResult> {
  const { register, seed, load, listen, log } = context;
  const port = await listen();
  const token = await benchToken(register);
  const work = await workloads(register, token, seed + 1);
  const office = work.offices[0]!;
  const create = JSON.stringify({
    title: { en: 'Mixed-load workshop on quality of service' },
    originalLanguage: 'en',
    kind: 'workshop',
    status: 'planned',
    visibility: 'public',
    offices: [{ office, role: 'organised' }],
    date: { text: '3 March 2027' },
    sectors: ['ITU-T'],
    bodies: [],
    description: { en: 'Created by the mixed benchmark.' },
  });
  const requests = readsAndPages(work.offices, work.readable, MIXED_REGIONS, seed, 200_000);
  let offset = 0;
  const run = async (offered: number, seconds: number): Promise<MixedFigures> => {
    // Each run continues in the URL list, so no run repeats another's URLs.
    await drained(port);
    const slice = requests.slice(offset, offset + Math.ceil(offered * (seconds + load.warmupMs / 1000) * 1.1));
    offset += slice.length;
    // The load runs in another process, which keeps the versions its edits got to itself: read
    // them again, or each run after the first would start its edits from stale versions (409s).
    const items = work.patch.patch!.items;
    const { db } = register.fieldbook.database;
    const current = new Map((await db.selectFrom('activity').select(['id', 'version']).where('id', 'in', items.map((i) => i.id)).execute()).map((r) => [r.id, Number(r.version)]));
    for (const item of items) item.version = current.get(item.id) ?? item.version;
    const job: LoadJob = {
      host: '127.0.0.1',
      port,
      headers: { authorization: `Bearer ${token}` },
      concurrency: load.concurrency,
      warmupMs: load.warmupMs,
      durationMs: seconds * 1000,
      requests: slice,
      patch: work.patch.patch!,
      keepBodies: 0,
      openLoop: { rate: offered, share: 0.9, createPath: '/api/activities', create },
    };
    const figures = figuresOf(offered, await load.generator.run(job));
    log(`  mixed ${offered}/s: ${figures.achieved}/s answered, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, errors ${JSON.stringify(figures.errors)}`);
    return figures;
  };
  const seconds = Math.max(load.durationMs / 1000, 5);
  const at = await run(rate, seconds);
  const steps: MixedFigures[] = [];
  for (const offered of KNEE_RATES) {
    const step = offered === rate ? at : await run(offered, seconds);
    steps.push(step);
    if (!step.held) break;
  }
  const held = steps.filter((s) => s.held);
  return { at, steps, knee: held.length > 0 ? Math.max(...held.map((s) => s.offered)) : null };
}

function printMixed(result: MixedResult): void {
  const errors = (f: MixedFigures) => Object.values(f.errors).reduce((a, b) => a + b, 0);
  console.log(`Mixed load, open loop (70 % API reads, 20 % public pages and feeds, 10 % edits and creations; distinct URLs)`);
  console.log('offered/s  answered/s  p50 ms  p95 ms  p99 ms  errors  read p99  edit p99  create p99  held');
  for (const f of [result.at, ...result.steps.filter((s) => s !== result.at)]) {
    console.log(
      [
        String(f.offered).padStart(9), String(f.achieved).padStart(10), f.p50Ms.toFixed(1).padStart(6), f.p95Ms.toFixed(1).padStart(6), f.p99Ms.toFixed(1).padStart(6),
        String(errors(f)).padStart(6), f.byKind.read.p99Ms.toFixed(1).padStart(8), f.byKind.edit.p99Ms.toFixed(1).padStart(8), f.byKind.create.p99Ms.toFixed(1).padStart(10), f.held ? '  yes' : '  no',
      ].join('  '),
    );
  }
  console.log(`knee (highest rate with no errors and p99 < ${MIXED_P99_MS} ms): ${result.knee === null ? 'below the lowest rate tried' : `${result.knee}/s`}\n`);
}

export function mixedSuite(rate: number): Suite<MixedResult> {
  return {
    name: 'mixed',
    summary: `open-loop mixed load at ${rate}/s, then rising to find the knee`,
    run: (context) => measureMixed(context, rate),
    print: printMixed,
  };
}
