// Soak run (not a test): the real server entry, with its own embedded database and default intervals
// unless the environment says otherwise, under the soak traffic for MINUTES (default 60); prints the
// errors it saw, per hour, and the server's error lines. `npm run soak` (or MINUTES=10 npm run soak).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../support/server-process';
import { runSoakTraffic } from './support/soak-traffic';

async function main() {
  const minutes = Number(process.env.MINUTES ?? 60);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-soak-'));
  const server = await startServer({
    DATA_DIR: dataDir, LOG_LEVEL: 'warn', SESSION_SECRET: 'soak-secret-'.padEnd(40, 'x'),
    ...(process.env.FERRETDB_BIN ? { FERRETDB_BIN: process.env.FERRETDB_BIN } : {}),
    ...Object.fromEntries(['SESSION_IDLE_MINUTES', 'SESSION_CLEANUP_MINUTES', 'ESCALATION_SWEEP_MINUTES'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
  }, 120_000);
  const started = Date.now();
  console.log(`soak: ${minutes} min against ${server.url} (data ${dataDir})`);
  try {
    const report = await runSoakTraffic(server.url, started + minutes * 60_000, Number(process.env.THINK_MS ?? 1500), Number(process.env.SESSION_IDLE_MINUTES ?? 30));
    const hours = (Date.now() - started) / 3_600_000;
    const errorLines = server.output().split('\n').filter((l) => /"level":(50|60)/.test(l));
    const errors = report.serverErrors.length + report.mismatches.length + errorLines.length;
    console.log(`soak: ${(hours * 60).toFixed(1)} min, ${report.requests} requests, ${report.casesCreated} cases, ${report.completions} completions, ${report.reSignIns} sessions idled out and signed in again`);
    console.log(`soak: 5xx ${report.serverErrors.length}, wrong replies ${report.mismatches.length}, server error log lines ${errorLines.length}`);
    console.log(`soak: ${(errors / hours).toFixed(1)} errors per hour`);
    for (const e of [...report.serverErrors, ...report.mismatches, ...errorLines].slice(0, 20)) console.log(`  ${e}`);
    process.exitCode = errors ? 1 : 0;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
