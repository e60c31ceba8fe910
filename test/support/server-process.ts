// Runs the real server entry (as `npm start` does, minus the preparation) in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../server/src/adapters/database/find-free-port';

export const rootDir = path.resolve(__dirname, '..', '..');

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  output(): string;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function runServer(env: Record<string, string>): { proc: ChildProcess; output(): string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'server/src/main/server.ts')], {
    cwd: rootDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SERVE_CLIENT: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

export async function startServer(env: Record<string, string>, timeoutMs = 60000): Promise<ServerProcess> {
  // The OS may hand the same free port to another test before this server binds it: try another port then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(env, timeoutMs);
    } catch (e) {
      if (attempt >= 3 || !/PORT \d+ is already in use|EADDRINUSE/.test((e as Error).message)) throw e;
    }
  }
}

async function startServerOnce(env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
  const port = await findFreePort();
  const run = runServer({ PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let alive = true;
  let stopping = false;
  // A server that dies after it answered /readyz would otherwise show only as "fetch failed" in the test
  // that used it: say so on stderr with what it printed, which the CI log keeps.
  void run.exited.then((code) => {
    alive = false;
    if (!stopping && ready) process.stderr.write(`\n[server-process] the server on ${url} exited unexpectedly (code ${code}); its output:\n${run.output().slice(-6000)}\n`);
  });
  let ready = false;
  while (Date.now() < deadline) {
    if (!alive) throw new Error(`server exited during start:\n${run.output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      // Ours only once it said so: until it listens, another test's server may hold the port we were given.
      if (res.ok && run.output().includes('Youth Justice workflow is running at')) {
        ready = true;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!alive) throw new Error(`server exited during start:\n${run.output()}`);
  if (!ready) throw new Error(`server did not answer /readyz within ${timeoutMs} ms:\n${run.output()}`);
  return {
    proc: run.proc,
    url,
    output: run.output,
    async stop(signal = 'SIGTERM') {
      stopping = true;
      if (alive) run.proc.kill(signal);
      return run.exited;
    },
  };
}
