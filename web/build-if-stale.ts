/**
 * Builds the workspace bundle when web/dist is missing or older than its sources, so `npm start`
 * on a fresh clone and the e2e tests always serve the current screens without building every time.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(WEB, '..');
/** What the bundle is made of: the screens, their build settings, the catalogues and the server code they run (fuzzy dates, with the Intl they format through). */
const SOURCES = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), join(ROOT, 'locales'), join(ROOT, 'src', 'activities', 'fuzzy-date.ts'), join(ROOT, 'src', 'platform', 'intl.ts')];
const BUILT = join(WEB, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function workspaceIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => existsSync(source) && newestChange(source) > built);
}

export async function buildWorkspaceIfStale(): Promise<boolean> {
  if (!workspaceIsStale()) return false;
  const { build } = await import('vite');
  // Vite and React read NODE_ENV to choose their production builds; a test runner sets it to "test".
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildWorkspaceIfStale();
  console.log(built ? 'workspace built into web/dist' : 'workspace is up to date');
}
