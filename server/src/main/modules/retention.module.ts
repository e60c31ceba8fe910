// Retention: the versioned schedule (seeded from processes/retention-schedule.json), legal holds, the
// retention review's jobs and the data officers' API. The erasure itself is eraseCase (erase-case.ts),
// handed in by the caller so its own dependencies stay its own.
import path from 'node:path';
import type { Connection } from 'mongoose';
import { loadRetentionSchedule } from '../../adapters/files/retention-schedule.loader';
import { MongoLegalHoldRepository } from '../../adapters/mongo/legal-hold.repository';
import { MongoRetentionCaseReader } from '../../adapters/mongo/retention-case.reader';
import { MongoRetentionScheduleRepository } from '../../adapters/mongo/retention-schedule.repository';
import type { EraseApprovedDeps } from '../../application/retention/erase-approved-cases';
import type { ReduceApprovedDeps } from '../../application/retention/reduce-approved-cases';
import { createLegalHoldChecker } from '../../application/retention/legal-hold-checker';
import type { RetentionDeps } from '../../application/retention/retention-deps';
import { createRetentionRouter } from '../../http/retention.routes';
import {
  RETENTION_DRY_RUN_JOB_TYPE, RETENTION_ERASE_JOB_TYPE, createRetentionDryRunJob, createRetentionEraseJob,
} from '../../jobs/retention-review.job';
import { BusinessError } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';

const notWired: EraseApprovedDeps['erase'] = async () => {
  throw new BusinessError('NOT_IMPLEMENTED', 'Erasure of a case is not wired into the retention review yet');
};

export const RETENTION_REVIEW_PROCESS_ID = 'retention-review';

export interface RetentionModule extends SystemModule {
  holdChecker: LegalHoldChecker;
  deps: RetentionDeps;
}

export interface RetentionModuleInput {
  rootDir: string;
  conn: Connection;
  clock: Clock;
  audit: AuditLog;
  engine: Pick<WorkflowEngine, 'registerJobHandler' | 'listUserTasks' | 'startInstance'>;
  /** Builds the erasure with the hold checker this module provides; without it erasure reports NOT_IMPLEMENTED. */
  erase?(holds: LegalHoldChecker): EraseApprovedDeps['erase'];
  /** Builds the reduction to a basic record (reduce-case.ts); without it reductions report NOT_IMPLEMENTED. */
  reduce?(holds: LegalHoldChecker): ReduceApprovedDeps['reduce'];
}

export async function createRetentionModule(input: RetentionModuleInput): Promise<RetentionModule> {
  const defaults = await loadRetentionSchedule(path.join(input.rootDir, 'processes', 'retention-schedule.json'));
  const deps: RetentionDeps = {
    schedule: new MongoRetentionScheduleRepository(input.conn, { defaults, now: () => input.clock.now() }),
    holds: new MongoLegalHoldRepository(input.conn),
    cases: new MongoRetentionCaseReader(input.conn),
    audit: input.audit,
    clock: input.clock,
  };
  const holdChecker = createLegalHoldChecker(deps);
  input.engine.registerJobHandler(RETENTION_DRY_RUN_JOB_TYPE, createRetentionDryRunJob(deps));
  input.engine.registerJobHandler(RETENTION_ERASE_JOB_TYPE, createRetentionEraseJob({
    holds: holdChecker, erase: input.erase?.(holdChecker) ?? notWired, audit: input.audit, engine: input.engine,
    ...(input.reduce ? { reduce: input.reduce(holdChecker) } : {}),
  }));
  const startReview = async (by: string) => {
    const { instanceKey } = await input.engine.startInstance(RETENTION_REVIEW_PROCESS_ID, { requestedBy: by });
    return { instanceKey };
  };
  return { holdChecker, deps, apiRouters: { '/retention': createRetentionRouter({ ...deps, startReview }) } };
}
