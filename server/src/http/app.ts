// Builds the express app: security headers, request ids and logs, JSON parsing with a size limit,
// operator rejection, API routers, the built client (with SPA fallback), then 404 and errors.
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { errorMiddleware, notFoundHandler } from './error.middleware';
import { databaseGate, observeErrors } from './database-unavailable';
import { createHealthRouter, databaseDownReason, type HealthDeps } from './health.routes';
import { rejectMongoOperators } from './reject-operators.middleware';
import { requestLogger } from './request-context.middleware';
import { spaFallback } from './spa-fallback.middleware';

export interface AppDeps {
  logger: Logger;
  bodyLimit: string;
  /** Proxies whose X-Forwarded-For is believed (express "trust proxy"); false, the default, believes none. */
  trustProxy?: false | number | string[];
  health: HealthDeps;
  /** Routers mounted under /api, keyed by their mount path (e.g. '/timescales'). */
  apiRouters?: Record<string, Router>;
  /** Server-to-server routers outside /api, keyed by mount path: no session, they check their own signature. */
  internalRouters?: Record<string, Router>;
  /** Run under /api after body parsing and before the routers (sessions, user loading, CSRF). */
  apiMiddleware?: RequestHandler[];
  /** Directory of the built client; omitted or missing → API only. */
  clientDir?: string;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The modeller (bpmn-js) and form editor set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(requestLogger(deps.logger));
  app.use(createHealthRouter(deps.health));
  for (const [mount, router] of Object.entries(deps.internalRouters ?? {})) app.use(mount, router);

  const api = express.Router();
  // First: while the embedded database restarts, nothing below (sessions included) could answer anyway.
  api.use(databaseGate(databaseDownReason(deps.health)));
  api.use(express.json({ limit: deps.bodyLimit, strict: true }));
  api.use(rejectMongoOperators);
  for (const handler of deps.apiMiddleware ?? []) api.use(handler);
  for (const [mount, router] of Object.entries(deps.apiRouters ?? {})) api.use(mount, router);
  api.use(notFoundHandler);
  app.use('/api', api);

  const indexHtml = deps.clientDir ? path.join(deps.clientDir, 'index.html') : undefined;
  if (deps.clientDir && indexHtml && fs.existsSync(indexHtml)) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/tasks/<instance>.ut3 too) load the shell; missing assets (/assets/x.js) still 404.
    app.use(spaFallback(indexHtml));
  }
  app.use(notFoundHandler);
  if (deps.health.observeError) app.use(observeErrors(deps.health.observeError));
  app.use(errorMiddleware);
  return app;
}
