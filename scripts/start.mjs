// `npm start`: install what is missing, then run the server (TypeScript through tsx, no build step).
//
// Stopping: this launcher is the only process that takes stop signals; the server runs in its own process
// group and hears of a stop once, from here. Otherwise a Ctrl-C or a container stop (a signal to the whole
// group) reached the server twice — from the terminal and forwarded from here — and the second one made it
// exit at once, leaving the database child running. npm forwards its SIGTERM to `sh -c`, which dies without
// passing it on (dash), so a parent that goes away counts as a stop too; and the server watches its IPC
// channel to us, so even a SIGKILL of this launcher stops it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureClientBuild, ensureDependencies, ensureFerretdb, rootDir } from './lib/prepare.mjs';

let child;
let stopRequested = false;
let lastStop = 0;
const stop = () => {
  const now = Date.now();
  // A Ctrl-C arrives twice (the terminal's and npm's forward): one stop. A second one later forces the exit.
  if (stopRequested && now - lastStop < 1000) return;
  const force = stopRequested;
  stopRequested = true;
  lastStop = now;
  if (child && child.exitCode === null && child.signalCode === null) child.kill(force ? 'SIGINT' : 'SIGTERM');
  else if (!child) process.exit(0);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, stop);

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(); // reparented: whoever started us (npm, a shell) is gone
}, 500).unref();

try {
  // SKIP_PREPARE=true: the caller has prepared the tree (the lifecycle tests, which must not rebuild the
  // client under other tests' feet).
  if (process.env.SKIP_PREPARE !== 'true') {
    ensureDependencies();
    ensureFerretdb();
    ensureClientBuild();
  }
} catch (e) {
  process.stderr.write(`npm start could not prepare the project: ${e.message}\n`);
  process.exit(1);
}
// Preparation runs synchronously: a stop during it is handled only now.
await new Promise((resolve) => setImmediate(resolve));
if (stopRequested) process.exit(0);

child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'server', 'src', 'main', 'server.ts')], {
  cwd: rootDir,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  detached: true,
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
