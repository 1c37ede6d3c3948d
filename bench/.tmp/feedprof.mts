import { openRegister } from '../generate.ts';
import { buildApp } from '../../src/app.ts';
const reg = await openRegister({ dialect: 'sqlite', size: 100_000, label: '100k', dataDir: '/work/wt-reads/bench/.data', postgresUrl: '' }, { regenerate: false, seed: 20261128, log: () => {} });
const app = await buildApp(reg.fieldbook, reg.config, false);
for (let k = 0; k < 4; k++) { const t = performance.now(); const r = await app.inject({ method: 'GET', url: `/en/offices/geneva?year=2021&k=${k}` }); console.log(r.statusCode, (performance.now() - t).toFixed(0), (r.body.match(/BEGIN:VEVENT/g) ?? []).length); }
await app.close(); await reg.fieldbook.close();
