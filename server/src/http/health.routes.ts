import { Router } from 'express';

export interface DatabaseProblem {
  /** restarting / failed: the embedded child is down; recent-failures: it answers, but not correctly of late. */
  reason: 'restarting' | 'failed' | 'recent-failures' | 'not-answering';
  message: string;
  [detail: string]: unknown;
}

export interface HealthDeps {
  /** True when the database answers a ping (through the app's own connections where it can). */
  isDatabaseReady(): Promise<boolean>;
  databaseKind: string;
  version: string;
  /** What is known against the database beyond a ping: a restart under way, failures of the last seconds. */
  databaseProblem?(): DatabaseProblem | undefined;
  /** Sees every error that reached the error path, to count database failures (see database-failures.ts). */
  observeError?(err: unknown): void;
  /** ENGINE=zeebe: why the Camunda 8 cluster keeps the server from serving now (undefined: it does not). */
  engineProblem?(): Promise<string | undefined>;
}

/**
 * /healthz says the process is up (for restarts); /readyz says it can serve (for load balancers and the UI's
 * badge). Not ready — 503 with the reason — while the database is being restarted, does not answer a ping,
 * or has failed within the last seconds (a ping can succeed while the app's requests fail); with ENGINE=zeebe
 * also while the cluster does not answer.
 */
export function createHealthRouter(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version });
  });
  router.get('/readyz', async (_req, res) => {
    const known = deps.databaseProblem?.();
    const problem: DatabaseProblem | undefined =
      known?.reason === 'restarting' || known?.reason === 'failed'
        ? known
        : (await deps.isDatabaseReady().catch(() => false))
          ? known
          : { reason: 'not-answering', message: 'The database does not answer.' };
    const engine = deps.engineProblem ? await deps.engineProblem().catch((e: Error) => `The workflow engine's readiness check failed: ${e.message}`) : undefined;
    const reason = problem?.message ?? engine;
    res.set('Cache-Control', 'no-store');
    res.status(reason ? 503 : 200).json({
      status: reason ? 'not-ready' : 'ready',
      ...(reason ? { reason } : {}),
      database: { kind: deps.databaseKind, ready: !problem, ...(problem ? { problem } : {}) },
      ...(deps.engineProblem ? { engine: { kind: 'zeebe', ready: !engine, ...(engine ? { problem: engine } : {}) } } : {}),
    });
  });
  return router;
}

/** The reason API requests cannot be served at all right now (the embedded database is down), if any. */
export const databaseDownReason = (deps: HealthDeps) => (): string | undefined => {
  const p = deps.databaseProblem?.();
  return p && (p.reason === 'restarting' || p.reason === 'failed') ? p.message : undefined;
};
