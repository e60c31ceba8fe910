// Re-computes the audit chain and records that it was checked (and what was found), so a failed
// verification is itself on the record.
import { ForbiddenError } from '../../domain/errors';
import type { ChainReport } from '../../domain/audit/audit-event';
import { can } from '../../domain/policies';
import type { User } from '../../domain/users/user';
import type { AuditLog, AuditTrail } from '../../ports/audit-log.port';

export interface VerifyAuditDeps {
  trail: AuditTrail;
  audit: AuditLog;
}

/** `'system'` is for an operator's command line, which has no signed-in user. */
export async function verifyAuditChain(deps: VerifyAuditDeps, actor: User | 'system', ip?: string): Promise<ChainReport> {
  if (actor !== 'system' && !can(actor, 'verify-audit')) {
    throw new ForbiddenError('Only the data protection officer or an administrator can verify the audit log', 'NOT_AUDITOR');
  }
  const report = await deps.trail.verify();
  await deps.audit.record({
    actor: actor === 'system' ? { id: 'system', username: 'system' } : { id: actor.id, username: actor.username, roles: [...actor.roles] },
    action: 'audit.verified',
    recordType: 'audit',
    ip,
    flagged: !report.ok,
    after: { ok: report.ok, checked: report.checked, lastSeq: report.lastSeq, ...(report.problem ? { problem: { ...report.problem } } : {}) },
  });
  return report;
}
