// Plans the notices of a batch of tasks at levels already known to be due, for their recipients, and
// enqueues them once-ever. The sweep and the BPMN job both end here.
import type { NoticeLevel } from '../../domain/escalation';
import { recipientsFor } from '../../domain/escalation';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { NewOutboxEntry } from '../../ports/escalation-outbox.port';
import { buildNotice } from './build-notice';
import type { EscalationDeps } from './escalation-deps';
import { PeopleDirectory } from './people-directory';

export type PlanDeps = Pick<EscalationDeps, 'outbox' | 'preferences' | 'calendar' | 'clock' | 'settings' | 'people'>;

export interface DueWork {
  task: QueueTask;
  levels: NoticeLevel[];
}

export interface PlanResult {
  planned: number;
  enqueued: string[];
}

export async function planTaskNotices(
  deps: PlanDeps, work: DueWork[], source: 'sweep' | 'bpmn', directory = new PeopleDirectory(deps.people),
): Promise<PlanResult> {
  if (!work.length) return { planned: 0, enqueued: [] };
  const people = await directory.prepare(work.map((w) => w.task));
  const now = deps.clock.now();
  const pairs = work.flatMap(({ task, levels }) =>
    levels.flatMap((level) => recipientsFor(task, level, people).filter((u) => !!u.email).map((user) => ({ task, level, user }))),
  );
  const modes = await deps.preferences.modesFor([...new Set(pairs.map((p) => p.user.id))]);
  const ctx = { people, calendar: deps.calendar, settings: deps.settings, now };
  const entries: NewOutboxEntry[] = pairs.map((p) => buildNotice(p.task, p.level, p.user, ctx, source, modes.get(p.user.id) ?? 'immediate'));
  const enqueued = await deps.outbox.enqueue(entries, now.toISOString(), deps.settings.retry.maxAttempts);
  return { planned: entries.length, enqueued };
}
