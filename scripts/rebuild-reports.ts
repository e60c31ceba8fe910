// Rebuilds the reporting projections, with the server stopped: report_task_facts from the task queue and
// report_kpi_facts (with its per-case and per-month summaries) from the stored submissions of the forms that
// feed a key performance indicator:
//   npx tsx scripts/rebuild-reports.ts            (writes what differs, removes stale rows)
//   npx tsx scripts/rebuild-reports.ts --dry-run  (only says how far the projection has drifted)
// It starts the product with the same configuration as `npm start` (same environment variables, same
// database), but on a free port and without background workers, rebuilds, prints the counts and stops.
// While the server runs, use POST /api/reports/rebuild (data officers and administrators) instead: the
// embedded engine must be the only one on its database.
import { findFreePort } from '../server/src/adapters/database/find-free-port';
import { ConfigError, loadConfig } from '../server/src/config/env.config';
import { createLogger } from '../server/src/main/logger';
import { findProjectRoot } from '../server/src/main/project-root';
import { startSystem } from '../server/src/main/composition-root';

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  let config;
  try {
    config = loadConfig({ ...process.env, PORT: String(await findFreePort()), HOST: '127.0.0.1' }, findProjectRoot());
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const system = await startSystem(config, logger, (msg) => { throw new Error(msg); }, { runWorkers: false });
  try {
    const outcome = await system.modules.reports.rebuild({ dryRun });
    process.stdout.write(`${dryRun ? 'Would write' : 'Wrote'} ${outcome.written} and ${dryRun ? 'would remove' : 'removed'} ${outcome.removed} report rows `
      + `(${outcome.facts} facts from ${outcome.tasks} tasks).${outcome.differing.length ? ` First differing tasks: ${outcome.differing.join(', ')}` : ''}\n`);
    const kpis = await system.modules.reports.rebuildKpis({ dryRun });
    process.stdout.write(`${dryRun ? 'Would write' : 'Wrote'} ${kpis.written} and ${dryRun ? 'would remove' : 'removed'} ${kpis.removed} KPI rows `
      + `(${kpis.facts} facts from ${kpis.submissions} submissions).${kpis.differing.length ? ` First differing submissions: ${kpis.differing.join(', ')}` : ''}\n`
      + `${dryRun ? 'Would make' : 'Made'} again the KPI summaries of ${kpis.recounted.cases} cases and ${kpis.recounted.months.length} months.\n`);
  } finally {
    await system.close();
  }
}

main().catch((e) => {
  process.stderr.write(`Rebuilding the reports failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
