// `npm run bench`: runs the benchmarks in test/bench one after another, each in its own Node process
// (`node --expose-gc --import tsx`), and prints their figures. Benchmarks print figures; they are not tests.
// `npm run bench -- engine` runs only the files whose name contains "engine"; set the benches' own
// variables (BENCH_N, BENCH_WAITING, USERS, …) in the environment as usual.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureFerretdb, rootDir } from './lib/prepare.mjs';

// Dependencies are `npm test`'s / `npm start`'s business; benches only need the database binary.
try {
  ensureFerretdb();
} catch (e) {
  process.stderr.write(`npm run bench could not prepare the project: ${e.message}\n`);
  process.exit(1);
}

const dir = path.join(rootDir, 'test', 'bench');
const filters = process.argv.slice(2);
const files = fs.readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && (!filters.length || filters.some((x) => f.includes(x))))
  .sort();
if (!files.length) {
  process.stderr.write(`no benchmark in test/bench matches ${filters.join(', ')}\n`);
  process.exit(1);
}

const failed = [];
for (const file of files) {
  process.stdout.write(`\n== ${file} ==\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, file)], {
    cwd: rootDir,
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
  process.stdout.write(`-- ${file}: ${r.status === 0 ? 'done' : `failed (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  if (r.status !== 0) failed.push(file);
}
if (failed.length) {
  process.stderr.write(`\n${failed.length} benchmark(s) failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
