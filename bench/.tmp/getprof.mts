import { openRegister } from '../generate.ts';
import { buildApp } from '../../src/app.ts';
const dialect = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
const reg = await openRegister({ dialect, size: 100_000, label: '100k', dataDir: '/work/wt-reads/bench/.data', postgresUrl: 'postgres://postgres@127.0.0.1:5432/bench_reads' }, { regenerate: false, seed: 20261128, log: () => {} });
const app = await buildApp(reg.fieldbook, reg.config, false);
const { db } = reg.fieldbook.database;
const ids = (await db.selectFrom('activity').select('id').where('visibility', '=', 'public').where('deleted_at', 'is', null).limit(500).execute()).map((r) => r.id);
const path = process.argv[3] ?? 'get';
const url = (i: number) => path === 'get' ? `/api/activities/${ids[i % ids.length]}` : path === 'bare' ? '/api/health' : `/api/activities?office=dakar&status=held&limit=50&from=20${10 + (i % 15)}-01-01`;
for (let i = 0; i < 300; i++) await app.inject({ method: 'GET', url: url(i) });
const t = performance.now(); const c = process.cpuUsage();
const N = 2000;
for (let i = 0; i < N; i++) { const r = await app.inject({ method: 'GET', url: url(i) }); if (r.statusCode !== 200) throw new Error(String(r.statusCode) + r.body); }
const u = process.cpuUsage(c);
console.log(path, dialect, 'wall µs/req', Math.round((performance.now() - t) * 1000 / N), 'cpu µs/req', Math.round((u.user + u.system) / N));
await app.close(); await reg.fieldbook.close();
