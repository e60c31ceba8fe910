// Cancelling a running instance ends it where it stands (its open tasks are cancelled and leave the
// queues). It cannot be undone, so it needs a reason, which the audit trail keeps.
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import type { MonitorDeps } from './monitor-access';

export async function cancelInstance(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'audit'>, actor: Actor, instanceKey: string, reason: string,
): Promise<{ instanceKey: string; state: 'cancelled' }> {
  requireAction(deps.policy, actor, 'cancel-instance', 'cancel process instances');
  const why = reason.trim();
  if (!why) throw new ValidationError('Give a reason for cancelling', { reason: 'Say why the instance is cancelled' }, 'REASON_REQUIRED');
  const instance = await deps.engine.getInstance(instanceKey);
  if (!instance) throw new NotFoundError(`No process instance ${instanceKey}`, 'INSTANCE_NOT_FOUND');
  if (instance.state !== 'active' && instance.state !== 'incident') {
    throw new ConflictError(`Instance ${instanceKey} is already ${instance.state}`, 'INSTANCE_NOT_RUNNING');
  }
  await deps.engine.cancelInstance(instanceKey, { by: actor.id, reason: why });
  await deps.audit.record({
    actor: auditActor(actor), action: 'instance.cancel', recordType: 'process-instance', recordId: instanceKey, reason: why,
    before: { processId: instance.processId, version: instance.version, state: instance.state, activeElementIds: instance.activeElementIds },
    after: { state: 'cancelled' },
  });
  return { instanceKey, state: 'cancelled' };
}
