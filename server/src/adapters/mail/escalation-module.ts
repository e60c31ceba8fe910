// Wiring helper for the composition root: builds the escalation repositories, the mail transport (real
// SMTP from SMTP_URL, or the embedded catcher storing mail for the Outbox page), the use-case deps, the
// BPMN job handler and the background worker, and closes them in reverse order.
import type { Connection } from 'mongoose';
import { type CaseRestrictionLookup, type EscalationDeps, type EscalationLog, type EscalationSettings, escalationSettings } from '../../application/escalation/escalation-deps';
import { cancelTaskNotices } from '../../application/escalation/cancel-task-notices';
import { type EscalationWorker, type EscalationWorkerOptions, startEscalationWorker } from '../../application/escalation/escalation-worker';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar';
import type { EscalationRouterDeps } from '../../http/escalation.routes';
import { createSendEscalationEmailJob } from '../../jobs/send-escalation-email.job';
import type { Clock } from '../../ports/clock.port';
import type { EscalationTaskReader } from '../../ports/escalation-readers.port';
import type { JobHandler } from '../../ports/workflow-engine.port';
import { MongoEscalationPeopleReader, MongoEscalationTaskReader } from '../mongo/escalation-readers';
import { MongoEscalationPolicyRepository } from '../mongo/escalation-policy.repository';
import { MongoNotificationPreferenceRepository } from '../mongo/notification-preference.repository';
import { MongoCaughtMailRepository } from './caught-mail.repository';
import { NodemailerMailer } from './nodemailer.mailer';
import { MongoOutboxRepository } from './outbox.repository';
import { type SmtpCatcher, startSmtpCatcher } from './smtp-catcher';

export interface EscalationModuleOptions {
  conn: Connection;
  /** SMTP_URL; unset → an embedded catcher on 127.0.0.1 receives and stores every email. */
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  clock: Clock;
  calendar?: WorkingCalendar;
  settings?: Partial<EscalationSettings>;
  /**
   * Where the sweep, digests and revalidation read tasks. Default: the tasks collection. The embedded
   * setup passes the task repository's in-process index (a collection scan there costs ~20 s per 100k).
   */
  taskSource?: EscalationTaskReader;
  /** The sole server keeps its notices not yet sent by task in memory (outbox.repository.ts). */
  indexOpenNotices?: boolean;
  /** Notices sent to the fallback (warn) or to nobody at all (error) are reported here. */
  log?: EscalationLog;
  /** Restricted cases' notices wait (EscalationDeps.restrictions). */
  restrictions?: CaseRestrictionLookup;
}

export interface EscalationModule {
  deps: EscalationDeps;
  /** The stores case erasure deletes from (the caught mail only when the catcher runs). */
  outbox: MongoOutboxRepository;
  caughtMail?: MongoCaughtMailRepository;
  /** smtp://127.0.0.1:<port> when the embedded catcher runs. */
  catcherUrl?: string;
  jobHandler: JobHandler;
  routerDeps(currentUser: EscalationRouterDeps['currentUser']): EscalationRouterDeps;
  /** Call on the engine's user-task.completed / user-task.cancelled events. */
  onTaskClosed(taskId: string): Promise<number>;
  startWorker(options?: EscalationWorkerOptions): EscalationWorker;
  close(): Promise<void>;
}

export async function createMailEscalation(o: EscalationModuleOptions): Promise<EscalationModule> {
  const outbox = new MongoOutboxRepository(o.conn, { indexOpen: o.indexOpenNotices });
  await outbox.init();
  const caughtMail = o.smtpUrl ? undefined : new MongoCaughtMailRepository(o.conn);
  let catcher: SmtpCatcher | undefined;
  if (caughtMail) catcher = await startSmtpCatcher({ onMessage: (m) => caughtMail.record(m), now: () => o.clock.now() });
  const mailer = new NodemailerMailer({ url: o.smtpUrl ?? catcher!.url, from: o.mailFrom });
  const deps: EscalationDeps = {
    tasks: o.taskSource ?? new MongoEscalationTaskReader(o.conn),
    people: new MongoEscalationPeopleReader(o.conn),
    outbox,
    policies: new MongoEscalationPolicyRepository(o.conn, () => o.clock.now()),
    preferences: new MongoNotificationPreferenceRepository(o.conn),
    mailer,
    calendar: o.calendar ?? createWorkingCalendar(),
    clock: o.clock,
    settings: escalationSettings(o.publicUrl, o.settings),
    log: o.log,
    ...(o.restrictions ? { restrictions: o.restrictions } : {}),
  };
  const workers: EscalationWorker[] = [];
  const job = createSendEscalationEmailJob(deps);
  return {
    deps,
    outbox,
    caughtMail,
    catcherUrl: catcher?.url,
    // A BPMN escalation should go out at the next worker tick, not at the next idle poll.
    jobHandler: async (j) => {
      const outcome = await job(j);
      workers.forEach((w) => w.nudge());
      return outcome;
    },
    routerDeps: (currentUser) => ({ ...deps, caughtMail, retry: deps.settings.retry, currentUser }),
    onTaskClosed: (taskId) => cancelTaskNotices(deps, taskId),
    startWorker(options) {
      const w = startEscalationWorker(deps, options);
      workers.push(w);
      return w;
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      mailer.close();
      await catcher?.close();
    },
  };
}
