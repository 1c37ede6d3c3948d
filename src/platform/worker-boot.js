// The first module of every worker thread of the pool (worker-pool.ts). Node 20 does not hand the
// main thread's loader hooks to workers, so TypeScript is registered here through tsx, as
// bin/fieldbook.js does for the main thread; then the worker's own loop starts.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
