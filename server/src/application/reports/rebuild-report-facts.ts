// Rebuilds the reporting projection from the source data: every row of the task queue, classified by the
// BPMN of its process version and its instance (classify-task-timescale.ts), compared with what is stored.
// Facts that differ are written, facts whose task no longer has one are removed; the counts say how far
// the live projection had drifted (0 and 0 when live and rebuild agree). Reads in keyset pages, so memory
// stays bounded by the page and the facts of the tasks in it.
import { deriveTaskFact, sameFact, type TaskFact } from '../../domain/reports/task-fact';
import type { ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import { classifyTaskTimescale, type ClassifyDeps } from './classify-task-timescale';

export interface RebuildDeps {
  source: Pick<ReportSourceTasks, 'page'>;
  facts: Pick<ReportFactRepository, 'get' | 'put' | 'remove' | 'page'>;
  classify: ClassifyDeps;
}

export interface RebuildOutcome {
  /** Tasks read from the queue. */
  tasks: number;
  /** Facts the rebuild derived (tasks with a timescale due date, not cancelled). */
  facts: number;
  /** Facts written because the stored one was missing or different. */
  written: number;
  /** Stored facts removed because their task has none. */
  removed: number;
  /** Ids of the tasks whose stored fact differed (at most 20, for the log and the test). */
  differing: string[];
}

const PAGE = 500;

export async function rebuildReportFacts(deps: RebuildDeps, opts: { dryRun?: boolean } = {}): Promise<RebuildOutcome> {
  const out: RebuildOutcome = { tasks: 0, facts: 0, written: 0, removed: 0, differing: [] };
  const derived = new Set<string>();
  const note = (id: string) => { if (out.differing.length < 20) out.differing.push(id); };
  for (let after: string | undefined, page = await deps.source.page(undefined, PAGE); page.length; after = page.at(-1)!.id, page = await deps.source.page(after, PAGE)) {
    for (const task of page) {
      out.tasks += 1;
      const fact = deriveTaskFact(task, task.dueDate && task.state !== 'cancelled' ? await classifyTaskTimescale(deps.classify, task) : undefined);
      if (!fact) continue;
      out.facts += 1;
      derived.add(fact.id);
      const stored = await deps.facts.get(fact.id);
      if (stored && sameFact(stored, fact)) continue;
      out.written += 1;
      note(fact.id);
      if (!opts.dryRun) await deps.facts.put(fact);
    }
  }
  // Stored facts the source no longer supports (a task cancelled while the update failed, an erased case).
  const stale: TaskFact[] = [];
  for (let after: string | undefined, page = await deps.facts.page(undefined, PAGE); page.length; after = page.at(-1)!.id, page = await deps.facts.page(after, PAGE)) {
    stale.push(...page.filter((f) => !derived.has(f.id)));
  }
  for (const f of stale) {
    out.removed += 1;
    note(f.id);
    if (!opts.dryRun) await deps.facts.remove(f.id);
  }
  return out;
}
