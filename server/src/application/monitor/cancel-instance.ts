// Cancelling a running instance ends it where it stands (its open tasks are cancelled and leave the
// queues). It cannot be undone, so it needs a reason, which the audit trail keeps. Only instances of the
// actor's own teams' cases (or of no case) can be cancelled: another team's is not found.
import { ConflictError, ValidationError } from '../../domain/errors';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import { loadInstanceInReach } from './instance-scope';
import type { MonitorDeps } from './monitor-access';

export async function cancelInstance(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'audit' | 'cases' | 'caseGuard'>, actor: Actor, instanceKey: string, reason: string,
): Promise<{ instanceKey: string; state: 'cancelled' }> {
  requireAction(deps.policy, actor, 'cancel-instance', 'cancel process instances');
  const why = reason.trim();
  if (!why) throw new ValidationError('Give a reason for cancelling', { reason: 'Say why the instance is cancelled' }, 'REASON_REQUIRED');
  const { instance, caseId } = await loadInstanceInReach(deps, actor, instanceKey);
  if (instance.state !== 'active' && instance.state !== 'incident') {
    throw new ConflictError(`Instance ${instanceKey} is already ${instance.state}`, 'INSTANCE_NOT_RUNNING');
  }
  await deps.caseGuard?.assertMayChange(actor, caseId, 'cancel this process instance');
  await deps.engine.cancelInstance(instanceKey, { by: actor.id, reason: why });
  await deps.audit.record({
    actor: auditActor(actor), action: 'instance.cancel', recordType: 'process-instance', recordId: instanceKey, reason: why,
    before: { processId: instance.processId, version: instance.version, state: instance.state, activeElementIds: instance.activeElementIds, ...(caseId ? { caseId } : {}) },
    after: { state: 'cancelled' },
  });
  return { instanceKey, state: 'cancelled' };
}
