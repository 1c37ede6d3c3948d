import { openRegister } from '../generate.ts';
import { buildApp } from '../../src/app.ts';
import { benchToken } from '../api.ts';
const dialect = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
const reg = await openRegister({ dialect, size: 100_000, label: '100k', dataDir: '/work/wt-reads/bench/.data', postgresUrl: 'postgres://postgres@127.0.0.1:5432/bench_reads' }, { regenerate: false, seed: 20261128, log: () => {} });
const app = await buildApp(reg.fieldbook, reg.config, false);
const token = await benchToken(reg);
const id = (await reg.fieldbook.database.db.selectFrom('activity').select(['id', 'version']).where('visibility', '=', 'public').where('deleted_at', 'is', null).limit(1).executeTakeFirstOrThrow());
const paths = [
  '/api/activities?office=dakar&limit=50&from=1901-01-01',
  '/api/activities?q=workshop&limit=50&from=1901-01-02',
  '/api/activities?q=quality%20of%20service&limit=50&from=1901-01-03',
  `/api/activities/${id.id}`,
  '/en/offices/dakar?year=2020',
  '/en/offices/geneva?year=2021',
  '/en/regions/AFR?v=1',
  '/en/offices/dakar/calendar.ics?from=2020-01-01&to=2020-12-31',
  '/en/regions/AFR/calendar.ics?from=2020-01-01&to=2020-06-30',
];
for (const p of paths) {
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url: p + (k ? '&x' : ''), headers: { authorization: `Bearer ${token}` } });
    console.log(r.statusCode, (performance.now() - t).toFixed(1), 'ms', r.body.length, p);
  }
}
const t = performance.now();
const r = await app.inject({ method: 'POST', url: '/api/activities', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ title: { en: 'x workshop' }, originalLanguage: 'en', kind: 'workshop', status: 'planned', visibility: 'public', offices: [{ office: 'dakar', role: 'organised' }], date: { text: '3 March 2027' }, sectors: ['ITU-T'], bodies: [], description: { en: 'y' } }) });
console.log('POST', r.statusCode, (performance.now() - t).toFixed(1), r.body.slice(0, 200));
for (const p of paths.slice(4)) { const t = performance.now(); const r = await app.inject({ method: 'GET', url: p + '&y' }); console.log('after write', r.statusCode, (performance.now() - t).toFixed(1), 'ms', p); }
await app.close(); await reg.fieldbook.close();
