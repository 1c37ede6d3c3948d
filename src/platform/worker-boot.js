// The first module of every worker thread of the pool (worker-pool.ts). Built (dist/platform/, by
// bin/build-server.js), the compiled worker-thread.js is beside it. From the sources, Node 20 does
// not hand the main thread's loader hooks to workers, so TypeScript is registered here through tsx,
// as bin/fieldbook.js does for the main thread. Then the worker's own loop starts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('./worker-thread.js', import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker-thread.ts');
}
