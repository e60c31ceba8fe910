// Builds every feature module in dependency order and merges what they contribute to the app.
import type { RequestHandler, Router } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/env.config';
import type { Clock } from '../../ports/clock.port';
import { createFormsModule, type FormsModule } from './forms.module';
import type { SystemModule } from './module';
import { createSecurityModule, type SecurityModule } from './security.module';
import { createWorkflowModule, type WorkflowModule } from './workflow.module';

export interface Modules {
  security: SecurityModule;
  workflow: WorkflowModule;
  forms: FormsModule;
  apiMiddleware: RequestHandler[];
  apiRouters: Record<string, Router>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ModuleContext {
  config: AppConfig;
  conn: Connection;
  clock: Clock;
  logger: Logger;
}

export async function buildModules(ctx: ModuleContext): Promise<Modules> {
  const { config, conn, clock, logger } = ctx;
  const security = await createSecurityModule(config, conn, clock, logger);
  const workflow = await createWorkflowModule(config, conn, clock, security.audit, logger);
  const forms = createFormsModule({ conn, forms: workflow.forms, clock, audit: security.audit });

  const ordered: SystemModule[] = [security, workflow, forms];
  const started: SystemModule[] = [];
  return {
    security,
    workflow,
    forms,
    apiMiddleware: ordered.flatMap((m) => m.apiMiddleware ?? []),
    apiRouters: Object.assign({}, ...ordered.map((m) => m.apiRouters ?? {})),
    async start() {
      for (const m of ordered) {
        await m.start?.();
        started.push(m);
      }
    },
    async stop() {
      for (const m of started.reverse()) await m.stop?.();
    },
  };
}
