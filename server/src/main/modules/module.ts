import type { RequestHandler, Router } from 'express';

/** What a feature contributes to the running system; the composition root starts and stops them in order. */
export interface SystemModule {
  apiMiddleware?: RequestHandler[];
  apiRouters?: Record<string, Router>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
