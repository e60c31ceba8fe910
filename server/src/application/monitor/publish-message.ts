// Sends a message to whatever waits for it (e.g. a court outcome: name + correlation key + variables).
// Variables that belong to a case section the sender may not write are refused, as a form would refuse them.
import { ForbiddenError } from '../../domain/errors';
import type { Variables } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, writable, type Actor } from '../cases/case-access';
import type { MonitorDeps } from './monitor-access';

export interface MessageInput {
  name: string;
  correlationKey: string;
  variables: Variables;
  messageId?: string;
  ttlMs?: number;
}

export async function publishMessage(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'audit' | 'variableSections'>, actor: Actor, input: MessageInput,
): Promise<{ correlated: boolean; buffered: boolean; duplicate: boolean }> {
  requireAction(deps.policy, actor, 'send-message', 'send process messages');
  const sections = await deps.variableSections();
  const allowed = writable(deps.policy, actor);
  const refused = Object.keys(input.variables).filter((k) => (sections.get(k) ?? []).some((s) => !allowed.includes(s)));
  if (refused.length) {
    throw new ForbiddenError(`Your role may not write ${refused.join(', ')} (case sections ${[...new Set(refused.flatMap((k) => sections.get(k) ?? []))].join(', ')})`, 'SECTION_NOT_WRITABLE');
  }
  const r = await deps.engine.publishMessage(input.name, input.correlationKey, input.variables, {
    ...(input.messageId ? { messageId: input.messageId } : {}), ...(input.ttlMs !== undefined ? { ttlMs: input.ttlMs } : {}),
  });
  const result = { correlated: r.correlated, buffered: r.buffered === true, duplicate: r.duplicate === true };
  await deps.audit.record({
    actor: auditActor(actor), action: 'message.publish', recordType: 'message', recordId: `${input.name}/${input.correlationKey}`,
    after: { name: input.name, correlationKey: input.correlationKey, variables: Object.keys(input.variables), ...result },
  });
  return result;
}
