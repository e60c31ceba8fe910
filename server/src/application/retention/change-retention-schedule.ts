// A data officer changes one rule, or adds one, with a reason. Each change becomes a version; a change
// that makes rules overlap or contradict is refused by the domain with the clash named. Audited.
import { ForbiddenError } from '../../domain/errors';
import { can } from '../../domain/policies/policies';
import { type RetentionSchedule, applyRetentionAddition, applyRetentionEdit } from '../../domain/retention';
import type { Actor, RetentionDeps } from './retention-deps';

type Deps = Pick<RetentionDeps, 'schedule' | 'audit' | 'clock'>;

function mayManage(actor: Actor): void {
  if (!can(actor, 'manage-retention')) throw new ForbiddenError('Only data officers may change the retention schedule', 'RETENTION_EDIT_FORBIDDEN');
}

async function store(deps: Deps, actor: Actor, next: RetentionSchedule): Promise<RetentionSchedule> {
  await deps.schedule.append(next);
  await deps.audit.record({
    actor: { id: actor.id, ...(actor.username ? { username: actor.username } : {}), roles: [...actor.roles] },
    action: 'retention.schedule-changed', recordType: 'retention-schedule', recordId: String(next.version),
    ...(next.change?.before ? { before: { rule: next.change.ruleId, ...next.change.before } } : {}),
    after: { rule: next.change?.ruleId, kind: next.change?.kind, ...next.change?.after },
    reason: next.reason,
  });
  return next;
}

export async function changeRetentionRule(deps: Deps, actor: Actor, input: Record<string, unknown> & { ruleId: string }): Promise<RetentionSchedule> {
  mayManage(actor);
  const current = await deps.schedule.current();
  const { basis, years, basicRecordAfterYears, roundToFinancialYearEnd, reason } = input;
  return store(deps, actor, applyRetentionEdit(current, {
    ruleId: input.ruleId, basis, years, basicRecordAfterYears, roundToFinancialYearEnd, reason, by: actor.id, at: deps.clock.now(),
  }));
}

export async function addRetentionRule(deps: Deps, actor: Actor, input: Record<string, unknown>): Promise<RetentionSchedule> {
  mayManage(actor);
  const current = await deps.schedule.current();
  const { id, recordClass, label, source, basis, years, basicRecordAfterYears, roundToFinancialYearEnd, reason } = input;
  return store(deps, actor, applyRetentionAddition(current, {
    id, recordClass, label, source, basis, years, basicRecordAfterYears, roundToFinancialYearEnd, reason, by: actor.id, at: deps.clock.now(),
  }));
}
