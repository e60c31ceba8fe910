// Just before a notice goes out, checks it still makes sense. The task's revision changes whenever its
// due date or assignee changes; then the notice is planned again from the current task: still due and
// still for this person → refreshed and sent; otherwise superseded (the sweep plans what is right now).
import type { OutboxEntry } from '../../domain/escalation';
import { dueNoticeLevels, noticeRecipients, ruleFor } from '../../domain/escalation';
import type { OutboxPatch } from '../../ports/escalation-outbox.port';
import { buildNotice } from './build-notice';
import type { EscalationDeps } from './escalation-deps';
import { PeopleDirectory } from './people-directory';

export type RevalidateDeps = Pick<EscalationDeps, 'tasks' | 'people' | 'policies' | 'calendar' | 'settings' | 'restrictions'>;

export type Verdict =
  | { kind: 'send'; refresh?: OutboxPatch }
  /** The case's processing is restricted: the notice waits (it was planned before the restriction). */
  | { kind: 'wait' }
  | { kind: 'cancel'; reason: 'task-closed' | 'superseded' };

export async function revalidateNotice(deps: RevalidateDeps, entry: OutboxEntry, now: Date): Promise<Verdict> {
  if (entry.kind !== 'notice' || !entry.taskId || !entry.level) return { kind: 'send' };
  const task = await deps.tasks.findById(entry.taskId);
  if (!task || task.state !== 'open') return { kind: 'cancel', reason: 'task-closed' };
  if (task.caseId && (await deps.restrictions?.isRestricted(task.caseId))) return { kind: 'wait' };
  if (task.revision === entry.taskRevision) return { kind: 'send' };

  const policy = await deps.policies.current();
  if (!dueNoticeLevels(task, ruleFor(policy, task.processId, task.elementId), now, deps.calendar).includes(entry.level)) {
    return { kind: 'cancel', reason: 'superseded' };
  }
  const directory = new PeopleDirectory(deps.people);
  const people = await directory.prepare([task]);
  // A notice to the fallback stays right only while the rules still find nobody for it.
  const fallback = entry.fallbackReason ? await directory.fallbackFor(deps.settings.fallback) : undefined;
  const recipient = noticeRecipients(task, entry.level, people, fallback).find((r) => r.user.id === entry.recipientId);
  if (!recipient) return { kind: 'cancel', reason: 'superseded' };
  const fresh = buildNotice(task, entry.level, recipient, { people, calendar: deps.calendar, settings: deps.settings, now }, 'sweep', 'immediate');
  return {
    kind: 'send',
    refresh: { subject: fresh.subject, text: fresh.text, html: fresh.html, to: fresh.to, fallbackReason: fresh.fallbackReason, taskRevision: task.revision },
  };
}
