// Sends a message to whatever waits for it (e.g. a court outcome: name + correlation key + variables).
// Variables that belong to a case section the sender may not write are refused, as a form would refuse them.
//
// Scoping. A message is addressed by name + correlation key, not by case, and the key is whatever the
// subscription's FEEL said: `=caseId` for most messages, but `=victim.id` for consent-withdrawn — and one
// victim may be a victim of children in two teams, so a key alone cannot tell whose process it stops. So
// the message's reach is asked of the engine first (messageRecipients: the instances with an open
// subscription for this name and key, and the processes its start events would start), and each instance
// is judged by THE case rule through its case (instance-scope.ts; a started process by the `caseId` the
// message carries). The message is published only if it reaches at least one instance and every one it
// reaches is within the sender's reach. Otherwise nothing is published and the answer is one 404 for
// "reaches nothing" and "reaches another team's", so correlation keys cannot be probed.
// Consequences: no buffering (ttlMs) — a buffered message would go to a subscription opened later, which
// cannot be judged now — and a subscription that opens between the check and the publication is not
// judged (with `=caseId` keys it is the same case's, hence the same team's).
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { Variables } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, writable, type Actor } from '../cases/case-access';
import { caseIdOf, caseOfInstance, instancesInReach } from './instance-scope';
import type { MonitorDeps } from './monitor-access';

export interface MessageInput {
  name: string;
  correlationKey: string;
  variables: Variables;
  messageId?: string;
  ttlMs?: number;
}

type Deps = Pick<MonitorDeps, 'engine' | 'policy' | 'audit' | 'variableSections' | 'cases' | 'caseGuard'>;

export async function publishMessage(deps: Deps, actor: Actor, input: MessageInput): Promise<{ correlated: boolean; buffered: boolean; duplicate: boolean }> {
  requireAction(deps.policy, actor, 'send-message', 'send process messages');
  if (input.ttlMs) {
    throw new ValidationError('Messages go only to process instances waiting for them now; they cannot be kept for later', { ttlMs: 'Leave out ttlMs (or send 0)' }, 'MESSAGE_TTL_NOT_ALLOWED');
  }
  const sections = await deps.variableSections();
  const allowed = writable(deps.policy, actor);
  const refused = Object.keys(input.variables).filter((k) => (sections.get(k) ?? []).some((s) => !allowed.includes(s)));
  if (refused.length) {
    throw new ForbiddenError(`Your role may not write ${refused.join(', ')} (case sections ${[...new Set(refused.flatMap((k) => sections.get(k) ?? []))].join(', ')})`, 'SECTION_NOT_WRITABLE');
  }
  const caseIds = await requireRecipientsInReach(deps, actor, input);
  // A message moves (or starts) work on each case it reaches: refused, and nothing sent, if one is restricted.
  for (const caseId of caseIds) await deps.caseGuard?.assertMayChange(actor, caseId, `send message '${input.name}' to the work of case ${caseId}`);
  const r = await deps.engine.publishMessage(input.name, input.correlationKey, input.variables, input.messageId ? { messageId: input.messageId } : {});
  const result = { correlated: r.correlated, buffered: r.buffered === true, duplicate: r.duplicate === true };
  await deps.audit.record({
    actor: auditActor(actor), action: 'message.publish', recordType: 'message', recordId: `${input.name}/${input.correlationKey}`,
    after: { name: input.name, correlationKey: input.correlationKey, variables: Object.keys(input.variables), ...(caseIds.length ? { caseIds } : {}), ...result },
  });
  return result;
}

/** The cases the message would reach; NotFound unless it reaches something and all of it is in reach. */
async function requireRecipientsInReach(deps: Deps, actor: Actor, input: MessageInput): Promise<string[]> {
  const { instanceKeys, startsProcessIds } = await deps.engine.messageRecipients(input.name, input.correlationKey);
  const recipients = await Promise.all(instanceKeys.map(async (key) => {
    const instance = await deps.engine.getInstance(key);
    return { key, caseId: instance ? await caseOfInstance(deps.engine, instance) : undefined };
  }));
  // A process the message would start works on the case the message names, if any.
  const started = startsProcessIds.map((processId) => ({ key: `start:${processId}`, caseId: caseIdOf(input.variables) }));
  const all = [...recipients, ...started];
  const inReach = await instancesInReach(deps, actor, all);
  if (!all.length || all.some((r) => !inReach.has(r.key))) {
    throw new NotFoundError(
      `No process instance you may act on is waiting for message '${input.name}' with this correlation key (nothing was sent)`, 'MESSAGE_NO_RECIPIENT',
    );
  }
  return [...new Set(all.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
}
