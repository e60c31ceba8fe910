// Rebuilds the reporting projection from the source data: every row of the task queue, classified by the
// BPMN of its process version and its instance (classify-task-timescale.ts), compared with what is stored.
// Facts that differ are written, facts whose task no longer has one are removed; the counts say how far
// the live projection had drifted (0 and 0 when live and rebuild agree). Reads in keyset pages, so memory
// stays bounded by the page and the facts of the tasks in it.
import type { WorkingCalendar } from '../../domain/calendar';
import { deriveTaskFact, sameFact, type TaskFact } from '../../domain/reports/task-fact';
import { countFact, type CountIncrements } from '../../domain/reports/timeliness-counts';
import type { ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import { classifyTaskTimescale, type ClassifyDeps } from './classify-task-timescale';
import { FACT_PAGE, syncFacts } from './sync-facts';

export interface RebuildDeps {
  source: Pick<ReportSourceTasks, 'page'>;
  facts: Pick<ReportFactRepository, 'get' | 'put' | 'remove' | 'page' | 'recount'>;
  classify: ClassifyDeps;
  calendar: WorkingCalendar;
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
  /** Months whose timeliness counts differed from the facts' and were counted again. */
  recounted: string[];
}

export async function rebuildReportFacts(deps: RebuildDeps, opts: { dryRun?: boolean } = {}): Promise<RebuildOutcome> {
  let tasks = 0;
  // The counts are made from the derived facts as they pass (a month's counters are few), then replace
  // the stored ones: counts a crash left half-added are healed with the facts.
  const counts: CountIncrements = new Map();
  async function* derived(): AsyncIterable<TaskFact> {
    for (let page = await deps.source.page(undefined, FACT_PAGE); page.length; page = await deps.source.page(page.at(-1)!.id, FACT_PAGE)) {
      for (const task of page) {
        tasks += 1;
        const fact = deriveTaskFact(task, task.dueDate && task.state !== 'cancelled' ? await classifyTaskTimescale(deps.classify, task) : undefined);
        if (!fact) continue;
        countFact(counts, fact, deps.calendar);
        yield fact;
      }
    }
  }
  const synced = await syncFacts(derived(), deps.facts, sameFact, opts);
  return { tasks, ...synced, recounted: await deps.facts.recount(counts, opts) };
}

