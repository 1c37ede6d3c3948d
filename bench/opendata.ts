/**
 * The `opendata` suite (issue 20): the IATI activity file of the whole public register
 * (`GET /open-data/iati.xml`) read over HTTP from the real app on loopback, as a publisher's
 * harvester reads it: activities per second, bytes, time to the first byte, and the process's
 * memory sampled while it streams (the app and this reader share the process: what grows is the
 * stream's own doing). Then the same for one region's file, and the first render of the year in
 * numbers (its grouped count and chart). Target: at least 20,000 activities/s with flat memory.
 */
import http from 'node:http';
import { percentile, round, type Suite, type SuiteContext } from './suite.ts';

export const OPEN_DATA_TARGET = { activitiesPerSecond: 20_000, heapGrowthMb: 256 };

export interface StreamFigures {
  path: string;
  status: number;
  activities: number;
  megabytes: number;
  seconds: number;
  firstByteMs: number;
  activitiesPerSecond: number;
  /** Heap used (MB) before, then its highest and the median of the samples taken while streaming. */
  heapMb: { before: number; peak: number; median: number };
  /** Resident set (MB) before and at its highest. */
  rssMb: { before: number; peak: number };
}

export interface OpenDataFigures {
  streams: StreamFigures[];
  yearPage: { path: string; firstRenderMs: number; cachedMs: number };
}

const CLOSE = Buffer.from('</iati-activity>');
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** Reads a file from the app, counting its activities as they arrive (a closing tag split across chunks counted once). */
function stream(port: number, path: string): Promise<StreamFigures> {
  return new Promise((resolve, reject) => {
    const before = process.memoryUsage();
    const heaps: number[] = [];
    let rssPeak = before.rss;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      heaps.push(now.heapUsed);
      rssPeak = Math.max(rssPeak, now.rss);
    }, 100);
    const started = performance.now();
    let firstByte = 0;
    let bytes = 0;
    let activities = 0;
    let tail: Buffer = Buffer.alloc(0);
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.on('data', (chunk: Buffer) => {
        if (firstByte === 0) firstByte = performance.now() - started;
        bytes += chunk.length;
        const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        for (let at = window.indexOf(CLOSE); at !== -1; at = window.indexOf(CLOSE, at + CLOSE.length)) activities++;
        tail = window.subarray(Math.max(0, window.length - (CLOSE.length - 1)));
      });
      response.on('end', () => {
        clearInterval(sampler);
        const seconds = (performance.now() - started) / 1000;
        const sorted = [...heaps].sort((a, b) => a - b);
        resolve({
          path,
          status: response.statusCode ?? 0,
          activities,
          megabytes: mb(bytes),
          seconds: round(seconds, 2),
          firstByteMs: round(firstByte, 1),
          activitiesPerSecond: Math.round(activities / seconds),
          heapMb: { before: mb(before.heapUsed), peak: mb(Math.max(before.heapUsed, ...sorted)), median: mb(percentile(sorted, 50)) },
          rssMb: { before: mb(before.rss), peak: mb(rssPeak) },
        });
      });
      response.on('error', reject);
    });
    request.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
  });
}

async function runOpenData(context: SuiteContext): Promise<OpenDataFigures> {
  const port = await context.listen();
  const streams: StreamFigures[] = [];
  for (const path of ['/open-data/iati.xml', '/open-data/iati.xml?region=AFR']) {
    context.log(`  opendata · ${path}`);
    streams.push(await stream(port, path));
  }
  const year = new Date().getUTCFullYear() - 1;
  const yearPath = `/en/years/${year}`;
  const time = async () => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${yearPath}`);
    await response.text();
    if (response.status !== 200) throw new Error(`${yearPath} answered ${response.status}`);
    return round(performance.now() - started, 1);
  };
  const firstRenderMs = await time();
  const cachedMs = await time();
  return { streams, yearPage: { path: yearPath, firstRenderMs, cachedMs } };
}

export const openDataSuite: Suite<OpenDataFigures> = {
  name: 'opendata',
  summary: 'open data: the IATI file of the whole register streamed over HTTP (activities/s, memory), the year in numbers',
  run: runOpenData,
  print({ streams, yearPage }) {
    console.log(`Open data · IATI file streamed over HTTP (target ≥ ${OPEN_DATA_TARGET.activitiesPerSecond.toLocaleString('en')} activities/s, heap growth under ${OPEN_DATA_TARGET.heapGrowthMb} MB)`);
    for (const s of streams) {
      const growth = round(s.heapMb.peak - s.heapMb.before, 1);
      const met = s.activitiesPerSecond >= OPEN_DATA_TARGET.activitiesPerSecond && growth < OPEN_DATA_TARGET.heapGrowthMb;
      console.log(
        `  ${s.path}: ${s.status} · ${s.activities.toLocaleString('en')} activities · ${s.megabytes.toLocaleString('en')} MB in ${s.seconds} s · first byte ${s.firstByteMs} ms · ` +
          `${s.activitiesPerSecond.toLocaleString('en')} activities/s · heap ${s.heapMb.before} → peak ${s.heapMb.peak} MB (median ${s.heapMb.median}) · rss ${s.rssMb.before} → ${s.rssMb.peak} MB · ${met ? 'met' : 'NOT met'}`,
      );
    }
    console.log(`  year in numbers ${yearPage.path}: first render ${yearPage.firstRenderMs} ms, cached ${yearPage.cachedMs} ms`);
  },
};
