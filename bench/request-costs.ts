/**
 * What each kind of request of the mixed load costs the server, one request at a time in process
 * (`app.inject`, no sockets, no other load): the server's own time per request, by kind, every URL
 * distinct as in the mixed suite. Where the issue-19 time goes, without the noise of a load run.
 *
 *   npx tsx bench/request-costs.ts [--dialect sqlite|postgres] [--size 100k] [--count 60] [--cpu-prof]
 *
 * With `--cpu-prof` run it as `node --cpu-prof --import tsx bench/request-costs.ts` instead.
 * The register must exist (`npm run bench -- --sizes 100k` generates it).
 */
import { parseArgs } from 'node:util';
import { buildApp } from '#src/app.ts';
import { benchToken, workloads } from './api.ts';
import { openRegister } from './generate.ts';
import { percentile, round } from './suite.ts';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    size: { type: 'string', default: '100k' },
    count: { type: 'string', default: '60' },
    only: { type: 'string' },
  },
});
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const size = sizes[values.size!] ?? 100_000;
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const count = Number(values.count);

const register = await openRegister(
  { dialect, size, label: values.size!, dataDir: 'bench/.data', postgresUrl: process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  { regenerate: false, seed: 1, log: (line) => console.log(line) },
);
const app = await buildApp(register.fieldbook, register.config, { level: 'silent' });
await app.ready();
const token = await benchToken(register);
const work = await workloads(register, token, 2);
const offices = work.offices;
const day = (i: number) => new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const queries = ['workshop', 'spectrum', 'quality of service', 'e-waste', 'Bangkok', 'cybersecurity', 'numbering', 'emergency telecommunications', 'SG12', 'Minsk'];
const regions = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];
const edits = work.patch.patch!.items;

const kinds: Record<string, (i: number) => { method: 'GET' | 'PATCH'; url: string; body?: string }> = {
  list: (i) => ({ method: 'GET', url: `/api/activities?office=${offices[i % offices.length]}&limit=50&from=${day(i)}` }),
  search: (i) => ({ method: 'GET', url: `/api/activities?q=${encodeURIComponent(queries[i % queries.length]!)}&limit=50&from=${day(i)}` }),
  get: (i) => ({ method: 'GET', url: `/api/activities/${work.readable[i % work.readable.length]}` }),
  'office page': (i) => ({ method: 'GET', url: `/en/offices/${offices[(i * 7) % offices.length]}?year=${2010 + (i % 17)}` }),
  'region page': (i) => ({ method: 'GET', url: `/en/regions/${regions[i % regions.length]}?v=${i}` }),
  'office feed': (i) => ({ method: 'GET', url: `/en/offices/${offices[(i * 7) % offices.length]}/calendar.ics?from=${2010 + (i % 17)}-01-01&to=${2010 + (i % 17)}-12-31` }),
  'region feed': (i) => ({ method: 'GET', url: `/en/regions/${regions[i % regions.length]}/calendar.ics?from=${2010 + (i % 17)}-01-01&to=${2010 + (i % 17)}-06-30` }),
  patch: (i) => {
    const item = edits[i % edits.length]!;
    return { method: 'PATCH', url: `/api/activities/${item.id}`, body: JSON.stringify({ version: item.version, participants: 10 + i }) };
  },
};

console.log(`${dialect} ${values.size}: ms per request, one at a time (${count} each, after 5 unmeasured)`);
for (const [kind, make] of Object.entries(kinds)) {
  if (values.only && !values.only.split(',').includes(kind)) continue;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count + 5; i++) {
    const request = make(i + 1000 * Object.keys(kinds).indexOf(kind));
    const started = performance.now();
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { authorization: `Bearer ${token}`, ...(request.body ? { 'content-type': 'application/json' } : {}) },
      ...(request.body ? { payload: request.body } : {}),
    });
    const ms = performance.now() - started;
    if (response.statusCode >= 400) throw new Error(`${request.method} ${request.url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    if (kind === 'patch') {
      const item = edits[(i + 1000 * Object.keys(kinds).indexOf(kind)) % edits.length]!;
      item.version = (JSON.parse(response.body) as { version: number }).version;
    }
    if (i >= 5) {
      times.push(ms);
      bytes += response.rawPayload.length;
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`${kind.padEnd(12)} mean ${round(mean, 2).toString().padStart(7)}  p50 ${round(percentile(times, 50), 2).toString().padStart(7)}  p95 ${round(percentile(times, 95), 2).toString().padStart(7)}  ${Math.round(bytes / times.length / 1024)} KB`);
}
await app.close();
await register.fieldbook.close();
