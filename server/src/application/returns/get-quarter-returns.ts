// The returns page's data for one quarter: the quarters to choose from, the versions generated (newest
// first) and the records of the newest that cannot be completed. Reading names children, so the read is
// audited with the cases it named.
import { parseQuarter, recentQuarters, previousQuarter, quarterOf, type Quarter } from '../../domain/returns/return-quarter';
import type { ReturnRepository } from '../../ports/return-repository.port';
import { auditActor, type Actor, type CaseAuditSink } from '../cases/case-access';
import { requireReturns } from './generate-return';
import { presentVersions, type PresentDeps, type ReturnVersionView } from './present-return';

export interface QuarterReturnsDeps extends PresentDeps {
  returns: Pick<ReturnRepository, 'ofQuarter'>;
  audit: CaseAuditSink;
  today(): string;
}

export interface QuarterReturnsView {
  quarter: Quarter;
  /** False while the quarter is still running: a return generated now may miss what is still to be recorded. */
  ended: boolean;
  quarters: Quarter[];
  versions: ReturnVersionView[];
}

export async function getQuarterReturns(deps: QuarterReturnsDeps, actor: Actor, quarterId?: string): Promise<QuarterReturnsView> {
  requireReturns(deps.policy, actor);
  const today = deps.today();
  // By default the quarter that was last due: the one before today's.
  const quarter = quarterId ? parseQuarter(quarterId) : previousQuarter(quarterOf(today));
  const { views, casesNamed } = await presentVersions(deps, actor, await deps.returns.ofQuarter(quarter.id));
  await deps.audit.record({
    actor: auditActor(actor), action: 'return.read', recordType: 'return', recordId: quarter.id,
    after: { versions: views.length, casesNamed },
  });
  return { quarter, ended: quarter.end < today, quarters: recentQuarters(today, 8), versions: views };
}
