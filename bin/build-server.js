// Compiles the server's TypeScript (src/, tests left out) into JavaScript in dist/, one file per
// source file at the same place (dist/platform/http.js for src/platform/http.ts), so the paths the
// code finds its files by (../../locales, ./site.css, ../package.json) hold unchanged. Imports of
// `#src/…` and `./….ts` become relative `.js` imports; packages stay imports of node_modules.
//
// `npm install` (prepare) and `npm start` (prestart) run it; it does nothing when dist/ is newer
// than every source. bin/fieldbook.js starts from dist/ when it is up to date and from the sources
// (through tsx) when it is not, so a server never runs code older than its sources.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
/** Written last, with the time the build started: dist/ is current when it is newer than every source. */
const STAMP = join(DIST, '.built');
/**
 * Packages left in node_modules: native modules, those that find files beside their own code,
 * those loaded on first use only, and the build tools.
 */
const UNBUNDLED = ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'playwright-core', 'exceljs', 'mammoth', '@fastify/swagger-ui', 'world-atlas', 'i18n-iso-countries', 'nodemailer', 'markdown-it', 'tsx', 'esbuild', 'vite'];
/** JSON outside src/ that the sources import (bundled into the files that import it). */
const BUNDLED_JSON = ['data/reference/countries.json'];
/** What the build copies as it is. */
const ASSET = /\.(css|svg|js)$/;

function walk(dir, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else files.push(path);
  }
  return files;
}

const isSource = (path) => path.endsWith('.ts') && !path.endsWith('.test.ts');

/** The newest change among the sources, the folders (a deleted file touches its folder) and package.json's import map. */
function newestSourceChange() {
  let newest = statSync(join(ROOT, 'package.json')).mtimeMs;
  const visit = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (isSource(path) || ASSET.test(path)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(SRC);
  // JSON the sources import is bundled into dist/ (an import of JSON needs its attribute, which an
  // external import would lose): a change to it makes the build stale too.
  for (const file of BUNDLED_JSON) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
}

/** dist/ holds a complete build of the current sources. */
export function serverBuildIsCurrent() {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSourceChange();
}

/** `#src/a/b.ts` or `./b.ts` from `importer` → the relative `.js` path its compiled file imports. */
function compiledSpecifier(specifier, importer) {
  const target = specifier.startsWith('#src/') ? join(SRC, specifier.slice('#src/'.length)) : resolve(dirname(importer), specifier);
  let path = relative(dirname(importer), target).split('\\').join('/').replace(/\.ts$/, '.js');
  if (!path.startsWith('.')) path = `./${path}`;
  return path;
}

export async function buildServer() {
  const { build } = await import('esbuild');
  const started = Date.now();
  rmSync(STAMP, { force: true });
  const files = walk(SRC);
  await build({
    entryPoints: files.filter(isSource),
    outdir: DIST,
    outbase: SRC,
    bundle: true,
    splitting: true,
    chunkNames: 'packages/[name]-[hash]',
    external: UNBUNDLED,
    banner: { js: "import { createRequire as __fieldbookRequire } from 'node:module'; const require = __fieldbookRequire(import.meta.url);" },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'fieldbook-imports',
        setup(b) {
          // Every import of our own code stays an import, of the compiled file beside it.
          b.onResolve({ filter: /^(\.|#src\/)/ }, (args) =>
            args.kind === 'entry-point' || !args.importer.startsWith(SRC) || args.path.endsWith('.json') ? undefined : { path: compiledSpecifier(args.path, args.importer), external: true },
          );
        },
      },
    ],
  });
  for (const file of files.filter((f) => !isSource(f) && ASSET.test(f))) {
    const target = join(DIST, relative(SRC, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  writeFileSync(STAMP, '');
  const at = new Date(started);
  utimesSync(STAMP, at, at);
}

export async function buildServerIfStale() {
  if (serverBuildIsCurrent()) return false;
  await buildServer();
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildServerIfStale();
  console.log(built ? 'server built into dist/' : 'server build is up to date');
}
