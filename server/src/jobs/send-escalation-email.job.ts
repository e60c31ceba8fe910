// Job type "send-escalation-email": BPMN boundary timers (reminder / overdue / manager escalation)
// modelled in processes/*.bpmn. Headers: `level` = reminder | overdue | manager (= escalation-1) |
// escalation-2, and `timescale` (informational). The job notifies about the instance's open user tasks
// through the same outbox as the sweep — same once-ever keys — so a timer and a sweep that both fire
// send one email. The job completes once the notices are queued; delivery (and its retries) is the
// outbox's business, so an SMTP outage never raises an incident on the process. A level the rules send
// to nobody goes to the configured fallback (counted in `fallback`); if even that reaches nobody the job
// fails, so the process raises an incident instead of carrying on as "Escalated" having told no one.
import { describeFallback, NOTICE_LEVELS, type NoticeLevel } from '../domain/escalation';
import type { PlanDeps } from '../application/escalation/plan-task-notices';
import { planTaskNotices } from '../application/escalation/plan-task-notices';
import type { EscalationTaskReader } from '../ports/escalation-readers.port';
import type { JobHandler } from '../ports/workflow-engine.port';

export const SEND_ESCALATION_EMAIL_JOB_TYPE = 'send-escalation-email';

export type SendEscalationEmailDeps = PlanDeps & { tasks: EscalationTaskReader };

const ALIASES: Record<string, NoticeLevel> = { manager: 'escalation-1', escalation: 'escalation-1', 'next-manager': 'escalation-2' };

export function levelFromHeader(value: unknown): NoticeLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return ALIASES[v] ?? ((NOTICE_LEVELS as readonly string[]).includes(v) ? (v as NoticeLevel) : undefined);
}

export function createSendEscalationEmailJob(deps: SendEscalationEmailDeps): JobHandler {
  return async (job) => {
    const level = levelFromHeader(job.headers.level ?? job.variables.escalationLevel);
    if (!level) {
      // A modelling mistake will not fix itself on retry: raise an incident at once.
      return { kind: 'fail', message: `Header "level" must be reminder, overdue, manager or escalation-2 (got ${JSON.stringify(job.headers.level)})`, retries: 0 };
    }
    try {
      const tasks = (await deps.tasks.openByInstance(job.instanceKey)).filter((t) => !!t.dueDate);
      const result = await planTaskNotices(deps, tasks.map((task) => ({ task, levels: [level] })), 'bpmn');
      if (result.unrouted.length) {
        const ids = result.unrouted.map((u) => u.taskId).join(', ');
        const message = `Escalation of task(s) ${ids} reached nobody: the rules found no recipient and ESCALATION_FALLBACK `
          + `(${describeFallback(deps.settings.fallback)}) is not an active user with an email address`;
        return { kind: 'fail', message, retries: Math.max(job.retries - 1, 0), backoffMs: 300_000 };
      }
      const fallback = result.toFallback.length ? { fallback: result.toFallback.length } : {};
      return { kind: 'complete', variables: { lastEscalation: { level, tasks: tasks.length, queued: result.enqueued.length, ...fallback } } };
    } catch (e) {
      return { kind: 'fail', message: `Could not queue escalation emails: ${(e as Error).message}`, retries: Math.max(job.retries - 1, 0), backoffMs: 30_000 };
    }
  };
}
