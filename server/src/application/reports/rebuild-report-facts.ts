// Rebuilds the reporting projection from the source data: every row of the task queue, classified by the
// BPMN of its process version and its instance (classify-task-timescale.ts), compared with what is stored.
// Facts that differ are written, facts whose task no longer has one are removed; the counts say how far
// the live projection had drifted (0 and 0 when live and rebuild agree). Reads in keyset pages, so memory
// stays bounded by the page and the facts of the tasks in it.
import { deriveTaskFact, sameFact, type TaskFact } from '../../domain/reports/task-fact';
import type { ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import { classifyTaskTimescale, type ClassifyDeps } from './classify-task-timescale';
import { FACT_PAGE, syncFacts } from './sync-facts';

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

export async function rebuildReportFacts(deps: RebuildDeps, opts: { dryRun?: boolean } = {}): Promise<RebuildOutcome> {
  let tasks = 0;
  async function* derived(): AsyncIterable<TaskFact> {
    for (let page = await deps.source.page(undefined, FACT_PAGE); page.length; page = await deps.source.page(page.at(-1)!.id, FACT_PAGE)) {
      for (const task of page) {
        tasks += 1;
        const fact = deriveTaskFact(task, task.dueDate && task.state !== 'cancelled' ? await classifyTaskTimescale(deps.classify, task) : undefined);
        if (fact) yield fact;
      }
    }
  }
  const counts = await syncFacts(derived(), deps.facts, sameFact, opts);
  return { tasks, ...counts };
}
