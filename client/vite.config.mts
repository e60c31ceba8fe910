import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { NodePackageImporter } from 'sass';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // govuk-frontend's Sass is loaded with `pkg:` URLs (its documented way for Dart Sass 1.71+), resolved
  // through package.json exports by Sass's own Node package importer.
  // errorRecovery: govuk-frontend still ships an IE 9–11 media-query hack (`min-width: 0\0`) that Lightning CSS
  // refuses; with recovery it drops that one rule (IE is not supported) with a warning instead of failing.
  css: { preprocessorOptions: { scss: { importers: [new NodePackageImporter()] } }, lightningcss: { errorRecovery: true } },
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000', '/readyz': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
