// One call for the composition root (and feature tests) to register the job types the shipped processes
// need for deadlines: "calculate-deadlines" and "evaluate-warnings". Both engines share these handlers.
import type { WorkingCalendar } from '../domain/calendar';
import type { Clock } from '../ports/clock.port';
import type { TimescaleRepository } from '../ports/timescale-repository.port';
import type { WorkflowEngine } from '../ports/workflow-engine.port';
import { CALCULATE_DEADLINES_JOB_TYPE, createCalculateDeadlinesJob } from './calculate-deadlines.job';
import { EVALUATE_WARNINGS_JOB_TYPE, createEvaluateWarningsJob } from './evaluate-warnings.job';

export interface DeadlineJobDeps {
  timescales: TimescaleRepository;
  calendar: WorkingCalendar;
  clock: Clock;
}

export const DEADLINE_JOB_TYPES = [CALCULATE_DEADLINES_JOB_TYPE, EVALUATE_WARNINGS_JOB_TYPE] as const;

export function registerDeadlineJobs(engine: Pick<WorkflowEngine, 'registerJobHandler'>, deps: DeadlineJobDeps): void {
  engine.registerJobHandler(CALCULATE_DEADLINES_JOB_TYPE, createCalculateDeadlinesJob(deps));
  engine.registerJobHandler(EVALUATE_WARNINGS_JOB_TYPE, createEvaluateWarningsJob(deps));
}
