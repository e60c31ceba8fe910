// `npm test`: provision what the tests need (dependencies, FerretDB unless MONGODB_URI/mongod,
// the built client, Debian's Chromium for the browser tests and schemathesis for the API contract test), then run every Jest test. Extra args go to Jest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureChromium, ensureClientBuild, ensureDependencies, ensureFerretdb, ensureSchemathesis, rootDir } from './lib/prepare.mjs';

try {
  ensureDependencies();
  ensureFerretdb();
  ensureClientBuild();
  ensureChromium();
  ensureSchemathesis();
} catch (e) {
  process.stderr.write(`npm test could not prepare the project: ${e.message}\n`);
  process.exit(1);
}

const jest = path.join(rootDir, 'node_modules', 'jest', 'bin', 'jest.js');
const r = spawnSync(process.execPath, [jest, '--ci', ...process.argv.slice(2)], {
  cwd: rootDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
});
process.exit(r.status ?? 1);
