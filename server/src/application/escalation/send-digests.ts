// The daily digest for users who chose it: their held notices become one email listing every task that
// needs them. The digest id is `d:<user>:<day>`, so one digest a day, ever; notices held after today's
// digest was made wait for tomorrow's. Re-running after a crash only finishes marking what was listed.
import { type OutboxEntry, digestKey, latenessOf, messageIdFor, renderDigest, taskLink } from '../../domain/escalation';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { NewOutboxEntry } from '../../ports/escalation-outbox.port';
import type { EscalationDeps } from './escalation-deps';

export type DigestDeps = Pick<EscalationDeps, 'outbox' | 'tasks' | 'people' | 'calendar' | 'clock' | 'settings'>;

export async function sendDigests(deps: DigestDeps): Promise<{ digests: number; items: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const day = deps.calendar.civilDate(now);
  const held = await deps.outbox.held(10_000);
  const byUser = new Map<string, OutboxEntry[]>();
  for (const e of held) byUser.set(e.recipientId, [...(byUser.get(e.recipientId) ?? []), e]);
  const users = new Map((await deps.people.findByIds([...byUser.keys()])).map((u) => [u.id, u]));
  let digests = 0;
  let items = 0;
  for (const [userId, entries] of byUser) {
    const live: { entry: OutboxEntry; task: QueueTask }[] = [];
    for (const entry of entries) {
      const task = entry.taskId ? await deps.tasks.findById(entry.taskId) : undefined;
      if (!task || task.state !== 'open') await deps.outbox.patch(entry.id, { state: 'cancelled', cancelReason: 'task-closed', updatedAt: at });
      else live.push({ entry, task });
    }
    const user = users.get(userId);
    if (!live.length || !user?.email) continue;
    const id = digestKey(userId, day);
    const lines = live.map(({ entry, task }) => ({
      taskName: task.name, caseRef: task.caseId, dueDate: task.dueDate!, level: entry.level,
      lateness: latenessOf(task.dueDate!, now, deps.calendar), link: taskLink(deps.settings.publicUrl, task.id),
    }));
    const digest: NewOutboxEntry = {
      id, kind: 'digest', source: 'digest', recipientId: userId, to: user.email, state: 'pending',
      ...renderDigest({ kind: 'personal', recipientName: user.displayName, day, lines }),
      messageId: messageIdFor(id, deps.settings.mailDomain), itemIds: live.map((l) => l.entry.id),
    };
    const inserted = await deps.outbox.enqueue([digest], at, deps.settings.retry.maxAttempts);
    // Only the entries today's digest actually lists are marked: if it existed already, that is its list.
    const listed = inserted.length ? digest.itemIds! : ((await deps.outbox.findById(id))?.itemIds ?? []);
    for (const entryId of listed) await deps.outbox.patch(entryId, { state: 'digested', digestId: id, updatedAt: at });
    digests += inserted.length;
    items += inserted.length ? listed.length : 0;
  }
  return { digests, items };
}
