// Owns one life of a database child process (mongod or FerretDB): start, wait for ping, stop on shutdown.
// A pid file lets the next start stop a child orphaned by a crash (SQLite and mongod both lock
// their data directory). An unexpected exit is reported; database-supervisor.ts decides on a restart.
// Whatever way this process exits (a second Ctrl-C, a signal during start-up, process.exit anywhere), the
// 'exit' hook stops the child: it runs in its own process group, so nothing else would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../../ports/database.port';
import { waitForPing, pingOnce } from './wait-for-ping';

export interface ChildSpec {
  kind: 'mongod' | 'ferretdb';
  command: string;
  args: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  port: number;
  workDir: string; // holds data and the pid file
}

export interface ChildOptions {
  startTimeoutMs?: number;
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null, stderrTail: string) => void;
  log?: (msg: string) => void;
}

// runtime.json: {pid, uri} of the running child, for orphan clean-up and for operators' tools.
const pidFile = (workDir: string) => path.join(workDir, 'runtime.json');

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Alive and not yet a zombie: an exited child stays in the table until we reap it, which an exiting process never does. */
const isRunning = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return isAlive(pid);
  }
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** For the 'exit' hook, where nothing asynchronous runs: SIGTERM (FerretDB and mongod close their files), then SIGKILL. */
function stopSync(child: ChildProcess): void {
  const pid = child.pid;
  if (!pid) return;
  try {
    child.kill('SIGTERM');
    const until = Date.now() + 3000;
    while (isRunning(pid) && Date.now() < until) sleepSync(20);
    if (isRunning(pid)) child.kill('SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Stops a database child left by a crashed server; refuses to touch one whose server still runs. */
function stopOrphan(workDir: string, log: (m: string) => void): void {
  let runtime: { pid?: number; ownerPid?: number };
  try {
    runtime = JSON.parse(fs.readFileSync(pidFile(workDir), 'utf8')) as typeof runtime;
  } catch {
    return;
  }
  const pid = Number(runtime.pid);
  if (!pid || !isAlive(pid)) return;
  let cmd = '';
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!/ferretdb|mongod/.test(cmd)) return;
  if (runtime.ownerPid && runtime.ownerPid !== process.pid && isAlive(runtime.ownerPid)) {
    throw new Error(
      `another server (pid ${runtime.ownerPid}) is already using the database in ${workDir}: stop it, or set DATA_DIR to another folder`,
    );
  }
  log(`stopping database process ${pid} left behind by an earlier run`);
  process.kill(pid, 'SIGTERM');
  // Wait (bounded) so the old process releases the data files before the new one opens them.
  const until = Date.now() + 5000;
  while (isAlive(pid) && Date.now() < until) sleepSync(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export async function startDatabaseChild(spec: ChildSpec, opts: ChildOptions = {}): Promise<DatabaseHandle & { pid: number }> {
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(spec.workDir, { recursive: true });
  stopOrphan(spec.workDir, log);

  // Own process group: a terminal Ctrl-C reaches only the server, which then stops the database
  // after in-flight requests finish, instead of both dying at once mid-request.
  const child: ChildProcess = spawn(spec.command, spec.args, { env: { ...process.env, ...spec.env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });
  let exited = false;
  let stopping = false;
  const stopOnExit = () => stopSync(child);
  process.on('exit', stopOnExit);
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      process.off('exit', stopOnExit);
      if (!stopping) opts.onUnexpectedExit?.(code, signal, stderrTail);
      resolve();
    });
  });
  child.on('error', (err) => {
    stderrTail += `\n${err.message}`;
  });

  const uri = `mongodb://127.0.0.1:${spec.port}/`;
  try {
    await waitForPing(uri, opts.startTimeoutMs ?? 30000, () => !exited);
  } catch (e) {
    stopping = true;
    child.kill('SIGKILL');
    throw new Error(`${spec.kind} failed to start: ${(e as Error).message}${stderrTail ? `\n${stderrTail.trim()}` : ''}`);
  }
  fs.writeFileSync(pidFile(spec.workDir), JSON.stringify({ pid: child.pid, ownerPid: process.pid, uri, kind: spec.kind }));

  return {
    uri,
    kind: spec.kind,
    pid: child.pid ?? 0,
    ping: () => pingOnce(uri),
    async close() {
      if (exited) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exitPromise;
      clearTimeout(timer);
      fs.rmSync(pidFile(spec.workDir), { force: true });
    },
  };
}
