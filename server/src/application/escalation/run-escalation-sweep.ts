// The sweep: walks open tasks due before the reminder horizon in batches from one cursor (a sweep over
// 100,000 tasks holds one batch in memory), works out which notices are due now under the current
// policy, and enqueues them. Safe to run as often as wanted and from several processes at once: an
// outbox id is a once-ever key, so a notice already planned is never planned twice.
import { dueNoticeLevels, longestReminderLead, ruleFor } from '../../domain/escalation';
import type { EscalationDeps } from './escalation-deps';
import { PeopleDirectory } from './people-directory';
import { type DueWork, planTaskNotices } from './plan-task-notices';

export type SweepDeps = Pick<EscalationDeps, 'tasks' | 'people' | 'outbox' | 'policies' | 'preferences' | 'calendar' | 'clock' | 'settings'>;

export interface SweepReport {
  scanned: number;
  tasksWithNotices: number;
  planned: number;
  enqueued: number;
  policyVersion: number;
}

export async function runEscalationSweep(deps: SweepDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  const policy = await deps.policies.current();
  // Anything due within the longest reminder lead (plus a day of slack for the end-of-day time) may need
  // a reminder today; everything due earlier may be overdue.
  const horizon = deps.calendar.addCalendarDays(deps.calendar.addWorkingDays(now, longestReminderLead(policy)), 1);
  const directory = new PeopleDirectory(deps.people);
  const report: SweepReport = { scanned: 0, tasksWithNotices: 0, planned: 0, enqueued: 0, policyVersion: policy.version };
  for await (const page of deps.tasks.openDueBefore(horizon, deps.settings.pageSize)) {
    report.scanned += page.length;
    const work: DueWork[] = page
      .map((task) => ({ task, levels: dueNoticeLevels(task, ruleFor(policy, task.processId, task.elementId), now, deps.calendar) }))
      .filter((w) => w.levels.length > 0);
    report.tasksWithNotices += work.length;
    const result = await planTaskNotices(deps, work, 'sweep', directory);
    report.planned += result.planned;
    report.enqueued += result.enqueued.length;
  }
  return report;
}
