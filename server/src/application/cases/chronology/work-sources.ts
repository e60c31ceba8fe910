// Process milestones and emails, from the case's tasks (one indexed read by caseId): each task's process
// instance (read by its key, the engine's own bounded read) gives when the process started and ended;
// each task gives its step's start and end, by name; the outbox gives the emails sent about the tasks.
// A step whose form writes a section the reader may not see is left out, and so are its emails.
import type { ChronologyEntry } from '../../../domain/cases/chronology-entry';
import { spellOutKey } from '../../../domain/forms/field-catalogue';
import type { ChronologySources, ChronologyTaskRow } from '../../../ports/chronology-sources.port';
import type { WorkflowEngine } from '../../../ports/workflow-engine.port';
import { CHRONOLOGY_LIMITS, formSectionFor, type ChronologyContext, type ChronologySource } from './chronology-source';

export type MilestoneEngine = Pick<WorkflowEngine, 'getInstance' | 'listDeployments'>;

export function tasksOnce(sources: ChronologySources): (ctx: ChronologyContext) => Promise<ChronologyTaskRow[]> {
  const read = new WeakMap<ChronologyContext, Promise<ChronologyTaskRow[]>>();
  return (ctx) => {
    let p = read.get(ctx);
    if (!p) read.set(ctx, (p = sources.tasksOfCase(ctx.record.id, CHRONOLOGY_LIMITS.tasks)));
    return p;
  };
}

async function processNames(engine: MilestoneEngine): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const d of await engine.listDeployments()) if (!names.has(d.processId)) names.set(d.processId, d.name?.trim() || spellOutKey(d.processId));
  return names;
}

export function milestoneSource(tasks: (ctx: ChronologyContext) => Promise<ChronologyTaskRow[]>, engine: MilestoneEngine): ChronologySource {
  return {
    kind: 'milestone',
    async entries(ctx) {
      const rows = await tasks(ctx);
      const keys = [...new Set(rows.map((t) => t.instanceKey).filter(Boolean))].slice(-CHRONOLOGY_LIMITS.instances);
      const [processes, instances, names] = await Promise.all([
        processNames(engine), Promise.all(keys.map((k) => engine.getInstance(k))), ctx.names(rows.map((t) => t.completedBy)),
      ]);
      const out: ChronologyEntry[] = [];
      for (const i of instances) {
        if (!i) continue;
        const name = processes.get(i.processId) ?? spellOutKey(i.processId);
        out.push({ at: i.startedAt, kind: 'milestone', title: `${name} started` });
        if (i.endedAt && i.state === 'completed') out.push({ at: i.endedAt, kind: 'milestone', title: `${name} completed` });
        if (i.endedAt && i.state === 'cancelled') out.push({ at: i.endedAt, kind: 'milestone', title: `${name} cancelled` });
      }
      for (const t of rows) {
        const section = formSectionFor(ctx, t.formId);
        if (section === null) continue;
        const process = processes.get(t.processId) ?? spellOutKey(t.processId);
        const base = { kind: 'milestone' as const, detail: process, ...(section ? { section } : {}), link: `/tasks/${encodeURIComponent(t.id)}` };
        if (t.createdAt) out.push({ ...base, at: t.createdAt, title: `Step started: ${t.name}` });
        if (t.state === 'completed' && t.completedAt) out.push({ ...base, at: t.completedAt, title: `Step completed: ${t.name}`, ...(t.completedBy ? { by: names.get(t.completedBy) } : {}) });
        if (t.state === 'cancelled' && t.completedAt) out.push({ ...base, at: t.completedAt, title: `Step cancelled: ${t.name}` });
      }
      return out;
    },
  };
}

const LEVEL_WORDS: Record<string, string> = {
  reminder: 'Reminder', overdue: 'Overdue notice', 'escalation-1': 'Escalation to the manager', 'escalation-2': 'Escalation to the next manager',
};
const STATE_WORDS: Record<string, string> = {
  pending: 'waiting to be sent', held: 'held for the daily digest', sending: 'being sent', sent: 'sent', retry: 'not delivered yet (retrying)',
  dead: 'could not be delivered', cancelled: 'not sent (no longer needed)', digested: 'sent in a daily digest',
};

export function emailSource(tasks: (ctx: ChronologyContext) => Promise<ChronologyTaskRow[]>, sources: ChronologySources): ChronologySource {
  return {
    kind: 'email',
    async entries(ctx) {
      const visible = (await tasks(ctx)).filter((t) => formSectionFor(ctx, t.formId) !== null);
      const byId = new Map(visible.map((t) => [t.id, t]));
      const emails = await sources.emailsOfTasks([...byId.keys()], CHRONOLOGY_LIMITS.emails);
      const names = await ctx.names(emails.map((e) => e.recipientId));
      return emails.flatMap((e) => {
        const task = byId.get(e.taskId);
        const at = e.sentAt ?? e.createdAt;
        if (!task || !at) return [];
        const what = (e.level && LEVEL_WORDS[e.level]) || 'Email';
        const to = e.recipientId ? ` to ${names.get(e.recipientId)}` : '';
        const section = formSectionFor(ctx, task.formId);
        return [{
          at, kind: 'email' as const, title: `${what} about “${task.name}”${to}, ${STATE_WORDS[e.state] ?? e.state}`,
          detail: `Subject: ${e.subject}`, ...(section ? { section } : {}), link: `/tasks/${encodeURIComponent(task.id)}`,
        }];
      });
    },
  };
}
