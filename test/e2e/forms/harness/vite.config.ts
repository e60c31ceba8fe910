// Builds a page that mounts only the forms area (the shell mounts it the same way at /forms/*), so the
// forms e2e test does not depend on how the app shell is wired. Output dir comes from FORMS_HARNESS_OUT.
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { NodePackageImporter } from 'sass';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.resolve(__dirname),
  plugins: [react()],
  // The client's stylesheet (govuk-frontend through Sass), configured as in client/vite.config.mts.
  css: { preprocessorOptions: { scss: { importers: [new NodePackageImporter()] } }, lightningcss: { errorRecovery: true } },
  logLevel: 'warn',
  build: { outDir: process.env.FORMS_HARNESS_OUT ?? path.join(os.tmpdir(), 'yjs-forms-harness'), emptyOutDir: true, chunkSizeWarningLimit: 5000 },
});
