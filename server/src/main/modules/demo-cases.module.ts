// The demo children (SEED_DEMO_CASES=true), in two steps. `cases`: seeded after the tasks module started
// (its case indexes see them) and before the reports module starts, whose first start builds the KPI
// projection from the stored submissions — the demo's among them. `work`: after the engine started, the
// processes of the children just seeded (overdue work for the timeliness report), once.
import type { Logger } from 'pino';
import { seedDemoCases, type SeedDemoCasesDeps } from '../../application/users/seed-demo-cases';
import { startDemoWork, type StartDemoWorkDeps } from '../../application/users/start-demo-work';
import type { SystemModule } from './module';

export function createDemoCasesModule(deps: SeedDemoCasesDeps & StartDemoWorkDeps & { logger: Logger }): { cases: SystemModule; work: SystemModule } {
  let seededNow = false;
  return {
    cases: {
      async start() {
        const seeded = await seedDemoCases(deps);
        seededNow = seeded.seeded;
        if (seeded.seeded) deps.logger.warn(seeded, 'demo cases created (SEED_DEMO_CASES=true); never set it on an installation with real children');
      },
    },
    work: {
      async start() {
        if (seededNow) deps.logger.info(await startDemoWork(deps), 'demo processes started');
      },
    },
  };
}
