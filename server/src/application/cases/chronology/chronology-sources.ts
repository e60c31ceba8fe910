// The chronology's sources, wired once: amendments and tasks are each read once per request and shared
// by the sources built on them. DOCS and WORK add their kinds (document, contact) to `extra`.
import type { CaseRepository } from '../../../ports/case-repository.port';
import type { AuditTrail } from '../../../ports/audit-log.port';
import type { ChronologySources } from '../../../ports/chronology-sources.port';
import type { ConsentRepository } from '../../../ports/consent-repository.port';
import { accessSource, consentSource } from './access-sources';
import type { ChronologySource } from './chronology-source';
import { amendmentSource, amendmentsOnce, referralSource, submissionSource } from './record-sources';
import { emailSource, milestoneSource, tasksOnce, type MilestoneEngine } from './work-sources';

export interface ChronologySourceDeps {
  cases: Pick<CaseRepository, 'listAmendments'>;
  reads: ChronologySources;
  engine: MilestoneEngine;
  auditTrail?: Pick<AuditTrail, 'flaggedOfCase'>;
  consents?: Pick<ConsentRepository, 'listForCase' | 'restrictionOf'>;
  extra?: ChronologySource[];
}

export function chronologySources(deps: ChronologySourceDeps): ChronologySource[] {
  const amendments = amendmentsOnce(deps.cases);
  const tasks = tasksOnce(deps.reads);
  // A submission's step is its task's name, from the same read of the case's tasks.
  const stepNames = (ctx: Parameters<typeof tasks>[0]) => async (ids: string[]) => {
    const wanted = new Set(ids);
    return new Map((await tasks(ctx)).filter((t) => wanted.has(t.id)).map((t) => [t.id, t.name]));
  };
  const submissions: ChronologySource = {
    kind: 'submission',
    entries: (ctx) => submissionSource(amendments, stepNames(ctx)).entries(ctx),
  };
  return [
    referralSource(), submissions, amendmentSource(amendments), milestoneSource(tasks, deps.engine), emailSource(tasks, deps.reads),
    ...(deps.auditTrail ? [accessSource(deps.auditTrail)] : []), ...(deps.consents ? [consentSource(deps.consents)] : []),
    ...(deps.extra ?? []),
  ];
}
