// The data officer marks a return version submitted to the YJB: who and when, audited. Only the newest
// version of its quarter, and only a draft: a submitted file is kept as it was (the repository never
// changes it again); a correction is a new generation, submitted in its turn.
import { ConflictError, NotFoundError } from '../../domain/errors';
import { RETURN_VERSION_ID, type ReturnSummary } from '../../domain/returns/return-version';
import type { ReturnRepository } from '../../ports/return-repository.port';
import { auditActor, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { requireReturns } from './generate-return';

// "14 March 2026, 09:30" (London), the product's one date-time format.
const inWords = (iso: string) => {
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  return `${day}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' })}`;
};

export interface SubmitReturnDeps {
  returns: Pick<ReturnRepository, 'get' | 'ofQuarter' | 'markSubmitted'>;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  now(): Date;
}

export async function submitReturn(deps: SubmitReturnDeps, actor: Actor, id: string): Promise<ReturnSummary> {
  requireReturns(deps.policy, actor);
  const v = RETURN_VERSION_ID.test(id) ? await deps.returns.get(id) : undefined;
  if (!v) throw new NotFoundError(`There is no return ${id}: choose a version from the returns page`, 'RETURN_NOT_FOUND');
  if (v.status === 'submitted') throw new ConflictError(`Version ${v.version} was already marked submitted on ${inWords(v.submittedAt!)}`, 'RETURN_ALREADY_SUBMITTED');
  const newest = Math.max(...(await deps.returns.ofQuarter(v.quarter)).map((x) => x.version));
  if (newest > v.version) throw new ConflictError(`Version ${newest} of this quarter's return is newer: submit that one, or generate again`, 'RETURN_SUPERSEDED');
  const at = deps.now().toISOString();
  if (!(await deps.returns.markSubmitted(v.id, actor.id, at))) throw new ConflictError('Someone marked this version submitted at the same moment', 'RETURN_ALREADY_SUBMITTED');
  await deps.audit.record({
    actor: auditActor(actor), action: 'return.submitted', recordType: 'return', recordId: v.id,
    before: { status: 'draft' }, after: { status: 'submitted', submittedAt: at, sha256: v.sha256, children: v.counts.children },
  });
  const { xml: _xml, ...summary } = { ...v, status: 'submitted' as const, submittedAt: at, submittedBy: actor.id };
  return summary;
}
