// A stop at any moment leaves no process behind: `node scripts/start.mjs` and `npm start` each run in their
// own process group with a fresh DATA_DIR, get SIGTERM either to the whole group (Ctrl-C, a container stop)
// or to the top process only (a service manager, `kill <npm pid>`), right away, while the embedded database
// is starting, or once ready — and within a few seconds nothing of the tree runs any more, the FerretDB child
// (seen in the tree and named in DATA_DIR/ferretdb/runtime.json) included.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../../server/src/adapters/database/find-free-port';
import { commandLine, descendants, isRunning } from '../../support/process-tree';
import { rootDir } from '../../support/server-process';

type Moment = 'immediately' | 'database starting' | 'ready';
type Target = 'group' | 'top';

const launchers = {
  'node scripts/start.mjs': [process.execPath, ['scripts/start.mjs']],
  'npm start': ['npm', ['start', '--silent']],
} as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output()}`);
    await sleep(25);
  }
}

async function stopAndCollect(launcher: keyof typeof launchers, moment: Moment, target: Target) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-stop-'));
  const port = await findFreePort();
  const [cmd, args] = launchers[launcher];
  // The test runner's own variables stay out (TEST_MONGODB_URI, npm_*): the server must start its own child.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SKIP_PREPARE: 'true', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', SERVE_CLIENT: 'false' };
  const top = spawn(cmd, [...args], { cwd: rootDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  top.stdout.on('data', (d: Buffer) => (out += d.toString()));
  top.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => top.on('exit', () => r()));
  const seen = new Set<number>([top.pid!]);
  const ferretdb = new Set<number>();
  const scan = () => {
    for (const pid of descendants(top.pid!)) {
      seen.add(pid);
      if (/ferretdb/.test(commandLine(pid))) ferretdb.add(pid);
    }
    try {
      ferretdb.add(JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'runtime.json'), 'utf8')).pid);
    } catch {
      /* not written yet, or removed by a clean stop */
    }
  };
  const scanner = setInterval(scan, 20);
  const ready = async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200;
  try {
    if (moment === 'database starting') await until('the FerretDB child', () => (scan(), ferretdb.size > 0), 60000, () => out);
    if (moment === 'ready') await until('/readyz', ready, 60000, () => out);
    process.kill(target === 'group' ? -top.pid! : top.pid!, 'SIGTERM');
    // Nothing of the tree may outlive the stop by more than a few seconds (graceful close, then the child).
    const deadline = Date.now() + 15000;
    let left: number[] = [];
    do {
      scan();
      left = [...seen, ...ferretdb].filter(isRunning);
      if (!left.length) break;
      await sleep(50);
    } while (Date.now() < deadline);
    return { left: left.map((pid) => `${pid} ${commandLine(pid)}`), ferretdbSeen: ferretdb.size, output: out };
  } finally {
    clearInterval(scanner);
    for (const pid of [...seen, ...ferretdb]) if (isRunning(pid)) process.kill(pid, 'SIGKILL'); // never leak into other tests
    await Promise.race([exited, sleep(2000)]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('stopping leaves no process behind', () => {
  const cases: Array<[keyof typeof launchers, Moment, Target]> = [
    ['node scripts/start.mjs', 'immediately', 'group'],
    ['node scripts/start.mjs', 'immediately', 'top'],
    ['node scripts/start.mjs', 'database starting', 'group'],
    ['node scripts/start.mjs', 'database starting', 'top'],
    ['node scripts/start.mjs', 'ready', 'group'],
    ['node scripts/start.mjs', 'ready', 'top'],
    ['npm start', 'database starting', 'top'],
    ['npm start', 'ready', 'group'],
    ['npm start', 'ready', 'top'],
  ];

  it.each(cases)('%s, SIGTERM %s → to the %s', async (launcher, moment, target) => {
    const r = await stopAndCollect(launcher, moment, target);
    if (moment !== 'immediately') expect(r.ferretdbSeen).toBeGreaterThan(0); // the stop did come with a database child running
    expect(r.left).toEqual([]);
  }, 120000);
});
