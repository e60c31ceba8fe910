// Records a subject access request as received and starts its process (the clock runs from receipt).
// Input is untrusted (typed in from a letter): every field is checked and errors come back as data.
import { ValidationError, type FieldErrors } from '../../domain/errors';
import { isCivilDate } from '../../domain/sar/sar-clock';
import { readSubject } from '../../domain/sar/sar-subject';
import type { AuditLog } from '../../ports/audit-log.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { SAR_PROCESS_ID } from './sar-request';

export interface StartSarDeps {
  engine: Pick<WorkflowEngine, 'startInstance'>;
  audit: Pick<AuditLog, 'record'>;
  today: () => string;
}

export const RELATIONSHIPS = ['self', 'parent-for-child', 'representative'];

export async function startSar(deps: StartSarDeps, actor: { id: string; roles: readonly string[] }, input: unknown): Promise<{ key: string }> {
  const o = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const { subject, errors } = readSubject(o.subject);
  const all: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, m]) => [`subject.${k}`, m]));
  const requesterName = typeof o.requesterName === 'string' ? o.requesterName.trim() : '';
  if (!requesterName || requesterName.length > 200) all.requesterName = 'Enter the name of the person making the request';
  if (!RELATIONSHIPS.includes(o.requesterRelationship as string)) all.requesterRelationship = 'Choose who is making the request';
  const receivedOn = o.receivedOn;
  if (!isCivilDate(receivedOn)) all.receivedOn = 'Enter the date the request was received, as YYYY-MM-DD';
  else if (receivedOn > deps.today()) all.receivedOn = 'The date received must be today or in the past';
  if (Object.keys(all).length || !subject) throw new ValidationError('Check the request details', all, 'SAR_INVALID');
  const { instanceKey } = await deps.engine.startInstance(SAR_PROCESS_ID, {
    receivedOn, requesterName, requesterRelationship: o.requesterRelationship as string, subject,
  });
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'sar.start', recordType: 'sar', recordId: instanceKey,
    after: { receivedOn, requesterRelationship: o.requesterRelationship },
  });
  return { key: instanceKey };
}
