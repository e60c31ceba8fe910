// Managers' daily digest of their teams' overdue work: every open task past its due date whose team is
// one of the manager's teams, with who owns it. One per manager per day (`t:<manager>:<day>`).
import { latenessOf, messageIdFor, renderDigest, taskLink, teamDigestKey } from '../../domain/escalation';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { NewOutboxEntry } from '../../ports/escalation-outbox.port';
import { ownerText } from './build-notice';
import type { EscalationDeps } from './escalation-deps';
import { PeopleDirectory } from './people-directory';

export type TeamDigestDeps = Pick<EscalationDeps, 'outbox' | 'tasks' | 'people' | 'calendar' | 'clock' | 'settings'>;

export async function sendTeamDigests(deps: TeamDigestDeps): Promise<{ digests: number }> {
  const now = deps.clock.now();
  const day = deps.calendar.civilDate(now);
  const byTeam = new Map<string, QueueTask[]>();
  for await (const page of deps.tasks.openDueBefore(now.toISOString(), deps.settings.pageSize)) {
    for (const t of page) if (t.team) byTeam.set(t.team, [...(byTeam.get(t.team) ?? []), t]);
  }
  if (!byTeam.size) return { digests: 0 };
  const all = [...byTeam.values()].flat();
  const people = await new PeopleDirectory(deps.people).prepare(all);
  const managers = people.inRole('team-managers').filter((m) => m.active && m.email);
  const entries: NewOutboxEntry[] = [];
  for (const manager of managers) {
    const tasks = manager.teams.flatMap((team) => byTeam.get(team) ?? []).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
    if (!tasks.length) continue;
    const id = teamDigestKey(manager.id, day);
    const lines = tasks.map((t) => ({
      taskName: t.name, caseRef: t.caseId, dueDate: t.dueDate!, ownerText: ownerText(t, people),
      lateness: latenessOf(t.dueDate!, now, deps.calendar), link: taskLink(deps.settings.publicUrl, t.id),
    }));
    entries.push({
      id, kind: 'team-digest', source: 'digest', recipientId: manager.id, to: manager.email, state: 'pending',
      ...renderDigest({ kind: 'team', recipientName: manager.displayName, day, lines }),
      messageId: messageIdFor(id, deps.settings.mailDomain),
    });
  }
  const inserted = await deps.outbox.enqueue(entries, now.toISOString(), deps.settings.retry.maxAttempts);
  return { digests: inserted.length };
}
