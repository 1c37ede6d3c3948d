/**
 * Prints what a first visit to /app downloads, gzipped: index.html, its entry script, the chunks
 * it preloads and its style sheets. Routes split off with React.lazy are not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('./dist/', import.meta.url));
export const INITIAL_BUDGET_BYTES = 250 * 1024;

export function initialBundle(): Array<{ file: string; gzipBytes: number }> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = ['index.html', ...[...html.matchAll(/(?:src|href)="\/app\/([^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '')];
  return files.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(DIST, file))).length }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = initialBundle();
  for (const { file, gzipBytes } of files) console.log(`${(gzipBytes / 1024).toFixed(1).padStart(8)} KB  ${file}`);
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  initial bundle, gzipped (budget ${INITIAL_BUDGET_BYTES / 1024} KB)`);
  if (total > INITIAL_BUDGET_BYTES) process.exitCode = 1;
}
