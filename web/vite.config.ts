/** The staff workspace bundle: web/src → web/dist, served by the Fastify server at /app. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: WEB_ROOT,
  base: '/app/',
  plugins: [react()],
  // The catalogues (locales/) and the server modules the screens share (`#src/…`, resolved through
  // package.json "imports" as on the server) live one folder up.
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline scripts; keep every script a file.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    target: 'es2022',
  },
});
