// Reminders, overdue notices and manager escalation through the mail outbox. Without SMTP_URL an
// embedded SMTP catcher receives the mail so evaluators see it on the Outbox page.
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createMailEscalation } from '../../adapters/mail/escalation-module';
import { MongoEscalationTaskReader } from '../../adapters/mongo/escalation-readers';
import { IndexedEscalationTaskReader } from '../../adapters/mongo/indexed-escalation-task.reader';
import type { TaskQueueIndex } from '../../adapters/mongo/task-queue-index';
import type { AppConfig } from '../../config/env.config';
import { seesEveryWrite } from '../../config/topology';
import type { WorkingCalendar } from '../../domain/calendar';
import { deliverOutbox, type DeliveryReport } from '../../application/escalation/deliver-outbox';
import type { CaseRestrictionLookup } from '../../application/escalation/escalation-deps';
import { PeopleDirectory } from '../../application/escalation/people-directory';
import { runEscalationSweep, type SweepReport } from '../../application/escalation/run-escalation-sweep';
import { describeFallback, parseFallbackTarget } from '../../domain/escalation';
import { createEscalationRouter } from '../../http/escalation.routes';
import { currentUser } from '../../http/session-user';
import { SEND_ESCALATION_EMAIL_JOB_TYPE } from '../../jobs/send-escalation-email.job';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';
import type { EngineOwnership } from './engine-topology';
import type { CaughtMailErasure, MailErasure } from '../../ports/case-erasure.port';

export interface EscalationModuleDeps {
  config: AppConfig;
  conn: Connection;
  clock: Clock;
  calendar: WorkingCalendar;
  engine: WorkflowEngine;
  /** The process's task queue index (tasks.module.ts): it answers the sweep's task reads when config.TOPOLOGY is single. */
  queues?: Pick<TaskQueueIndex, 'isLoaded' | 'due'>;
  logger: Logger;
  /** Tests drive the sweep themselves; the server runs the background worker. */
  runWorker: boolean;
  /** Shared topology: the worker runs only while this server holds the work lease (with either engine). */
  ownership?: EngineOwnership;
  /** Notices of cases whose processing is restricted wait until it is lifted. */
  restrictions?: CaseRestrictionLookup;
}

export interface EscalationSystemModule extends SystemModule {
  catcherUrl?: string;
  /** The outbox and the caught mail, as case erasure deletes from them. */
  mailErasure: { outbox: MailErasure; caughtMail?: CaughtMailErasure };
  /** One sweep, then one delivery round, now: what the worker does on its schedule (tests call it). */
  runOnce(): Promise<{ swept: SweepReport; delivered: DeliveryReport }>;
  /** Whether this server runs the sweep and delivery worker now (shared topology: the lease holder only). */
  readonly runsWorker: boolean;
}

export async function createEscalationModule(deps: EscalationModuleDeps): Promise<EscalationSystemModule> {
  const { config, logger } = deps;
  // The topology decides, not whether an index happens to be given (config/topology.ts).
  const soleServer = seesEveryWrite(config.TOPOLOGY);
  const queues = soleServer ? deps.queues : undefined;
  const mail = await createMailEscalation({
    taskSource: queues ? new IndexedEscalationTaskReader(queues, new MongoEscalationTaskReader(deps.conn)) : undefined,
    indexOpenNotices: soleServer, // see MongoOutboxRepository
    conn: deps.conn,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    publicUrl: config.PUBLIC_URL,
    clock: deps.clock,
    calendar: deps.calendar,
    settings: { fallback: parseFallbackTarget(config.ESCALATION_FALLBACK) },
    log: logger,
    ...(deps.restrictions ? { restrictions: deps.restrictions } : {}),
  });
  if (mail.catcherUrl) logger.info({ url: mail.catcherUrl }, 'SMTP_URL not set: emails are caught locally (Outbox page)');
  deps.engine.registerJobHandler(SEND_ESCALATION_EMAIL_JOB_TYPE, mail.jobHandler);
  deps.engine.onEvent(async (e) => {
    if (e.type !== 'user-task.completed' && e.type !== 'user-task.cancelled') return;
    // Delivery re-checks the task anyway; cancelling here just keeps the outbox tidy.
    await mail.onTaskClosed(e.task.key).catch((err) => logger.warn({ err }, 'cancelling notices failed'));
  });

  let worker: { stop(): Promise<void> | void } | undefined;
  return {
    catcherUrl: mail.catcherUrl,
    mailErasure: { outbox: mail.outbox, caughtMail: mail.caughtMail },
    get runsWorker() { return worker !== undefined; },
    async runOnce() {
      const swept = await runEscalationSweep(mail.deps);
      return { swept, delivered: await deliverOutbox(mail.deps) };
    },
    apiRouters: { '/escalation': createEscalationRouter(mail.routerDeps(currentUser)) },
    // The notices not yet sent, kept in memory by the sole server (adapters/mail/live-notices.ts): read again.
    reload: async () => (mail.deps.outbox as { init?(): Promise<void> }).init?.(),
    async start() {
      // Said at start, not first when a task is already late: the fallback must be reachable.
      const fallback = mail.deps.settings.fallback;
      if (!(await new PeopleDirectory(mail.deps.people).fallbackFor(fallback))) {
        logger.warn({ fallback: describeFallback(fallback) }, 'ESCALATION_FALLBACK is not an active user with an email address: an escalation that finds nobody will reach nobody');
      }
      const startWorker = () => mail.startWorker({
        sweepEveryMs: config.ESCALATION_SWEEP_MINUTES * 60_000,
        // A sweep more often than the usual tick (the soak test's seconds) brings delivery along with it.
        tickMs: Math.min(15_000, config.ESCALATION_SWEEP_MINUTES * 60_000),
        idleDeliverEveryMs: Math.min(120_000, config.ESCALATION_SWEEP_MINUTES * 60_000),
        onError: (err, step) => logger.error({ err, step }, 'escalation step failed'),
      });
      if (!deps.runWorker) return;
      if (!deps.ownership) worker = startWorker();
      else deps.ownership.onOwnership(async (owning) => {
        if (owning && !worker) worker = startWorker();
        if (!owning && worker) await Promise.resolve(worker.stop()).finally(() => { worker = undefined; });
      });
    },
    async stop() {
      await worker?.stop();
      await mail.close();
    },
  };
}
