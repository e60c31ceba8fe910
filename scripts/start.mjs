// `npm start`: install what is missing, then run the server (TypeScript through tsx, no build step).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureClientBuild, ensureDependencies, ensureFerretdb, rootDir } from './lib/prepare.mjs';

try {
  ensureDependencies();
  ensureFerretdb();
  ensureClientBuild();
} catch (e) {
  process.stderr.write(`npm start could not prepare the project: ${e.message}\n`);
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'server', 'src', 'main', 'server.ts')], {
  cwd: rootDir,
  stdio: 'inherit',
});
// Ctrl-C reaches the server through the terminal's process group; SIGTERM (e.g. from a service
// manager) reaches only us, so pass it on and let the server shut down gracefully.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
