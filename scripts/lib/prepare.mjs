// Bootstrap shared by `npm start` and `npm test`. Plain Node ESM with no dependencies because it
// runs before node_modules exists. Each step is skipped when its inputs have not changed, so a
// second start only pays for what changed.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (msg) => process.stdout.write(`[prepare] ${msg}\n`);

function hashFiles(files) {
  const h = createHash('sha256');
  for (const f of files.sort()) {
    h.update(path.relative(rootDir, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

function listFiles(dir, skip = () => false) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full)) continue;
    if (entry.isDirectory()) out.push(...listFiles(full, skip));
    else out.push(full);
  }
  return out;
}

const readStamp = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: rootDir, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

export function ensureDependencies() {
  const lock = path.join(rootDir, 'package-lock.json');
  const stampFile = path.join(rootDir, 'node_modules', '.install-stamp');
  const want = hashFiles([lock, path.join(rootDir, 'package.json')]);
  if (readStamp(stampFile) === want) return;
  // A fresh clone gets the exact lock (npm ci); an existing tree is topped up in place so a
  // changed lock does not wipe node_modules under a running process.
  const fresh = !fs.existsSync(path.join(rootDir, 'node_modules'));
  say(`installing dependencies (npm ${fresh ? 'ci' : 'install'})…`);
  // @carbon/grid (under the form editor) runs IBM's install telemetry, which reports this project's git remote,
  // commit and dependencies to IBM; its documented opt-out is this variable.
  run('npm', [fresh ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], { env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
  fs.writeFileSync(stampFile, want);
}

export function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Builds FerretDB v1.24.2 (pinned in tools/ferretdb/go.mod) once per machine, then copies it into
 * the project's git-ignored .cache. Skipped when MONGODB_URI or mongod makes it unnecessary. */
export function ensureFerretdb() {
  if (process.env.MONGODB_URI || process.env.FERRETDB_BIN || onPath('mongod')) return;
  const toolDir = path.join(rootDir, 'tools', 'ferretdb');
  const key = hashFiles(['go.mod', 'go.sum', ...fs.readdirSync(toolDir).filter((f) => f.endsWith('.go')).sort()].map((f) => path.join(toolDir, f)));
  const target = path.join(rootDir, '.cache', 'ferretdb', 'ferretdb');
  const stampFile = `${target}.stamp`;
  if (fs.existsSync(target) && readStamp(stampFile) === key) return;
  const machineCache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'yjs-workflow', `ferretdb-${key}`);
  const cached = path.join(machineCache, 'ferretdb');
  if (!fs.existsSync(cached)) {
    if (!onPath('go')) {
      say('FerretDB is not built and Go is not installed: set MONGODB_URI, install mongod, or install Go.');
      return;
    }
    say('building FerretDB v1.24.2 with Go (first time on this machine, about 1–2 minutes)…');
    fs.mkdirSync(machineCache, { recursive: true });
    const t0 = Date.now();
  run('go', ['build', '-trimpath', '-o', `${cached}.tmp`, '.'], { cwd: toolDir });
  say(`FerretDB built in ${Math.round((Date.now() - t0) / 1000)} s`);
    fs.renameSync(`${cached}.tmp`, cached);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(cached, `${target}.tmp`);
  fs.chmodSync(`${target}.tmp`, 0o755);
  fs.renameSync(`${target}.tmp`, target);
  fs.writeFileSync(stampFile, key);
}

/** The browser tests drive Debian's Chromium (never a downloaded build). When it is missing, root installs the
 * package with apt-get, as .ci/run does; anyone else is told plainly, before the run, that those suites will
 * fail and what to do. Returns the path when Chromium is there. */
export function ensureChromium({
  chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  isRoot = typeof process.getuid === 'function' && process.getuid() === 0,
} = {}) {
  if (fs.existsSync(chromium)) return chromium;
  // apt-get installs to /usr/bin/chromium only: another path was chosen by hand and is not ours to fill.
  const custom = chromium !== '/usr/bin/chromium';
  if (custom || !isRoot || !onPath('apt-get')) {
    const why = custom ? `${chromium} was chosen with CHROMIUM_PATH and does not exist`
      : !isRoot ? 'installing it needs root' : 'apt-get is not available';
    say(`Chromium is not installed at ${chromium} and cannot be installed here (${why}): the browser tests (test/e2e) will fail.`);
    say('Install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary, then run npm test again.');
    return undefined;
  }
  say("installing Debian's chromium for the browser tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !fs.existsSync(chromium)) {
    say(`installing chromium failed (apt-get exit ${install.status ?? install.signal}): the browser tests (test/e2e) will fail.`);
    return undefined;
  }
  return chromium;
}

/** Schemathesis (PyPI, the version pinned here) for the contract test, in a venv under the git-ignored .cache,
 * made with the machine's python3 and its pip (never a downloaded Python). Rebuilt only when the pin changes.
 * Without python3 the contract test (test/integration/http/schemathesis.test.ts) fails and says why. Returns
 * the path of the `schemathesis` command when it is there. */
export const SCHEMATHESIS_VERSION = '4.32.5';
export function ensureSchemathesis() {
  const venv = path.join(rootDir, '.cache', 'schemathesis-venv');
  const bin = path.join(venv, 'bin', 'schemathesis');
  const stampFile = path.join(venv, '.install-stamp');
  if (fs.existsSync(bin) && readStamp(stampFile) === SCHEMATHESIS_VERSION) return bin;
  if (!onPath('python3')) {
    say('python3 is not installed: the API contract test (schemathesis) will fail. Install python3 with venv and pip, then run npm test again.');
    return undefined;
  }
  say(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into .cache/schemathesis-venv (first time, about half a minute)…`);
  fs.rmSync(venv, { recursive: true, force: true });
  try {
    run('python3', ['-m', 'venv', venv]);
    run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  } catch (e) {
    // The other suites do not need it: say so and let them run; the contract test fails with this reason.
    say(`installing schemathesis failed (${e.message}): the API contract test will fail.`);
    return undefined;
  }
  fs.writeFileSync(stampFile, SCHEMATHESIS_VERSION);
  return bin;
}

export function ensureClientBuild() {
  const clientDir = path.join(rootDir, 'client');
  const dist = path.join(clientDir, 'dist');
  const inputs = [
    ...listFiles(clientDir, (f) => f.startsWith(dist)),
    ...listFiles(path.join(rootDir, 'server', 'src', 'forms-core')),
    path.join(rootDir, 'package-lock.json'),
  ];
  const want = hashFiles(inputs);
  const stampFile = path.join(dist, '.build-stamp');
  if (readStamp(stampFile) === want) return;
  say('building the web client (vite)…');
  run(process.execPath, [path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.mts', '--logLevel', 'warn']);
  fs.writeFileSync(stampFile, want);
}

export function gitRevision() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir }).toString().trim();
  } catch {
    return 'unknown';
  }
}
