// Turns "this level of this task for this person" into an outbox entry with its rendered email.
// Shared by the sweep, the BPMN job and re-planning at delivery, so all three write identical mail.
import type { WorkingCalendar } from '../../domain/calendar';
import {
  type NoticeLevel, type NoticeRecipient, type PeopleIndex, latenessOf, messageIdFor, noticeKey, renderNotice, taskLink,
} from '../../domain/escalation';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { NewOutboxEntry } from '../../ports/escalation-outbox.port';
import type { NotificationMode } from '../../ports/notification-preference.port';
import type { EscalationSettings } from './escalation-deps';

export function ownerText(task: QueueTask, people: PeopleIndex): string {
  if (task.assignee) return `assigned to ${people.byId(task.assignee)?.displayName ?? 'a former user'}`;
  const groups = [...task.candidateGroups, ...task.candidateUsers.map((u) => people.byId(u)?.displayName ?? u)];
  return `not claimed yet (${groups.join(', ') || 'no candidates'})`;
}

export interface NoticeContext {
  people: PeopleIndex;
  calendar: WorkingCalendar;
  settings: EscalationSettings;
  now: Date;
}

export function buildNotice(
  task: QueueTask, level: NoticeLevel, { user: recipient, fallbackReason }: NoticeRecipient, ctx: NoticeContext, source: 'sweep' | 'bpmn',
  mode: NotificationMode,
): NewOutboxEntry {
  const id = noticeKey(task.id, level, recipient.id);
  const mail = renderNotice({
    level,
    recipientName: recipient.displayName,
    taskId: task.id,
    taskName: task.name,
    caseRef: task.caseId,
    dueDate: task.dueDate!,
    lateness: latenessOf(task.dueDate!, ctx.now, ctx.calendar),
    ownerText: ownerText(task, ctx.people),
    link: taskLink(ctx.settings.publicUrl, task.id),
    fallbackReason,
  });
  return {
    id, kind: 'notice', source, taskId: task.id, level, taskRevision: task.revision,
    recipientId: recipient.id, to: recipient.email, ...(fallbackReason ? { fallbackReason } : {}), ...mail,
    messageId: messageIdFor(id, ctx.settings.mailDomain),
    // Digest readers get the notice inside tomorrow morning's digest instead of on its own.
    state: mode === 'digest' ? 'held' : 'pending',
  };
}
