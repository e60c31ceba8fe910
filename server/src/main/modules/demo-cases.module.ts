// The demo children (SEED_DEMO_CASES=true): seeded after the tasks module started (its case indexes see
// them) and before the reports module starts, whose first start builds the KPI projection from the stored
// submissions — the demo's among them.
import type { Logger } from 'pino';
import { seedDemoCases, type SeedDemoCasesDeps } from '../../application/users/seed-demo-cases';
import type { SystemModule } from './module';

export function createDemoCasesModule(deps: SeedDemoCasesDeps & { logger: Logger }): SystemModule {
  return {
    async start() {
      const seeded = await seedDemoCases(deps);
      if (seeded.seeded) deps.logger.warn(seeded, 'demo cases created (SEED_DEMO_CASES=true); never set it on an installation with real children');
    },
  };
}
