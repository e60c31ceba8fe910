// Plans the notices of a batch of tasks at levels already known to be due, for their recipients, and
// enqueues them once-ever. The sweep and the BPMN job both end here. A level the rules send to nobody
// goes to the configured fallback (logged as a warning); if even the fallback cannot be reached, the
// notice is counted as unrouted and logged as an error, so it is never dropped without a trace.
import { describeFallback, fallsBack, type NoticeLevel, noticeRecipients } from '../../domain/escalation';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { NewOutboxEntry } from '../../ports/escalation-outbox.port';
import { buildNotice } from './build-notice';
import type { EscalationDeps } from './escalation-deps';
import { PeopleDirectory } from './people-directory';

export type PlanDeps = Pick<EscalationDeps, 'outbox' | 'preferences' | 'calendar' | 'clock' | 'settings' | 'people' | 'log' | 'restrictions'>;

export interface DueWork {
  task: QueueTask;
  levels: NoticeLevel[];
}

export interface PlanResult {
  planned: number;
  enqueued: string[];
  /** Of those enqueued, the ones addressed to the fallback. */
  toFallback: string[];
  /** Task levels that reached nobody, not even the fallback (it names no active user with an address). */
  unrouted: { taskId: string; level: NoticeLevel }[];
}

export async function planTaskNotices(
  deps: PlanDeps, all: DueWork[], source: 'sweep' | 'bpmn', directory = new PeopleDirectory(deps.people),
): Promise<PlanResult> {
  // Not planned at all (rather than cancelled), so the first sweep after the restriction is lifted plans them.
  const work = await withoutRestrictedCases(deps, all);
  if (!work.length) return { planned: 0, enqueued: [], toFallback: [], unrouted: [] };
  const people = await directory.prepare(work.map((w) => w.task));
  const now = deps.clock.now();
  const routed = work.flatMap(({ task, levels }) => levels.map((level) => ({ task, level, recipients: noticeRecipients(task, level, people) })));
  // The fallback is read only when some notice reaches nobody by the rules (rare), once per directory.
  const nobody = routed.filter((r) => !r.recipients.length && fallsBack(r.level));
  const fallback = nobody.length ? await directory.fallbackFor(deps.settings.fallback) : undefined;
  for (const r of nobody) r.recipients = noticeRecipients(r.task, r.level, people, fallback);
  const unrouted = nobody.filter((r) => !r.recipients.length).map((r) => ({ taskId: r.task.id, level: r.level }));
  const pairs = routed.flatMap(({ task, level, recipients }) => recipients.map((recipient) => ({ task, level, recipient })));
  const modes = await deps.preferences.modesFor([...new Set(pairs.map((p) => p.recipient.user.id))]);
  const ctx = { people, calendar: deps.calendar, settings: deps.settings, now };
  const entries: NewOutboxEntry[] = pairs.map((p) => buildNotice(p.task, p.level, p.recipient, ctx, source, modes.get(p.recipient.user.id) ?? 'immediate'));
  const enqueued = await deps.outbox.enqueue(entries, now.toISOString(), deps.settings.retry.maxAttempts);
  const fresh = new Set(enqueued);
  const toFallback = entries.filter((e) => e.fallbackReason && fresh.has(e.id));
  for (const e of toFallback) {
    deps.log?.warn({ taskId: e.taskId, level: e.level, to: e.to, reason: e.fallbackReason }, 'escalation sent to the fallback recipient: the rules found nobody');
  }
  if (unrouted.length) {
    deps.log?.error(
      { unrouted, fallback: describeFallback(deps.settings.fallback) },
      'escalation reached nobody: ESCALATION_FALLBACK names no active user with an email address',
    );
  }
  return { planned: entries.length, enqueued, toFallback: toFallback.map((e) => e.id), unrouted };
}

async function withoutRestrictedCases(deps: PlanDeps, work: DueWork[]): Promise<DueWork[]> {
  const lookup = deps.restrictions;
  if (!lookup || !work.length) return work;
  const caseIds = [...new Set(work.map((w) => w.task.caseId).filter((id): id is string => !!id))];
  const restricted = new Set((await Promise.all(caseIds.map(async (id) => ((await lookup.isRestricted(id)) ? id : '')))).filter(Boolean));
  return restricted.size ? work.filter((w) => !w.task.caseId || !restricted.has(w.task.caseId)) : work;
}
