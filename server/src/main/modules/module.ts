import type { RequestHandler, Router } from 'express';

/** What a feature contributes to the running system; the composition root starts and stops them in order. */
export interface SystemModule {
  apiMiddleware?: RequestHandler[];
  apiRouters?: Record<string, Router>;
  /** Server-to-server routes outside /api (no session; they authenticate themselves), keyed by mount path. */
  internalRouters?: Record<string, Router>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /**
   * Reads again what the module mirrors of the database in memory. After the embedded database was restarted:
   * a write in flight when it died may be stored although its caller saw an error, so a mirror kept in step
   * with acknowledged writes may lack it.
   */
  reload?(): Promise<void>;
}
