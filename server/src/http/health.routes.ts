import { Router } from 'express';

export interface HealthDeps {
  /** True when the database answers a ping. */
  isDatabaseReady(): Promise<boolean>;
  databaseKind: string;
  version: string;
}

/** /healthz says the process is up (for restarts); /readyz says it can serve (for load balancers). */
export function createHealthRouter(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version });
  });
  router.get('/readyz', async (_req, res) => {
    const ready = await deps.isDatabaseReady().catch(() => false);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      database: { kind: deps.databaseKind, ready },
    });
  });
  return router;
}
